import type { VisitCounts, VisitInput } from '../../../shared/api/schemas/visits.js';
import type { Db } from '../db/driver.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

/** A visit as stored, its observations still encrypted: the service decides who may open them. */
export type StoredVisit = Readonly<{
  id: number;
  date: string;
  visitors: Array<{ id: number; displayName: string }>;
  clientId: number | null;
  clientName: string | null;
  area: string;
  companionRoles: string[];
  companionNames: string;
  tags: string[];
  sealedObservations: string;
  followUpNeeded: boolean;
  filedFromVisit: boolean;
  createdAt: string;
  updatedAt: string;
}>;

export type VisitFilter = Readonly<{ from: string; to: string; tag?: string | undefined; visitorId?: number | undefined }>;

type Row = {
  id: number;
  visited_on: string;
  visitors: string;
  client_id: number | null;
  client_name: string | null;
  area: string;
  companion_roles: string;
  companion_names: string;
  tags: string;
  observations: string;
  follow_up_needed: 0 | 1;
  filed_client: 0 | 1;
  created_at: string;
  updated_at: string;
};

const selectVisits = `
  SELECT v.*, c.name AS client_name,
    (SELECT json_group_array(json_object('id', u.id, 'displayName', u.display_name)) FROM screening_visit_visitors w JOIN users u ON u.id = w.user_id WHERE w.visit_id = v.id) AS visitors,
    (SELECT json_group_array(t.tag) FROM screening_visit_tags t WHERE t.visit_id = v.id) AS tags
  FROM screening_visits v LEFT JOIN clients c ON c.id = v.client_id`;

function toVisit(row: Row): StoredVisit {
  return {
    id: row.id,
    date: row.visited_on,
    visitors: JSON.parse(row.visitors) as StoredVisit['visitors'],
    clientId: row.client_id,
    clientName: row.client_name,
    area: row.area,
    companionRoles: row.companion_roles.split(',').filter(Boolean),
    companionNames: row.companion_names,
    tags: JSON.parse(row.tags) as string[],
    sealedObservations: row.observations,
    followUpNeeded: row.follow_up_needed === 1,
    filedFromVisit: row.filed_client === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The observations in plain text; only for a session that holds the clinical key (the service checks who may read them). */
export function openVisitObservations(db: Db, visit: StoredVisit): string {
  return decryptText(db, 'screening_visits', 'observations', visit.id, visit.sealedObservations);
}

export function readVisit(db: Db, id: number): StoredVisit | undefined {
  const row = db.prepare(`${selectVisits} WHERE v.id = ? AND v.removed_at IS NULL`).get(id) as Row | undefined;
  return row && toVisit(row);
}

/** A period's visits, oldest first, by 重点人群 tag and visitor when given (served by the by-day, by-tag and by-user indexes). */
export function listVisits(db: Db, filter: VisitFilter): StoredVisit[] {
  const rows = db
    .prepare(
      `${selectVisits}
       WHERE v.visited_on BETWEEN @from AND @to AND v.removed_at IS NULL
         AND (@tag IS NULL OR EXISTS (SELECT 1 FROM screening_visit_tags t WHERE t.visit_id = v.id AND t.tag = @tag))
         AND (@visitorId IS NULL OR EXISTS (SELECT 1 FROM screening_visit_visitors w WHERE w.visit_id = v.id AND w.user_id = @visitorId))
       ORDER BY v.visited_on, v.id`,
    )
    .all({ from: filter.from, to: filter.to, tag: filter.tag ?? null, visitorId: filter.visitorId ?? null }) as Row[];
  return rows.map(toVisit);
}

function replaceMembers(db: Db, id: number, visit: VisitInput): void {
  db.prepare('DELETE FROM screening_visit_visitors WHERE visit_id = ?').run(id);
  db.prepare('DELETE FROM screening_visit_tags WHERE visit_id = ?').run(id);
  const visitor = db.prepare('INSERT OR IGNORE INTO screening_visit_visitors (visit_id, user_id) VALUES (?, ?)');
  for (const userId of visit.visitorIds) visitor.run(id, userId);
  const tag = db.prepare('INSERT OR IGNORE INTO screening_visit_tags (visit_id, tag) VALUES (?, ?)');
  for (const code of visit.tags) tag.run(id, code);
}

const columnParams = (db: Db, id: number, visit: VisitInput) => ({
  id,
  visitedOn: visit.date,
  clientId: visit.clientId,
  area: visit.area,
  companionRoles: visit.companionRoles.join(','),
  companionNames: visit.companionNames,
  observations: encryptText(db, 'screening_visits', 'observations', id, visit.observations),
  followUpNeeded: visit.followUpNeeded ? 1 : 0,
});

export function insertVisit(db: Db, visit: VisitInput, createdBy: number, at: string): number {
  const id = nextRowId(db, 'screening_visits');
  db.prepare(
    `INSERT INTO screening_visits (id, visited_on, client_id, area, companion_roles, companion_names, observations, follow_up_needed, created_by, created_at, updated_at)
     VALUES (@id, @visitedOn, @clientId, @area, @companionRoles, @companionNames, @observations, @followUpNeeded, @createdBy, @at, @at)`,
  ).run({ ...columnParams(db, id, visit), createdBy, at });
  replaceMembers(db, id, visit);
  return id;
}

export function updateVisit(db: Db, id: number, visit: VisitInput, at: string): void {
  db.prepare(
    `UPDATE screening_visits SET visited_on = @visitedOn, client_id = @clientId, area = @area, companion_roles = @companionRoles, companion_names = @companionNames,
       observations = @observations, follow_up_needed = @followUpNeeded, updated_at = @at
     WHERE id = @id`,
  ).run({ ...columnParams(db, id, visit), at });
  replaceMembers(db, id, visit);
}

/** 建档: the household's new client file is linked to the visit, and the visit remembers it made the file. */
export function linkFiledClient(db: Db, id: number, clientId: number, at: string): void {
  db.prepare('UPDATE screening_visits SET client_id = ?, filed_client = 1, updated_at = ? WHERE id = ?').run(clientId, at, id);
}

/** Removed, its observations erased: the ledger keeps who removed the row and why. */
export function removeVisit(db: Db, id: number, removedBy: number, reason: string, at: string): void {
  db.prepare("UPDATE screening_visits SET observations = '', removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?").run(at, removedBy, reason, id);
}

/**
 * A period's visits counted in SQL for the reports (重点人群排查人数, reports-standards.md §2.3 SPS11): by 重点人群
 * tag (every active entry with zeros; a hidden one only when used), and the totals: households, registered clients,
 * follow-ups needed and files made by 建档.
 */
export function visitCounts(db: Db, from: string, to: string): VisitCounts {
  const params = { from, to };
  const inPeriod = 'v.visited_on BETWEEN @from AND @to AND v.removed_at IS NULL';
  const byTag = db
    .prepare(
      `SELECT d.code, d.label, count(v.id) AS visits
       FROM dictionary_items d
         LEFT JOIN screening_visit_tags t ON t.tag = d.code
         LEFT JOIN screening_visits v ON v.id = t.visit_id AND ${inPeriod}
       WHERE d.dictionary = 'populationTag'
       GROUP BY d.id HAVING d.active = 1 OR count(v.id) > 0
       ORDER BY d.sort, d.id`,
    )
    .all(params) as VisitCounts['byTag'];
  const total = db
    .prepare(
      `SELECT count(*) AS visits, coalesce(sum(v.client_id IS NULL), 0) AS households, coalesce(sum(v.client_id IS NOT NULL), 0) AS clients,
         coalesce(sum(v.follow_up_needed), 0) AS followUps, coalesce(sum(v.filed_client), 0) AS filed
       FROM screening_visits v WHERE ${inPeriod}`,
    )
    .get(params) as VisitCounts['total'];
  return { from, to, byTag, total };
}
