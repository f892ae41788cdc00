/** The kinds of period a district reads: DHIS2 expects one report a month, and longer periods add months up. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';
export type PeriodOption = Readonly<{ key: string; kind: PeriodKind; year: number; number: number }>;

const pad = (value: number) => String(value).padStart(2, '0');

/** The month before `today`'s (YYYY-MM-DD): the newest month every station can have reported whole. */
export function lastFullMonth(today: string): { year: number; month: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/**
 * The periods offered, newest first, ending with the ones holding the last full month: two years of months, eight
 * quarters, four halves, three years (a quarter or year still running shows the months reported so far).
 */
export function recentPeriods(today: string): Record<PeriodKind, PeriodOption[]> {
  const last = lastFullMonth(today);
  /** `count` periods back from the `current`-th since year 0, `per` to a year. */
  const cycle = (kind: PeriodKind, count: number, per: number, current: number, key: (year: number, number: number) => string): PeriodOption[] =>
    Array.from({ length: count }, (_, step) => {
      const index = current - step;
      const year = Math.floor(index / per);
      const number = (index % per) + 1;
      return { key: key(year, number), kind, year, number };
    });
  return {
    month: cycle('month', 24, 12, last.year * 12 + last.month - 1, (year, month) => `${year}-${pad(month)}`),
    quarter: cycle('quarter', 8, 4, last.year * 4 + Math.floor((last.month - 1) / 3), (year, quarter) => `${year}-Q${quarter}`),
    half: cycle('half', 4, 2, last.year * 2 + (last.month <= 6 ? 0 : 1), (year, half) => `${year}-H${half}`),
    year: cycle('year', 3, 1, last.year, (year) => String(year)),
  };
}

/** Today as the PC's calendar day. */
export const localToday = () => new Date().toLocaleDateString('sv-SE');
