import type { DistrictOverview, DistrictSettings } from '../api/schemas/district.js';
import { parsePeriod } from '../domain/periods.js';
import { ratioOf, ratiosOf, type SetFigures } from './compute.js';
import { derivedIndicators } from './derivedIndicators.js';
import { combineMonths, monthCompleteness, sixMonthsTo, strongRate, sumStations, type Completeness, type RegisteredStation } from './district.js';
import type { IndicatorSet } from './indicatorSetSchema.js';
import { monthsOf } from './periodShift.js';

/** A kept package as the overview reads it: whose, which month and version, when the station made it, its figures. */
export type ReceivedReport = Readonly<{ stationId: number; period: string; version: number; generatedAt: string; figures: SetFigures }>;

export const reportKey = (stationId: number, period: string) => `${stationId}@${period}`;

/** Each station's newest version of each period it sent, by `reportKey` (an older version is replaced, never added). */
export function newestVersions<T extends Readonly<{ stationId: number; period: string; version: number }>>(reports: readonly T[]): Map<string, T> {
  const newest = new Map<string, T>();
  for (const report of reports) {
    const key = reportKey(report.stationId, report.period);
    if ((newest.get(key)?.version ?? 0) < report.version) newest.set(key, report);
  }
  return newest;
}

const statusRank = { notExpected: -1, onTime: 0, late: 1, missing: 2 } as const;

/** A longer period's completeness: the months' expected and received reports added up (DHIS2 expects one per month). */
function sumCompleteness(months: readonly Completeness[]): DistrictOverview['completeness'] {
  const add = (key: 'expected' | 'received' | 'onTime' | 'late' | 'missing') => months.reduce((total, month) => total + month[key], 0);
  const expected = add('expected');
  const share = (part: number) => (expected === 0 ? null : Math.round((part / expected) * 1000) / 10);
  const rate = share(add('received'));
  return { expected, received: add('received'), onTime: add('onTime'), late: add('late'), missing: add('missing'), rate, onTimeRate: share(add('onTime')), strong: rate !== null && rate >= strongRate };
}

/**
 * The period as a district sees it (issue 14), from its register and every version it kept: each station's newest
 * version of each month, its months combined (flows summed, stocks the last), the stations added up, rates recomputed,
 * completeness and timeliness month by month (every version counts for timeliness: the first one made decides it;
 * the six months before each month tell whether a station fell silent), and DST01–DST06. `reports` may hold months
 * outside the period: they serve the silence flag only.
 */
export function buildDistrictOverview(set: IndicatorSet, settings: DistrictSettings, stations: readonly (RegisteredStation & { name: string })[], reports: readonly ReceivedReport[], period: string): DistrictOverview {
  const range = parsePeriod(period)!;
  const months = monthsOf(range);
  const newest = newestVersions(reports);
  const perMonth = months.map((month) => {
    const bounds = parsePeriod(month)!;
    return monthCompleteness(stations, reports, { key: month, from: bounds.from, to: bounds.to }, settings.timelyDays);
  });
  const checklist = set.indicators.find((item) => item.id === 'CHK01');
  const rows = stations.map((station) => {
    const received = months.flatMap((month) => newest.get(reportKey(station.id, month)) ?? []);
    const figures = received.length === 0 ? null : combineMonths(set, received.map((report) => report.figures));
    const statuses = perMonth.map((month) => month.stations.find((row) => row.stationId === station.id)!);
    const worst = statuses.reduce((a, b) => (statusRank[b.status] > statusRank[a.status] ? b : a));
    return {
      stationId: station.id,
      name: station.name,
      regionCode: station.regionCode,
      status: worst.status,
      generatedAt: received.at(-1)?.generatedAt ?? null,
      version: received.at(-1)?.version ?? null,
      silentSixMonths: statuses.at(-1)!.silentSixMonths,
      figures,
      checklistPercent: figures && checklist ? ratioOf(checklist, figures) : null,
    };
  });
  const totals = sumStations(set, rows.flatMap((row) => (row.figures ? [row.figures] : [])));
  const completeness = sumCompleteness(perMonth);
  return {
    period: { key: period, from: range.from, to: range.to, label: range.label },
    set,
    settings,
    completeness,
    stations: rows.filter((row) => row.status !== 'notExpected' || row.figures !== null),
    totals,
    ratios: ratiosOf(set, totals),
    derived: derivedIndicators(totals, completeness, settings, months.length),
  };
}

/** The months whose packages an overview of a period reads: its own and the six before each (the silence flag). */
export function monthsRead(period: string): string[] {
  return [...new Set(monthsOf(parsePeriod(period)!).flatMap(sixMonthsTo))];
}
