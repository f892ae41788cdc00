import type { z } from 'zod';
import type { clientsExportInput } from '../../../../shared/api/schemas/exports.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { ageOn, maskIdNumber, maskPhone } from '../../../../shared/domain/idNumber.js';
import { caseAccessOf, clientHistoryOf, seesRisk } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import { followUpMethodWords, followUpStatusWords, genderWords, modalityWords, riskWords, sessionKindWords } from '../../../../shared/domain/caseFileWords.js';
import type { Column } from '../../export/xlsxTable.js';
import { reachableClients } from '../../repositories/casesRepo.js';
import { clientRegister, followUpsInPeriod, sessionsInPeriod, type ClientExportRow, type FollowUpExportRow, type SessionExportRow } from '../../repositories/exportListsRepo.js';
import type { Vault } from '../../vault.js';

const risk = (level: keyof typeof riskWords | null) => (level ? riskWords[level] : '');

/** Case-file lists to XLSX: the client register, sessions and follow-ups of a period, as the caller reaches them. */
export class CaseFilesExport {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  /**
   * 来访者名单 for any staff role. ID numbers and phones are masked unless the 站长 asks otherwise; the colour
   * is a clinical column: absent for reception, and for a counsellor shown only on clients whose cases they reach.
   */
  clients(session: Session, input: z.output<typeof clientsExportInput>) {
    const today = localDay(this.clock.now());
    return auditedExport(this.vault, session, { action: 'clients.export', title: '来访者名单', detail: { unmasked: input.unmasked, tag: input.tag ?? null } }, (db) => {
      if (input.unmasked && session.role !== 'admin') throw new AppError('FORBIDDEN', '只有站长可以导出完整的身份证号和电话。');
      const rows = clientRegister(db, input.tag);
      const colourOf = this.colourReach(db, session, rows);
      const tags = dictionaryLabels(db, 'populationTag');
      const source = dictionaryLabels(db, 'clientSource');
      const columns: Array<Column<ClientExportRow>> = [
        { header: '编号', width: 8, type: 'number', value: (row) => row.id },
        { header: '姓名', width: 12, type: 'text', value: (row) => row.name },
        { header: '性别', width: 6, type: 'text', value: (row) => genderWords[row.gender] },
        ...(input.unmasked ? [{ header: '出生日期', width: 12, type: 'date', value: (row) => row.birthDate } satisfies Column<ClientExportRow>] : []),
        { header: '年龄', width: 6, type: 'number', value: (row) => (row.birthDate ? ageOn(row.birthDate, today) : null) },
        { header: '身份证号', width: 22, type: 'text', value: (row) => (input.unmasked ? row.idNumber : maskIdNumber(row.idNumber)) },
        { header: '联系电话', width: 15, type: 'text', value: (row) => (input.unmasked ? row.phone : maskPhone(row.phone)) },
        { header: '社区', width: 14, type: 'text', value: (row) => row.community },
        { header: '网格', width: 12, type: 'text', value: (row) => row.grid },
        { header: '重点人群', width: 24, type: 'text', value: (row) => tags(row.tags) },
        { header: '来源', width: 12, type: 'text', value: (row) => source(row.source) },
        { header: '登记日期', width: 12, type: 'date', value: (row) => localDay(new Date(row.createdAt)) },
        ...(colourOf ? [{ header: '预警等级', width: 10, type: 'text', value: colourOf } satisfies Column<ClientExportRow>] : []),
      ];
      return { columns, rows };
    });
  }

  /** The colour column's values, or null when this role has no clinical column. */
  private colourReach(db: Db, session: Session, rows: readonly ClientExportRow[]): ((row: ClientExportRow) => string) | null {
    if (!seesRisk(session)) return null;
    const reached = reachableClients(db, rows.map((row) => row.id), caseAccessOf(session));
    return (row) => (reached.has(row.id) ? risk(row.riskLevel) : '');
  }

  /** 咨询记录 of a period: when, how, who; never the note. */
  sessions(session: Session, range: ExportRange) {
    return auditedExport(this.vault, session, { action: 'sessions.export', title: '咨询记录', range }, (db) => {
      const rows = sessionsInPeriod(db, caseAccessOf(session), range.from, range.to);
      const problems = dictionaryLabels(db, 'problemCategory');
      const columns: Array<Column<SessionExportRow>> = [
        { header: '日期', width: 12, type: 'date', value: (row) => row.heldOn },
        { header: '开始时间', width: 9, type: 'text', value: (row) => row.startTime },
        { header: '时长（分钟）', width: 11, type: 'number', value: (row) => row.durationMinutes },
        { header: '方式', width: 8, type: 'text', value: (row) => modalityWords[row.modality as keyof typeof modalityWords] ?? row.modality },
        { header: '类型', width: 10, type: 'text', value: (row) => sessionKindWords[row.kind as keyof typeof sessionKindWords] ?? row.kind },
        { header: '来访者', width: 12, type: 'text', value: (row) => row.clientName },
        { header: '个案编号', width: 9, type: 'number', value: (row) => row.caseId },
        { header: '问题类别', width: 22, type: 'text', value: (row) => problems(row.problems) },
        { header: '咨询师', width: 12, type: 'text', value: (row) => row.counsellorName },
        { header: '签名', width: 8, type: 'text', value: (row) => (row.signedAt ? '已签名' : '未签名') },
        { header: '签名时间', width: 17, type: 'dateTime', value: (row) => row.signedAt },
      ];
      return { columns, rows };
    });
  }

  /** 随访 due or done in a period, of clients this user reaches, within the reach of each client's history. */
  followUps(session: Session, range: ExportRange) {
    const today = localDay(this.clock.now());
    return auditedExport(this.vault, session, { action: 'followUps.export', title: '随访记录', range }, (db) => {
      const access = caseAccessOf(session);
      const found = followUpsInPeriod(db, access.seesAll ? null : access.userId, range.from, range.to);
      const rows = access.seesAll ? found : this.withinHistory(db, session, found);
      const columns: Array<Column<FollowUpExportRow>> = [
        { header: '来访者', width: 12, type: 'text', value: (row) => row.clientName },
        { header: '预警等级', width: 9, type: 'text', value: (row) => risk(row.level) },
        { header: '应随访日期', width: 12, type: 'date', value: (row) => row.dueOn },
        { header: '状态', width: 8, type: 'text', value: (row) => followUpStatusWords[row.status] },
        { header: '完成日期', width: 12, type: 'date', value: (row) => row.doneOn },
        { header: '随访方式', width: 9, type: 'text', value: (row) => (row.method ? (followUpMethodWords[row.method as keyof typeof followUpMethodWords] ?? row.method) : '') },
        { header: '复评等级', width: 9, type: 'text', value: (row) => risk(row.reassessedLevel) },
        { header: '逾期天数', width: 9, type: 'number', value: (row) => (row.status === 'due' && row.dueOn < today ? daysFrom(row.dueOn, today) : null) },
      ];
      return { columns, rows };
    });
  }

  private withinHistory(db: Db, session: Session, rows: FollowUpExportRow[]): FollowUpExportRow[] {
    const clients = [...new Set(rows.map((row) => row.clientId))];
    const histories = new Map(clients.map((clientId) => [clientId, clientHistoryOf(db, session, clientId)]));
    const kept = new Set(clients.flatMap((clientId) => histories.get(clientId)?.followUps(rows.filter((row) => row.clientId === clientId)) ?? []));
    return rows.filter((row) => kept.has(row));
  }
}

const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
