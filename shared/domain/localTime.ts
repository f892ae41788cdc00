/**
 * Station-local wall time as minutes since 1970-01-01 00:00 (no time zone arithmetic: mainland
 * China keeps UTC+8 all year). `2026-11-23T09:30` ⇄ a minute number, and the day and weekday of it.
 */
export function toMinute(localDateTime: string): number {
  const [day, time] = localDateTime.split('T') as [string, string];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return Date.parse(`${day}T00:00:00Z`) / 60_000 + hours * 60 + minutes;
}

export function fromMinute(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 16);
}

export function dayOf(minute: number): string {
  return fromMinute(minute).slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO), the order Chinese calendars print. */
export function weekdayOf(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export const minutesPerDay = 1440;

export function minuteOfDay(minute: number): number {
  return ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
}

/** "09:30" → 570; "24:00" → 1440 (end of day). */
export function clockToMinute(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function minuteToClock(minuteInDay: number): string {
  return `${String(Math.floor(minuteInDay / 60)).padStart(2, '0')}:${String(minuteInDay % 60).padStart(2, '0')}`;
}
