import type { SampleKind } from '../../../shared/api/schemas/inspections.js';
import { localDay, localDayStartUtc } from '../../../shared/domain/dates.js';
import type { Db } from '../db/driver.js';

/** A sampled record's metadata as stored: the client's full name leaves this file only masked (the service masks it). */
export type SampleRow = { id: number; date: string; type: string; state: string; staff: string | null; client: string | null };

/**
 * What an inspector may see of each kind of record, over a period: its day, kind, whether it is complete, who kept it
 * and whose it is. Only metadata columns are selected, never a note, a finding or a summary.
 */
const sampleSql: Record<SampleKind, string> = {
  cases: `SELECT c.id, c.opened_on AS date, '' AS type, c.status AS state, u.display_name AS staff, cl.name AS client
          FROM cases c JOIN users u ON u.id = c.counsellor_id JOIN clients cl ON cl.id = c.client_id WHERE c.opened_on BETWEEN @from AND @to`,
  sessions: `SELECT s.id, s.held_on AS date, s.kind AS type, CASE WHEN s.signed_at IS NULL THEN 'draft' ELSE 'signed' END AS state, u.display_name AS staff, cl.name AS client
             FROM counselling_sessions s JOIN cases c ON c.id = s.case_id JOIN clients cl ON cl.id = c.client_id JOIN users u ON u.id = s.counsellor_id
             WHERE s.held_on BETWEEN @from AND @to`,
  followUps: `SELECT f.id, f.due_on AS date, f.level AS type, f.status AS state, u.display_name AS staff, cl.name AS client
              FROM follow_ups f JOIN clients cl ON cl.id = f.client_id LEFT JOIN users u ON u.id = f.recorded_by WHERE f.due_on BETWEEN @from AND @to`,
  // A crisis begins at an instant (UTC): the period's local days are compared by their UTC bounds, the day shown is local.
  crises: `SELECT k.id, k.started_at AS date, coalesce(k.outcome, '') AS type, k.status AS state, u.display_name AS staff, cl.name AS client
           FROM crises k JOIN users u ON u.id = k.counsellor_id LEFT JOIN clients cl ON cl.id = k.client_id WHERE k.started_at >= @fromUtc AND k.started_at < @toUtc`,
  referrals: `SELECT r.id, r.sent_on AS date, r.target AS type, r.status AS state, u.display_name AS staff, cl.name AS client
              FROM referrals r JOIN users u ON u.id = r.created_by JOIN clients cl ON cl.id = r.client_id WHERE r.sent_on BETWEEN @from AND @to`,
  activities: `SELECT a.id, a.held_on AS date, a.type AS type, a.status AS state, u.display_name AS staff, NULL AS client
               FROM activities a JOIN users u ON u.id = a.created_by WHERE a.removed_at IS NULL AND a.held_on BETWEEN @from AND @to`,
  calls: `SELECT h.id, h.called_on AS date, h.problem_type AS type, h.outcome AS state, u.display_name AS staff, NULL AS client
          FROM hotline_calls h JOIN users u ON u.id = h.taken_by WHERE h.removed_at IS NULL AND h.called_on BETWEEN @from AND @to`,
  dutyLogs: `SELECT d.id, d.day AS date, d.start_time || '–' || d.end_time AS type, 'done' AS state, u.display_name AS staff, NULL AS client
             FROM duty_logs d JOIN users u ON u.id = d.user_id WHERE d.day BETWEEN @from AND @to`,
  meetings: `SELECT m.id, m.held_on AS date, m.kind AS type, 'held' AS state, u.display_name AS staff, NULL AS client
             FROM meetings m JOIN users u ON u.id = m.created_by WHERE m.removed_at IS NULL AND m.held_on BETWEEN @from AND @to`,
};

/** How many records of a kind the period holds, and `count` of them drawn at random (shown by date). */
export function sampleRecords(db: Db, kind: SampleKind, period: Readonly<{ from: string; to: string }>, count: number): { total: number; rows: SampleRow[] } {
  const bounds = { ...period, fromUtc: localDayStartUtc(period.from), toUtc: localDayStartUtc(period.to, 1) };
  const total = (db.prepare(`SELECT count(*) AS n FROM (${sampleSql[kind]})`).get(bounds) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM (SELECT * FROM (${sampleSql[kind]}) ORDER BY random() LIMIT @count) ORDER BY date, id`).all({ ...bounds, count }) as SampleRow[];
  return { total, rows: kind === 'crises' ? rows.map((row) => ({ ...row, date: localDay(new Date(row.date)) })) : rows };
}
