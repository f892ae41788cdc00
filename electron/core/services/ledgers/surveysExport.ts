import { awarenessRate, surveyPopulationWords } from '../../../../shared/domain/surveyWords.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import type { Column } from '../../export/xlsxTable.js';
import { listSurveys, type StoredSurvey } from '../../repositories/surveysRepo.js';
import type { Vault } from '../../vault.js';
import { findQuestionnaire } from './surveyChecks.js';

/**
 * 知晓率调查 of a period as XLSX: one row per survey with its respondents, 知晓 count and 知晓率 (the figures the
 * periodic report reads); anonymous responses only, so every staff role may export it.
 */
export function exportSurveys(vault: Vault, session: Session, range: ExportRange) {
  return auditedExport(vault, session, { action: 'surveys.export', title: '知晓率调查', range }, (db) => {
    const rows = listSurveys(db, range);
    const activityTypes = dictionaryLabels(db, 'activityType');
    const rate = (row: StoredSurvey) => awarenessRate(row.aware, row.respondents);
    const columns: Array<Column<StoredSurvey>> = [
      { header: '调查日期', width: 12, type: 'date', value: (row) => row.date },
      { header: '问卷', width: 26, type: 'text', value: (row) => findQuestionnaire(row.questionnaireId, row.questionnaireVersion).names.zh },
      { header: '调查对象', width: 9, type: 'text', value: (row) => surveyPopulationWords[row.population] },
      { header: '调查地点', width: 22, type: 'text', value: (row) => row.place },
      { header: '关联活动', width: 28, type: 'text', value: (row) => (row.activity ? `${row.activity.date} ${activityTypes(row.activity.type)}：${row.activity.theme}` : '') },
      { header: '答卷数', width: 8, type: 'number', value: (row) => row.respondents },
      { header: '知晓人数', width: 9, type: 'number', value: (row) => row.aware },
      { header: '知晓率（%）', width: 11, type: 'number', value: rate },
      { header: '已结束', width: 7, type: 'text', value: (row) => (row.closed ? '是' : '') },
      { header: '登记人', width: 10, type: 'text', value: (row) => row.createdBy.displayName },
    ];
    return { columns, rows };
  });
}
