import { toMinute } from './localTime.js';

/** The station's calendar day (the PC's time zone) as YYYY-MM-DD. */
export function localDay(instant: Date): string {
  return instant.toLocaleDateString('sv-SE');
}

/** A local calendar date (the station's own day) to the UTC instant it starts at, `dayOffset` days later. */
export function localDayStartUtc(date: string, dayOffset = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + dayOffset).toISOString();
}

/**
 * The local day of an instant inside the days `from`–`to`, found among those days' UTC starts (a binary search over
 * ISO strings, as the records store instants) instead of formatting a date per instant: a year's 31,000 scale results
 * spent 30 ms in toLocaleDateString. An instant before `from` starts is given `from`.
 */
export function localDayFinder(from: string, to: string): (instantIso: string) => string {
  const days: string[] = [];
  const starts: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push(day);
    starts.push(localDayStartUtc(day));
  }
  return (instantIso) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= instantIso) low = middle;
      else high = middle - 1;
    }
    return days[low]!;
  };
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The days `from` to `to` as wall-clock minutes: from the first one's start up to (not including) the day after the last. */
export function daysInMinutes(from: string, to: string): { fromMinute: number; toMinute: number } {
  return { fromMinute: toMinute(`${from}T00:00`), toMinute: toMinute(`${addDays(to, 1)}T00:00`) };
}

/** The station's wall clock (the PC's time zone) as YYYY-MM-DDTHH:mm. */
function localDateTime(instant: Date): string {
  return instant.toLocaleString('sv-SE').slice(0, 16).replace(' ', 'T');
}

/** The station's wall clock for file names: YYYYMMDD-HHmmss (sorts in time order, no characters a file system refuses). */
export function localFileStamp(instant: Date): string {
  return instant.toLocaleString('sv-SE').replace(/[-:]/g, '').replace(' ', '-').slice(0, 15);
}

/** The station's wall clock as a minute number (see localTime.ts), for comparing with bookings. */
export function localMinute(instant: Date): number {
  return toMinute(localDateTime(instant));
}

/**
 * The station's wall clock carried in a Date's UTC fields: formats that store local time without a zone (Excel's
 * serials, a ZIP entry's DOS time) read it from there, so the user sees the hour the station's clock showed.
 */
export function wallClockAsUtc(instant: Date): Date {
  return new Date(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate(), instant.getHours(), instant.getMinutes(), instant.getSeconds()));
}
