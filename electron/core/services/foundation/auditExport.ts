import type { AuditEntry } from '../../../../shared/api/schemas/audit.js';
import { listAudit } from '../../audit/auditLog.js';
import type { Session } from '../../auth/sessionStore.js';
import { AppError } from '../../errors.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import type { Column } from '../../export/xlsxTable.js';
import { listUsers } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { localDayStartUtc } from '../../../../shared/domain/dates.js';
import { describeAuditDetail, type AuditFormat } from '../../../../shared/audit/describe.js';
import { chineseAuditWord } from '../../../../shared/audit/words/index.js';

/** More rows than one sheet should hold for reading; a longer trail is exported in shorter ranges. */
export const auditExportMaxRows = 100_000;

/** Station time, as the 审计日志 screen shows it (mainland China keeps UTC+8 all year). */
const beijingTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const chineseFormat: AuditFormat = { dateTime: (iso) => beijingTime.format(new Date(iso)), yes: '是', no: '否' };
const word = (group: 'actions' | 'objects' | 'results', code: string) => chineseAuditWord(group, code) ?? code;

/** 审计日志 of a date range, for the 站长 (the contract allows no one else); the export is itself audited. */
export function exportAuditLog(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'audit.export', title: '审计日志', range }, (db) => {
    const { rows, total } = listAudit(db, { fromUtc: localDayStartUtc(range.from), toUtc: localDayStartUtc(range.to, 1), limit: auditExportMaxRows, offset: 0 });
    if (total > auditExportMaxRows) throw new AppError('INVALID_INPUT', `该期间共有 ${total} 条审计记录，超过一次导出的上限 ${auditExportMaxRows} 条：请缩短日期范围后分次导出。`);
    const names = new Map(listUsers(db).map((user) => [user.id, user.displayName]));
    const columns: Array<Column<AuditEntry>> = [
      { header: '序号', width: 8, type: 'number', value: (row) => row.seq },
      { header: '时间', width: 17, type: 'dateTime', value: (row) => row.at },
      { header: '操作人', width: 12, type: 'text', value: (row) => (row.actorId !== null ? (names.get(row.actorId) ?? row.actorName) : (row.actorName ?? '系统')) },
      { header: '账号', width: 12, type: 'text', value: (row) => row.actorName },
      { header: '操作', width: 22, type: 'text', value: (row) => word('actions', row.action) },
      { header: '对象', width: 12, type: 'text', value: (row) => (row.objectType ? word('objects', row.objectType) : null) },
      { header: '对象编号', width: 10, type: 'text', value: (row) => row.objectId },
      { header: '结果', width: 7, type: 'text', value: (row) => word('results', row.result) },
      { header: '说明', width: 40, type: 'text', value: (row) => describeAuditDetail(row.detail, chineseAuditWord, chineseFormat) },
    ];
    return { columns, rows: [...rows].reverse() };
  });
}
