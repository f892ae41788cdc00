import { z } from 'zod';
import { periodFormatHint } from '../../domain/periods.js';
import { toDhis2Period, type Dhis2Period } from './periods.js';

/**
 * The neutral input every DHIS2 writer takes: one station, one data set, one period (the canonical single-set form of
 * station-work-and-reporting.md §4.3), values named by DHIS2 codes because we send idScheme=code
 * (reports-standards.md §5.2).
 */
export type Disaggregation = Readonly<{
  /** Category code: ADX writes it as an attribute name (SEX). */
  category: string;
  /** Category option code: ADX writes it as that attribute's value (F). */
  option: string;
  /** Category option combo code: dataValueSets and CSV name the cell by it. */
  categoryOptionCombo: string;
}>;

export type ReportValue = Readonly<{ dataElement: string; disaggregation?: Disaggregation; value: number }>;

export type ReportPayload = Readonly<{
  dataSet: string;
  orgUnit: string;
  /** Our period key: 2026-11, 2026-Q4, 2026-H2, 2026. */
  period: string;
  values: readonly ReportValue[];
}>;

/** A payload a writer cannot write; its message is Chinese and names the field. */
export class Dhis2ExportError extends Error {
  override readonly name = 'Dhis2ExportError';
}

const code = (label: string) =>
  z
    .string({ error: `${label}必须是文字。` })
    .min(1, { error: `请填写${label}。` })
    .refine((text) => text.trim() === text, { error: `${label}的首尾不能有空格。` });

const payloadSchema = z.object({
  dataSet: code('数据集编码'),
  orgUnit: code('机构编码'),
  period: z.string({ error: periodFormatHint }).refine((key) => toDhis2Period(key) !== null, { error: periodFormatHint }),
  values: z.array(
    z.object({
      dataElement: code('数据元编码'),
      disaggregation: z
        .object({ category: code('分类编码'), option: code('分类选项编码'), categoryOptionCombo: code('分类选项组合编码') })
        .optional(),
      // Past 10^15 a double no longer holds every integer, and no station count comes near it.
      value: z.number({ error: '数值必须是有限的数字。' }).refine((value) => Math.abs(value) < 1e15, { error: '数值的绝对值必须小于 10 的 15 次方。' }),
    }),
  ),
});

/** The payload's DHIS2 period, after checking every field; throws Dhis2ExportError naming the first bad one. */
export function checkPayload(payload: ReportPayload): Dhis2Period {
  const result = payloadSchema.safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const row = issue.path[0] === 'values' && typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 个数值：` : '';
    throw new Dhis2ExportError(`${row}${issue.message}`);
  }
  return toDhis2Period(payload.period)!;
}

/**
 * A number as DHIS2 reads it: plain decimal digits, never an exponent (MathUtils NUMERIC_REGEXP in dhis2-core
 * `dhis-support-system/.../MathUtils.java` is `^(-?0|-?[1-9]\d*)(\.\d+)?$`), and no negative zero.
 */
export function formatValue(value: number): string {
  if (Object.is(value, -0)) return '0';
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
