import type { SetFigures } from '../../../../shared/reports/compute.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import type { PackageManifest, PackagePayload } from '../../../../shared/reports/packageFormat.js';
import type { RuleViolation } from '../../../../shared/reports/rules.js';
import { chainHead } from '../../audit/anchorStore.js';
import type { Db } from '../../db/driver.js';
import { readStationKey } from '../../repositories/reportsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import { appVersion } from '../../version.js';
import { indicatorSetSha256 } from './indicatorSets.js';
import { fingerprintOf, signPackage } from './packageSignature.js';

/** What a report upward says of itself; the sender's identity, key, app version and audit head are filled in here. */
export type UpwardReport = Readonly<{
  period: string;
  range: Readonly<{ from: string; to: string }>;
  version: number;
  correctionReason: string | null;
  set: IndicatorSet;
  submittedAt: string;
  header: PackageManifest['header'];
  figures: SetFigures;
  ratios: Record<string, number | null>;
  violations: readonly RuleViolation[];
  notes: Readonly<Record<string, string>>;
  coverage?: PackagePayload['coverage'];
  generatedAt: string;
}>;

/**
 * One signed package upward, for a station's report or a district's total alike (issue 14): the manifest names this
 * installation (its station profile, region code and key fingerprint), the indicator set by id, version and hash, and
 * the audit chain's head at the moment of making; the figures, rates, validation results and their notes follow.
 */
export function makeUpwardPackage(db: Db, report: UpwardReport): { text: string; payload: PackagePayload } {
  const station = readStation(db);
  const key = readStationKey(db);
  const payload: PackagePayload = {
    manifest: {
      station: { name: station?.name ?? '', level: station?.level ?? 'street', regionCode: station?.regionCode ?? '' },
      period: report.period,
      periodFrom: report.range.from,
      periodTo: report.range.to,
      version: report.version,
      correctionReason: report.correctionReason,
      indicatorSet: { id: report.set.id, version: report.set.version, sha256: indicatorSetSha256(report.set) },
      appVersion,
      generatedAt: report.generatedAt,
      submittedAt: report.submittedAt,
      header: report.header,
      auditHead: chainHead(db),
      keyFingerprint: fingerprintOf(key.publicKey),
    },
    figures: report.figures,
    ratios: report.ratios,
    violations: report.violations.map(({ ruleId, name, left, operator, right }) => ({ ruleId, name, left, operator, right })),
    notes: Object.fromEntries(report.violations.flatMap((violation) => (report.notes[violation.ruleId] ? [[violation.ruleId, report.notes[violation.ruleId]!]] : []))),
    ...(report.coverage ? { coverage: report.coverage } : {}),
  };
  return { text: signPackage(payload, key), payload };
}
