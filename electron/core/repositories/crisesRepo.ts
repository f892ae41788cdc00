import type { CrisisRecord, CrisisStep } from '../../../shared/api/schemas/crises.js';
import type { Db } from '../db/driver.js';
import { historyReachSql } from './casesRepo.js';

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

function toRecord(db: Db, row: CrisisRow): CrisisRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    unknownPerson: row.unknown_person,
    startedAt: row.started_at,
    location: row.location,
    summary: row.summary,
    status: row.status,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    followUpPlan: row.follow_up_plan,
    resolvedAt: row.resolved_at,
    counsellorName: row.counsellor_name,
    steps: db
      .prepare(
        `SELECT s.step, s.done_at AS doneAt, s.note, u.display_name AS doneBy FROM crisis_steps s JOIN users u ON u.id = s.done_by
         WHERE s.crisis_id = ? ORDER BY s.done_at`,
      )
      .all(row.id) as CrisisRecord['steps'],
    contacts: db
      .prepare('SELECT id, party, name, phone, contacted_at AS contactedAt, note FROM crisis_contacts WHERE crisis_id = ? ORDER BY contacted_at, id')
      .all(row.id) as CrisisRecord['contacts'],
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
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO crises (client_id, unknown_person, started_at, location, summary, status, counsellor_id, created_at)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
    )
    .run(crisis.clientId, crisis.unknownPerson, at, crisis.location, crisis.summary, counsellorId, at);
  return Number(lastInsertRowid);
}

export function recordCrisisStep(db: Db, crisisId: number, step: CrisisStep, note: string, userId: number, at: string): void {
  db.prepare(
    `INSERT INTO crisis_steps (crisis_id, step, done_at, note, done_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (crisis_id, step) DO UPDATE SET note = excluded.note`,
  ).run(crisisId, step, at, note, userId);
}

export function insertCrisisContact(
  db: Db,
  contact: { crisisId: number; party: string; name: string; phone: string; note: string },
  userId: number,
  at: string,
): void {
  db.prepare('INSERT INTO crisis_contacts (crisis_id, party, name, phone, contacted_at, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    contact.crisisId,
    contact.party,
    contact.name,
    contact.phone,
    at,
    contact.note,
    userId,
  );
}

export function resolveCrisis(db: Db, crisisId: number, outcome: string, note: string, plan: string, at: string): void {
  db.prepare("UPDATE crises SET status = 'resolved', outcome = ?, outcome_note = ?, follow_up_plan = ?, resolved_at = ? WHERE id = ?").run(
    outcome,
    note,
    plan,
    at,
    crisisId,
  );
}
