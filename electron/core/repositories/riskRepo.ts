import { fromMinute } from '../../../shared/domain/localTime.js';
import type { FollowUpRecord, riskGradeRecord } from '../../../shared/api/schemas/cases.js';
import type { RiskLevel } from '../../../shared/api/schemas/clients.js';
import type { z } from 'zod';
import type { Db } from '../db/driver.js';
import { historyReachSql } from './casesRepo.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

type FollowUpRow = {
  id: number;
  client_id: number;
  client_name: string;
  due_on: string;
  level: RiskLevel;
  status: FollowUpRecord['status'];
  done_on: string | null;
  method: FollowUpRecord['method'];
  participants: string;
  findings: string;
  reassessed_level: RiskLevel | null;
  booked_minute: number | null;
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function toFollowUp(db: Db, row: FollowUpRow, today: string): FollowUpRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    dueOn: row.due_on,
    level: row.level,
    status: row.status,
    doneOn: row.done_on,
    method: row.method,
    participants: JSON.parse(row.participants) as string[],
    findings: decryptText(db, 'follow_ups', 'findings', row.id, row.findings),
    reassessedLevel: row.reassessed_level,
    overdueDays: row.status === 'due' ? Math.max(0, daysBetween(row.due_on, today)) : 0,
    bookedFor: row.booked_minute === null ? null : fromMinute(row.booked_minute),
  };
}

const selectFollowUps = `SELECT f.*, c.name AS client_name,
    (SELECT min(a.start_minute) FROM appointments a WHERE a.follow_up_id = f.id AND a.status IN ('booked', 'arrived')) AS booked_minute
  FROM follow_ups f JOIN clients c ON c.id = f.client_id`;

export function insertRiskGrade(
  db: Db,
  grade: { clientId: number; level: RiskLevel; reason: string; evidence: string },
  userId: number,
  at: string,
): number {
  const id = nextRowId(db, 'risk_grades');
  db.prepare('INSERT INTO risk_grades (id, client_id, level, reason, evidence, graded_by, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    grade.clientId,
    grade.level,
    encryptText(db, 'risk_grades', 'reason', id, grade.reason),
    grade.evidence,
    userId,
    at,
  );
  return id;
}

export function riskHistory(db: Db, clientId: number): Array<z.infer<typeof riskGradeRecord>> {
  const rows = db
    .prepare(
      `SELECT r.id, r.level, r.reason, r.evidence, u.display_name AS gradedBy, r.graded_at AS gradedAt
       FROM risk_grades r JOIN users u ON u.id = r.graded_by WHERE r.client_id = ? ORDER BY r.graded_at DESC, r.id DESC`,
    )
    .all(clientId) as Array<z.infer<typeof riskGradeRecord>>;
  return rows.map((row) => ({ ...row, reason: decryptText(db, 'risk_grades', 'reason', row.id, row.reason) }));
}


/** One pending follow-up per client: a new grade replaces the pending one. */
export function scheduleFollowUp(db: Db, clientId: number, level: RiskLevel, dueOn: string): number {
  db.prepare("UPDATE follow_ups SET status = 'cancelled', cancel_reason = 'regraded' WHERE client_id = ? AND status = 'due'").run(clientId);
  const { lastInsertRowid } = db
    .prepare("INSERT INTO follow_ups (client_id, due_on, level, status) VALUES (?, ?, ?, 'due')")
    .run(clientId, dueOn, level);
  return Number(lastInsertRowid);
}

export function readFollowUp(db: Db, id: number, today: string): FollowUpRecord | undefined {
  const row = db.prepare(`${selectFollowUps} WHERE f.id = ?`).get(id) as FollowUpRow | undefined;
  return row && toFollowUp(db, row, today);
}

export function completeFollowUp(
  db: Db,
  id: number,
  values: { doneOn: string; method: string; participants: readonly string[]; findings: string; reassessedLevel: RiskLevel },
  userId: number,
): void {
  db.prepare(
    `UPDATE follow_ups SET status = 'done', done_on = ?, method = ?, participants = ?, findings = ?, reassessed_level = ?, recorded_by = ?
     WHERE id = ? AND status = 'due'`,
  ).run(
    values.doneOn,
    values.method,
    JSON.stringify(values.participants),
    encryptText(db, 'follow_ups', 'findings', id, values.findings),
    values.reassessedLevel,
    userId,
    id,
  );
}

export type FollowUpScope = Readonly<{
  /** Only clients with a case this user reaches; null = all (站长). */
  userId: number | null;
}>;

const reachClause = `(@userId IS NULL OR f.client_id IN (
  SELECT c.client_id FROM cases c WHERE c.counsellor_id = @userId OR c.id IN (SELECT case_id FROM case_shares WHERE user_id = @userId)))`;

export function recentRedGrades(db: Db, scope: FollowUpScope, sinceIso: string) {
  const rows = db
    .prepare(
      `SELECT r.id, r.client_id AS clientId, c.name AS clientName, r.reason, r.graded_at AS gradedAt
       FROM risk_grades r JOIN clients c ON c.id = r.client_id
       WHERE r.level = 'red' AND r.graded_at >= @since AND ${historyReachSql('r.client_id', "date(r.graded_at, 'localtime')")}
       ORDER BY r.graded_at DESC LIMIT 50`,
    )
    .all({ since: sinceIso, userId: scope.userId }) as Array<{ id: number; clientId: number; clientName: string; reason: string; gradedAt: string }>;
  return rows.map(({ id, ...row }) => ({ ...row, reason: decryptText(db, 'risk_grades', 'reason', id, row.reason) }));
}

export function dueFollowUps(db: Db, scope: FollowUpScope, today: string, untilDay: string): FollowUpRecord[] {
  return (
    db
      .prepare(`${selectFollowUps} WHERE f.status = 'due' AND f.due_on >= @today AND f.due_on <= @until AND ${reachClause} ORDER BY f.due_on, f.id LIMIT 500`)
      .all({ today, until: untilDay, userId: scope.userId }) as FollowUpRow[]
  ).map((row) => toFollowUp(db, row, today));
}

export function overdueFollowUps(db: Db, scope: FollowUpScope, today: string): FollowUpRecord[] {
  return (
    db
      .prepare(`${selectFollowUps} WHERE f.status = 'due' AND f.due_on < @today AND ${reachClause} ORDER BY f.due_on, f.id LIMIT 500`)
      .all({ today, userId: scope.userId }) as FollowUpRow[]
  ).map((row) => toFollowUp(db, row, today));
}

/** How many follow-ups in reach are due today and how many were due before today (the dashboard's numbers, never capped). */
export function followUpCounts(db: Db, scope: FollowUpScope, today: string): { dueToday: number; overdue: number } {
  return db
    .prepare(`SELECT coalesce(sum(f.due_on = @today), 0) AS dueToday, coalesce(sum(f.due_on < @today), 0) AS overdue FROM follow_ups f WHERE f.status = 'due' AND f.due_on <= @today AND ${reachClause}`)
    .get({ today, userId: scope.userId }) as { dueToday: number; overdue: number };
}

export function followUpsOfClient(db: Db, clientId: number, today: string): FollowUpRecord[] {
  return (db.prepare(`${selectFollowUps} WHERE f.client_id = ? ORDER BY f.due_on DESC, f.id DESC`).all(clientId) as FollowUpRow[]).map((row) =>
    toFollowUp(db, row, today),
  );
}

/** Whose follow-up this is; undefined when there is none. */
export function followUpClient(db: Db, id: number): number | undefined {
  return (db.prepare('SELECT client_id AS clientId FROM follow_ups WHERE id = ?').get(id) as { clientId: number } | undefined)?.clientId;
}

/** A follow-up's client, due day and status, without its recorded content. */
export function followUpState(db: Db, id: number): { clientId: number; dueOn: string; status: string } | undefined {
  return db.prepare('SELECT client_id AS clientId, due_on AS dueOn, status FROM follow_ups WHERE id = ?').get(id) as
    | { clientId: number; dueOn: string; status: string }
    | undefined;
}
