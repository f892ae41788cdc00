import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import type { Column } from '../../export/xlsxTable.js';
import { heldSessionsInPeriod } from '../../repositories/groupsRepo.js';
import type { Vault } from '../../vault.js';

type HeldSession = ReturnType<typeof heldSessionsInPeriod>[number];

/**
 * 团体辅导 meetings held in a period as XLSX: one row per meeting with its number in the group and the register's
 * counts (SPS05's 场次 and 人次). No member's name or motive: every staff role may export it.
 */
export function exportGroups(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'groups.export', title: '团体辅导台账', range }, (db) => {
    const columns: Array<Column<HeldSession>> = [
      { header: '日期', width: 12, type: 'date', value: (row) => row.date },
      { header: '时间', width: 12, type: 'text', value: (row) => `${row.startTime}-${row.endTime}` },
      { header: '小组', width: 24, type: 'text', value: (row) => row.groupName },
      { header: '第几次', width: 8, type: 'number', value: (row) => row.number },
      { header: '本次主题', width: 28, type: 'text', value: (row) => row.theme },
      { header: '应到', width: 7, type: 'number', value: (row) => row.expected },
      { header: '实到', width: 7, type: 'number', value: (row) => row.present },
      { header: '反馈表', width: 8, type: 'number', value: (row) => row.forms },
      { header: '满意（4–5 分）', width: 12, type: 'number', value: (row) => row.satisfied },
    ];
    return { columns, rows: heldSessionsInPeriod(db, range.from, range.to) };
  });
}
