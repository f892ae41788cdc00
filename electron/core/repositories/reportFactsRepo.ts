import type { FactRow, FactSourceId } from '../../../shared/reports/factSources.js';
import { localDayFinder } from '../../../shared/domain/dates.js';
import { monthsOf, type DayRange } from '../../../shared/reports/periodShift.js';
import type { Db } from '../db/driver.js';
import { directoryTables, type CaseEntry, type Directory, type Only } from './reportDirectory.js';

/**
 * The records behind the periodic report (issue 14), one reader per fact source (shared/reports/factSources.ts):
 * flows are the records of the period's days (`from`–`to`, local calendar days; instants compared with the UTC
 * bounds of those days, so midnight Beijing time splits two months exactly); stocks are what stood on `to`.
 * Only the columns a report counts are read: never a note, a name or a narrative.
 */
export type FactPeriod = Readonly<{ from: string; to: string; fromUtc: string; toUtc: string }>;
/**
 * `listed`: every record on its own (a drill-down lists them); otherwise a stock's alike records may come grouped
 * (FactRow.weight), which is all a figure needs. `only`: the records of these clients alone (clientSources only).
 */
type FactReader = (db: Db, period: FactPeriod, context: FactContext, listed: boolean, only: Only) => FactRow[];
/** The sources read here; the duty ledger's open days and the checklist's score come from their features' own readings. */
export type RecordSource = Exclude<FactSourceId, 'openDays' | 'checklist'>;
/** What a reader needs besides its own rows: the scale bands graded 异常 (`id@version#band`) and the people directory. */
export type FactContext = Readonly<{ abnormalBands: ReadonlySet<string>; directory: Directory }>;

/** The tables each source's records are read from, the directory's included where its records take a client's dimensions. */
export const sourceTables: Readonly<Record<RecordSource, readonly string[]>> = {
  sessions: ['counselling_sessions', ...directoryTables],
  casesOpened: directoryTables,
  casesOpen: directoryTables,
  activities: ['activities', 'activity_outreach'],
  scaleResults: ['scale_results', 'scale_definitions', ...directoryTables],
  crises: ['crises', ...directoryTables],
  referrals: ['referrals', ...directoryTables],
  followUps: ['follow_ups', ...directoryTables],
  visits: ['screening_visits', 'screening_visit_tags'],
  clientsFiled: directoryTables,
  clientFiles: directoryTables,
  riskRegister: directoryTables,
  calls: ['hotline_calls'],
  staff: ['people', 'person_qualifications'],
  trainings: ['person_trainings'],
  volunteerService: ['volunteer_service_hours'],
  feedback: ['counselling_group_feedback', 'activities'],
  meetings: ['meetings'],
};

/**
 * The sources whose records take their client's dimensions from the directory (the rest take none): each can be read
 * for some clients only, which is how a kept figure is patched after a few clients' files changed (FactReadings).
 */
export const clientSources = ['sessions', 'casesOpened', 'casesOpen', 'scaleResults', 'crises', 'referrals', 'followUps', 'clientsFiled', 'clientFiles', 'riskRegister'] as const satisfies readonly RecordSource[];
export type ClientSource = (typeof clientSources)[number];

/**
 * Each flow's own dated table, also counted month by month (migration 320): a period's figures of that flow stand
 * while the counts of its months do.
 */
export const datedTables: Partial<Readonly<Record<RecordSource, string>>> = {
  sessions: 'counselling_sessions',
  scaleResults: 'scale_results',
  crises: 'crises',
  referrals: 'referrals',
  followUps: 'follow_ups',
  activities: 'activities',
  visits: 'screening_visits',
  calls: 'hotline_calls',
  trainings: 'person_trainings',
  volunteerService: 'volunteer_service_hours',
  meetings: 'meetings',
};

/** How many times each counted table, and each dated table's month (`table YYYY-MM`), has changed (migrations 310, 320). */
export type ChangeCounts = Readonly<{ tables: ReadonlyMap<string, number>; months: ReadonlyMap<string, number> }>;

export function changeCounts(db: Db): ChangeCounts {
  const tables = db.prepare('SELECT table_name AS name, changes FROM report_table_changes').all() as Array<{ name: string; changes: number }>;
  const months = db.prepare('SELECT table_name AS name, month, changes FROM report_month_changes').all() as Array<{ name: string; month: string; changes: number }>;
  return { tables: new Map(tables.map((row) => [row.name, row.changes])), months: new Map(months.map((row) => [`${row.name} ${row.month}`, row.changes])) };
}

/**
 * What is read from these tables (the directory, the checklist, the duty log) stands while this does. A table without
 * a count (none should be: factReadings.test checks every one) is never taken to stand still.
 */
export const tablesStamp = (counts: ChangeCounts, tables: readonly string[]) => tables.map((table) => counts.tables.get(table) ?? `uncounted ${Math.random()}`).join('.');

/**
 * A source's records of a period are the file's while this stands still and the directory they took their clients'
 * dimensions from is the file's: its own tables' counts, its dated table's by month.
 */
export function sourceStamp(counts: ChangeCounts, source: RecordSource, range: DayRange): string {
  const dated = datedTables[source];
  const whole = tablesStamp(counts, sourceTables[source].filter((table) => table !== dated && !(directoryTables as readonly string[]).includes(table)));
  return dated === undefined ? whole : `${whole}|${monthsOf(range).map((month) => counts.months.get(`${dated} ${month}`) ?? 0).join('.')}`;
}

const dayFinders = new WeakMap<FactPeriod, (instantIso: string) => string>();

/** The local day of an instant of the period (one finder per period, shared by the sources read for it). */
function dayIn(period: FactPeriod, instantIso: string): string {
  let find = dayFinders.get(period);
  if (!find) dayFinders.set(period, (find = localDayFinder(period.from, period.to)));
  return find(instantIso);
}

function all<T>(db: Db, sql: string, period: FactPeriod, only: readonly number[] | null = null): T[] {
  return db.prepare(sql).all(only ? { ...period, only: JSON.stringify(only) } : period) as T[];
}

/** The condition a statement adds to read the records of some clients (or cases) only, listed in @only. */
const among = (column: string, only: Only | readonly number[]) => (only ? `AND ${column} IN (SELECT value FROM json_each(@only))` : '');
const listOf = (only: Only) => (only ? [...only] : null);

type CaseRow = Pick<CaseEntry, 'id' | 'client_id'>;

function caseRow(row: CaseRow, day: string, directory: Directory, risk: string | null = null): FactRow {
  const { sex, age, group } = directory.person(row.client_id, day);
  return { id: row.id, link: `/cases/${row.id}`, clientId: row.client_id, day, dims: { sex, age, group, topic: directory.caseTopics(row.id), risk } };
}

function clientRow(id: number, day: string, directory: Directory, risk: string | null): FactRow {
  const { sex, age, group } = directory.person(id, day);
  return { id, link: `/clients/${id}`, clientId: id, day, dims: { sex, age, group, risk } };
}

/**
 * A stock's rows: each record when listed; otherwise one row per combination of the dimensions its figures can tell
 * apart, weighted by how many records share it (the group's first record stands for it). A ten-year station's 30,000
 * client files are then a few thousand rows for each period end a report reads (issue 15).
 */
class StockRows<T> {
  private readonly each: FactRow[] = [];
  private readonly groups = new Map<number, { first: T; weight: number }>();

  /** `rowOf` makes a record's row: for each record when listed, else for each group's first (no function made per record). */
  constructor(
    private readonly listed: boolean,
    private readonly rowOf: (record: T) => FactRow,
  ) {}

  add(key: number, record: T): void {
    if (this.listed) {
      this.each.push(this.rowOf(record));
      return;
    }
    const group = this.groups.get(key);
    if (group) group.weight += 1;
    else this.groups.set(key, { first: record, weight: 1 });
  }

  rows(): FactRow[] {
    return this.listed ? this.each : Array.from(this.groups.values(), ({ first, weight }) => ({ ...this.rowOf(first), weight }));
  }
}

/**
 * Each client's colour on the period's last day: every graded client's at once (kept by the directory for that day),
 * or the few clients' of `only` one by one.
 */
function colouring(directory: Directory, period: FactPeriod, only: Only): (clientId: number) => string | null {
  if (only) return (clientId) => directory.colourAt(clientId, period.toUtc);
  const colours = directory.coloursAt(period.toUtc);
  return (clientId) => colours.get(clientId) ?? null;
}

const list = (json: string | null): string[] => (json ? (JSON.parse(json) as (string | null)[]).filter((value): value is string => value !== null) : []);

const readers: Record<RecordSource, FactReader> = {
  sessions: (db, period, { directory }, _listed, only) => {
    const cases = only ? directory.caseIdsOf(only) : null;
    return all<{ id: number; case_id: number; day: string; modality: string }>(
      db,
      `SELECT id, case_id, held_on AS day, modality FROM counselling_sessions WHERE held_on BETWEEN @from AND @to ${among('case_id', cases)}`,
      period,
      cases,
    ).map((row) => {
      const clientId = directory.caseClient(row.case_id)!;
      const { sex, age, group } = directory.person(clientId, row.day);
      return { id: row.id, link: `/cases/${row.case_id}/sessions/${row.id}`, clientId, day: row.day, dims: { sex, age, group, topic: directory.caseTopics(row.case_id), modality: row.modality } };
    });
  },

  casesOpened: (_db, period, { directory }, _listed, only) => directory.casesOpenedOn(period.from, period.to, only).map((item) => caseRow(item, item.openedOn, directory)),

  casesOpen: (_db, period, { directory }, listed, only) => {
    const colourOf = colouring(directory, period, only);
    const stock = new StockRows(listed, (item: CaseRow) => caseRow(item, period.to, directory, colourOf(item.client_id)));
    for (const item of directory.casesOpenOn(period.to, only)) stock.add(directory.stockKey(item.client_id, period.to, colourOf(item.client_id), item.id), item);
    return stock.rows();
  },

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

  scaleResults: (db, period, { directory, abnormalBands }, _listed, only) =>
    all<{ id: number; completed_at: string; scale_id: string; scale_version: number; band_id: string | null; critical: number; client_id: number | null }>(
      db,
      `SELECT id, completed_at, scale_id, scale_version, band_id, critical, client_id FROM scale_results WHERE completed_at >= @fromUtc AND completed_at < @toUtc ${among('client_id', only)}`,
      period,
      listOf(only),
    ).map((row) => {
      const day = dayIn(period, row.completed_at);
      const abnormal = row.critical === 1 || (row.band_id !== null && abnormalBands.has(`${row.scale_id}@${row.scale_version}#${row.band_id}`));
      const { sex, age, group } = directory.person(row.client_id, day);
      return { id: row.id, link: row.client_id === null ? '/kiosk-results' : `/clients/${row.client_id}`, clientId: row.client_id, day, dims: { sex, age, group, instrument: row.scale_id }, flags: { abnormal } };
    }),

  crises: (db, period, { directory }, _listed, only) =>
    all<{ id: number; started_at: string; outcome: string | null; client_id: number | null }>(
      db,
      `SELECT id, started_at, outcome, client_id FROM crises WHERE started_at >= @fromUtc AND started_at < @toUtc ${among('client_id', only)}`,
      period,
      listOf(only),
    ).map((row) => {
      const day = dayIn(period, row.started_at);
      const { sex, age, group } = directory.person(row.client_id, day);
      return { id: row.id, link: `/crises/${row.id}`, clientId: row.client_id, day, dims: { sex, age, group, outcome: row.outcome } };
    }),

  referrals: (db, period, { directory }, _listed, only) =>
    all<{ id: number; day: string; target: string; received_on: string | null; client_id: number }>(
      db,
      `SELECT id, sent_on AS day, target, received_on, client_id FROM referrals WHERE sent_on BETWEEN @from AND @to ${among('client_id', only)}`,
      period,
      listOf(only),
    ).map((row) => {
      const { sex, age, group } = directory.person(row.client_id, row.day);
      return { id: row.id, link: `/clients/${row.client_id}`, clientId: row.client_id, day: row.day, dims: { sex, age, group, destination: row.target }, flags: { receipted: row.received_on !== null } };
    }),

  // The partial index of done follow-ups by day, named: without statistics the planner takes the one on status alone.
  followUps: (db, period, { directory }, _listed, only) =>
    all<{ id: number; day: string; method: string | null; level: string; client_id: number }>(
      db,
      `SELECT id, done_on AS day, method, level, client_id FROM follow_ups INDEXED BY follow_ups_done WHERE status = 'done' AND done_on BETWEEN @from AND @to ${among('client_id', only)}`,
      period,
      listOf(only),
    ).map((row) => {
      const { sex, age, group } = directory.person(row.client_id, row.day);
      return { id: row.id, link: `/clients/${row.client_id}`, clientId: row.client_id, day: row.day, dims: { sex, age, group, followUpMethod: row.method, risk: row.level } };
    }),

  visits: (db, period) =>
    all<{ id: number; day: string; client_id: number | null; tags: string }>(
      db,
      `SELECT v.id, v.visited_on AS day, v.client_id, (SELECT json_group_array(tag) FROM screening_visit_tags WHERE visit_id = v.id) AS tags
       FROM screening_visits v WHERE v.removed_at IS NULL AND v.visited_on BETWEEN @from AND @to`,
      period,
    ).map((row) => ({ id: row.id, link: `/visits/${row.id}`, clientId: row.client_id, day: row.day, dims: { group: list(row.tags) } })),

  // The files and the cases (opened, open) come from the directory already read, not a query per period.
  clientsFiled: (_db, period, { directory }, _listed, only) =>
    directory.filedBetween(period.fromUtc, period.toUtc, only).map((filed) => {
      const day = dayIn(period, filed.filedAt);
      return { id: filed.id, link: `/clients/${filed.id}`, clientId: filed.id, day, dims: directory.person(filed.id, day) };
    }),

  clientFiles: (_db, period, { directory }, listed, only) => {
    const colourOf = colouring(directory, period, only);
    const stock = new StockRows(listed, (id: number) => clientRow(id, period.to, directory, colourOf(id)));
    for (const id of directory.filedBefore(period.toUtc, only)) stock.add(directory.stockKey(id, period.to, colourOf(id)), id);
    return stock.rows();
  },

  riskRegister: (_db, period, { directory }, listed, only) => {
    const colourOf = colouring(directory, period, only);
    const graded = only ? directory.filedBefore(period.toUtc, only) : [...directory.coloursAt(period.toUtc).keys()].filter((id) => directory.isFiledBefore(id, period.toUtc));
    const stock = new StockRows(listed, (id: number) => clientRow(id, period.to, directory, colourOf(id)));
    for (const id of graded) {
      const colour = colourOf(id);
      if (colour !== null) stock.add(directory.stockKey(id, period.to, colour), id);
    }
    return stock.rows();
  },

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
export function readFacts(db: Db, source: RecordSource, period: FactPeriod, context: FactContext, listed = false): FactRow[] {
  return readers[source](db, period, context, listed, null);
}

/** The rows of one source for one period that are the records of some clients, each listed (a kept figure's patch). */
export function readClientFacts(db: Db, source: ClientSource, period: FactPeriod, context: FactContext, clients: ReadonlySet<number>): FactRow[] {
  return readers[source](db, period, context, true, clients);
}
