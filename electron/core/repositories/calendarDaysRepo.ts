import type { calendarDayKinds } from '../../../shared/api/schemas/appointments.js';
import type { Db } from '../db/driver.js';

export type StationDay = { kind: (typeof calendarDayKinds)[number]; name: string };

/** The station's own entry for a day (a closure, or a holiday or 调休 day entered by hand). */
export function stationDay(db: Db, day: string): StationDay | undefined {
  return db.prepare('SELECT kind, name FROM calendar_days WHERE day = ?').get(day) as StationDay | undefined;
}

/** Has the station entered any holiday or 调休 day for this year (standing in for the official schedule)? */
export function hasEnteredHolidays(db: Db, year: number): boolean {
  return db.prepare("SELECT 1 FROM calendar_days WHERE day LIKE ? AND kind IN ('holiday', 'workday')").get(`${year}-%`) !== undefined;
}

export function saveStationDay(db: Db, day: string, entry: StationDay): void {
  db.prepare('INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name').run(day, entry.kind, entry.name);
}

/** False when the station had no entry for the day. */
export function deleteStationDay(db: Db, day: string): boolean {
  return db.prepare('DELETE FROM calendar_days WHERE day = ?').run(day).changes > 0;
}
