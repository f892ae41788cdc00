import type { StoredAppointment } from '../../../shared/api/schemas/appointments.js';
import { dayOf, fromMinute, minutesPerDay } from '../../../shared/domain/localTime.js';
import type { Db } from '../db/driver.js';

type Row = {
  id: number;
  series_id: number | null;
  client_id: number | null;
  client_name: string | null;
  client_phone: string | null;
  walk_in_name: string;
  walk_in_phone: string;
  counsellor_id: number;
  counsellor_name: string;
  room_id: number;
  room_name: string;
  start_minute: number;
  end_minute: number;
  type: StoredAppointment['type'];
  status: StoredAppointment['status'];
  notes: string;
  override_reason: string;
  cancel_reason: string;
  session_id: number | null;
  reschedule_count: number;
  cancelled_by_name: string | null;
};

/** `bookings` is the appointments table as `a`, with the index to read it by where one is named. */
const selectFrom = (bookings: string) => `SELECT a.*, c.name AS client_name, c.phone AS client_phone, u.display_name AS counsellor_name, r.name AS room_name, cu.display_name AS cancelled_by_name
  FROM ${bookings} LEFT JOIN clients c ON c.id = a.client_id JOIN users u ON u.id = a.counsellor_id JOIN rooms r ON r.id = a.room_id
  LEFT JOIN users cu ON cu.id = a.cancelled_by`;
const select = selectFrom('appointments a');

const toRecord = (row: Row): StoredAppointment => ({
  id: row.id,
  seriesId: row.series_id,
  clientId: row.client_id,
  who: row.client_name ?? row.walk_in_name,
  walkInPhone: row.walk_in_phone,
  phone: row.client_phone || row.walk_in_phone,
  counsellorId: row.counsellor_id,
  counsellorName: row.counsellor_name,
  roomId: row.room_id,
  roomName: row.room_name,
  start: fromMinute(row.start_minute),
  end: fromMinute(row.end_minute),
  durationMinutes: row.end_minute - row.start_minute,
  type: row.type,
  status: row.status,
  notes: row.notes,
  overrideReason: row.override_reason,
  cancelReason: row.cancel_reason,
  sessionId: row.session_id,
  rescheduleCount: row.reschedule_count,
  cancelledBy: row.cancelled_by_name,
});

export type Booking = Readonly<{
  seriesId: number | null;
  clientId: number | null;
  walkInName: string;
  walkInPhone: string;
  counsellorId: number;
  roomId: number;
  startMinute: number;
  endMinute: number;
  type: string;
  notes: string;
  overrideReason: string;
  followUpId: number | null;
}>;

export function insertAppointment(db: Db, booking: Booking, userId: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO appointments (series_id, client_id, walk_in_name, walk_in_phone, counsellor_id, room_id, start_minute, end_minute,
         type, status, notes, override_reason, follow_up_id, created_by, created_at)
       VALUES (@seriesId, @clientId, @walkInName, @walkInPhone, @counsellorId, @roomId, @startMinute, @endMinute,
         @type, 'booked', @notes, @overrideReason, @followUpId, @userId, @at)`,
    )
    .run({ ...booking, userId, at });
  return Number(lastInsertRowid);
}

export function readAppointment(db: Db, id: number): (StoredAppointment & { startMinute: number; endMinute: number }) | undefined {
  const row = db.prepare(`${select} WHERE a.id = ?`).get(id) as Row | undefined;
  return row && { ...toRecord(row), startMinute: row.start_minute, endMinute: row.end_minute };
}

/**
 * The first live booking (a 爽约 frees its slot) that overlaps and shares the counsellor, the room or the client:
 * searched by end time (migration 350), so only the bookings ending after the slot starts are read, not all the past.
 */
export function findClash(
  db: Db,
  slot: { counsellorId: number; roomId: number; clientId: number | null; startMinute: number; endMinute: number },
  ignoreIds: readonly number[],
): (StoredAppointment & { on: 'counsellor' | 'room' | 'client' }) | undefined {
  const row = db
    .prepare(
      `${select} WHERE a.status NOT IN ('cancelled', 'no_show') AND a.start_minute < @endMinute AND a.end_minute > @startMinute
         AND (a.counsellor_id = @counsellorId OR a.room_id = @roomId OR (@clientId IS NOT NULL AND a.client_id = @clientId))
         AND a.id NOT IN (SELECT value FROM json_each(@ignore))
       ORDER BY a.start_minute, a.id LIMIT 1`,
    )
    .get({ ...slot, ignore: JSON.stringify(ignoreIds) }) as Row | undefined;
  if (!row) return undefined;
  const on = row.counsellor_id === slot.counsellorId ? 'counsellor' : row.room_id === slot.roomId ? 'room' : 'client';
  return { ...toRecord(row), on };
}

/** The longest a booking lasts (migration 360 refuses longer): a booking overlapping a range started less before it. */
const longestBookingMinutes = 1440;

/**
 * The bookings overlapping a range, by the time index named and bounded on both sides of the start: once PRAGMA
 * optimize has gathered statistics (after an upgrade's migrations) the planner took the room index instead and a
 * ten-year station's month took 57–75 ms, not 18; searched up to the range's end alone, a week of last year read the
 * ten years before it (19 ms → the week's own bookings).
 */
export function listAppointments(
  db: Db,
  filter: { fromMinute: number; toMinute: number; counsellorId?: number | undefined; roomId?: number | undefined; clientId?: number | undefined },
): StoredAppointment[] {
  const rows = db
    .prepare(
      `${selectFrom('appointments a INDEXED BY appointments_time')} WHERE a.start_minute < @toMinute AND a.start_minute > @fromMinute - ${longestBookingMinutes} AND a.end_minute > @fromMinute
         AND (@counsellorId IS NULL OR a.counsellor_id = @counsellorId) AND (@roomId IS NULL OR a.room_id = @roomId)
         AND (@clientId IS NULL OR a.client_id = @clientId)
       ORDER BY a.start_minute, a.id LIMIT 5000`,
    )
    .all({ ...filter, counsellorId: filter.counsellorId ?? null, roomId: filter.roomId ?? null, clientId: filter.clientId ?? null }) as Row[];
  return rows.map(toRecord);
}

/**
 * The live (not cancelled) bookings starting in a range, by day: each day's first `shown` in time order, and each
 * day's count. What the month grid draws: a busy month's whole list was 1,840 bookings, a 760 KB answer (issue 15).
 */
export function listBookingDays(
  db: Db,
  filter: { fromMinute: number; toMinute: number; counsellorId?: number | undefined; roomId?: number | undefined },
  shown: number,
): { firsts: StoredAppointment[]; totals: Array<{ day: string; total: number }> } {
  const params = { ...filter, counsellorId: filter.counsellorId ?? null, roomId: filter.roomId ?? null, shown };
  const liveIn = (alias: string) => `${alias}.start_minute >= @fromMinute AND ${alias}.start_minute < @toMinute AND ${alias}.status <> 'cancelled'
    AND (@counsellorId IS NULL OR ${alias}.counsellor_id = @counsellorId) AND (@roomId IS NULL OR ${alias}.room_id = @roomId)`;
  const totals = db
    .prepare(`SELECT a.start_minute / ${minutesPerDay} AS dayNumber, count(*) AS total FROM appointments a INDEXED BY appointments_time WHERE ${liveIn('a')} GROUP BY 1 ORDER BY 1`)
    .all(params) as Array<{ dayNumber: number; total: number }>;
  const firsts = db
    .prepare(
      `WITH placed AS (SELECT b.id, row_number() OVER (PARTITION BY b.start_minute / ${minutesPerDay} ORDER BY b.start_minute, b.id) AS place
                       FROM appointments b INDEXED BY appointments_time WHERE ${liveIn('b')})
       ${selectFrom('placed JOIN appointments a ON a.id = placed.id')} WHERE placed.place <= @shown ORDER BY a.start_minute, a.id`,
    )
    .all(params) as Row[];
  return { firsts: firsts.map(toRecord), totals: totals.map((row) => ({ day: dayOf(row.dayNumber * minutesPerDay), total: row.total })) };
}

export function moveAppointment(db: Db, id: number, slot: { counsellorId: number; roomId: number; startMinute: number; endMinute: number; overrideReason: string }): void {
  db.prepare(
    `UPDATE appointments SET counsellor_id = @counsellorId, room_id = @roomId, start_minute = @startMinute, end_minute = @endMinute,
       override_reason = @overrideReason, reschedule_count = reschedule_count + (start_minute <> @startMinute) WHERE id = @id`,
  ).run({ ...slot, id });
}

/** A walk-in registered after booking: the booking now belongs to the client's record. */
export function linkAppointmentClient(db: Db, id: number, clientId: number): void {
  db.prepare('UPDATE appointments SET client_id = ? WHERE id = ?').run(clientId, id);
}

/**
 * A follow-up recorded (随访) settles the bookings made for it: one already begun counts as done, a
 * later one is cancelled because the visit is no longer needed.
 */
export function settleFollowUpBookings(db: Db, followUpId: number, nowMinute: number, userId: number): void {
  db.prepare(
    `UPDATE appointments SET
       status = CASE WHEN start_minute <= @nowMinute THEN 'completed' ELSE 'cancelled' END,
       cancel_reason = CASE WHEN start_minute <= @nowMinute THEN cancel_reason ELSE '随访已记录，无需再到访' END,
       cancelled_by = CASE WHEN start_minute <= @nowMinute THEN cancelled_by ELSE @userId END
     WHERE follow_up_id = @followUpId AND status IN ('booked', 'arrived')`,
  ).run({ followUpId, nowMinute, userId });
}

export function setAppointmentStatus(db: Db, id: number, status: string, extra: { cancelReason?: string; cancelledBy?: number; sessionId?: number } = {}): void {
  db.prepare(
    `UPDATE appointments SET status = @status, cancel_reason = coalesce(@cancelReason, cancel_reason),
       cancelled_by = coalesce(@cancelledBy, cancelled_by), session_id = coalesce(@sessionId, session_id) WHERE id = @id`,
  ).run({ id, status, cancelReason: extra.cancelReason ?? null, cancelledBy: extra.cancelledBy ?? null, sessionId: extra.sessionId ?? null });
}

export function seriesMembers(db: Db, seriesId: number, fromMinute: number): Array<{ id: number; startMinute: number; endMinute: number; status: string }> {
  return db
    .prepare('SELECT id, start_minute AS startMinute, end_minute AS endMinute, status FROM appointments WHERE series_id = ? AND start_minute >= ? ORDER BY start_minute')
    .all(seriesId, fromMinute) as Array<{ id: number; startMinute: number; endMinute: number; status: string }>;
}

/** Whether a counsellor has (or had) any booking with a client. */
export function hasBookingWith(db: Db, clientId: number, counsellorId: number): boolean {
  return db.prepare('SELECT 1 FROM appointments WHERE client_id = ? AND counsellor_id = ? LIMIT 1').get(clientId, counsellorId) !== undefined;
}

export function noShowCount(db: Db, clientId: number): number {
  return (db.prepare("SELECT count(*) AS n FROM appointments WHERE client_id = ? AND status = 'no_show'").get(clientId) as { n: number }).n;
}

export function insertSeries(db: Db, everyWeeks: number, userId: number, at: string): number {
  return Number(db.prepare('INSERT INTO appointment_series (every_weeks, created_by, created_at) VALUES (?, ?, ?)').run(everyWeeks, userId, at).lastInsertRowid);
}

/** The booking (booked or arrived) already made for a follow-up, if any. */
export function activeFollowUpBooking(db: Db, followUpId: number): number | undefined {
  return (db.prepare("SELECT id FROM appointments WHERE follow_up_id = ? AND status IN ('booked', 'arrived')").get(followUpId) as { id: number } | undefined)?.id;
}
