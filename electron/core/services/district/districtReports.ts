import type { z } from 'zod';
import type { DistrictOverview, districtDhis2Input, districtUpwardInput } from '../../../../shared/api/schemas/district.js';
import type { ExportFile } from '../../../../shared/api/schemas/exports.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { parsePeriod } from '../../../../shared/domain/periods.js';
import { dhis2Payload } from '../../../../shared/reports/dhis2/mapping.js';
import { writeDhis2Values } from '../../../../shared/reports/dhis2/writeValues.js';
import { packageFileName, packagePayload, type PackagePayload } from '../../../../shared/reports/packageFormat.js';
import { newestVersions } from '../../../../shared/reports/districtOverview.js';
import { monthsOf } from '../../../../shared/reports/periodShift.js';
import { checkRules } from '../../../../shared/reports/rules.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { exportFileName } from '../../export/xlsxTable.js';
import { listPackages, listStations } from '../../repositories/districtRepo.js';
import { districtReportVersions, insertDistrictReport, latestDistrictReport, type StoredDistrictReport } from '../../repositories/districtReportsRepo.js';
import { readMarker } from '../../repositories/settingsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import { sha256Hex } from '../../sha256.js';
import type { Vault } from '../../vault.js';
import { indicatorSetOf } from '../reports/indicatorSets.js';
import { makeUpwardPackage } from '../reports/upwardPackage.js';
import { districtPdf } from './districtPdf.js';
import type { DistrictService } from './districtService.js';

type UpwardInput = z.output<typeof districtUpwardInput>;

/** The received versions a period's total adds up: each station's newest version of each month, in a fixed order. */
function sourcesOf(db: Db, period: string): string {
  const codes = new Map(listStations(db).map((station) => [station.id, station.regionCode]));
  const newest = [...newestVersions(listPackages(db, monthsOf(parsePeriod(period)!))).values()].map((received) => ({ regionCode: codes.get(received.stationId)!, period: received.period, version: received.version, sha256: received.sha256 }));
  return JSON.stringify(newest.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.period.localeCompare(b.period)));
}

/** A kept version's signed payload (the envelope's exact text, as the level above will read it). */
const payloadOf = (stored: StoredDistrictReport): PackagePayload => packagePayload.parse(JSON.parse((JSON.parse(stored.package) as { payload: string }).payload));

const fileOf = (stored: StoredDistrictReport): ExportFile => {
  const payload = payloadOf(stored);
  return { fileName: packageFileName(payload.manifest), dataBase64: Buffer.from(stored.package, 'utf8').toString('base64'), rows: Object.keys(payload.figures).length };
};

/** The stations' standing as the level above reads it in the package: how many were expected, sent, on time. */
const coverageOf = (overview: DistrictOverview): NonNullable<PackagePayload['coverage']> => ({
  expected: overview.completeness.expected,
  received: overview.completeness.received,
  onTime: overview.completeness.onTime,
  late: overview.completeness.late,
  missing: overview.completeness.missing,
  stations: overview.stations.map((row) => ({ name: row.name, regionCode: row.regionCode, status: row.status, version: row.version })),
});

/**
 * The district's own report (issue 14): its totals sent to the level above as a signed package like a station's —
 * versioned like one (a version is kept whole; once the stations' reports it added up change, the next one needs a
 * reason; unchanged, the same file is handed out again) — its 汇总表 as a PDF, and its totals for DHIS2.
 */
export class DistrictReports {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly district: DistrictService,
  ) {}

  /** The versions made for a period, and whether what was received since differs from the latest. */
  versions(period: string) {
    const db = this.vault.connection();
    const versions = districtReportVersions(db, period);
    const latest = versions.at(-1);
    return {
      versions: versions.map((stored) => ({ version: stored.version, madeAt: stored.madeAt, madeBy: stored.madeBy, correctionReason: stored.correctionReason, sha256: stored.sha256, fileName: fileOf(stored).fileName })),
      changedSinceLatest: latest !== undefined && latest.sources !== sourcesOf(db, period),
    };
  }

  /** The package of the period's total for the level above: the latest version while nothing changed, else a new one. */
  upward(session: Session, input: UpwardInput): ExportFile {
    return this.vault.write((db, audit) => {
      const range = parsePeriod(input.period)!;
      const at = this.clock.now();
      if (range.to >= localDay(at)) throw new AppError('INVALID_INPUT', `${range.label}尚未结束，结束后才能汇总上报。`);
      const sources = sourcesOf(db, input.period);
      const latest = latestDistrictReport(db, input.period);
      if (latest && latest.sources === sources) {
        audit({ ...actorOf(session), action: 'district.upward', objectType: 'districtReport', objectId: latest.id, detail: { period: range.label, reportVersion: latest.version, packageSha256: latest.sha256 } });
        return fileOf(latest);
      }
      if (sources === '[]') throw new AppError('INVALID_INPUT', `${range.label}尚未收到任何站点的报表，无法汇总上报。`);
      if (latest && !input.correctionReason) {
        throw fieldRefusal('correctionReason', `${range.label}已上报第 ${latest.version} 版；此后收到的站点报表有变化，请填写更正原因，生成第 ${latest.version + 1} 版。`);
      }
      const overview = this.district.overviewIn(db, input.period);
      const version = (latest?.version ?? 0) + 1;
      const { text } = makeUpwardPackage(db, {
        period: input.period,
        range,
        version,
        correctionReason: latest ? input.correctionReason! : null,
        set: overview.set,
        submittedAt: at.toISOString(),
        header: { preparedBy: input.preparedBy, contactPhone: input.contactPhone, reviewer: session.displayName, reviewedAt: at.toISOString() },
        figures: overview.totals,
        ratios: overview.ratios,
        violations: checkRules(overview.set, overview.totals),
        notes: input.notes,
        coverage: coverageOf(overview),
        generatedAt: at.toISOString(),
      });
      const stored = { period: input.period, version, correctionReason: latest ? input.correctionReason! : null, sources, package: text, sha256: sha256Hex(text), madeAt: at.toISOString() };
      const id = insertDistrictReport(db, stored, session.userId ?? 0);
      audit({ ...actorOf(session), action: 'district.upward', objectType: 'districtReport', objectId: id, detail: { period: range.label, reportVersion: version, packageSha256: stored.sha256 } });
      return fileOf({ ...stored, id, madeBy: session.displayName });
    });
  }

  /** The period's 汇总表 as a Chinese A4 PDF: the current totals, with the latest version's header when one was made. */
  pdf(session: Session, period: string): ExportFile {
    const { overview, latest, changed, unit, demo } = this.vault.write((db, audit) => {
      const latestVersion = latestDistrictReport(db, period);
      const read = {
        overview: this.district.overviewIn(db, period),
        latest: latestVersion ? payloadOf(latestVersion) : null,
        changed: latestVersion !== undefined && latestVersion.sources !== sourcesOf(db, period),
        unit: readStation(db)?.name ?? '',
        demo: readMarker(db, 'demo'),
      };
      audit({ ...actorOf(session), action: 'district.pdf', objectType: 'districtReport', detail: { period: read.overview.period.label } });
      return read;
    });
    const bytes = districtPdf(overview, { unit, demo, latest, changed, generatedAt: this.clock.now() });
    return { fileName: exportFileName(`${unit}辖区汇总表`, period, 'pdf'), dataBase64: bytes.toString('base64'), rows: overview.stations.length };
  }

  /** The latest version's totals for DHIS2, the district as the org unit (values only, never `completeDate`). */
  dhis2(session: Session, input: z.output<typeof districtDhis2Input>): ExportFile {
    return this.vault.write((db, audit) => {
      const latest = latestDistrictReport(db, input.period);
      const label = parsePeriod(input.period)!.label;
      if (!latest) throw new AppError('INVALID_INPUT', `${label}尚未生成上报文件；DHIS2 的数取自已上报的版本，请先汇总上报。`);
      const payload = payloadOf(latest);
      const set = indicatorSetOf(db, payload.manifest.indicatorSet.id, payload.manifest.indicatorSet.version)!;
      const values = dhis2Payload(set, payload.figures, { orgUnit: payload.manifest.station.regionCode, period: input.period });
      const { body, extension } = writeDhis2Values(values, input.format, this.clock.now());
      audit({ ...actorOf(session), action: 'district.dhis2', objectType: 'districtReport', objectId: latest.id, detail: { period: label, format: input.format } });
      return { fileName: exportFileName(`DHIS2_${set.dhis2.dataSet}_${payload.manifest.station.regionCode}`, input.period, extension), dataBase64: Buffer.from(body, 'utf8').toString('base64'), rows: values.values.length };
    });
  }
}
