import { factSources, reportDimensions, type FactRow, type FactSourceId, type MeasureSpec } from './factSources.js';
import type { CategoryOption, Indicator, IndicatorSet, IndicatorValue, ReportCategory } from './indicatorSetSchema.js';

/** A value's figures: its total and, per category it is broken down by, each option's figure. */
export type ValueFigures = Readonly<{ total: number; breakdown: Readonly<Record<string, Readonly<Record<string, number>>>> }>;
export type SetFigures = Readonly<Record<string, ValueFigures>>;
export type SourceRows = Readonly<Partial<Record<FactSourceId, readonly FactRow[]>>>;

type Raw = FactRow['dims'][keyof FactRow['dims']];

const isMissing = (raw: Raw) => raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0);
const rawValues = (raw: Raw): readonly string[] => (isMissing(raw) ? [] : Array.isArray(raw) ? raw : [String(raw)]);

function namedBy(option: CategoryOption, raw: Raw): boolean {
  if (option.missing && isMissing(raw)) return true;
  if (option.ages && typeof raw === 'number') return raw >= option.ages[0] && raw <= option.ages[1];
  return option.values !== undefined && rawValues(raw).some((value) => option.values!.includes(value));
}

/** Whether a record falls in an option: by its rules, or as "其他" when it has a value no other option names. */
export function inOption(category: ReportCategory, option: CategoryOption, row: FactRow): boolean {
  const raw = row.dims[category.dimension];
  if (namedBy(option, raw)) return true;
  if (!option.rest || isMissing(raw)) return false;
  const others = category.options.filter((other) => !other.rest);
  // A many-valued record (a client's tags) is "其他" when one of its values is named by no option.
  return reportDimensions[category.dimension].many
    ? rawValues(raw).some((value) => !others.some((other) => namedBy(other, [value])))
    : !others.some((other) => namedBy(other, raw));
}

/** The records a value counts: its source's rows that pass its filters. */
export function valueRows(value: IndicatorValue, rows: SourceRows): readonly FactRow[] {
  const all = rows[value.fact.source as FactSourceId] ?? [];
  return value.fact.filters.length === 0 ? all : all.filter((row) => value.fact.filters.every((filter) => passes(filter, row.dims[filter.dimension])));
}

/** Whether a record's value passes a filter: any value at all, or one of those named (no list made per record: a year's sessions are tens of thousands). */
function passes(filter: IndicatorValue['fact']['filters'][number], raw: Raw): boolean {
  if (isMissing(raw)) return false;
  if (filter.in === undefined) return true;
  return Array.isArray(raw) ? raw.some((item) => filter.in!.includes(item)) : filter.in.includes(String(raw));
}

function measureSpec(value: IndicatorValue): MeasureSpec {
  return (factSources[value.fact.source as FactSourceId].measures as Record<string, MeasureSpec>)[value.fact.measure]!;
}

const twoDecimals = (amount: number) => Math.round(amount * 100) / 100;

const weightOf = (row: FactRow) => row.weight ?? 1;

export const totalWeight = (rows: readonly FactRow[]) => rows.reduce((total, row) => total + weightOf(row), 0);

/** A measure taken record by record: each record added, the figure read at the end (no list of records made). */
type Tally = { add: (row: FactRow) => void; result: () => number };

/**
 * A running measure: how many records, how many clients (or distinct values of an amount), an amount's sum, or how
 * many records a flag marks. A grouped row (`weight`) counts as that many records; only sources that count are
 * grouped, never one counted by its people.
 */
function tally(spec: MeasureSpec): Tally {
  let total = 0;
  const seen = new Set<number>();
  switch (spec.kind) {
    case 'count':
      return { add: (row) => (total += weightOf(row)), result: () => total };
    case 'clients':
      return { add: (row) => row.clientId !== null && seen.add(row.clientId), result: () => seen.size };
    case 'distinct':
      return { add: (row) => row.amounts?.[spec.amount] !== undefined && seen.add(row.amounts[spec.amount]!), result: () => seen.size };
    case 'sum':
      return { add: (row) => (total += (row.amounts?.[spec.amount] ?? 0) * weightOf(row)), result: () => twoDecimals(total) };
    case 'flagged':
      return { add: (row) => row.flags?.[spec.flag] === true && (total += weightOf(row)), result: () => total };
  }
}

/** A measure over records (see tally). */
export function measure(value: IndicatorValue, rows: readonly FactRow[]): number {
  const running = tally(measureSpec(value));
  for (const row of rows) running.add(row);
  return running.result();
}

/** Whether a measure adds up across periods (a count does; distinct clients of two months may be the same people). */
export function additiveOverTime(value: IndicatorValue): boolean {
  const kind = measureSpec(value).kind;
  return kind !== 'clients' && kind !== 'distinct' && factSources[value.fact.source as FactSourceId].kind === 'flow';
}

/** Whether a value is an end-of-period stock (quarters and years take its last month, never a sum). */
export function isStock(value: IndicatorValue): boolean {
  return factSources[value.fact.source as FactSourceId].kind === 'stock';
}

/** The records a measure counts: those its flag marks (abnormal results, receipted referrals …), else all of them. */
export function countedRows(value: IndicatorValue, rows: readonly FactRow[]): readonly FactRow[] {
  const spec = measureSpec(value);
  return spec.kind === 'flagged' ? rows.filter((row) => row.flags?.[spec.flag] === true) : rows;
}

/**
 * The records a breakdown of a value classifies. A count of distinct people puts each person in one option of a
 * one-valued category — the one of their latest record in the period (a client who turns 35 mid-quarter is counted at
 * 35) — so the options add up to the total, as DHIS2 adds a breakdown's cells and as the shared copy's hiding assumes;
 * for a many-valued category (tags) a person is in every option they belong to, and every other measure classifies
 * every record. `latest` is the value's latest record of each person, when already worked out.
 */
function classifiedRows(value: IndicatorValue, category: ReportCategory, rows: readonly FactRow[], latest?: () => readonly FactRow[]): readonly FactRow[] {
  const spec = measureSpec(value);
  if ((spec.kind !== 'clients' && spec.kind !== 'distinct') || reportDimensions[category.dimension].many) return rows;
  return latest ? latest() : latestOfEach(spec, rows);
}

/** Each person's latest record (a count of people's subject: the client, or the amount counted distinct). */
function latestOfEach(spec: MeasureSpec, rows: readonly FactRow[]): FactRow[] {
  const subject = (row: FactRow) => (spec.kind === 'clients' ? row.clientId : spec.kind === 'distinct' ? (row.amounts?.[spec.amount] ?? null) : null);
  const latest = new Map<number, FactRow>();
  for (const row of rows) {
    const id = subject(row);
    if (id === null) continue;
    const known = latest.get(id);
    if (!known || row.day > known.day || (row.day === known.day && row.id > known.id)) latest.set(id, row);
  }
  return [...latest.values()];
}

/** The records behind one option of a value's breakdown (the drill-down's list). */
export function rowsInOption(value: IndicatorValue, category: ReportCategory, option: CategoryOption, rows: readonly FactRow[]): FactRow[] {
  return classifiedRows(value, category, rows).filter((row) => inOption(category, option, row));
}

/**
 * Each option's figure of one breakdown, in one pass over the records: a record's options are worked out once per
 * distinct raw value (a month's thousands of sessions hold a few sexes, ages and modalities; whether a record is in
 * an option depends on nothing else), and each record is added to its options' running measures. A list (a client's
 * tags, a case's topics) is looked up by the list itself first: the directory gives each client's and each case's
 * records the same one, so its text is joined once per distinct list, not once per record.
 */
function breakdownOf(value: IndicatorValue, category: ReportCategory, rows: readonly FactRow[], latest: () => readonly FactRow[]): Record<string, number> {
  const spec = measureSpec(value);
  const tallies = category.options.map((option) => ({ option, tally: tally(spec) }));
  const byValue = new Map<Raw, readonly Tally[]>();
  const byListText = new Map<string, readonly Tally[]>();
  const talliesOf = (row: FactRow): readonly Tally[] => {
    const raw = row.dims[category.dimension];
    let found = byValue.get(raw);
    if (found) return found;
    const text = Array.isArray(raw) ? raw.join('\u0001') : null;
    found = (text === null ? undefined : byListText.get(text)) ?? tallies.filter(({ option }) => inOption(category, option, row)).map((entry) => entry.tally);
    if (text !== null) byListText.set(text, found);
    byValue.set(raw, found);
    return found;
  };
  for (const row of classifiedRows(value, category, rows, latest)) for (const running of talliesOf(row)) running.add(row);
  return Object.fromEntries(tallies.map(({ option, tally: running }) => [option.code, running.result()]));
}

/** The sources a set's values count, each once. */
export function sourcesOf(set: IndicatorSet): FactSourceId[] {
  return [...new Set(set.indicators.flatMap((item) => item.values.map((value) => value.fact.source as FactSourceId)))];
}

/** One value's figures: its total and, when asked, each breakdown its indicator has. */
function valueFigures(item: Indicator, value: IndicatorValue, rows: SourceRows, categories: ReadonlyMap<string, ReportCategory>, breakdowns: boolean): ValueFigures {
  const selected = valueRows(value, rows);
  // Each one-valued breakdown of a count of people classifies the same latest records: worked out once.
  let latest: readonly FactRow[] | undefined;
  const latestOnce = () => (latest ??= latestOfEach(measureSpec(value), selected));
  const breakdown: Record<string, Record<string, number>> = {};
  if (breakdowns) for (const code of item.disaggregations) breakdown[code] = breakdownOf(value, categories.get(code)!, selected, latestOnce);
  return { total: measure(value, selected), breakdown };
}

/**
 * The figures of the values that count one source's records: a report's figures are these for each source it reads,
 * so a kept reading recomputes only the sources whose records changed.
 */
export function sourceFigures(set: IndicatorSet, source: FactSourceId, rows: readonly FactRow[], options: Readonly<{ breakdowns: boolean }>): Record<string, ValueFigures> {
  const categories = new Map(set.categories.map((category) => [category.code, category]));
  const figures: Record<string, ValueFigures> = {};
  for (const item of set.indicators) {
    for (const value of item.values) if (value.fact.source === source) figures[value.code] = valueFigures(item, value, { [source]: rows }, categories, options.breakdowns);
  }
  return figures;
}

/**
 * Whether a source's figures are sums over its clients: every measure it has counts records, counts clients, adds an
 * amount or counts flagged records, so its figures over some clients' records plus those over the rest's are the
 * figures over all (a distinct count of people puts each one in an option by their own records). Its kept figures can
 * then be patched for the clients that changed instead of counted again (issue 15).
 */
export function sumsOverClients(source: FactSourceId): boolean {
  return Object.values(factSources[source].measures as Record<string, MeasureSpec>).every((spec) => spec.kind !== 'distinct');
}

/** `figures` with what `removed` counted taken out and what `added` counted put in (all three of one source and set). */
export function shiftFigures(
  figures: Readonly<Record<string, ValueFigures>>,
  added: Readonly<Record<string, ValueFigures>>,
  removed: Readonly<Record<string, ValueFigures>>,
): Record<string, ValueFigures> {
  const shift = (value: number, code: string, pick: (figures: ValueFigures) => number | undefined) => twoDecimals(value + pick(added[code]!)! - pick(removed[code]!)!);
  return Object.fromEntries(
    Object.entries(figures).map(([code, value]) => [
      code,
      {
        total: shift(value.total, code, (other) => other.total),
        breakdown: Object.fromEntries(
          Object.entries(value.breakdown).map(([category, options]) => [
            category,
            Object.fromEntries(Object.entries(options).map(([option, count]) => [option, shift(count, code, (other) => other.breakdown[category]![option])])),
          ]),
        ),
      },
    ]),
  );
}

/** A set's figures from each source's (asked once per source), in the set's order of values. */
export function assembleFigures(set: IndicatorSet, figuresOf: (source: FactSourceId) => Readonly<Record<string, ValueFigures>>): SetFigures {
  const bySource = new Map<FactSourceId, Readonly<Record<string, ValueFigures>>>();
  const figures: Record<string, ValueFigures> = {};
  for (const item of set.indicators) {
    for (const value of item.values) {
      const source = value.fact.source as FactSourceId;
      if (!bySource.has(source)) bySource.set(source, figuresOf(source));
      figures[value.code] = bySource.get(source)![value.code]!;
    }
  }
  return figures;
}

/**
 * Every value of the set from the records of one period: totals, and for each category an indicator is broken down
 * by, each option's figure (one category at a time: reports-standards.md §6.3 rule 4 keeps cross-classification out).
 * A period compared with needs its totals only (`breakdowns: false`).
 */
export function computeFigures(set: IndicatorSet, rows: SourceRows, options: Readonly<{ breakdowns: boolean }> = { breakdowns: true }): SetFigures {
  return assembleFigures(set, (source) => sourceFigures(set, source, rows[source] ?? [], options));
}

/** Every ratio indicator's rate, by indicator id. */
export function ratiosOf(set: IndicatorSet, figures: SetFigures): Record<string, number | null> {
  return Object.fromEntries(set.indicators.filter((item) => item.ratio).map((item) => [item.id, ratioOf(item, figures)]));
}

/** A ratio indicator's rate from its summed parts (never an average of rates); null while its denominator is 0. */
export function ratioOf(item: Indicator, figures: SetFigures): number | null {
  if (!item.ratio) return null;
  const numerator = figures[item.ratio.numerator]?.total;
  const denominator = figures[item.ratio.denominator]?.total;
  if (numerator === undefined || denominator === undefined || denominator === 0) return null;
  return Math.round((numerator / denominator) * item.ratio.per * 10) / 10;
}
