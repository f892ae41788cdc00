/**
 * DHIS2's value type rules for a data value (dhis2-core `ValidationUtils.valueIsValid` and `MathUtils` in
 * dhis-support-system), and the zero rule (`ValidationUtils.dataValueIsZeroAndInsignificant`).
 *
 * `text` is what DHIS2 puts in the E7619 message: its i18n text for the key where one was seen in real import
 * summaries ("Data value is not numeric" on 2.41/2.42; "… an integer", "… a percentage" on older servers), else the
 * key itself, as DHIS2 prints it when its i18n file has no entry (seen for value_not_zero_or_positive_integer).
 */
export type ValueTypeProblem = Readonly<{ text: string; message: string }>;

const numeric = /^(-?0|-?[1-9]\d*)(\.\d+)?$/;
const integer = /^(0|-?[1-9]\d*)$/;
const zero = /^0(\.0*)?$/;
/** Java's int range: MathUtils.isInteger also asks commons-validator's IntegerValidator, which parses to an int. */
const fitsInt = (value: string) => integer.test(value) && Number(value) >= -2147483648 && Number(value) <= 2147483647;
const isNumeric = (value: string) => numeric.test(value) && value.length < 250 && Number.isFinite(Number(value));

const problem = (text: string, message: string): ValueTypeProblem => ({ text, message });
const rules: Readonly<Record<string, (value: string) => ValueTypeProblem | null>> = {
  NUMBER: (value) => (isNumeric(value) ? null : problem('Data value is not numeric', '应为数字。')),
  UNIT_INTERVAL: (value) => (isNumeric(value) && Number(value) >= 0 && Number(value) <= 1 ? null : problem('value_not_unit_interval', '应为 0 到 1 之间的数。')),
  // MathUtils.isPercentage: an integer from 0 to 100, no decimals.
  PERCENTAGE: (value) => (fitsInt(value) && Number(value) >= 0 && Number(value) <= 100 ? null : problem('Data value is not a percentage', '应为 0 到 100 之间的整数。')),
  INTEGER: (value) => (fitsInt(value) ? null : problem('Data value is not an integer', '应为整数。')),
  INTEGER_POSITIVE: (value) => (fitsInt(value) && Number(value) > 0 ? null : problem('value_not_positive_integer', '应为正整数（不能为 0）。')),
  INTEGER_NEGATIVE: (value) => (fitsInt(value) && Number(value) < 0 ? null : problem('value_not_negative_integer', '应为负整数。')),
  INTEGER_ZERO_OR_POSITIVE: (value) => (fitsInt(value) && Number(value) >= 0 ? null : problem('value_not_zero_or_positive_integer', '应为 0 或正整数。')),
  BOOLEAN: (value) => (['true', 'false'].includes(normalizeBoolean(value, 'BOOLEAN').toLowerCase()) ? null : problem('value_not_bool', '应为“是”或“否”（true/false）。')),
  TRUE_ONLY: (value) => (normalizeBoolean(value, 'TRUE_ONLY').toLowerCase() === 'true' ? null : problem('value_not_true_only', '只能为“是”（true）。')),
  LETTER: (value) => (/^\p{L}$/u.test(value) ? null : problem('value_not_valid_letter', '应为一个字母。')),
  TEXT: () => null,
  LONG_TEXT: () => null,
};

/** ValidationUtils.normalizeBoolean: 1/t/True… become true, 0/f/False… false (not for TRUE_ONLY), before the check. */
function normalizeBoolean(value: string, valueType: string): string {
  if (['false', 'False', 'FALSE', 'f', 'F', '0'].includes(value) && valueType !== 'TRUE_ONLY') return 'false';
  return ['true', 'True', 'TRUE', 't', 'T', '1'].includes(value) ? 'true' : value;
}

/** Whether this pre-flight knows the value type's rule (others are reported, not guessed). */
export const isCheckedValueType = (valueType: string) => valueType in rules;

/** What DHIS2 finds wrong with a value of a (checked) value type, or null when it passes. */
export function valueTypeProblem(value: string, valueType: string): ValueTypeProblem | null {
  if (value.length > 50000) return problem('value_length_greater_than_max_length', '超过 50000 个字符。');
  return rules[valueType]?.(value) ?? null;
}

const numericTypes = new Set(['NUMBER', 'UNIT_INTERVAL', 'PERCENTAGE', 'INTEGER', 'INTEGER_POSITIVE', 'INTEGER_NEGATIVE', 'INTEGER_ZERO_OR_POSITIVE']);

/** A zero DHIS2 does not store: numeric type, not zero-significant, not averaged (averages need their zeros). */
export function isInsignificantZero(value: string, element: Readonly<{ valueType: string; zeroIsSignificant: boolean; aggregationType: string }>): boolean {
  return numericTypes.has(element.valueType) && zero.test(value) && !element.zeroIsSignificant && element.aggregationType !== 'AVERAGE' && element.aggregationType !== 'AVERAGE_SUM_ORG_UNIT';
}
