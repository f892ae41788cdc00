import type { SignInEntry } from '../../../shared/api/schemas/signIns.js';
import type { Db } from '../db/driver.js';

/** The activity's sign-in list, replaced as a whole by an import. */
export function replaceSignIns(db: Db, activityId: number, entries: readonly SignInEntry[]): void {
  db.prepare('DELETE FROM activity_sign_ins WHERE activity_id = ?').run(activityId);
  const insert = db.prepare('INSERT INTO activity_sign_ins (activity_id, row_no, name, gender, unit, phone) VALUES (?, ?, ?, ?, ?, ?)');
  for (const entry of entries) insert.run(activityId, entry.row, entry.name, entry.gender, entry.unit, entry.phone);
}

export function listSignIns(db: Db, activityId: number): SignInEntry[] {
  return db
    .prepare('SELECT row_no AS row, name, gender, unit, phone FROM activity_sign_ins WHERE activity_id = ? ORDER BY row_no')
    .all(activityId) as SignInEntry[];
}

export function setParticipantCount(db: Db, activityId: number, count: number, at: string): void {
  db.prepare('UPDATE activities SET participant_count = ?, updated_at = ? WHERE id = ?').run(count, at, activityId);
}
