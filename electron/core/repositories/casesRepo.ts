import type { CaseSummary } from '../../../shared/api/schemas/cases.js';
import type { Db } from '../db/driver.js';
import { clientTextMatch } from './clientsRepo.js';

type CaseRow = {
  id: number;
  client_id: number;
  client_name: string;
  counsellor_id: number;
  counsellor_name: string;
  status: 'open' | 'closed';
  opened_on: string;
  closed_on: string | null;
  open_reason: string;
  close_reason: string | null;
  risk_level: CaseSummary['riskLevel'];
  session_count: number;
  last_session_on: string | null;
};

const selectCases = `
  SELECT c.*, cl.name AS client_name, u.display_name AS counsellor_name, cl.risk_level,
    (SELECT count(*) FROM counselling_sessions s WHERE s.case_id = c.id) AS session_count,
    (SELECT max(held_on) FROM counselling_sessions s WHERE s.case_id = c.id) AS last_session_on
  FROM cases c JOIN clients cl ON cl.id = c.client_id JOIN users u ON u.id = c.counsellor_id`;

/** The problem categories of these cases, one read for a whole page (not a query per case). */
function problemsOf(db: Db, caseIds: readonly number[]): Map<number, string[]> {
  const problems = new Map<number, string[]>(caseIds.map((id) => [id, []]));
  const rows = db.prepare('SELECT case_id AS id, category FROM case_problems WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY category').all(JSON.stringify(caseIds)) as Array<{ id: number; category: string }>;
  for (const row of rows) problems.get(row.id)!.push(row.category);
  return problems;
}

function summariesOf(db: Db, rows: readonly CaseRow[]): CaseSummary[] {
  const problems = problemsOf(db, rows.map((row) => row.id));
  return rows.map((row) => toSummary(row, problems.get(row.id)!));
}

function toSummary(row: CaseRow, problemCategories: string[]): CaseSummary {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    counsellorId: row.counsellor_id,
    counsellorName: row.counsellor_name,
    status: row.status,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    problemCategories,
    riskLevel: row.risk_level,
    sessionCount: row.session_count,
    lastSessionOn: row.last_session_on,
  };
}

export type CaseAccess = Readonly<{ userId: number; seesAll: boolean }>;

/** A counsellor reaches cases assigned to them or shared with them; the 站长 reaches all. `c` is the case; binds @seesAll and @userId. */
export const visibleClause = `(@seesAll = 1 OR c.counsellor_id = @userId OR c.id IN (SELECT case_id FROM case_shares WHERE user_id = @userId))`;

export function readCase(db: Db, id: number): (CaseSummary & { openReason: string; closeReason: string | null }) | undefined {
  const row = db.prepare(`${selectCases} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  return row && { ...summariesOf(db, [row])[0]!, openReason: row.open_reason, closeReason: row.close_reason };
}

export function canReachCase(db: Db, caseId: number, access: CaseAccess): boolean {
  return (
    db.prepare(`SELECT 1 FROM cases c WHERE c.id = @caseId AND ${visibleClause}`).get({ caseId, userId: access.userId, seesAll: access.seesAll ? 1 : 0 }) !==
    undefined
  );
}

/** Of these clients, the ones whose cases this user reaches: one query for a whole calendar week. */
export function reachableClients(db: Db, clientIds: readonly number[], access: CaseAccess): Set<number> {
  if (access.seesAll) return new Set(clientIds);
  const rows = db
    .prepare(`SELECT DISTINCT c.client_id AS id FROM cases c WHERE c.client_id IN (SELECT value FROM json_each(@ids)) AND ${visibleClause}`)
    .all({ ids: JSON.stringify(clientIds), userId: access.userId, seesAll: 0 }) as Array<{ id: number }>;
  return new Set(rows.map((row) => row.id));
}

/**
 * Open cases among these clients that `access` reaches, as "clientId:counsellorId": a booking completes into a
 * note only in an open case of its own counsellor that the one completing it reaches (appointments.complete).
 */
export function reachableOpenCaseOwners(db: Db, clientIds: readonly number[], access: CaseAccess): Set<string> {
  const rows = db
    .prepare(`SELECT DISTINCT c.client_id AS clientId, c.counsellor_id AS counsellorId FROM cases c WHERE c.status = 'open' AND c.client_id IN (SELECT value FROM json_each(@ids)) AND ${visibleClause}`)
    .all({ ids: JSON.stringify(clientIds), userId: access.userId, seesAll: access.seesAll ? 1 : 0 }) as Array<{ clientId: number; counsellorId: number }>;
  return new Set(rows.map((row) => `${row.clientId}:${row.counsellorId}`));
}

/** Does this user reach any case of the client (for grading and follow-ups)? */
export function canReachClientCases(db: Db, clientId: number, access: CaseAccess): boolean {
  if (access.seesAll) return true;
  return (
    db.prepare(`SELECT 1 FROM cases c WHERE c.client_id = @clientId AND ${visibleClause}`).get({ clientId, userId: access.userId, seesAll: 0 }) !==
    undefined
  );
}

/**
 * A case of hers opens a client's whole history to a counsellor when the 站长 assigned it, or when no
 * case of another counsellor (not shared with her) came before it; otherwise only from its opening.
 * `hc` is the case, `@userId` the counsellor. Shared cases are reached, so a share opens their history.
 */
const wholeHistory = `(hc.history_granted = 1 OR NOT EXISTS (
  SELECT 1 FROM cases e WHERE e.client_id = hc.client_id AND e.id <> hc.id AND e.opened_on <= hc.opened_on
    AND e.counsellor_id <> @userId AND e.id NOT IN (SELECT case_id FROM case_shares WHERE user_id = @userId)))`;

/**
 * SQL: does `@userId` reach the client's record of this day (YYYY-MM-DD)? For list queries over many
 * clients; `clientColumn` and `dayExpression` are SQL. `@userId IS NULL` is the 站长.
 */
export function historyReachSql(clientColumn: string, dayExpression: string): string {
  return `(@userId IS NULL OR EXISTS (SELECT 1 FROM cases hc WHERE hc.client_id = ${clientColumn}
    AND (hc.counsellor_id = @userId OR hc.id IN (SELECT case_id FROM case_shares WHERE user_id = @userId))
    AND (hc.opened_on <= ${dayExpression} OR ${wholeHistory})))`;
}

/**
 * From which day this user reaches a client's records: '' = all of them, a YYYY-MM-DD day = from the
 * opening of their case, null = not at all.
 */
export function clientHistoryFrom(db: Db, clientId: number, access: CaseAccess): string | null {
  if (access.seesAll) return '';
  const row = db
    .prepare(
      `SELECT min(CASE WHEN ${wholeHistory} THEN '' ELSE hc.opened_on END) AS fromDay FROM cases hc
       WHERE hc.client_id = @clientId AND (hc.counsellor_id = @userId OR hc.id IN (SELECT case_id FROM case_shares WHERE user_id = @userId))`,
    )
    .get({ clientId, userId: access.userId }) as { fromDay: string | null };
  return row.fromDay;
}

/** The 站长 assigning a case (opening it for someone, or handing it over) opens the client's whole history. */
export function grantCaseHistory(db: Db, caseId: number): void {
  db.prepare('UPDATE cases SET history_granted = 1 WHERE id = ?').run(caseId);
}

export type CaseFilter = Readonly<{ status: 'open' | 'closed' | 'all'; clientId?: number; query: string; limit: number; offset: number }>;

/** Open cases before closed ones, each newest first. */
const caseOrder = "ORDER BY c.status = 'open' DESC, c.opened_on DESC, c.id DESC";

/**
 * A page of the cases `access` reaches and the count of all of them: a ten-year station keeps tens of thousands
 * (issue 15), so a list is paged and a client found as the client search finds one.
 */
export function pageCases(db: Db, access: CaseAccess, filter: CaseFilter): { rows: CaseSummary[]; total: number } {
  const where = [visibleClause];
  const params: Record<string, string | number> = { userId: access.userId, seesAll: access.seesAll ? 1 : 0, limit: filter.limit, offset: filter.offset };
  if (filter.status !== 'all') {
    where.push('c.status = @status');
    params.status = filter.status;
  }
  if (filter.clientId !== undefined) {
    where.push('c.client_id = @clientId');
    params.clientId = filter.clientId;
  }
  const match = clientTextMatch(filter.query, 'cl.');
  if (match) {
    where.push(match.clause);
    Object.assign(params, match.params);
  }
  const clause = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = db.prepare(`${selectCases} WHERE ${clause} ${caseOrder} LIMIT @limit OFFSET @offset`).all(params) as CaseRow[];
  return { rows: summariesOf(db, rows), total };
}

/** One client's cases that `access` reaches (a client has a few: never paged). */
export function clientCases(db: Db, access: CaseAccess, status: 'open' | 'closed' | 'all', clientId: number): CaseSummary[] {
  const where = [visibleClause, 'c.client_id = @clientId'];
  if (status !== 'all') where.push('c.status = @status');
  const rows = db.prepare(`${selectCases} WHERE ${where.join(' AND ')} ${caseOrder}`).all({ userId: access.userId, seesAll: access.seesAll ? 1 : 0, status, clientId }) as CaseRow[];
  return summariesOf(db, rows);
}

export function insertCase(
  db: Db,
  values: { clientId: number; counsellorId: number; openedOn: string; reason: string; problems: readonly string[] },
  at: string,
): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO cases (client_id, counsellor_id, status, opened_on, open_reason, created_at) VALUES (?, ?, 'open', ?, ?, ?)")
    .run(values.clientId, values.counsellorId, values.openedOn, values.reason, at);
  const insert = db.prepare('INSERT INTO case_problems (case_id, category) VALUES (?, ?)');
  for (const problem of new Set(values.problems)) insert.run(lastInsertRowid, problem);
  return Number(lastInsertRowid);
}

export function closeCase(db: Db, id: number, closedOn: string, reason: string): void {
  db.prepare("UPDATE cases SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?").run(closedOn, reason, id);
}

export function assignCase(db: Db, id: number, counsellorId: number): void {
  db.prepare('UPDATE cases SET counsellor_id = ? WHERE id = ?').run(counsellorId, id);
}

export function setCaseShare(db: Db, caseId: number, userId: number, shared: boolean, grantedBy: number, at: string): void {
  if (shared) {
    db.prepare('INSERT OR IGNORE INTO case_shares (case_id, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?)').run(caseId, userId, grantedBy, at);
  } else {
    db.prepare('DELETE FROM case_shares WHERE case_id = ? AND user_id = ?').run(caseId, userId);
  }
}

export function sharesOf(db: Db, caseId: number): Array<{ id: number; displayName: string }> {
  return db
    .prepare('SELECT u.id, u.display_name AS displayName FROM case_shares s JOIN users u ON u.id = s.user_id WHERE s.case_id = ? ORDER BY u.id')
    .all(caseId) as Array<{ id: number; displayName: string }>;
}

export function caseExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
}

/** Has anyone ever opened a case for this client (reached by the caller or not)? */
export function clientHasCases(db: Db, clientId: number): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE client_id = ? LIMIT 1').get(clientId) !== undefined;
}
