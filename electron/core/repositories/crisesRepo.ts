import type { CrisisRecord, CrisisStep } from '../../../shared/api/schemas/crises.js';
import type { Db } from '../db/driver.js';
import { historyReachSql } from './casesRepo.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

type CrisisRow = {
  id: number;
  client_id: number | null;
  client_name: string | null;
  unknown_person: string;
  started_at: string;
  location: string;
  summary: string;
  status: 'active' | 'resolved';
  outcome: CrisisRecord['outcome'];
  outcome_note: string;
  follow_up_plan: string;
  resolved_at: string | null;
  counsellor_id: number;
  counsellor_name: string;
};

const selectCrises = `SELECT k.*, c.name AS client_name, u.display_name AS counsellor_name
  FROM crises k LEFT JOIN clients c ON c.id = k.client_id JOIN users u ON u.id = k.counsellor_id`;

type StepRow = CrisisRecord['steps'][number];
type ContactRow = CrisisRecord['contacts'][number];

function stepsOf(db: Db, crisisId: number): CrisisRecord['steps'] {
  const rows = db
    .prepare(
      `SELECT s.step, s.done_at AS doneAt, s.note, u.display_name AS doneBy FROM crisis_steps s JOIN users u ON u.id = s.done_by
       WHERE s.crisis_id = ? ORDER BY s.done_at`,
    )
    .all(crisisId) as StepRow[];
  return rows.map((row) => ({ ...row, note: decryptText(db, 'crisis_steps', 'note', [crisisId, row.step], row.note) }));
}

function contactsOf(db: Db, crisisId: number): CrisisRecord['contacts'] {
  const rows = db
    .prepare('SELECT id, party, name, phone, contacted_at AS contactedAt, note FROM crisis_contacts WHERE crisis_id = ? ORDER BY contacted_at, id')
    .all(crisisId) as ContactRow[];
  return rows.map((row) => ({
    ...row,
    name: decryptText(db, 'crisis_contacts', 'name', row.id, row.name),
    phone: decryptText(db, 'crisis_contacts', 'phone', row.id, row.phone),
    note: decryptText(db, 'crisis_contacts', 'note', row.id, row.note),
  }));
}

function toRecord(db: Db, row: CrisisRow): CrisisRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    unknownPerson: row.unknown_person,
    startedAt: row.started_at,
    location: row.location,
    summary: decryptText(db, 'crises', 'summary', row.id, row.summary),
    status: row.status,
    outcome: row.outcome,
    outcomeNote: decryptText(db, 'crises', 'outcome_note', row.id, row.outcome_note),
    followUpPlan: decryptText(db, 'crises', 'follow_up_plan', row.id, row.follow_up_plan),
    resolvedAt: row.resolved_at,
    counsellorName: row.counsellor_name,
    steps: stepsOf(db, row.id),
    contacts: contactsOf(db, row.id),
  };
}

export function readCrisis(db: Db, id: number): (CrisisRecord & { counsellorId: number }) | undefined {
  const row = db.prepare(`${selectCrises} WHERE k.id = ?`).get(id) as CrisisRow | undefined;
  return row && { ...toRecord(db, row), counsellorId: row.counsellor_id };
}

/** Crises this user handles: their own, those of clients whose cases they reach; the 站长 all. */
export function listCrises(db: Db, userId: number | null, status: 'active' | 'resolved' | 'all'): CrisisRecord[] {
  const rows = db
    .prepare(
      `${selectCrises} WHERE (@status = 'all' OR k.status = @status)
         AND (@userId IS NULL OR k.counsellor_id = @userId OR ${historyReachSql('k.client_id', "date(k.started_at, 'localtime')")})
       ORDER BY k.status, k.started_at DESC LIMIT 200`,
    )
    .all({ status, userId }) as CrisisRow[];
  return rows.map((row) => toRecord(db, row));
}

export function insertCrisis(
  db: Db,
  crisis: { clientId: number | null; unknownPerson: string; location: string; summary: string },
  counsellorId: number,
  at: string,
): number {
  const id = nextRowId(db, 'crises');
  db.prepare(
    `INSERT INTO crises (id, client_id, unknown_person, started_at, location, summary, status, counsellor_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  ).run(id, crisis.clientId, crisis.unknownPerson, at, crisis.location, encryptText(db, 'crises', 'summary', id, crisis.summary), counsellorId, at);
  return id;
}

export function recordCrisisStep(db: Db, crisisId: number, step: CrisisStep, note: string, userId: number, at: string): void {
  db.prepare(
    `INSERT INTO crisis_steps (crisis_id, step, done_at, note, done_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (crisis_id, step) DO UPDATE SET note = excluded.note`,
  ).run(crisisId, step, at, encryptText(db, 'crisis_steps', 'note', [crisisId, step], note), userId);
}

export function insertCrisisContact(
  db: Db,
  contact: { crisisId: number; party: string; name: string; phone: string; note: string },
  userId: number,
  at: string,
): void {
  const id = nextRowId(db, 'crisis_contacts');
  const encrypted = (column: 'name' | 'phone' | 'note', text: string) => encryptText(db, 'crisis_contacts', column, id, text);
  db.prepare('INSERT INTO crisis_contacts (id, crisis_id, party, name, phone, contacted_at, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    contact.crisisId,
    contact.party,
    encrypted('name', contact.name),
    encrypted('phone', contact.phone),
    at,
    encrypted('note', contact.note),
    userId,
  );
}

export function resolveCrisis(db: Db, crisisId: number, outcome: string, note: string, plan: string, at: string): void {
  db.prepare("UPDATE crises SET status = 'resolved', outcome = ?, outcome_note = ?, follow_up_plan = ?, resolved_at = ? WHERE id = ?").run(
    outcome,
    encryptText(db, 'crises', 'outcome_note', crisisId, note),
    encryptText(db, 'crises', 'follow_up_plan', crisisId, plan),
    at,
    crisisId,
  );
}
