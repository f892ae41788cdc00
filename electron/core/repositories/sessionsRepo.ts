import type { z } from 'zod';
import type { SessionRecord, sessionDraftInput } from '../../../shared/api/schemas/cases.js';
import type { Db } from '../db/driver.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

export type SessionDraft = z.output<typeof sessionDraftInput>;

type SessionRow = {
  id: number;
  case_id: number;
  counsellor_id: number;
  counsellor_name: string;
  held_on: string;
  start_time: string;
  duration_minutes: number;
  modality: SessionRecord['modality'];
  kind: SessionRecord['kind'];
  complaint: string;
  assessment: string;
  intervention: string;
  plan: string;
  free_text: string;
  signed_at: string | null;
  signed_by_name: string | null;
  updated_at: string;
};

const selectSessions = `
  SELECT s.*, u.display_name AS counsellor_name, su.display_name AS signed_by_name
  FROM counselling_sessions s JOIN users u ON u.id = s.counsellor_id LEFT JOIN users su ON su.id = s.signed_by`;

type Addendum = SessionRecord['addenda'][number];

/** The addenda of the sessions `where` picks, by session, oldest first: one query for a whole case (500 sessions). */
function addendaBySession(db: Db, where: string, key: number): Map<number, Addendum[]> {
  const rows = db
    .prepare(
      `SELECT a.id, a.session_id AS sessionId, a.text, u.display_name AS signedBy, a.signed_at AS signedAt
       FROM session_addenda a JOIN users u ON u.id = a.signed_by WHERE ${where} ORDER BY a.id`,
    )
    .all(key) as Array<Addendum & { sessionId: number }>;
  const bySession = new Map<number, Addendum[]>();
  for (const { sessionId, ...row } of rows) {
    const list = bySession.get(sessionId) ?? bySession.set(sessionId, []).get(sessionId)!;
    list.push({ ...row, text: decryptText(db, 'session_addenda', 'text', row.id, row.text) });
  }
  return bySession;
}

const noteText = (db: Db, row: SessionRow, column: 'complaint' | 'assessment' | 'intervention' | 'plan' | 'free_text') =>
  decryptText(db, 'counselling_sessions', column, row.id, row[column]);

function toRecord(db: Db, row: SessionRow, addenda: ReadonlyMap<number, Addendum[]>): SessionRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    counsellorId: row.counsellor_id,
    counsellorName: row.counsellor_name,
    heldOn: row.held_on,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    modality: row.modality,
    kind: row.kind,
    note: {
      complaint: noteText(db, row, 'complaint'),
      assessment: noteText(db, row, 'assessment'),
      intervention: noteText(db, row, 'intervention'),
      plan: noteText(db, row, 'plan'),
      freeText: noteText(db, row, 'free_text'),
    },
    signedAt: row.signed_at,
    signedBy: row.signed_by_name,
    addenda: addenda.get(row.id) ?? [],
    updatedAt: row.updated_at,
  };
}

export function sessionsOfCase(db: Db, caseId: number): SessionRecord[] {
  const addenda = addendaBySession(db, 'a.session_id IN (SELECT id FROM counselling_sessions WHERE case_id = ?)', caseId);
  return (db.prepare(`${selectSessions} WHERE s.case_id = ? ORDER BY s.held_on DESC, s.start_time DESC, s.id DESC`).all(caseId) as SessionRow[]).map((row) =>
    toRecord(db, row, addenda),
  );
}

export function readSession(db: Db, id: number): SessionRecord | undefined {
  const row = db.prepare(`${selectSessions} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return row && toRecord(db, row, addendaBySession(db, 'a.session_id = ?', id));
}

function noteColumns(db: Db, id: number, draft: SessionDraft) {
  const encrypted = (column: 'complaint' | 'assessment' | 'intervention' | 'plan' | 'free_text', text: string) =>
    encryptText(db, 'counselling_sessions', column, id, text);
  return {
    id,
    held_on: draft.heldOn,
    start_time: draft.startTime,
    duration_minutes: draft.durationMinutes,
    modality: draft.modality,
    kind: draft.kind,
    complaint: encrypted('complaint', draft.note.complaint),
    assessment: encrypted('assessment', draft.note.assessment),
    intervention: encrypted('intervention', draft.note.intervention),
    plan: encrypted('plan', draft.note.plan),
    free_text: encrypted('free_text', draft.note.freeText),
  };
}

export function insertSession(db: Db, draft: SessionDraft, counsellorId: number, at: string): number {
  const id = nextRowId(db, 'counselling_sessions');
  db.prepare(
    `INSERT INTO counselling_sessions (id, case_id, counsellor_id, held_on, start_time, duration_minutes, modality, kind,
       complaint, assessment, intervention, plan, free_text, created_at, updated_at)
     VALUES (@id, @case_id, @counsellor_id, @held_on, @start_time, @duration_minutes, @modality, @kind,
       @complaint, @assessment, @intervention, @plan, @free_text, @at, @at)`,
  ).run({ ...noteColumns(db, id, draft), case_id: draft.caseId, counsellor_id: counsellorId, at });
  return id;
}

export function updateSessionDraft(db: Db, id: number, draft: SessionDraft, at: string): void {
  db.prepare(
    `UPDATE counselling_sessions SET held_on = @held_on, start_time = @start_time, duration_minutes = @duration_minutes,
       modality = @modality, kind = @kind, complaint = @complaint, assessment = @assessment, intervention = @intervention,
       plan = @plan, free_text = @free_text, updated_at = @at WHERE id = @id AND signed_at IS NULL`,
  ).run({ ...noteColumns(db, id, draft), at });
}

export function signSession(db: Db, id: number, userId: number, at: string): void {
  db.prepare('UPDATE counselling_sessions SET signed_at = ?, signed_by = ?, updated_at = ? WHERE id = ? AND signed_at IS NULL').run(at, userId, at, id);
}

export function insertAddendum(db: Db, sessionId: number, text: string, userId: number, at: string): number {
  const id = nextRowId(db, 'session_addenda');
  db.prepare('INSERT INTO session_addenda (id, session_id, text, signed_by, signed_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    sessionId,
    encryptText(db, 'session_addenda', 'text', id, text),
    userId,
    at,
  );
  return id;
}

/**
 * Notes not signed yet: all of them, or a counsellor's while they may still sign them (the case is theirs or shared
 * with them, not after a transfer away). The index of unsigned sessions is named: for the 站长 (all counsellors) the
 * planner read every session in date order to find the few unsigned ones (450-780 ms on a ten-year station's home page).
 */
const unsignedFrom = `FROM counselling_sessions s INDEXED BY sessions_unsigned JOIN cases c ON c.id = s.case_id
  WHERE s.signed_at IS NULL AND (@counsellorId IS NULL OR (s.counsellor_id = @counsellorId
    AND (c.counsellor_id = @counsellorId OR c.id IN (SELECT case_id FROM case_shares WHERE user_id = @counsellorId))))`;

export function unsignedSessions(db: Db, counsellorId: number | null) {
  return db
    .prepare(
      `SELECT s.id, s.case_id AS caseId, (SELECT name FROM clients WHERE id = c.client_id) AS clientName, s.held_on AS heldOn ${unsignedFrom}
       ORDER BY s.held_on, s.id LIMIT 100`,
    )
    .all({ counsellorId }) as Array<{ id: number; caseId: number; clientName: string; heldOn: string }>;
}

export function unsignedSessionCount(db: Db, counsellorId: number | null): number {
  return (db.prepare(`SELECT count(*) AS n ${unsignedFrom}`).get({ counsellorId }) as { n: number }).n;
}
