import { activityTitle } from '../../../../shared/domain/activityTitle.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import type { Column } from '../../export/xlsxTable.js';
import { listActivities, type StoredActivity } from '../../repositories/activitiesRepo.js';
import type { Vault } from '../../vault.js';

const joined = (values: readonly string[]) => values.join('、');
const statusLabel = { planned: '计划中', done: '已开展' } as const;

/**
 * 活动台账 of a period as XLSX, in the columns of a paper ledger (station-work-and-reporting.md §1.3: 讲座,
 * 横幅, 咨询台, 进村入户, 宣传单/折页). No client names: the roster is given as a count of registered clients,
 * so every staff role may export it.
 */
export function exportActivities(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'activities.export', title: '活动台账', range }, (db) => {
    const rows = listActivities(db, range);
    const types = dictionaryLabels(db, 'activityType');
    const targets = dictionaryLabels(db, 'outreachTarget');
    const columns: Array<Column<StoredActivity>> = [
      { header: '日期', width: 12, type: 'date', value: (row) => row.date },
      { header: '时间', width: 12, type: 'text', value: (row) => `${row.startTime}–${row.endTime}` },
      { header: '活动类型', width: 14, type: 'text', value: (row) => types(row.type) },
      { header: '“五进”', width: 14, type: 'text', value: (row) => targets(row.outreachTargets.join(',')) },
      { header: '主题', width: 28, type: 'text', value: (row) => activityTitle(row) },
      { header: '地点', width: 18, type: 'text', value: (row) => row.location },
      { header: '合作单位', width: 18, type: 'text', value: (row) => joined(row.partnerUnits) },
      { header: '工作人员', width: 16, type: 'text', value: (row) => joined(row.staff.map((member) => member.displayName)) },
      { header: '志愿者/外请人员', width: 16, type: 'text', value: (row) => joined(row.volunteers) },
      { header: '参与人数', width: 9, type: 'number', value: (row) => row.participantCount },
      { header: '其中已建档来访者', width: 10, type: 'number', value: (row) => row.rosterClientIds.length },
      { header: '资料份数', width: 9, type: 'number', value: (row) => row.outputs.materials },
      { header: '横幅/展板', width: 9, type: 'number', value: (row) => row.outputs.displays },
      { header: '咨询台', width: 7, type: 'text', value: (row) => (row.outputs.consultDesk ? '有' : '无') },
      { header: '入户数', width: 8, type: 'number', value: (row) => row.outputs.householdVisits },
      { header: '线上覆盖人次', width: 11, type: 'number', value: (row) => row.outputs.onlineReach },
      { header: '覆盖人次为估算', width: 9, type: 'text', value: (row) => (row.outputs.onlineReach === null ? '' : row.outputs.onlineReachEstimated ? '是' : '否') },
      { header: '状态', width: 8, type: 'text', value: (row) => statusLabel[row.status] },
      { header: '活动小结', width: 40, type: 'text', value: (row) => row.summary },
    ];
    return { columns, rows };
  });
}
