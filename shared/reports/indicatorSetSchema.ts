/**
 * Indicator sets as data (issue 14), like scale definitions and checklist templates: the station's periodic report
 * (月报) as a versioned file a district may replace with its own. Each indicator has a Chinese name, a definition,
 * flow / stock / ratio, and one or more values, each a fact (source × measure × filter, ./factSources.ts) so that
 * district sums stay exact and a rate is always recomputed from its summed parts, never averaged. Categories are
 * editable lists mapping a source's raw values to report options (reports-standards.md §3.2); validation rules follow
 * DHIS2's left/right expressions, operators and missing-value strategies (station-work-and-reporting.md §3, §5).
 */
import { z } from '../api/zod.js';
import { factSourceIds, reportDimensionIds } from './factSources.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '编号只能由小写字母、数字和“-”组成（不超过 40 个字符）。');
/** Value and category codes double as DHIS2 codes and ADX attribute names: letters, digits and "_" only. */
const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,29}$/, '代码只能由大写字母、数字和“_”组成，以字母开头（不超过 30 个字符）。');
const text = (max: number) => z.string().trim().min(1).max(max);

export const categoryOption = z
  .object({
    code,
    name: text(20),
    /** The source's raw values this option gathers ("male" → 男); an option matches a record when any of its rules does. */
    values: z.array(z.string().min(1).max(60)).max(40).optional(),
    /** An age band, both ends included ("18–34"). */
    ages: z.tuple([z.number().int().min(0).max(150), z.number().int().min(0).max(150)]).optional(),
    /** Gathers records with no value (age not known, no grade). */
    missing: z.boolean().optional(),
    /** Gathers every value no other option names ("其他"). */
    rest: z.boolean().optional(),
  })
  .refine((option) => option.values !== undefined || option.ages !== undefined || option.missing === true || option.rest === true, {
    message: '每个选项须说明归入哪些记录：values、ages、missing 或 rest。',
  });
export type CategoryOption = z.infer<typeof categoryOption>;

export const reportCategory = z.object({
  code,
  name: text(20),
  dimension: z.enum(reportDimensionIds),
  options: z.array(categoryOption).min(2).max(30),
});
export type ReportCategory = z.infer<typeof reportCategory>;

const filter = z.object({
  dimension: z.enum(reportDimensionIds),
  /** Keep records with one of these raw values; absent: keep records that have any value. */
  in: z.array(z.string().min(1).max(60)).min(1).max(40).optional(),
});

export const reportFact = z.object({
  source: z.enum(factSourceIds),
  measure: z.string().min(1).max(40),
  filters: z.array(filter).max(4).default([]),
});
export type ReportFact = z.infer<typeof reportFact>;

export const indicatorValue = z.object({
  /** The value's code: a DHIS2 data element code and the name rules use. */
  code,
  name: text(30),
  unit: text(6),
  fact: reportFact,
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const indicator = z.object({
  id: code,
  name: text(40),
  definition: text(400),
  type: z.enum(['flow', 'stock', 'ratio']),
  values: z.array(indicatorValue).min(1).max(6),
  /** A rate from two of its values (× per), recomputed from their sums at every level. */
  ratio: z.object({ numerator: code, denominator: code, per: z.number().positive().max(1_000_000), unit: text(6) }).optional(),
  /** Category codes every value is broken down by, one at a time (no cross-classification: §6.1 small cells). */
  disaggregations: z.array(code).max(6).default([]),
  /** Where the duty comes from (reports-standards.md source ids). */
  basis: z.string().max(200).optional(),
});
export type Indicator = z.infer<typeof indicator>;

export const validationOperators = ['equal_to', 'not_equal_to', 'greater_than', 'greater_than_or_equal_to', 'less_than', 'less_than_or_equal_to'] as const;
export const missingValueStrategies = ['SKIP_IF_ANY_VALUE_MISSING', 'SKIP_IF_ALL_VALUES_MISSING', 'NEVER_SKIP'] as const;

export const validationRule = z.object({
  id: code,
  name: text(60),
  /** What the staff should check when it fails. */
  instruction: text(300),
  /** Each side is the sum of these value codes. */
  left: z.array(code).min(1).max(10),
  operator: z.enum(validationOperators),
  right: z.array(code).min(1).max(10),
  missingValueStrategy: z.enum(missingValueStrategies).default('SKIP_IF_ANY_VALUE_MISSING'),
  importance: z.enum(['high', 'medium', 'low']).default('medium'),
});
export type ValidationRule = z.infer<typeof validationRule>;

/** A district's own column layout for its spreadsheet (XLSX sheet "上报格式"). */
export const districtLayout = z.object({
  name: text(30),
  columns: z.array(z.object({ header: text(40), value: code, category: code.optional(), option: code.optional() })).min(1).max(200),
});

export const indicatorSet = z.object({
  id,
  version: z.number().int().positive(),
  name: text(60),
  source: z.object({ citation: text(300), note: z.string().max(600).optional() }),
  /** The DHIS2 data set these values belong to (a monthly set; quarters and years are analytics over it). */
  dhis2: z.object({ dataSet: code, periodType: z.literal('Monthly') }),
  categories: z.array(reportCategory).max(20),
  indicators: z.array(indicator).min(1).max(60),
  rules: z.array(validationRule).max(60).default([]),
  layout: districtLayout.optional(),
});
export type IndicatorSet = z.infer<typeof indicatorSet>;
