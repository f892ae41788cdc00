import type { ReportView } from '../../../../shared/api/schemas/reports.js';
import type { Indicator, IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import { operatorWords } from '../../../../shared/reports/rules.js';

/** One number of the report a reader may ask the records of: a value's total, or one option of one of its categories. */
export type DrillTarget = Readonly<{ value: string; category?: string; option?: string }>;


/** Each value code's name and unit, for rules, trends and notes that name values by code. */
export function valueNames(set: IndicatorSet): Map<string, Readonly<{ name: string; unit: string }>> {
  return new Map(set.indicators.flatMap((item) => item.values.map((value) => [value.code, { name: value.name, unit: value.unit }] as const)));
}

/** A rule's side as the sum of its values by name ("个体咨询人次 + …"). */
export function sideNames(set: IndicatorSet, codes: readonly string[]): string {
  const names = valueNames(set);
  return codes.map((code) => names.get(code)?.name ?? code).join(' + ');
}

/** A violation as its rule reads with this period's numbers: "个体咨询人数 12 ≤ 个体咨询人次 10". */
export function violationLine(view: ReportView, ruleId: string): string {
  const violation = view.violations.find((candidate) => candidate.ruleId === ruleId)!;
  const rule = view.set.rules.find((candidate) => candidate.id === ruleId);
  const left = rule ? sideNames(view.set, rule.left) : '';
  const right = rule ? sideNames(view.set, rule.right) : '';
  return `${left} ${violation.left} ${operatorWords[violation.operator as keyof typeof operatorWords] ?? violation.operator} ${right} ${violation.right}`.trim();
}

/** The values whose change from the period before (or a year before) is larger than chance explains at small counts. */
export function unusualValues(view: ReportView): Array<Readonly<{ code: string; name: string; flag: 'rise' | 'drop'; total: number; against: 'previous' | 'lastYear'; reference: number }>> {
  const names = valueNames(view.set);
  // The flag compares with the period before, or with a year earlier when the station recorded nothing before (shared/reports/comparison.ts).
  return Object.entries(view.comparison).flatMap(([code, comparison]) =>
    comparison.flag === null
      ? []
      : [{ code, name: names.get(code)?.name ?? code, flag: comparison.flag, total: view.figures[code]?.total ?? 0, against: comparison.previous === null ? 'lastYear' : 'previous', reference: comparison.previous ?? comparison.lastYear ?? 0 }],
  );
}

/** An unusual change as one line: the value, this period's figure and the one it is compared with. */
export function unusualLine(t: (key: string, values?: Record<string, unknown>) => string, value: ReturnType<typeof unusualValues>[number]): string {
  return t(`reports.validation.unusual.${value.flag}`, { name: value.name, total: value.total, against: t(`reports.columns.${value.against}`), reference: value.reference });
}

/** A ratio indicator's rate as printed: "95.5%", or null while its denominator is 0. */
export function ratioText(view: ReportView, item: Indicator): string | null {
  const rate = view.ratios[item.id];
  return rate === null || rate === undefined || !item.ratio ? null : `${rate}${item.ratio.unit}`;
}

/** A category's options with their figures for one value, in the set's order. */
export function breakdownOf(view: ReportView, valueCode: string, categoryCode: string): Array<Readonly<{ code: string; name: string; figure: number }>> {
  const category = view.set.categories.find((candidate) => candidate.code === categoryCode);
  const figures = view.figures[valueCode]?.breakdown[categoryCode] ?? {};
  return (category?.options ?? []).map((option) => ({ code: option.code, name: option.name, figure: figures[option.code] ?? 0 }));
}

export const categoryName = (set: IndicatorSet, code: string) => set.categories.find((category) => category.code === code)?.name ?? code;

/** Items listed as the reader's language lists them ("男 3、女 5" in Chinese, "a 3, b 5" in English). */
export const listText = (locale: string, items: readonly string[]) => new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(items);

/** A category's options with their figures as one line of text: the print's compact breakdown and the charts' text. */
export const figuresText = (locale: string, items: ReadonlyArray<{ name: string; figure: number }>) => listText(locale, items.map((item) => `${item.name} ${item.figure}`));

/** A ratio indicator's line: how its rate is made from its parts, and the rate (or why there is none). */
export function ratioLine(t: (key: string, values?: Record<string, unknown>) => string, item: Indicator, rate: string | null): string {
  const name = (code: string) => item.values.find((value) => value.code === code)?.name ?? code;
  return t('reports.ratio', { numerator: name(item.ratio!.numerator), denominator: name(item.ratio!.denominator), per: item.ratio!.per, rate: rate ?? t('reports.noRatio') });
}
