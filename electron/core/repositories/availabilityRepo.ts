import type { Db } from '../db/driver.js';

/** One weekly range a counsellor can be booked in, in minutes of the day. */
export type WeeklyRange = { weekday: number; start: number; end: number };
export type AvailabilityException = { id: number; fromDay: string; toDay: string; kind: 'leave' | 'unavailable'; note: string };

export function weeklyRangesOf(db: Db, userId: number): WeeklyRange[] {
  return db.prepare('SELECT weekday, start_minute AS start, end_minute AS end FROM availability WHERE user_id = ? ORDER BY weekday, start_minute').all(userId) as WeeklyRange[];
}

/** A counsellor's weekly pattern is replaced whole. */
export function replaceWeeklyRanges(db: Db, userId: number, ranges: readonly WeeklyRange[]): void {
  db.prepare('DELETE FROM availability WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO availability (user_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)');
  for (const range of ranges) insert.run(userId, range.weekday, range.start, range.end);
}

/** Leave and unavailable days, earliest first (for display). */
export function exceptionsOf(db: Db, userId: number): AvailabilityException[] {
  return db.prepare('SELECT id, from_day AS fromDay, to_day AS toDay, kind, note FROM availability_exceptions WHERE user_id = ? ORDER BY from_day').all(userId) as AvailabilityException[];
}

/** Leave and unavailable days in the order they were entered (the booking checks name the first that covers a day). */
export function leaveOf(db: Db, userId: number): Array<{ fromDay: string; toDay: string; kind: string }> {
  return db.prepare('SELECT from_day AS fromDay, to_day AS toDay, kind FROM availability_exceptions WHERE user_id = ?').all(userId) as Array<{ fromDay: string; toDay: string; kind: string }>;
}

export function insertException(db: Db, exception: { userId: number; fromDay: string; toDay: string; kind: AvailabilityException['kind']; note: string }): void {
  db.prepare('INSERT INTO availability_exceptions (user_id, from_day, to_day, kind, note) VALUES (?, ?, ?, ?, ?)').run(
    exception.userId,
    exception.fromDay,
    exception.toDay,
    exception.kind,
    exception.note,
  );
}

/** Whose leave or unavailable entry this is; undefined when there is none. */
export function exceptionOwner(db: Db, id: number): number | undefined {
  return (db.prepare('SELECT user_id AS userId FROM availability_exceptions WHERE id = ?').get(id) as { userId: number } | undefined)?.userId;
}

export function deleteException(db: Db, id: number): void {
  db.prepare('DELETE FROM availability_exceptions WHERE id = ?').run(id);
}
