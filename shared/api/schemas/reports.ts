/**
 * Periodic reports upward (issue 14, 定期上报): the period's figures computed from the station's records by the
 * indicator set (shared/reports), validation results explained in notes that travel with the report, comparison with
 * the previous period and the same period a year earlier, drill-down to the records behind a number, and the report's
 * versions: 草稿 → 待审核 → 已上报 → 已接收 / 退回, a submitted version frozen, a correction a new version with a reason.
 */
import { parsePeriod, periodFormatHint } from '../../domain/periods.js';
import { indicatorSet } from '../../reports/indicatorSetSchema.js';
import { z } from '../zod.js';
import { idSchema, isoDate, trimmed } from './common.js';

export const reportStates = ['draft', 'review', 'reported', 'received', 'returned'] as const;
export type ReportState = (typeof reportStates)[number];

/** A named period a report is kept for: 2026-11, 2026-Q4, 2026-H2 or 2026. */
export const periodKey = z
  .string()
  .trim()
  .refine((text) => parsePeriod(text) !== null, { message: periodFormatHint });

/** A named period, or (to look, not to submit) any range of days. */
export const reportRangeInput = z
  .object({ period: periodKey.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .refine((input) => (input.period !== undefined) !== (input.from !== undefined && input.to !== undefined), { message: '请选择统计期（月、季度、半年或年），或填写开始和结束日期。', path: ['period'] })
  .refine((input) => input.from === undefined || input.to === undefined || input.from <= input.to, { message: '开始日期不能晚于结束日期。', path: ['to'] });

export const reportPeriodInput = z.object({ period: periodKey });

const valueCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,29}$/, '请选择一个指标取值。');

export const drillInput = z.object({
  range: reportRangeInput,
  value: valueCode,
  category: valueCode.optional(),
  option: valueCode.optional(),
});

export const trendInput = z.object({
  /** The last month of the twelve. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11。'),
  values: z.array(valueCode).min(1).max(12),
});

/** The report's header block (station-work-and-reporting.md §2.1: 填表单位, 填表人, 审核人, 联系电话). */
export const reportHeaderInput = z.object({
  preparedBy: trimmed(1, 20, '填表人'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,20}$/, '联系电话只能包含数字、空格和 + - ( )。'),
});

export const draftInput = z.object({
  period: periodKey,
  header: reportHeaderInput,
  /** Explanations of validation results and unusual changes, by rule id or value code. */
  notes: z.record(z.string().regex(/^[A-Z][A-Z0-9_]{0,29}$/), z.string().trim().max(300, '说明不能超过 300 个字符。')).default({}),
});

export const correctionInput = z.object({ period: periodKey, reason: trimmed(4, 300, '更正原因') });

/** The 街道's answer to a submitted report: received, or returned with what to correct. */
export const answerInput = z
  .object({ period: periodKey, answer: z.enum(['received', 'returned'], { message: '请选择“已接收”或“退回”。' }), note: z.string().trim().max(300, '说明不能超过 300 个字符。').default('') })
  .refine((input) => input.answer === 'received' || input.note.length >= 2, { message: '退回时请写明退回原因。', path: ['note'] });

/** The report as a workbook; `shared` makes the copy for sharing, with small counts shown as "<5". */
export const reportXlsxInput = z.object({ range: reportRangeInput, shared: z.boolean().default(false) });

/** The period's figures for DHIS2: dataValueSets JSON, CSV or ADX XML (reports-standards.md §5.1, §5.5). */
export const dhis2ExportInput = z.object({ period: periodKey, format: z.enum(['json', 'csv', 'adx'], { message: '格式应为 json、csv 或 adx。' }).default('json') });

/** A district's own indicator set file (JSON, as shared/reports/indicatorSetSchema.ts describes it). */
export const indicatorSetImportInput = z.object({ setJson: z.string().min(2, '请选择指标集文件。').max(900_000, '指标集文件过大。') });

export const reportSettings = z.object({
  setId: z.string().max(40).nullable(),
  setVersion: z.number().int().positive().nullable(),
  /** Shared copies show counts below this as "<k" (reports-standards.md §6.3: 5 by default, 10 the stricter practice). */
  sharedThreshold: z.union([z.literal(3), z.literal(5), z.literal(10)], { message: '小数隐藏阈值只能是 3、5 或 10。' }),
});

export const indicatorSetList = z.object({
  sets: z.array(z.object({ id: z.string(), version: z.number().int(), name: z.string(), citation: z.string(), builtin: z.boolean(), indicators: z.number().int(), current: z.boolean() })),
  settings: reportSettings,
});

export const stationKeyView = z.object({ fingerprint: z.string(), createdAt: z.string(), regionCode: z.string(), station: z.string() });

const valueFigures = z.object({ total: z.number(), breakdown: z.record(z.string(), z.record(z.string(), z.number())) });
export const setFigures = z.record(z.string(), valueFigures);

const violation = z.object({
  ruleId: z.string(),
  name: z.string(),
  instruction: z.string(),
  importance: z.enum(['high', 'medium', 'low']),
  left: z.number(),
  operator: z.string(),
  right: z.number(),
});
export type ReportViolation = z.infer<typeof violation>;

const comparison = z.object({ previous: z.number().nullable(), lastYear: z.number().nullable(), flag: z.enum(['rise', 'drop']).nullable() });

export const reportVersion = z.object({
  id: idSchema,
  period: z.string(),
  label: z.string(),
  version: z.number().int(),
  state: z.enum(reportStates),
  setId: z.string(),
  setVersion: z.number().int(),
  header: z.object({ preparedBy: z.string(), contactPhone: z.string() }),
  notes: z.record(z.string(), z.string()),
  correctionReason: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
});
export type ReportVersion = z.infer<typeof reportVersion>;

export const reportView = z.object({
  period: z.object({ key: z.string().nullable(), from: isoDate, to: isoDate, label: z.string() }),
  /** The 填表单位 (the station's name as its profile gives it). */
  unit: z.string(),
  set: indicatorSet,
  figures: setFigures,
  /** Each ratio indicator's rate, recomputed from its summed parts; null while its denominator is 0. */
  ratios: z.record(z.string(), z.number().nullable()),
  comparison: z.record(z.string(), comparison),
  violations: z.array(violation),
  /** The period's current version (its draft, or its latest submitted one); null before any is kept. */
  version: reportVersion.nullable(),
  /** The figures are the submitted version's, frozen; `recordsChanged` says whether the records now count differently. */
  frozen: z.boolean(),
  recordsChanged: z.boolean(),
});
export type ReportView = z.infer<typeof reportView>;

export const drillView = z.object({
  label: z.string(),
  total: z.number(),
  rows: z.array(z.object({ day: isoDate, source: z.string(), client: z.string().nullable(), link: z.string() })),
  /** More records than the list shows (the first 500, newest first). */
  truncated: z.boolean(),
});

export const trendView = z.object({ months: z.array(z.string()), series: z.record(z.string(), z.array(z.number())) });

export const reportList = z.object({ versions: z.array(reportVersion) });
