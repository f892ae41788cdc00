/**
 * The district's arithmetic over its stations' monthly reports (issue 14, "the district's view"): totals are sums of
 * the stations' figures (a rate is recomputed from its summed parts, never averaged), a longer period sums each
 * station's monthly flows and takes its last month's stocks (reports-standards.md §3.1: never sum stocks over time),
 * and completeness and timeliness follow DHIS2's reporting rates (§5.6: expected = stations active in the period;
 * on time = within `timelyDays` after the period's end; station-work-and-reporting.md §4.4: ≥ 90 % is strong, and a
 * station silent for six months is flagged as FASTR tags inactive facilities).
 */
import { addDays, localDay } from '../domain/dates.js';
import { isStock, type SetFigures, type ValueFigures } from './compute.js';
import type { IndicatorSet } from './indicatorSetSchema.js';
import { monthsUpTo } from './periodShift.js';

type MutableFigures = Record<string, { total: number; breakdown: Record<string, Record<string, number>> }>;

const twoDecimals = (amount: number) => Math.round(amount * 100) / 100;

function addInto(target: MutableFigures, code: string, figures: ValueFigures): void {
  const into = (target[code] ??= { total: 0, breakdown: {} });
  into.total = twoDecimals(into.total + figures.total);
  for (const [category, cells] of Object.entries(figures.breakdown)) {
    const row = (into.breakdown[category] ??= {});
    for (const [option, value] of Object.entries(cells)) row[option] = twoDecimals((row[option] ?? 0) + value);
  }
}

/** Several stations' figures for the same period added up (each station's clients are its own, so people add too). */
export function sumStations(set: IndicatorSet, reports: readonly SetFigures[]): SetFigures {
  const total: MutableFigures = {};
  for (const item of set.indicators) for (const value of item.values) for (const figures of reports) if (figures[value.code]) addInto(total, value.code, figures[value.code]!);
  return total;
}

/**
 * One station's months (oldest first) as one longer period: flows summed, stocks the last month's. A count of
 * distinct people summed over months counts a person once per month (人月): the station's own report over the whole
 * range is the exact figure, which a district holding monthly aggregates cannot recover.
 */
export function combineMonths(set: IndicatorSet, months: readonly SetFigures[]): SetFigures {
  const combined: MutableFigures = {};
  for (const item of set.indicators) {
    for (const value of item.values) {
      const present = months.filter((figures) => figures[value.code] !== undefined);
      if (present.length === 0) continue;
      if (isStock(value)) addInto(combined, value.code, present.at(-1)![value.code]!);
      else for (const figures of present) addInto(combined, value.code, figures[value.code]!);
    }
  }
  return combined;
}

export type RegisteredStation = Readonly<{ id: number; name: string; regionCode: string; establishedOn: string; withdrawnOn: string | null }>;
/** The first version a station sent for a month, and when it made it (the signed time in its package). */
export type Receipt = Readonly<{ stationId: number; period: string; generatedAt: string }>;
export type StationStatus = 'onTime' | 'late' | 'missing' | 'notExpected';

export type Completeness = Readonly<{
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  /** Received ÷ expected and on time ÷ expected, in percent with one decimal; null when nothing was expected. */
  rate: number | null;
  onTimeRate: number | null;
  /** ≥ 90 % of the expected reports arrived (implementers call that strong). */
  strong: boolean;
  stations: ReadonlyArray<Readonly<{ stationId: number; status: StationStatus; generatedAt: string | null; silentSixMonths: boolean }>>;
}>;

/** The band DHIS2 implementers call strong reporting (station-work-and-reporting.md §4.4): a rate of at least 90 %. */
export const strongRate = 90;

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The month keys of the six months up to and including one (YYYY-MM), oldest first. */
export function sixMonthsTo(month: string): string[] {
  return monthsUpTo(month, 6).map((entry) => entry.key);
}

/**
 * Who reported a month and when. Expected: stations open on the month's last day and not closed before it ends
 * (DHIS2's org unit assignment; a closed or not-yet-opened station never depresses the rate). On time: the package was
 * made within `timelyDays` days after the month's end (0 ignores timeliness, as DHIS2's maintenance app says).
 */
export function monthCompleteness(stations: readonly RegisteredStation[], receipts: readonly Receipt[], month: { key: string; from: string; to: string }, timelyDays: number): Completeness {
  const first = new Map<number, Receipt>();
  for (const receipt of receipts) {
    if (receipt.period !== month.key) continue;
    const known = first.get(receipt.stationId);
    if (!known || receipt.generatedAt < known.generatedAt) first.set(receipt.stationId, receipt);
  }
  const recent = new Set(sixMonthsTo(month.key));
  const reportedRecently = new Set(receipts.filter((receipt) => recent.has(receipt.period)).map((receipt) => receipt.stationId));
  const deadline = addDays(month.to, timelyDays);
  const rows = stations.map((station) => {
    const expected = station.establishedOn <= month.to && (station.withdrawnOn === null || station.withdrawnOn > month.to);
    const receipt = first.get(station.id);
    const status: StationStatus = !expected ? 'notExpected' : !receipt ? 'missing' : timelyDays === 0 || localDay(new Date(receipt.generatedAt)) <= deadline ? 'onTime' : 'late';
    // Six months silent only means something for a station open all that time.
    const silentSixMonths = expected && station.establishedOn <= `${sixMonthsTo(month.key)[0]!}-01` && !reportedRecently.has(station.id);
    return { stationId: station.id, status, generatedAt: receipt?.generatedAt ?? null, silentSixMonths };
  });
  const count = (status: StationStatus) => rows.filter((row) => row.status === status).length;
  const expected = rows.filter((row) => row.status !== 'notExpected').length;
  const onTime = count('onTime');
  const late = count('late');
  const rate = percent(onTime + late, expected);
  return { expected, received: onTime + late, onTime, late, missing: count('missing'), rate, onTimeRate: percent(onTime, expected), strong: rate !== null && rate >= strongRate, stations: rows };
}
