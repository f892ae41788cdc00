import { localDay } from '../../../../shared/domain/dates.js';
import { caseAccessOf } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import type { Column } from '../../export/xlsxTable.js';
import { resultsInPeriod, screeningName, screeningParticipantResults, type ResultExportRow, type ScreeningExportRow } from '../../repositories/exportListsRepo.js';
import type { Vault } from '../../vault.js';
import type { ScaleCatalog } from './scaleCatalog.js';
import type { ScreeningService } from './screeningService.js';

type Scored = Readonly<{ scaleId: string | null; version: number | null; bandId: string | null }>;

/** Scale lists to XLSX: results of a period and one screening's results; scores and bands, never answers or comments. */
export class ScalesExport {
  constructor(
    private readonly vault: Vault,
    private readonly catalog: ScaleCatalog,
    private readonly screenings: ScreeningService,
  ) {}

  /** A band's Chinese label from the definition version the result was scored with (stored results keep the band id). */
  private bandLabel(row: Scored): string {
    if (!row.scaleId || row.version === null || !row.bandId) return '';
    try {
      return this.catalog.find(row.scaleId, row.version).scoring.bands.find((band) => band.id === row.bandId)?.label.zh ?? row.bandId;
    } catch {
      return row.bandId;
    }
  }

  private scaleName(scaleId: string | null): string {
    if (!scaleId) return '';
    try {
      return this.catalog.nameOf(scaleId);
    } catch {
      return scaleId;
    }
  }

  /** 测评结果 of a period: the 站长 all; a counsellor the results of clients they reach and anonymous ones outside colleagues' screenings. */
  results(session: Session, range: ExportRange & { scaleId?: string | undefined }) {
    const request = { action: 'results.export', title: '测评结果', range: { from: range.from, to: range.to }, detail: { scale: range.scaleId ?? null } } as const;
    return auditedExport(this.vault, session, request, (db) => {
      const access = caseAccessOf(session);
      const rows = resultsInPeriod(db, access.seesAll ? null : access.userId, range.from, range.to, range.scaleId);
      const columns: Array<Column<ResultExportRow>> = [
        { header: '完成时间', width: 17, type: 'dateTime', value: (row) => row.completedAt },
        { header: '量表', width: 24, type: 'text', value: (row) => this.scaleName(row.scaleId) },
        { header: '来访者', width: 12, type: 'text', value: (row) => row.clientName ?? (row.respondent || '匿名') },
        { header: '总分', width: 7, type: 'number', value: (row) => row.total },
        { header: '结果分级', width: 16, type: 'text', value: (row) => this.bandLabel(row) },
        { header: '危急条目', width: 9, type: 'text', value: (row) => (row.critical ? '是' : '否') },
        { header: '施测方式', width: 10, type: 'text', value: (row) => (row.via === 'kiosk' ? '自助终端' : '咨询师施测') },
        { header: '施测人', width: 12, type: 'text', value: (row) => row.administeredBy ?? '' },
        { header: '普查', width: 20, type: 'text', value: (row) => row.screeningName ?? '' },
      ];
      return { columns, rows };
    });
  }

  /** One screening's participants and results (the latest per participant and scale, as the screen counts them). */
  screening(session: Session, id: number) {
    return auditedExport(this.vault, session, { action: 'screenings.export', objectType: 'screening', objectId: id, title: '普查结果' }, (db) => {
      this.screenings.requireScreening(db, session, id);
      const latest = new Map(screeningParticipantResults(db, id).map((row) => [`${row.code}|${row.scaleId ?? ''}`, row]));
      const columns: Array<Column<ScreeningExportRow>> = [
        { header: '编号', width: 10, type: 'text', value: (row) => row.code },
        { header: '名单姓名', width: 12, type: 'text', value: (row) => row.rosterName },
        { header: '量表', width: 24, type: 'text', value: (row) => this.scaleName(row.scaleId) },
        { header: '状态', width: 8, type: 'text', value: (row) => (row.completedAt ? '已完成' : '未完成') },
        { header: '总分', width: 7, type: 'number', value: (row) => row.total },
        { header: '结果分级', width: 16, type: 'text', value: (row) => this.bandLabel(row) },
        { header: '危急条目', width: 9, type: 'text', value: (row) => (row.critical === null ? '' : row.critical ? '是' : '否') },
        { header: '完成日期', width: 12, type: 'date', value: (row) => (row.completedAt ? localDay(new Date(row.completedAt)) : null) },
      ];
      return { columns, rows: [...latest.values()], period: screeningName(db, id) ?? '' };
    });
  }
}
