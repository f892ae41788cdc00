import { addDays } from '../domain/dates.js';

/** A range of local calendar days, both ends included. */
export type DayRange = Readonly<{ from: string; to: string }>;

const pad = (value: number) => String(value).padStart(2, '0');
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const firstOf = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
const lastOf = (index: number) => addDays(firstOf(index + 1), -1);

/** Whole months from the first of one to the last day of another: how many, else null. */
function wholeMonths(range: DayRange): number | null {
  if (range.from.slice(8) !== '01' || addDays(range.to, 1).slice(8) !== '01') return null;
  return monthIndex(range.to) - monthIndex(range.from) + 1;
}

/** The same span of whole months `months` earlier. */
function monthsEarlier(range: DayRange, span: number, months: number): DayRange {
  const start = monthIndex(range.from) - months;
  return { from: firstOf(start), to: lastOf(start + span - 1) };
}

/** The period just before: the month, quarter, half or year before; a custom range the same number of days before. */
export function previousRange(range: DayRange): DayRange {
  const span = wholeMonths(range);
  if (span !== null) return monthsEarlier(range, span, span);
  const days = Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.to, -days) };
}

/** The same period a year earlier (February's last day stays the month's last day). */
export function yearEarlierRange(range: DayRange): DayRange {
  const span = wholeMonths(range);
  if (span !== null) return monthsEarlier(range, span, 12);
  const back = (day: string) => {
    const shifted = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    return shifted.endsWith('-02-29') ? shifted.replace('-02-29', '-02-28') : shifted;
  };
  return { from: back(range.from), to: back(range.to) };
}

/** The `count` months ending with one (YYYY-MM), oldest first, as day ranges with their keys. */
export function monthsUpTo(month: string, count: number): Array<DayRange & { key: string }> {
  const last = monthIndex(`${month}-01`);
  return Array.from({ length: count }, (_, index) => {
    const at = last - count + 1 + index;
    return { key: firstOf(at).slice(0, 7), from: firstOf(at), to: lastOf(at) };
  });
}

/** The twelve months ending with one: the report's trend charts. */
export const twelveMonths = (month: string) => monthsUpTo(month, 12);

/** The month keys (YYYY-MM) a range of whole months covers, oldest first. */
export function monthsOf(range: DayRange): string[] {
  const first = monthIndex(range.from);
  return Array.from({ length: monthIndex(range.to) - first + 1 }, (_, index) => firstOf(first + index).slice(0, 7));
}

/** The month before `today`'s (YYYY-MM): the last month a station can report whole (reports are made after a period ends). */
export function lastFullMonth(today: string): string {
  return monthsUpTo(today.slice(0, 7), 2)[0]!.key;
}
