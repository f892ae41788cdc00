/** Scales: the catalogue, results and alerts, group screening (普查). */
import { adminOnly, anyStaff, clinical } from '../access.js';
import { emptyInput, idInput } from '../schemas/common.js';
import {
  alertAckInput,
  alertList,
  alertListInput,
  kioskResultListInput,
  resultLinkInput,
  resultList,
  resultListInput,
  resultRecord,
  resultSubmitInput,
  scaleDefinitionOutput,
  scaleImportInput,
  scaleRef,
  scaleSummary,
  scaleSummaryList,
} from '../schemas/scales.js';
import { exportFile, resultsExportInput, screeningExportInput } from '../schemas/exports.js';
import { screeningCreateInput, screeningDetail, screeningSummaryList } from '../schemas/screenings.js';
import { method, type MethodSpec } from './method.js';

export const scalesContract = {
  // Scales, results and alerts
  'scales.list': method(anyStaff, emptyInput, scaleSummaryList),
  'scales.get': method(clinical, scaleRef, scaleDefinitionOutput),
  'scales.import': method(adminOnly, scaleImportInput, scaleSummary),
  'results.submit': method(clinical, resultSubmitInput, resultRecord),
  'results.list': method(clinical, resultListInput, resultList),
  'results.get': method(clinical, idInput, resultRecord),
  'results.linkClient': method(clinical, resultLinkInput, resultRecord),
  /** The day's kiosk results, so one below the critical line is found and linked to a client file. */
  'results.kioskList': method(clinical, kioskResultListInput, resultList),
  /** 测评结果 of a period (XLSX): scores and bands, never answers. */
  'results.export': method(clinical, resultsExportInput, exportFile),
  'alerts.list': method(clinical, alertListInput, alertList),
  'alerts.acknowledge': method(clinical, alertAckInput, alertList),

  // Group screening (普查)
  'screenings.create': method(clinical, screeningCreateInput, screeningDetail),
  'screenings.list': method(clinical, emptyInput, screeningSummaryList),
  'screenings.get': method(clinical, idInput, screeningDetail),
  'screenings.close': method(clinical, idInput, screeningDetail),
  'screenings.export': method(clinical, screeningExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

/** The audit actions this feature writes; the audit screen has a zh-CN and an en label for each (tests/unit/renderer). */
export const scalesAuditActions = [
  'alerts.acknowledge',
  'alerts.list',
  'results.kioskList',
  'results.export',
  'results.link',
  'results.list',
  'results.submit',
  'results.view',
  'scales.import',
  'screenings.close',
  'screenings.create',
  'screenings.export',
  'screenings.list',
  'screenings.view',
] as const;
