import type { z } from 'zod';
import type { ExportFile } from '../../../../shared/api/schemas/exports.js';
import type { dhis2ExportInput, reportRangeInput, reportXlsxInput } from '../../../../shared/api/schemas/reports.js';
import { dhis2Metadata, dhis2Payload } from '../../../../shared/reports/dhis2/mapping.js';
import { writeDhis2Values } from '../../../../shared/reports/dhis2/writeValues.js';
import { genderWords, riskWords } from '../../../../shared/domain/caseFileWords.js';
import { localDay, localDayStartUtc } from '../../../../shared/domain/dates.js';
import { ageOn } from '../../../../shared/domain/idNumber.js';
import { parsePeriod } from '../../../../shared/domain/periods.js';
import { packageFileName } from '../../../../shared/reports/packageFormat.js';
import { suppressFigures } from '../../../../shared/reports/suppress.js';
import { readReportSettings } from '../../repositories/indicatorSetsRepo.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { auditedExport } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import { exportFileName } from '../../export/xlsxTable.js';
import { highRiskClients, type HighRiskRow } from '../../repositories/highRiskListRepo.js';
import { latestVersion, markReported, readStationKey } from '../../repositories/reportsRepo.js';
import { readMarker } from '../../repositories/settingsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import { sha256Hex } from '../../sha256.js';
import type { Vault } from '../../vault.js';
import { fingerprintOf } from './packageSignature.js';
import { reportPdf } from './reportPdf.js';
import { reportWorkbook } from './reportWorkbook.js';
import { makeUpwardPackage } from './upwardPackage.js';
import type { ReportsService } from './reportsService.js';

/**
 * The files a report leaves the station as (issue 14): the signed upward package (making it is the 审核: the version
 * becomes 已上报 with the 站长 as 审核人), the workbook (exact, or the shared copy with small counts hidden), and
 * the separate, 站长-only, audited 高风险人员台账 — never inside the package.
 */
export class ReportFiles {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly reports: ReportsService,
  ) {}

  stationKey(): { fingerprint: string; createdAt: string; regionCode: string; station: string } {
    const db = this.vault.connection();
    const key = readStationKey(db);
    const station = readStation(db);
    return { fingerprint: fingerprintOf(key.publicKey), createdAt: key.createdAt, regionCode: station?.regionCode ?? '', station: station?.name ?? '' };
  }

  /** The upward package of the period's latest submitted version; the first one made moves it to 已上报. */
  package(session: Session, period: string): ExportFile {
    return this.vault.write((db, audit) => {
      const stored = latestVersion(db, period);
      const label = parsePeriod(period)!.label;
      if (!stored || stored.state === 'draft') throw new AppError('INVALID_INPUT', `${label}的报表${stored ? '（更正版本）' : ''}尚未提交，提交后才能生成上报文件。`);
      const at = this.clock.now().toISOString();
      if (stored.state === 'review') markReported(db, stored.id, session.userId ?? 0, at);
      const { range, set, figures, ratios, violations, version } = this.reports.submittedIn(db, period)!;
      const { text, payload } = makeUpwardPackage(db, {
        period,
        range,
        version: version.version,
        correctionReason: version.correctionReason,
        set,
        submittedAt: version.submittedAt!,
        header: { preparedBy: version.header.preparedBy, contactPhone: version.header.contactPhone, reviewer: version.reviewedBy ?? session.displayName, reviewedAt: version.reviewedAt ?? at },
        figures,
        ratios,
        violations,
        notes: version.notes,
        generatedAt: at,
      });
      audit({ ...actorOf(session), action: 'reports.package', objectType: 'report', objectId: stored.id, detail: { period: label, reportVersion: version.version, packageSha256: sha256Hex(text) } });
      return { fileName: packageFileName(payload.manifest), dataBase64: Buffer.from(text, 'utf8').toString('base64'), rows: Object.keys(payload.figures).length };
    });
  }

  /** The report as a file is made from: read with the station's demo marker, its export audited in the same transaction. */
  private readForFile(session: Session, range: z.output<typeof reportRangeInput>, action: 'reports.exportXlsx' | 'reports.pdf', detail: { sharedCopy?: boolean }) {
    return this.vault.write((db, audit) => {
      const read = { view: this.reports.viewOf(db, range), demo: readMarker(db, 'demo'), threshold: readReportSettings(db).sharedThreshold };
      audit({ ...actorOf(session), action, objectType: 'report', detail: { period: read.view.period.label, ...detail } });
      return read;
    });
  }

  /** The report as a workbook; the shared copy hides small counts (reports-standards.md §6.3). Audited like every export. */
  async workbook(session: Session, input: z.output<typeof reportXlsxInput>): Promise<ExportFile> {
    const { view, demo, threshold } = this.readForFile(session, input.range, 'reports.exportXlsx', { sharedCopy: input.shared });
    const sharedThreshold = input.shared ? threshold : null;
    const shownFigures = suppressFigures(view.set, view.figures, sharedThreshold ?? 1);
    const bytes = await reportWorkbook(view, { shownFigures, sharedThreshold, demo });
    return { fileName: exportFileName(`${view.unit}工作报表${input.shared ? '（共享版）' : ''}`, view.period.key ?? `${view.period.from}~${view.period.to}`), dataBase64: bytes.toString('base64'), rows: Object.keys(view.figures).length };
  }

  /** The report as a Chinese 月报 PDF (the CLI's `--format pdf`; the screen prints through the print layer). */
  pdf(session: Session, input: z.output<typeof reportRangeInput>): ExportFile {
    const { view, demo } = this.readForFile(session, input, 'reports.pdf', {});
    const bytes = reportPdf(view, demo, this.clock.now());
    return { fileName: exportFileName(`${view.unit}工作报表`, view.period.key ?? `${view.period.from}~${view.period.to}`, 'pdf'), dataBase64: bytes.toString('base64'), rows: 1 };
  }

  /**
   * A submitted period's figures for DHIS2 (values only: never `completeDate`; the completeness registration is a
   * separate file made after a clean pre-flight, station-work-and-reporting.md §4.3), the org unit being the station's
   * region code and every value named by its code (idScheme=code).
   */
  dhis2(session: Session, input: z.output<typeof dhis2ExportInput>): ExportFile {
    return this.vault.write((db, audit) => {
      const submitted = this.reports.submittedIn(db, input.period);
      if (!submitted) throw new AppError('INVALID_INPUT', `${parsePeriod(input.period)!.label}的报表尚未提交；提交后的数才能导出到 DHIS2。`);
      const { set, figures, range, version } = submitted;
      const station = readStation(db);
      const payload = dhis2Payload(set, figures, { orgUnit: station?.regionCode ?? '', period: input.period });
      const { body, extension } = writeDhis2Values(payload, input.format, this.clock.now());
      audit({ ...actorOf(session), action: 'reports.dhis2', objectType: 'report', objectId: version.id, detail: { period: range.label, format: input.format } });
      return { fileName: exportFileName(`DHIS2_${set.dhis2.dataSet}_${station?.regionCode ?? ''}`, input.period, extension), dataBase64: Buffer.from(body, 'utf8').toString('base64'), rows: payload.values.length };
    });
  }

  /** The DHIS2 metadata package of the station's indicator set, the station as its one org unit. */
  dhis2Metadata(): ExportFile {
    const db = this.vault.connection();
    const station = readStation(db);
    const set = this.reports.indicatorSet();
    const metadata = dhis2Metadata(set, [{ code: station?.regionCode ?? '', name: station?.name ?? '', openingDate: readStationKey(db).createdAt.slice(0, 10) }], 10);
    return { fileName: `DHIS2_metadata_${set.id}_v${set.version}.json`, dataBase64: Buffer.from(`${JSON.stringify(metadata, null, 1)}\n`, 'utf8').toString('base64'), rows: metadata.dataElements.length };
  }

  /** 高风险人员台账 ("一人一策") as of the period's last day: named, 敏感 on every page, 站长 only, audited. */
  highRiskList(session: Session, period: string): Promise<ExportFile> {
    const range = parsePeriod(period)!;
    return auditedExport(this.vault, session, { action: 'reports.highRiskList', objectType: 'report', title: '高风险人员台账', range: { from: range.from, to: range.to }, sensitive: true }, (db) => {
      const tags = dictionaryLabels(db, 'populationTag');
      const rows = highRiskClients(db, { to: range.to, toUtc: localDayStartUtc(range.to, 1) });
      const columns = [
        { header: '姓名', width: 12, type: 'text', value: (row: HighRiskRow) => row.name },
        { header: '性别', width: 6, type: 'text', value: (row: HighRiskRow) => genderWords[row.gender] },
        { header: '年龄', width: 6, type: 'number', value: (row: HighRiskRow) => (row.birthDate ? ageOn(row.birthDate, range.to) : null) },
        { header: '联系电话', width: 15, type: 'text', value: (row: HighRiskRow) => row.phone },
        { header: '社区', width: 14, type: 'text', value: (row: HighRiskRow) => row.community },
        { header: '网格', width: 12, type: 'text', value: (row: HighRiskRow) => row.grid },
        { header: '重点人群', width: 24, type: 'text', value: (row: HighRiskRow) => tags(row.tags) },
        { header: '预警等级', width: 10, type: 'text', value: (row: HighRiskRow) => riskWords[row.risk] },
        { header: '分级日期', width: 12, type: 'date', value: (row: HighRiskRow) => localDay(new Date(row.gradedAt)) },
        { header: '最近随访', width: 12, type: 'date', value: (row: HighRiskRow) => row.lastFollowUp },
        { header: '下次随访', width: 12, type: 'date', value: (row: HighRiskRow) => row.nextDue },
        { header: '责任咨询师', width: 12, type: 'text', value: (row: HighRiskRow) => row.counsellor },
        { header: '危机干预次数', width: 12, type: 'number', value: (row: HighRiskRow) => row.crises },
      ] as const;
      return { columns, rows, period: `截至${range.to}` };
    });
  }
}

