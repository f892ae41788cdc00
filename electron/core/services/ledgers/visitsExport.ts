import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import type { Column } from '../../export/xlsxTable.js';
import { listVisits, type StoredVisit } from '../../repositories/visitsRepo.js';
import type { Vault } from '../../vault.js';

/**
 * 走访排查台账 of a period as XLSX: date, visitors, whom (a registered client only as 已建档, a household by its area),
 * companions, 重点人群 tags and whether a follow-up is needed. Neither observations nor a client's name: every staff
 * role may export it.
 */
export function exportVisits(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'visits.export', title: '走访排查台账', range }, (db) => {
    const rows = listVisits(db, range);
    const tags = dictionaryLabels(db, 'populationTag');
    const roles = dictionaryLabels(db, 'visitCompanionRole');
    const columns: Array<Column<StoredVisit>> = [
      { header: '日期', width: 12, type: 'date', value: (row) => row.date },
      { header: '走访人员', width: 16, type: 'text', value: (row) => row.visitors.map((visitor) => visitor.displayName).join('、') },
      { header: '对象', width: 10, type: 'text', value: (row) => (row.clientId === null ? '未建档住户' : row.filedFromVisit ? '走访后建档' : '已建档来访者') },
      { header: '走访地址（小区/楼栋）', width: 20, type: 'text', value: (row) => row.area },
      { header: '同行人员', width: 18, type: 'text', value: (row) => roles(row.companionRoles.join(',')) },
      { header: '同行人员姓名', width: 16, type: 'text', value: (row) => row.companionNames },
      { header: '重点人群', width: 24, type: 'text', value: (row) => tags(row.tags.join(',')) },
      { header: '需要跟进', width: 8, type: 'text', value: (row) => (row.followUpNeeded ? '是' : '') },
    ];
    return { columns, rows };
  });
}
