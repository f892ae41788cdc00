import { callOutcomeWords } from '../../../../shared/domain/callWords.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import type { Column } from '../../export/xlsxTable.js';
import { listCalls, type StoredCall } from '../../repositories/callsRepo.js';
import type { Vault } from '../../vault.js';

const flag = (on: boolean) => (on ? '是' : '');

/**
 * 热线/电话咨询登记 of a period as XLSX, in the columns the 热线工作报表 counts (station-work-and-reporting.md §2.1:
 * 高度危机/困难/反复来电, 来电问题类型). Neither the note nor a client's name: every staff role may export it.
 */
export function exportCalls(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'calls.export', title: '热线来电登记', range }, (db) => {
    const rows = listCalls(db, range);
    const callers = dictionaryLabels(db, 'callerType');
    const problems = dictionaryLabels(db, 'callProblemType');
    const columns: Array<Column<StoredCall>> = [
      { header: '日期', width: 12, type: 'date', value: (row) => row.date },
      { header: '开始时间', width: 9, type: 'text', value: (row) => row.startTime },
      { header: '时长（分钟）', width: 10, type: 'number', value: (row) => row.durationMinutes },
      { header: '接听人', width: 12, type: 'text', value: (row) => row.takenBy.displayName },
      { header: '来电者', width: 8, type: 'text', value: (row) => callers(row.callerType) },
      { header: '问题类型', width: 14, type: 'text', value: (row) => problems(row.problemType) },
      { header: '高危', width: 6, type: 'text', value: (row) => flag(row.highRisk) },
      { header: '困难', width: 6, type: 'text', value: (row) => flag(row.difficult) },
      { header: '反复来电', width: 8, type: 'text', value: (row) => flag(row.repeatCaller) },
      { header: '处理方式', width: 12, type: 'text', value: (row) => callOutcomeWords[row.outcome] },
      { header: '已建档', width: 7, type: 'text', value: (row) => flag(row.clientId !== null) },
      { header: '危机干预编号', width: 10, type: 'number', value: (row) => row.crisisId },
    ];
    return { columns, rows };
  });
}
