import type { FactRow, FactSourceId } from '../../../shared/reports/factSources.js';
import { localDay } from '../../../shared/domain/dates.js';
import { ageOn } from '../../../shared/domain/idNumber.js';
import type { Db } from '../db/driver.js';

/**
 * The records behind the periodic report (issue 14), one reader per fact source (shared/reports/factSources.ts):
 * flows are the records of the period's days (`from`–`to`, local calendar days; instants compared with the UTC
 * bounds of those days, so midnight Beijing time splits two months exactly); stocks are what stood on `to`.
 * Only the columns a report counts are read: never a note, a name or a narrative.
 */
export type FactPeriod = Readonly<{ from: string; to: string; fromUtc: string; toUtc: string }>;
export type FactReader = (db: Db, period: FactPeriod, context: FactContext) => FactRow[];
/** The sources read here; the duty ledger's open days and the checklist's score come from their features' own readings. */
export type RecordSource = Exclude<FactSourceId, 'openDays' | 'checklist'>;
/** What a reader needs from outside the database: the scale bands graded 异常 (`id@version#band`). */
export type FactContext = Readonly<{ abnormalBands: ReadonlySet<string> }>;

type PersonColumns = { client_id: number | null; gender: string | null; birth_date: string | null; tags: string | null };


const list = (json: string | null): string[] => (json ? (JSON.parse(json) as (string | null)[]).filter((value): value is string => value !== null) : []);

function personDims(row: PersonColumns, day: string) {
  return { sex: row.client_id === null ? null : row.gender, age: row.birth_date ? ageOn(row.birth_date, day) : null, group: list(row.tags) };
}

const tagsOf = (client: string) => `(SELECT json_group_array(tag) FROM client_tags WHERE client_id = ${client}) AS tags`;
const topicsOf = (caseId: string) => `(SELECT json_group_array(category) FROM case_problems WHERE case_id = ${caseId}) AS topics`;
/** A client's colour on a day: its latest grade before the day ended. */
const riskAt = (client: string) => `(SELECT level FROM risk_grades g WHERE g.client_id = ${client} AND g.graded_at < @toUtc ORDER BY g.graded_at DESC, g.id DESC LIMIT 1) AS risk`;

function all<T>(db: Db, sql: string, period: FactPeriod): T[] {
  return db.prepare(sql).all(period) as T[];
}

type CaseRow = PersonColumns & { id: number; day: string; topics: string; risk?: string | null };

const caseRows = (rows: CaseRow[], day: (row: CaseRow) => string): FactRow[] =>
  rows.map((row) => ({ id: row.id, link: `/cases/${row.id}`, clientId: row.client_id, day: day(row), dims: { ...personDims(row, day(row)), topic: list(row.topics), risk: row.risk ?? null } }));

const readers: Record<RecordSource, FactReader> = {
  sessions: (db, period) =>
    all<PersonColumns & { id: number; case_id: number; day: string; modality: string; topics: string }>(
      db,
      `SELECT s.id, s.case_id, s.held_on AS day, s.modality, k.client_id, c.gender, c.birth_date, ${tagsOf('k.client_id')}, ${topicsOf('k.id')}
       FROM counselling_sessions s JOIN cases k ON k.id = s.case_id JOIN clients c ON c.id = k.client_id
       WHERE s.held_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/cases/${row.case_id}/sessions/${row.id}`, clientId: row.client_id, day: row.day, dims: { ...personDims(row, row.day), topic: list(row.topics), modality: row.modality } })),

  casesOpened: (db, period) =>
    caseRows(
      all<CaseRow>(
        db,
        `SELECT k.id, k.opened_on AS day, k.client_id, c.gender, c.birth_date, ${tagsOf('k.client_id')}, ${topicsOf('k.id')}
         FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.opened_on BETWEEN @from AND @to`,
        period,
      ),
      (row) => row.day,
    ),

  casesOpen: (db, period) =>
    caseRows(
      all<CaseRow>(
        db,
        `SELECT k.id, k.opened_on AS day, k.client_id, c.gender, c.birth_date, ${tagsOf('k.client_id')}, ${topicsOf('k.id')}, ${riskAt('k.client_id')}
         FROM cases k JOIN clients c ON c.id = k.client_id WHERE k.opened_on <= @to AND (k.closed_on IS NULL OR k.closed_on > @to)`,
        period,
      ),
      () => period.to,
    ),

  activities: (db, period) =>
    all<{ id: number; day: string; type: string; targets: string; participants: number | null; online_reach: number | null }>(
      db,
      `SELECT a.id, a.held_on AS day, a.type, a.participant_count AS participants, a.online_reach,
         (SELECT json_group_array(target) FROM activity_outreach WHERE activity_id = a.id) AS targets
       FROM activities a WHERE a.status = 'done' AND a.removed_at IS NULL AND a.held_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({
      id: row.id,
      link: `/activities/${row.id}`,
      clientId: null,
      day: row.day,
      dims: { activityType: row.type, outreachTarget: list(row.targets) },
      amounts: { participants: row.participants ?? 0, onlineReach: row.online_reach ?? 0 },
    })),

  scaleResults: (db, period, context) =>
    all<PersonColumns & { id: number; completed_at: string; scale_id: string; scale_version: number; band_id: string | null; critical: number }>(
      db,
      `SELECT r.id, r.completed_at, r.scale_id, r.scale_version, r.band_id, r.critical, r.client_id, c.gender, c.birth_date, ${tagsOf('r.client_id')}
       FROM scale_results r LEFT JOIN clients c ON c.id = r.client_id WHERE r.completed_at >= @fromUtc AND r.completed_at < @toUtc`,
      period,
    ).map((row) => {
      const day = localDay(new Date(row.completed_at));
      const abnormal = row.critical === 1 || (row.band_id !== null && context.abnormalBands.has(`${row.scale_id}@${row.scale_version}#${row.band_id}`));
      return { id: row.id, link: row.client_id === null ? '/kiosk-results' : `/clients/${row.client_id}`, clientId: row.client_id, day, dims: { ...personDims(row, day), instrument: row.scale_id }, flags: { abnormal } };
    }),

  crises: (db, period) =>
    all<PersonColumns & { id: number; started_at: string; outcome: string | null }>(
      db,
      `SELECT k.id, k.started_at, k.outcome, k.client_id, c.gender, c.birth_date, ${tagsOf('k.client_id')}
       FROM crises k LEFT JOIN clients c ON c.id = k.client_id WHERE k.started_at >= @fromUtc AND k.started_at < @toUtc`,
      period,
    ).map((row) => {
      const day = localDay(new Date(row.started_at));
      return { id: row.id, link: `/crises/${row.id}`, clientId: row.client_id, day, dims: { ...personDims(row, day), outcome: row.outcome } };
    }),

  referrals: (db, period) =>
    all<PersonColumns & { id: number; day: string; target: string; received_on: string | null }>(
      db,
      `SELECT r.id, r.sent_on AS day, r.target, r.received_on, r.client_id, c.gender, c.birth_date, ${tagsOf('r.client_id')}
       FROM referrals r JOIN clients c ON c.id = r.client_id WHERE r.sent_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/clients/${row.client_id}`, clientId: row.client_id, day: row.day, dims: { ...personDims(row, row.day), destination: row.target }, flags: { receipted: row.received_on !== null } })),

  followUps: (db, period) =>
    all<PersonColumns & { id: number; day: string; method: string | null; level: string }>(
      db,
      `SELECT f.id, f.done_on AS day, f.method, f.level, f.client_id, c.gender, c.birth_date, ${tagsOf('f.client_id')}
       FROM follow_ups f JOIN clients c ON c.id = f.client_id WHERE f.status = 'done' AND f.done_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/clients/${row.client_id}`, clientId: row.client_id, day: row.day, dims: { ...personDims(row, row.day), followUpMethod: row.method, risk: row.level } })),

  visits: (db, period) =>
    all<{ id: number; day: string; client_id: number | null; tags: string }>(
      db,
      `SELECT v.id, v.visited_on AS day, v.client_id, (SELECT json_group_array(tag) FROM screening_visit_tags WHERE visit_id = v.id) AS tags
       FROM screening_visits v WHERE v.removed_at IS NULL AND v.visited_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/visits/${row.id}`, clientId: row.client_id, day: row.day, dims: { group: list(row.tags) } })),

  clientsFiled: (db, period) =>
    all<PersonColumns & { id: number; created_at: string }>(
      db,
      `SELECT c.id, c.id AS client_id, c.created_at, c.gender, c.birth_date, ${tagsOf('c.id')}
       FROM clients c WHERE c.merged_into IS NULL AND c.created_at >= @fromUtc AND c.created_at < @toUtc`,
      period,
    ).map((row) => {
      const day = localDay(new Date(row.created_at));
      return { id: row.id, link: `/clients/${row.id}`, clientId: row.id, day, dims: personDims(row, day) };
    }),

  clientFiles: (db, period) =>
    all<PersonColumns & { id: number; risk: string | null }>(
      db,
      `SELECT c.id, c.id AS client_id, c.gender, c.birth_date, ${tagsOf('c.id')}, ${riskAt('c.id')}
       FROM clients c WHERE c.merged_into IS NULL AND c.created_at < @toUtc`,
      period,
    ).map((row) => ({ id: row.id, link: `/clients/${row.id}`, clientId: row.id, day: period.to, dims: { ...personDims(row, period.to), risk: row.risk } })),

  riskRegister: (db, period) =>
    all<PersonColumns & { id: number; risk: string }>(
      db,
      `SELECT * FROM (SELECT c.id, c.id AS client_id, c.gender, c.birth_date, ${tagsOf('c.id')}, ${riskAt('c.id')}
         FROM clients c WHERE c.merged_into IS NULL AND c.created_at < @toUtc) WHERE risk IS NOT NULL`,
      period,
    ).map((row) => ({ id: row.id, link: `/clients/${row.id}`, clientId: row.id, day: period.to, dims: { ...personDims(row, period.to), risk: row.risk } })),

  calls: (db, period) =>
    all<{ id: number; day: string; problem_type: string; high_risk: number; difficult: number; repeat_caller: number }>(
      db,
      `SELECT id, called_on AS day, problem_type, high_risk, difficult, repeat_caller FROM hotline_calls
       WHERE removed_at IS NULL AND called_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({
      id: row.id,
      link: `/calls/${row.id}`,
      clientId: null,
      day: row.day,
      dims: { callProblem: row.problem_type },
      flags: { highRisk: row.high_risk === 1, difficult: row.difficult === 1, repeat: row.repeat_caller === 1 },
    })),

  staff: (db, period) =>
    all<{ id: number; employment: string; fte: number | null; kinds: string }>(
      db,
      `SELECT p.id, p.employment, p.fte,
         (SELECT json_group_array(q.kind) FROM person_qualifications q WHERE q.person_id = p.id AND (q.expires_on IS NULL OR q.expires_on >= @to)) AS kinds
       FROM people p WHERE p.joined_on <= @to AND (p.left_on IS NULL OR p.left_on > @to)`,
      period,
    ).map((row) => ({
      id: row.id,
      link: `/people/${row.id}`,
      clientId: null,
      day: period.to,
      dims: { staffType: row.employment, qualification: list(row.kinds) },
      // Part-timers count by their share of a full post (SMI 年报 rule, station-work-and-reporting.md §2.2); volunteers none.
      amounts: { fte: row.employment === 'fulltime' ? 1 : (row.fte ?? 0) },
    })),

  trainings: (db, period) =>
    all<{ id: number; person_id: number; day: string; kind: string; hours: number }>(
      db,
      `SELECT id, person_id, held_on AS day, kind, hours FROM person_trainings WHERE held_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/people/${row.person_id}`, clientId: null, day: row.day, dims: { trainingKind: row.kind }, amounts: { hours: row.hours, person: row.person_id } })),

  volunteerService: (db, period) =>
    all<{ id: number; person_id: number; day: string; hours: number }>(
      db,
      `SELECT id, person_id, served_on AS day, hours FROM volunteer_service_hours WHERE served_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/people/${row.person_id}`, clientId: null, day: row.day, dims: {}, amounts: { hours: row.hours } })),

  feedback: (db, period) =>
    all<{ id: number; activity_id: number; day: string; satisfaction: number }>(
      db,
      `SELECT f.id, f.activity_id, a.held_on AS day, f.satisfaction FROM counselling_group_feedback f JOIN activities a ON a.id = f.activity_id
       WHERE a.removed_at IS NULL AND a.held_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/activities/${row.activity_id}`, clientId: null, day: row.day, dims: {}, flags: { satisfied: row.satisfaction >= 4 } })),

  meetings: (db, period) =>
    all<{ id: number; day: string; kind: string }>(db, `SELECT id, held_on AS day, kind FROM meetings WHERE removed_at IS NULL AND held_on BETWEEN @from AND @to`, period).map((row) => ({
      id: row.id,
      link: `/meetings/${row.id}`,
      clientId: null,
      day: row.day,
      dims: { meetingKind: row.kind },
    })),
};

/** The rows of one record source for one period. */
export function readFacts(db: Db, source: RecordSource, period: FactPeriod, context: FactContext): FactRow[] {
  return readers[source](db, period, context);
}
