import type { CallCounts, CallInput, CallOutcome } from '../../../shared/api/schemas/calls.js';
import type { Db } from '../db/driver.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

/** A call as stored, its note still encrypted: the service decides who may open it. */
export type StoredCall = Readonly<{
  id: number;
  date: string;
  startTime: string;
  durationMinutes: number;
  takenBy: { id: number; displayName: string };
  callerType: string;
  problemType: string;
  highRisk: boolean;
  difficult: boolean;
  repeatCaller: boolean;
  outcome: CallOutcome;
  sealedNote: string;
  clientId: number | null;
  clientName: string | null;
  crisisId: number | null;
  createdAt: string;
  updatedAt: string;
}>;

export type CallFilter = Readonly<{ from: string; to: string; problemType?: string | undefined; highRisk?: boolean | undefined; clientId?: number | undefined }>;

type Row = {
  id: number;
  called_on: string;
  start_time: string;
  duration_minutes: number;
  taken_by: number;
  taker_name: string;
  caller_type: string;
  problem_type: string;
  high_risk: 0 | 1;
  difficult: 0 | 1;
  repeat_caller: 0 | 1;
  outcome: CallOutcome;
  note: string;
  client_id: number | null;
  client_name: string | null;
  crisis_id: number | null;
  created_at: string;
  updated_at: string;
};

const selectCalls = `
  SELECT h.*, u.display_name AS taker_name, c.name AS client_name
  FROM hotline_calls h JOIN users u ON u.id = h.taken_by LEFT JOIN clients c ON c.id = h.client_id`;

function toCall(row: Row): StoredCall {
  return {
    id: row.id,
    date: row.called_on,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    takenBy: { id: row.taken_by, displayName: row.taker_name },
    callerType: row.caller_type,
    problemType: row.problem_type,
    highRisk: row.high_risk === 1,
    difficult: row.difficult === 1,
    repeatCaller: row.repeat_caller === 1,
    outcome: row.outcome,
    sealedNote: row.note,
    clientId: row.client_id,
    clientName: row.client_name,
    crisisId: row.crisis_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The note in plain text; only for a session that holds the clinical key (the service checks who may read it). */
export function openCallNote(db: Db, call: StoredCall): string {
  return decryptText(db, 'hotline_calls', 'note', call.id, call.sealedNote);
}

export function readCall(db: Db, id: number): StoredCall | undefined {
  const row = db.prepare(`${selectCalls} WHERE h.id = ? AND h.removed_at IS NULL`).get(id) as Row | undefined;
  return row && toCall(row);
}

/** A period's calls, oldest first, by problem type, the 高危 flag and the client when given (served by hotline_calls_by_day). */
export function listCalls(db: Db, filter: CallFilter): StoredCall[] {
  const rows = db
    .prepare(
      `${selectCalls}
       WHERE h.called_on BETWEEN @from AND @to AND h.removed_at IS NULL
         AND (@problemType IS NULL OR h.problem_type = @problemType)
         AND (@highRisk IS NULL OR h.high_risk = @highRisk)
         AND (@clientId IS NULL OR h.client_id = @clientId)
       ORDER BY h.called_on, h.start_time, h.id`,
    )
    .all({ from: filter.from, to: filter.to, problemType: filter.problemType ?? null, highRisk: filter.highRisk === undefined ? null : filter.highRisk ? 1 : 0, clientId: filter.clientId ?? null }) as Row[];
  return rows.map(toCall);
}

const columnParams = (call: CallInput) => ({
  calledOn: call.date,
  startTime: call.startTime,
  durationMinutes: call.durationMinutes,
  takenBy: call.takenBy,
  callerType: call.callerType,
  problemType: call.problemType,
  highRisk: call.highRisk ? 1 : 0,
  difficult: call.difficult ? 1 : 0,
  repeatCaller: call.repeatCaller ? 1 : 0,
  outcome: call.outcome,
  clientId: call.clientId,
});

export function insertCall(db: Db, call: CallInput, createdBy: number, at: string): number {
  const id = nextRowId(db, 'hotline_calls');
  db.prepare(
    `INSERT INTO hotline_calls (id, called_on, start_time, duration_minutes, taken_by, caller_type, problem_type, high_risk, difficult, repeat_caller, outcome, note,
       client_id, created_by, created_at, updated_at)
     VALUES (@id, @calledOn, @startTime, @durationMinutes, @takenBy, @callerType, @problemType, @highRisk, @difficult, @repeatCaller, @outcome, @note,
       @clientId, @createdBy, @at, @at)`,
  ).run({ ...columnParams(call), id, note: encryptText(db, 'hotline_calls', 'note', id, call.note), createdBy, at });
  return id;
}

export function updateCall(db: Db, id: number, call: CallInput, at: string): void {
  db.prepare(
    `UPDATE hotline_calls SET called_on = @calledOn, start_time = @startTime, duration_minutes = @durationMinutes, taken_by = @takenBy, caller_type = @callerType,
       problem_type = @problemType, high_risk = @highRisk, difficult = @difficult, repeat_caller = @repeatCaller, outcome = @outcome, note = @note,
       client_id = @clientId, updated_at = @at
     WHERE id = @id`,
  ).run({ ...columnParams(call), id, note: encryptText(db, 'hotline_calls', 'note', id, call.note), at });
}

export function linkCallCrisis(db: Db, id: number, crisisId: number, at: string): void {
  db.prepare('UPDATE hotline_calls SET crisis_id = ?, updated_at = ? WHERE id = ?').run(crisisId, at, id);
}

/** Removed, its note erased: past its retention the content goes, the ledger keeps who removed the row and why. */
export function removeCall(db: Db, id: number, removedBy: number, reason: string, at: string): void {
  db.prepare("UPDATE hotline_calls SET note = '', removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?").run(at, removedBy, reason, id);
}

type CountRow = CallCounts['byProblemType'][number];

/**
 * A period's calls counted in SQL for the 热线工作报表 (station-work-and-reporting.md §2.1): by problem type (every
 * active entry with zeros; a hidden one only when used), by outcome, and the totals with the 高危/困难/反复 flags.
 */
export function callCounts(db: Db, from: string, to: string, outcomeLabels: Readonly<Record<CallOutcome, string>>): CallCounts {
  const params = { from, to };
  const inPeriod = 'h.called_on BETWEEN @from AND @to AND h.removed_at IS NULL';
  const byProblemType = db
    .prepare(
      `SELECT d.code, d.label, count(h.id) AS calls
       FROM dictionary_items d LEFT JOIN hotline_calls h ON h.problem_type = d.code AND ${inPeriod}
       WHERE d.dictionary = 'callProblemType'
       GROUP BY d.id HAVING d.active = 1 OR count(h.id) > 0
       ORDER BY d.sort, d.id`,
    )
    .all(params) as CountRow[];
  const outcomes = db
    .prepare(`SELECT o.value AS code, count(h.id) AS calls FROM json_each(@codes) o LEFT JOIN hotline_calls h ON h.outcome = o.value AND ${inPeriod} GROUP BY o.key ORDER BY o.key`)
    .all({ ...params, codes: JSON.stringify(Object.keys(outcomeLabels)) }) as Array<{ code: CallOutcome; calls: number }>;
  const total = db
    .prepare(
      `SELECT count(*) AS calls, coalesce(sum(duration_minutes), 0) AS minutes, coalesce(sum(high_risk), 0) AS highRisk,
         coalesce(sum(difficult), 0) AS difficult, coalesce(sum(repeat_caller), 0) AS repeatCaller
       FROM hotline_calls h WHERE ${inPeriod}`,
    )
    .get(params) as CallCounts['total'];
  return { from, to, byProblemType, byOutcome: outcomes.map((row) => ({ ...row, label: outcomeLabels[row.code] })), total };
}
