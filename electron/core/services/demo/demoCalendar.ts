import { addDays } from '../../../../shared/domain/dates.js';
import { weekdayOf } from '../../../../shared/domain/localTime.js';

/** A working day: a weekend date moves to the Monday after. */
export function weekday(day: string): string {
  const weekdayNumber = weekdayOf(day);
  return weekdayNumber > 5 ? addDays(day, 8 - weekdayNumber) : day;
}

/** The first day of the month `monthsBack` months before today's (negative: months ahead). */
export function monthStart(today: string, monthsBack: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 - monthsBack;
  const start = new Date(Date.UTC(year, month, 1));
  return start.toISOString().slice(0, 10);
}
