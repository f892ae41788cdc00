import type { Db } from '../db/driver.js';

export type WaitingEntry = {
  id: number;
  clientId: number | null;
  counsellorId: number | null;
  who: string;
  phone: string;
  counsellorName: string | null;
  note: string;
  createdAt: string;
};

/** Everyone still waiting, oldest first: a registered client by their record, a walk-in by the name given. */
export function listWaiting(db: Db): WaitingEntry[] {
  return db
    .prepare(
      `SELECT w.id, w.client_id AS clientId, w.counsellor_id AS counsellorId, coalesce(c.name, w.walk_in_name) AS who, coalesce(c.phone, w.walk_in_phone, '') AS phone, u.display_name AS counsellorName, w.note, w.created_at AS createdAt
       FROM waitlist w LEFT JOIN clients c ON c.id = w.client_id LEFT JOIN users u ON u.id = w.counsellor_id
       WHERE w.status = 'waiting' ORDER BY w.created_at`,
    )
    .all() as WaitingEntry[];
}

export function insertWaitingEntry(
  db: Db,
  entry: { clientId: number | null; walkInName: string; walkInPhone: string; counsellorId: number | null; note: string },
  userId: number,
  at: string,
): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO waitlist (client_id, walk_in_name, walk_in_phone, counsellor_id, note, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)")
    .run(entry.clientId, entry.walkInName, entry.walkInPhone, entry.counsellorId, entry.note, userId, at);
  return Number(lastInsertRowid);
}

/** Whom a waiting-list entry is for: the booking rule decides who may close it. */
export function readWaitlistParties(db: Db, id: number): { clientId: number | null; counsellorId: number | null } | undefined {
  return db.prepare('SELECT client_id AS clientId, counsellor_id AS counsellorId FROM waitlist WHERE id = ?').get(id) as
    | { clientId: number | null; counsellorId: number | null }
    | undefined;
}

/** False when the entry does not exist or no longer waits. */
export function closeWaitingEntry(db: Db, id: number, status: 'booked' | 'removed'): boolean {
  return db.prepare("UPDATE waitlist SET status = ? WHERE id = ? AND status = 'waiting'").run(status, id).changes > 0;
}
