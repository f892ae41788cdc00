import type { ScreeningDetail, ScreeningSummary } from '../../../shared/api/schemas/screenings.js';
import type { Db } from '../db/driver.js';

type ScreeningRow = { id: number; name: string; scale_ids: string; status: 'open' | 'closed'; created_at: string; participants: number; completed: number };

const selectScreenings = `SELECT s.*,
    (SELECT count(*) FROM screening_participants p WHERE p.screening_id = s.id) AS participants,
    (SELECT count(DISTINCT p.id) FROM screening_participants p JOIN screening_results r ON r.participant_id = p.id WHERE p.screening_id = s.id) AS completed
  FROM screenings s`;

const toSummary = (row: ScreeningRow): ScreeningSummary => ({
  id: row.id,
  name: row.name,
  scaleIds: JSON.parse(row.scale_ids) as string[],
  status: row.status,
  createdAt: row.created_at,
  participants: row.participants,
  completed: row.completed,
});

export function insertScreening(db: Db, screening: { name: string; scaleIds: readonly string[] }, userId: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO screenings (name, scale_ids, status, created_by, created_at) VALUES (?, ?, 'open', ?, ?)")
    .run(screening.name, JSON.stringify(screening.scaleIds), userId, at);
  return Number(lastInsertRowid);
}

/** One participant per name ('' for a code without a roster); each code is drawn until it is unused. */
export function insertParticipants(db: Db, screeningId: number, names: readonly string[], newCode: () => string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO screening_participants (screening_id, code, roster_name) VALUES (?, ?, ?)');
  for (const name of names) {
    // A collision with an existing code is astronomically rare; try again rather than fail.
    while (insert.run(screeningId, newCode(), name).changes === 0);
  }
}

/** The newest 200: all of them, or only those `userId` created. */
export function listScreenings(db: Db, filter: { seesAll: boolean; userId: number }): ScreeningSummary[] {
  return (
    db
      .prepare(`${selectScreenings} WHERE @seesAll = 1 OR s.created_by = @userId ORDER BY s.created_at DESC LIMIT 200`)
      .all({ seesAll: filter.seesAll ? 1 : 0, userId: filter.userId }) as ScreeningRow[]
  ).map(toSummary);
}

export function readScreeningSummary(db: Db, id: number): ScreeningSummary | undefined {
  const row = db.prepare(`${selectScreenings} WHERE s.id = ?`).get(id) as ScreeningRow | undefined;
  return row && toSummary(row);
}

/** Who created the screening; undefined when there is none. */
export function screeningCreator(db: Db, id: number): number | undefined {
  return (db.prepare('SELECT created_by AS createdBy FROM screenings WHERE id = ?').get(id) as { createdBy: number } | undefined)?.createdBy;
}

/** False when the screening does not exist or is already closed. */
export function closeScreening(db: Db, id: number, at: string): boolean {
  return db.prepare("UPDATE screenings SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'").run(at, id).changes > 0;
}

/** The participant a kiosk code belongs to in an open screening, with the scales it offers. */
export function openParticipantByCode(db: Db, code: string): { id: number; scaleIds: string[] } | undefined {
  const row = db
    .prepare(
      `SELECT p.id, s.scale_ids FROM screening_participants p JOIN screenings s ON s.id = p.screening_id
       WHERE p.code = ? AND s.status = 'open'`,
    )
    .get(code) as { id: number; scale_ids: string } | undefined;
  return row && { id: row.id, scaleIds: JSON.parse(row.scale_ids) as string[] };
}

export function linkScreeningResult(db: Db, participantId: number, resultId: number): void {
  db.prepare('INSERT OR IGNORE INTO screening_results (participant_id, result_id) VALUES (?, ?)').run(participantId, resultId);
}

export function participantsOf(db: Db, screeningId: number): ScreeningDetail['participantList'] {
  return db
    .prepare(
      `SELECT p.id, p.code, p.roster_name AS rosterName, (SELECT count(*) FROM screening_results r WHERE r.participant_id = p.id) AS completed
       FROM screening_participants p WHERE p.screening_id = ? ORDER BY p.id`,
    )
    .all(screeningId) as ScreeningDetail['participantList'];
}

export type ScreeningResultRow = { code: string; rosterName: string; resultId: number; scaleId: string; version: number; result: string };

/** Every result given under the screening's codes, by participant then in the order given. */
export function screeningResults(db: Db, screeningId: number): ScreeningResultRow[] {
  return db
    .prepare(
      `SELECT p.code, p.roster_name AS rosterName, r.id AS resultId, r.scale_id AS scaleId, r.scale_version AS version, r.result
       FROM screening_results sr JOIN screening_participants p ON p.id = sr.participant_id JOIN scale_results r ON r.id = sr.result_id
       WHERE p.screening_id = ? ORDER BY p.id, r.id`,
    )
    .all(screeningId) as ScreeningResultRow[];
}
