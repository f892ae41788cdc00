import type { SetFigures } from './compute.js';
import type { IndicatorSet, ValidationRule } from './indicatorSetSchema.js';

export type RuleViolation = Readonly<{ ruleId: string; name: string; instruction: string; importance: ValidationRule['importance']; left: number; operator: ValidationRule['operator']; right: number }>;

/** How each operator reads in a violation's explanation. */
export const operatorWords: Record<ValidationRule['operator'], string> = {
  equal_to: '=',
  not_equal_to: '≠',
  greater_than: '>',
  greater_than_or_equal_to: '≥',
  less_than: '<',
  less_than_or_equal_to: '≤',
};

/** A violation in words: "3 ≤ 2 不成立". */
export function violationText(violation: Readonly<{ left: number; operator: string; right: number }>): string {
  return `${violation.left} ${operatorWords[violation.operator as ValidationRule['operator']] ?? violation.operator} ${violation.right} 不成立`;
}

const holds: Record<ValidationRule['operator'], (left: number, right: number) => boolean> = {
  equal_to: (left, right) => left === right,
  not_equal_to: (left, right) => left !== right,
  greater_than: (left, right) => left > right,
  greater_than_or_equal_to: (left, right) => left >= right,
  less_than: (left, right) => left < right,
  less_than_or_equal_to: (left, right) => left <= right,
};

/**
 * The set's validation rules over one period's figures, as DHIS2 evaluates them (station-work-and-reporting.md §3:
 * left/right expressions, an operator and a missing-value strategy): a side is the sum of its values; a missing value
 * counts as 0 unless the strategy skips the rule (any side's value missing, or every value missing).
 */
export function checkRules(set: IndicatorSet, figures: SetFigures): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const rule of set.rules) {
    const terms = [...rule.left, ...rule.right].map((code) => figures[code]?.total);
    const missing = terms.filter((term) => term === undefined).length;
    if (rule.missingValueStrategy === 'SKIP_IF_ANY_VALUE_MISSING' && missing > 0) continue;
    if (rule.missingValueStrategy === 'SKIP_IF_ALL_VALUES_MISSING' && missing === terms.length) continue;
    const side = (codes: readonly string[]) => codes.reduce((total, code) => total + (figures[code]?.total ?? 0), 0);
    const left = side(rule.left);
    const right = side(rule.right);
    if (!holds[rule.operator](left, right)) {
      violations.push({ ruleId: rule.id, name: rule.name, instruction: rule.instruction, importance: rule.importance, left, operator: rule.operator, right });
    }
  }
  return violations;
}
