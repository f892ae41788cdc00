import type { DutyLog, DutyLogInput, DutyShift, DutyShiftInput } from '../../../shared/api/schemas/duty.js';
import type { Db } from '../db/driver.js';

/** A log as stored; the service adds whether this user may edit it. */
export type StoredDutyLog = Omit<DutyLog, 'editable'> & Readonly<{ createdBy: number }>;
/** A time range of one person's day, for the overlap checks and the hours. */
export type DayRange = Readonly<{ id: number; userId: number; day: string; startTime: string; endTime: string }>;
export type DutyTable = 'duty_shifts' | 'duty_logs';

type ShiftRow = { id: number; user_id: number; display_name: string; day: string; start_time: string; end_time: string; note: string };
type LogRow = Omit<ShiftRow, 'note'> & {
  visitors_received: number;
  calls_received: number;
  events: string;
  incidents: string;
  handover: string;
  created_by: number;
  created_at: string;
  updated_at: string;
};

const toShift = (row: ShiftRow): DutyShift => ({
  id: row.id,
  onDuty: { id: row.user_id, displayName: row.display_name },
  date: row.day,
  startTime: row.start_time,
  endTime: row.end_time,
  note: row.note,
});

const toLog = (row: LogRow): StoredDutyLog => ({
  id: row.id,
  onDuty: { id: row.user_id, displayName: row.display_name },
  date: row.day,
  startTime: row.start_time,
  endTime: row.end_time,
  visitorsReceived: row.visitors_received,
  callsReceived: row.calls_received,
  events: row.events,
  incidents: row.incidents,
  handover: row.handover,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const selectShifts = 'SELECT s.*, u.display_name FROM duty_shifts s JOIN users u ON u.id = s.user_id';
const selectLogs = 'SELECT l.*, u.display_name FROM duty_logs l JOIN users u ON u.id = l.user_id';

export function readShift(db: Db, id: number): DutyShift | undefined {
  const row = db.prepare(`${selectShifts} WHERE s.id = ?`).get(id) as ShiftRow | undefined;
  return row && toShift(row);
}

/** A period's roster by day and start (served by duty_shifts_by_day). */
export function listShifts(db: Db, from: string, to: string): DutyShift[] {
  return (db.prepare(`${selectShifts} WHERE s.day BETWEEN ? AND ? ORDER BY s.day, s.start_time, s.id`).all(from, to) as ShiftRow[]).map(toShift);
}

export function insertShift(db: Db, shift: DutyShiftInput, createdBy: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO duty_shifts (user_id, day, start_time, end_time, note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(shift.onDutyId, shift.date, shift.startTime, shift.endTime, shift.note, createdBy, at, at);
  return Number(lastInsertRowid);
}

export function updateShift(db: Db, id: number, shift: DutyShiftInput, at: string): void {
  db.prepare('UPDATE duty_shifts SET user_id = ?, day = ?, start_time = ?, end_time = ?, note = ?, updated_at = ? WHERE id = ?').run(
    shift.onDutyId,
    shift.date,
    shift.startTime,
    shift.endTime,
    shift.note,
    at,
    id,
  );
}

/** A roster entry is a plan, not a record: removing one deletes it (the audit keeps who and which day). */
export function deleteShift(db: Db, id: number): void {
  db.prepare('DELETE FROM duty_shifts WHERE id = ?').run(id);
}

export function readLog(db: Db, id: number): StoredDutyLog | undefined {
  const row = db.prepare(`${selectLogs} WHERE l.id = ?`).get(id) as LogRow | undefined;
  return row && toLog(row);
}

export function listLogs(db: Db, filter: Readonly<{ from: string; to: string; onDutyId?: number | undefined }>): StoredDutyLog[] {
  const rows = db
    .prepare(`${selectLogs} WHERE l.day BETWEEN @from AND @to AND (@userId IS NULL OR l.user_id = @userId) ORDER BY l.day, l.start_time, l.id`)
    .all({ from: filter.from, to: filter.to, userId: filter.onDutyId ?? null }) as LogRow[];
  return rows.map(toLog);
}

const logParams = (log: DutyLogInput) => ({
  userId: log.onDutyId,
  day: log.date,
  startTime: log.startTime,
  endTime: log.endTime,
  visitors: log.visitorsReceived,
  calls: log.callsReceived,
  events: log.events,
  incidents: log.incidents,
  handover: log.handover,
});

export function insertLog(db: Db, log: DutyLogInput, createdBy: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO duty_logs (user_id, day, start_time, end_time, visitors_received, calls_received, events, incidents, handover, created_by, created_at, updated_at)
       VALUES (@userId, @day, @startTime, @endTime, @visitors, @calls, @events, @incidents, @handover, @createdBy, @at, @at)`,
    )
    .run({ ...logParams(log), createdBy, at });
  return Number(lastInsertRowid);
}

export function updateLog(db: Db, id: number, log: DutyLogInput, at: string): void {
  db.prepare(
    `UPDATE duty_logs SET user_id = @userId, day = @day, start_time = @startTime, end_time = @endTime, visitors_received = @visitors, calls_received = @calls,
       events = @events, incidents = @incidents, handover = @handover, updated_at = @at
     WHERE id = @id`,
  ).run({ ...logParams(log), id, at });
}

/** The first of this person's shifts or logs that day overlapping start–end (touching ends do not overlap), leaving out `exceptId`. */
export function firstOverlap(db: Db, table: DutyTable, range: Omit<DayRange, 'id'>, exceptId: number | null): DayRange | undefined {
  return db
    .prepare(
      `SELECT id, user_id AS userId, day, start_time AS startTime, end_time AS endTime FROM ${table}
       WHERE user_id = @userId AND day = @day AND start_time < @endTime AND end_time > @startTime AND id IS NOT @exceptId
       ORDER BY start_time LIMIT 1`,
    )
    .get({ ...range, exceptId }) as DayRange | undefined;
}
