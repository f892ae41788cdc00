/**
 * Periodic reports upward (issue 14): the 站长 previews a period's figures with their validation and comparison,
 * drills into the records behind a number, explains what needs explaining, and submits; a submitted version is frozen
 * and corrected only by a new version with a reason.
 */
import { adminOnly } from '../access.js';
import { emptyInput } from '../schemas/common.js';
import { exportFile } from '../schemas/exports.js';
import {
  answerInput,
  dhis2ExportInput,
  indicatorSetImportInput,
  indicatorSetList,
  reportSettings,
  correctionInput,
  draftInput,
  drillInput,
  drillView,
  reportList,
  reportPeriodInput,
  reportRangeInput,
  reportView,
  reportXlsxInput,
  stationKeyView,
  trendInput,
  trendView,
} from '../schemas/reports.js';
import { method, type MethodSpec } from './method.js';

export const reportsContract = {
  'reports.preview': method(adminOnly, reportRangeInput, reportView),
  'reports.drill': method(adminOnly, drillInput, drillView),
  'reports.trend': method(adminOnly, trendInput, trendView),
  'reports.list': method(adminOnly, emptyInput, reportList),
  'reports.saveDraft': method(adminOnly, draftInput, reportView),
  'reports.submit': method(adminOnly, reportPeriodInput, reportView),
  'reports.correct': method(adminOnly, correctionInput, reportView),
  'reports.package': method(adminOnly, reportPeriodInput, exportFile),
  'reports.answer': method(adminOnly, answerInput, reportView),
  'reports.exportXlsx': method(adminOnly, reportXlsxInput, exportFile),
  'reports.highRiskList': method(adminOnly, reportPeriodInput, exportFile),
  'reports.stationKey': method(adminOnly, emptyInput, stationKeyView),
  'reports.pdf': method(adminOnly, reportRangeInput, exportFile),
  'reports.dhis2': method(adminOnly, dhis2ExportInput, exportFile),
  'reports.dhis2Metadata': method(adminOnly, emptyInput, exportFile),
  'reports.indicatorSets': method(adminOnly, emptyInput, indicatorSetList),
  'reports.importIndicatorSet': method(adminOnly, indicatorSetImportInput, indicatorSetList),
  'reports.saveSettings': method(adminOnly, reportSettings, indicatorSetList),
} as const satisfies Record<string, MethodSpec>;

export const reportsAuditActions = ['reports.saveDraft', 'reports.submit', 'reports.correct', 'reports.drill', 'reports.package', 'reports.answer', 'reports.exportXlsx', 'reports.highRiskList', 'reports.pdf', 'reports.dhis2', 'reports.importIndicatorSet', 'reports.saveSettings'] as const;
