import type { Db } from '../db/driver.js';

/** One client on the 高风险人员台账 as it stood on a day. */
export type HighRiskRow = Readonly<{
  id: number;
  name: string;
  gender: 'male' | 'female' | 'unknown';
  birthDate: string | null;
  phone: string | null;
  community: string;
  grid: string;
  tags: string;
  risk: 'red' | 'yellow';
  gradedAt: string;
  lastFollowUp: string | null;
  nextDue: string | null;
  counsellor: string | null;
  crises: number;
}>;

/**
 * Clients graded red or yellow on `to` (their latest grade before that day ended), reddest and longest-standing first,
 * with what a 街道 needs for "一人一策": where they live, the last and next follow-up, their counsellor, crises so far.
 * Never the grade's reason or any note (those are clinical content).
 */
export function highRiskClients(db: Db, bounds: Readonly<{ to: string; toUtc: string }>): HighRiskRow[] {
  return db
    .prepare(
      `SELECT * FROM (
         SELECT c.id, c.name, c.gender, c.birth_date AS birthDate, c.phone, c.community, c.grid,
           (SELECT group_concat(tag) FROM client_tags WHERE client_id = c.id) AS tags,
           g.level AS risk, g.graded_at AS gradedAt,
           (SELECT max(done_on) FROM follow_ups f WHERE f.client_id = c.id AND f.status = 'done' AND f.done_on <= @to) AS lastFollowUp,
           (SELECT min(due_on) FROM follow_ups f WHERE f.client_id = c.id AND f.status = 'due') AS nextDue,
           (SELECT u.display_name FROM cases k JOIN users u ON u.id = k.counsellor_id
              WHERE k.client_id = c.id AND k.opened_on <= @to AND (k.closed_on IS NULL OR k.closed_on > @to) ORDER BY k.opened_on DESC LIMIT 1) AS counsellor,
           (SELECT count(*) FROM crises k WHERE k.client_id = c.id AND k.started_at < @toUtc) AS crises
         FROM clients c JOIN risk_grades g ON g.id = (
           SELECT id FROM risk_grades WHERE client_id = c.id AND graded_at < @toUtc ORDER BY graded_at DESC, id DESC LIMIT 1)
         WHERE c.merged_into IS NULL)
       WHERE risk IN ('red', 'yellow') ORDER BY risk = 'yellow', gradedAt, id`,
    )
    .all(bounds)
    .map((row) => ({ ...(row as HighRiskRow), tags: (row as { tags: string | null }).tags ?? '' }));
}
