import { factSources, reportDimensions, type FactSourceId } from './factSources.js';
import { indicatorSet, type Indicator, type IndicatorSet, type IndicatorValue, type ReportCategory } from './indicatorSetSchema.js';

export type IndicatorSetCheck = { ok: true; set: IndicatorSet } | { ok: false; problems: string[] };

function sourceOf(value: IndicatorValue) {
  return factSources[value.fact.source as FactSourceId] as (typeof factSources)[FactSourceId];
}

function valueProblems(value: IndicatorValue, where: string): string[] {
  const source = sourceOf(value);
  const problems: string[] = [];
  if (!Object.hasOwn(source.measures, value.fact.measure)) {
    problems.push(`${where}：数据来源“${source.label}”没有“${value.fact.measure}”这一统计方式（可用：${Object.keys(source.measures).join('、')}）。`);
  }
  for (const filter of value.fact.filters) {
    if (!(source.dimensions as readonly string[]).includes(filter.dimension)) problems.push(`${where}：数据来源“${source.label}”不能按“${reportDimensions[filter.dimension].label}”筛选。`);
  }
  return problems;
}

function categoryProblems(category: ReportCategory): string[] {
  const where = `分类 ${category.code}（${category.name}）`;
  const problems: string[] = [];
  const codes = new Set<string>();
  const seen = new Map<string, string>();
  for (const option of category.options) {
    if (codes.has(option.code)) problems.push(`${where}：选项代码 ${option.code} 重复。`);
    codes.add(option.code);
    if (option.ages && category.dimension !== 'age') problems.push(`${where}：只有年龄分类的选项能用年龄段（ages）。`);
    if (option.ages && option.ages[0] > option.ages[1]) problems.push(`${where}：选项 ${option.code} 的年龄段起点大于终点。`);
    if (option.values && category.dimension === 'age') problems.push(`${where}：年龄分类的选项须用年龄段（ages），不能列取值。`);
    for (const value of option.values ?? []) {
      const other = seen.get(value);
      // A value in two options of a one-valued dimension would count one record twice and break the options' sum.
      if (other !== undefined && !reportDimensions[category.dimension].many) problems.push(`${where}：取值“${value}”同时归入 ${other} 和 ${option.code}。`);
      seen.set(value, option.code);
    }
  }
  if (category.options.filter((option) => option.rest).length > 1) problems.push(`${where}：只能有一个“其他”（rest）选项。`);
  if (category.options.filter((option) => option.missing).length > 1) problems.push(`${where}：只能有一个“未知”（missing）选项。`);
  const ages = category.options.flatMap((option) => (option.ages ? [option.ages] : [])).sort((a, b) => a[0] - b[0]);
  for (let index = 1; index < ages.length; index += 1) {
    if (ages[index]![0] <= ages[index - 1]![1]) problems.push(`${where}：年龄段 ${ages[index - 1]!.join('–')} 与 ${ages[index]!.join('–')} 重叠。`);
  }
  return problems;
}

function indicatorProblems(item: Indicator, categories: ReadonlyMap<string, ReportCategory>): string[] {
  const where = `指标 ${item.id}（${item.name}）`;
  const problems = item.values.flatMap((value) => valueProblems(value, `${where}的 ${value.code}`));
  const codes = new Set(item.values.map((value) => value.code));
  if (item.type === 'ratio' && !item.ratio) problems.push(`${where}：比率指标须写明分子和分母（ratio）。`);
  if (item.ratio && item.type !== 'ratio') problems.push(`${where}：只有比率指标（type 为 ratio）能有 ratio。`);
  if (item.ratio && !(codes.has(item.ratio.numerator) && codes.has(item.ratio.denominator))) problems.push(`${where}：比率的分子和分母须是本指标的取值。`);
  const kinds = new Set(item.values.map((value) => sourceOf(value).kind));
  if (item.type === 'stock' && kinds.has('flow')) problems.push(`${where}：期末数（stock）指标只能取期末数据来源。`);
  if (item.type === 'flow' && !kinds.has('flow')) problems.push(`${where}：期间数（flow）指标至少须有一个期间数据来源。`);
  for (const code of item.disaggregations) {
    const category = categories.get(code);
    if (!category) {
      problems.push(`${where}：分类 ${code} 不存在。`);
      continue;
    }
    for (const value of item.values) {
      if (!(sourceOf(value).dimensions as readonly string[]).includes(category.dimension)) problems.push(`${where}的 ${value.code}：数据来源“${sourceOf(value).label}”不能按“${category.name}”分类。`);
    }
  }
  return problems;
}

/**
 * Everything the schema cannot say about an indicator set: unique ids and codes, measures and filters each source
 * really offers, categories a value's source can split, rules and layout columns naming values that exist. A
 * district's import gets every problem at once with its place, in Chinese; nothing is guessed.
 */
export function validateIndicatorSet(raw: unknown): IndicatorSetCheck {
  const parsed = indicatorSet.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '（根）'}：${issue.message}`) };
  const set = parsed.data;
  const problems: string[] = [];
  const categories = new Map<string, ReportCategory>();
  for (const category of set.categories) {
    if (categories.has(category.code)) problems.push(`分类代码 ${category.code} 重复。`);
    categories.set(category.code, category);
    problems.push(...categoryProblems(category));
  }
  const values = new Map<string, Indicator>();
  const indicatorIds = new Set<string>();
  for (const item of set.indicators) {
    if (indicatorIds.has(item.id)) problems.push(`指标编号 ${item.id} 重复。`);
    indicatorIds.add(item.id);
    for (const value of item.values) {
      if (values.has(value.code)) problems.push(`取值代码 ${value.code} 重复。`);
      values.set(value.code, item);
    }
    problems.push(...indicatorProblems(item, categories));
  }
  const ruleIds = new Set<string>();
  for (const rule of set.rules) {
    if (ruleIds.has(rule.id)) problems.push(`校验规则编号 ${rule.id} 重复。`);
    ruleIds.add(rule.id);
    for (const code of [...rule.left, ...rule.right]) if (!values.has(code)) problems.push(`校验规则 ${rule.id}（${rule.name}）：取值 ${code} 不存在。`);
  }
  for (const column of set.layout?.columns ?? []) {
    const owner = values.get(column.value);
    if (!owner) problems.push(`上报格式的列“${column.header}”：取值 ${column.value} 不存在。`);
    else if (column.category !== undefined && !owner.disaggregations.includes(column.category)) problems.push(`上报格式的列“${column.header}”：${column.value} 不按分类 ${column.category} 细分。`);
    else if (column.category !== undefined && !categories.get(column.category)?.options.some((option) => option.code === column.option)) problems.push(`上报格式的列“${column.header}”：分类 ${column.category} 没有选项 ${column.option ?? '（未填）'}。`);
    else if (column.category === undefined && column.option !== undefined) problems.push(`上报格式的列“${column.header}”：写了选项却没有写分类。`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, set };
}

/** An indicator set shipped with the app: a failure is a build bug, thrown at load. */
export function loadShippedIndicatorSet(raw: unknown): IndicatorSet {
  const checked = validateIndicatorSet(raw);
  if (!checked.ok) throw new Error(`shipped indicator set is invalid: ${checked.problems.join('; ')}`);
  return checked.set;
}
