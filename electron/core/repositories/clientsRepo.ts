import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import type { ClientListRow, RiskLevel, StoredClientDetail, clientRegistration, clientSearchInput } from '../../../shared/api/schemas/clients.js';
import { ageOn, checkIdNumber, maskIdNumber, maskPhone } from '../../../shared/domain/idNumber.js';
import type { Db } from '../db/driver.js';

export type Registration = z.output<typeof clientRegistration>;

type ClientRow = {
  id: number;
  name: string;
  gender: 'male' | 'female' | 'unknown';
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  address: string;
  community: string;
  grid: string;
  guardian_name: string;
  guardian_phone: string;
  guardian_relation: string;
  source: string;
  note: string;
  risk_level: RiskLevel | null;
  created_at: string;
};

/** Full pinyin and initials for search as you type (张三 → zhangsan, zs); surnames read as surnames. */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const options = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' } as const;
  return {
    full: pinyin(name, options).join('').toLowerCase().replace(/\s+/g, ''),
    initials: pinyin(name, { ...options, pattern: 'first' }).join('').toLowerCase().replace(/\s+/g, ''),
  };
}

/** The birth date on record: typed, or read from a valid ID number. */
function effectiveBirthDate(client: Registration): string | null {
  if (client.birthDate) return client.birthDate;
  const checked = client.idNumber ? checkIdNumber(client.idNumber) : null;
  return checked?.ok ? checked.facts.birthDate : null;
}

function effectiveGender(client: Registration): Registration['gender'] {
  const checked = client.idNumber ? checkIdNumber(client.idNumber) : null;
  return client.gender === 'unknown' && checked?.ok ? checked.facts.gender : client.gender;
}

function columns(client: Registration) {
  const keys = pinyinKeys(client.name);
  return {
    name: client.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    gender: effectiveGender(client),
    birth_date: effectiveBirthDate(client),
    id_number: client.idNumber || null,
    phone: client.phone || null,
    address: client.address,
    community: client.community,
    grid: client.grid,
    guardian_name: client.guardianName,
    guardian_phone: client.guardianPhone,
    guardian_relation: client.guardianRelation,
    source: client.source,
    note: client.note,
  };
}

function writeTags(db: Db, clientId: number, tags: readonly string[]): void {
  db.prepare('DELETE FROM client_tags WHERE client_id = ?').run(clientId);
  const insert = db.prepare('INSERT OR IGNORE INTO client_tags (client_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(clientId, tag);
}

export function insertClient(db: Db, client: Registration, actorId: number, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO clients (name, name_pinyin, name_initials, gender, birth_date, id_number, phone, address, community, grid,
         guardian_name, guardian_phone, guardian_relation, source, note, created_at, updated_at, created_by)
       VALUES (@name, @name_pinyin, @name_initials, @gender, @birth_date, @id_number, @phone, @address, @community, @grid,
         @guardian_name, @guardian_phone, @guardian_relation, @source, @note, @at, @at, @actorId)`,
    )
    .run({ ...columns(client), at, actorId });
  writeTags(db, Number(lastInsertRowid), client.tags);
  return Number(lastInsertRowid);
}

/** Which registration fields an update changed: the audit records names, never values. */
export function updateClient(db: Db, id: number, client: Registration, at: string): string[] {
  const before = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as Record<string, unknown>;
  const after = columns(client);
  const changed = Object.entries(after)
    .filter(([key, value]) => before[key] !== value && !key.startsWith('name_'))
    .map(([key]) => key);
  db.prepare(
    `UPDATE clients SET name = @name, name_pinyin = @name_pinyin, name_initials = @name_initials, gender = @gender,
       birth_date = @birth_date, id_number = @id_number, phone = @phone, address = @address, community = @community,
       grid = @grid, guardian_name = @guardian_name, guardian_phone = @guardian_phone, guardian_relation = @guardian_relation,
       source = @source, note = @note, updated_at = @at WHERE id = @id`,
  ).run({ ...after, at, id });
  const oldTags = tagsOf(db, id).join(',');
  writeTags(db, id, client.tags);
  if (oldTags !== tagsOf(db, id).join(',')) changed.push('tags');
  return changed;
}

export function tagsOf(db: Db, clientId: number): string[] {
  return (db.prepare('SELECT tag FROM client_tags WHERE client_id = ? ORDER BY tag').all(clientId) as Array<{ tag: string }>).map((row) => row.tag);
}

export function clientExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM clients WHERE id = ? AND merged_into IS NULL').get(id) !== undefined;
}

/** Each client's registration instant, for records that may only follow it (the demo's visits). */
export function registeredAt(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = db.prepare('SELECT id, created_at AS at FROM clients WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: number; at: string }>;
  return new Map(rows.map((row) => [row.id, row.at]));
}

/** Clients' names by id (a report's drill-down masks them before they leave core). */
export function clientNames(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = db.prepare('SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: number; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}

function toListRow(db: Db, row: ClientRow, today: string, showRisk: boolean): ClientListRow {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    age: row.birth_date ? ageOn(row.birth_date, today) : null,
    idNumberMasked: maskIdNumber(row.id_number),
    phoneMasked: maskPhone(row.phone),
    community: row.community,
    tags: tagsOf(db, row.id),
    riskLevel: showRisk ? row.risk_level : null,
  };
}

export function listRowOf(db: Db, id: number, today: string, showRisk: boolean): ClientListRow | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  return row && toListRow(db, row, today, showRisk);
}

export type ClientQuery = Readonly<z.output<typeof clientSearchInput>>;

/**
 * How typed text finds a client: letters by full pinyin or initials, digits (and x) by a phone's or ID number's
 * tail, anything else inside the name. `alias` names the clients table ('cl.'); null when nothing was typed.
 */
export function clientTextMatch(typed: string, alias = ''): { clause: string; params: Record<string, string> } | null {
  const text = typed.toLowerCase();
  if (/^[a-z]+$/.test(text)) return { clause: `(${alias}name_pinyin LIKE @prefix OR ${alias}name_initials LIKE @prefix)`, params: { prefix: `${text}%` } };
  if (/^[\dx]+$/.test(text)) return { clause: `(${alias}phone LIKE @tail OR ${alias}id_number LIKE @tailUpper)`, params: { tail: `%${text}`, tailUpper: `%${text.toUpperCase()}` } };
  if (text) return { clause: `${alias}name LIKE @contains ESCAPE '\\'`, params: { contains: `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } };
  return null;
}

/**
 * Search as you type: Chinese characters match the name, letters match full pinyin or initials
 * (张三 ← "zhangs", "zs"), digits match the tail of the phone or ID number.
 */
/** `reachOf`: a counsellor, whose reach bounds a search by colour or for reached clients only; null for the 站长. */
export function searchClients(db: Db, query: ClientQuery, today: string, showRisk: boolean, reachOf: number | null = null) {
  const where = ['merged_into IS NULL'];
  const params: Record<string, string | number> = { limit: query.limit, offset: query.offset };
  const match = clientTextMatch(query.query);
  if (match) {
    where.push(match.clause);
    Object.assign(params, match.params);
  }
  if (query.riskLevel && showRisk) {
    where.push('risk_level = @risk');
    params.risk = query.riskLevel;
  }
  // A counsellor finds by colour only the clients whose cases they reach: the filter would tell the colour.
  if (reachOf !== null && ((query.riskLevel && showRisk) || query.reachedOnly)) {
    where.push('id IN (SELECT c.client_id FROM cases c WHERE c.counsellor_id = @reachOf OR c.id IN (SELECT case_id FROM case_shares WHERE user_id = @reachOf))');
    params.reachOf = reachOf;
  }
  if (query.tag) {
    where.push('id IN (SELECT client_id FROM client_tags WHERE tag = @tag)');
    params.tag = query.tag;
  }
  const clause = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM clients WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM clients WHERE ${clause} ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as ClientRow[];
  return { total, rows: rows.map((row) => toListRow(db, row, today, showRisk)) };
}

export function readClientDetail(db: Db, id: number, today: string, showRisk: boolean): StoredClientDetail | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE id = ? AND merged_into IS NULL').get(id) as ClientRow | undefined;
  if (!row) return undefined;
  const consents = db
    .prepare('SELECT id, kind, signer_name AS signerName, signed_on AS signedOn, note, recorded_at AS recordedAt FROM consents WHERE client_id = ? ORDER BY signed_on DESC, id DESC')
    .all(id) as StoredClientDetail['consents'];
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date ?? '',
    age: row.birth_date ? ageOn(row.birth_date, today) : null,
    idNumber: row.id_number ?? '',
    phone: row.phone ?? '',
    address: row.address,
    community: row.community,
    grid: row.grid,
    guardianName: row.guardian_name,
    guardianPhone: row.guardian_phone,
    guardianRelation: row.guardian_relation,
    tags: tagsOf(db, id),
    source: row.source,
    note: row.note,
    riskLevel: showRisk ? row.risk_level : null,
    consents,
    createdAt: row.created_at,
  };
}

/** Existing records that are the same person by the issue's two rules. */
export function findSameClient(db: Db, client: Registration, excludeId = 0): { id: number; rule: 'idNumber' | 'nameBirthPhone' } | undefined {
  if (client.idNumber) {
    const byId = db.prepare('SELECT id FROM clients WHERE id_number = ? AND merged_into IS NULL AND id <> ?').get(client.idNumber, excludeId) as { id: number } | undefined;
    if (byId) return { id: byId.id, rule: 'idNumber' };
  }
  const birthDate = effectiveBirthDate(client);
  if (birthDate && client.phone) {
    const byIdentity = db
      .prepare('SELECT id FROM clients WHERE name = ? AND birth_date = ? AND phone = ? AND merged_into IS NULL AND id <> ?')
      .get(client.name, birthDate, client.phone, excludeId) as { id: number } | undefined;
    if (byIdentity) return { id: byIdentity.id, rule: 'nameBirthPhone' };
  }
  return undefined;
}

/** Pairs among existing records (e.g. registered before an ID number was known). */
export function duplicatePairs(db: Db): Array<{ keepId: number; otherId: number; rule: 'idNumber' | 'nameBirthPhone' }> {
  const rows = db
    .prepare(
      `SELECT a.id AS keepId, b.id AS otherId, 'nameBirthPhone' AS rule FROM clients a JOIN clients b
         ON a.name = b.name AND a.birth_date = b.birth_date AND a.phone = b.phone AND a.id < b.id
       WHERE a.merged_into IS NULL AND b.merged_into IS NULL AND a.birth_date IS NOT NULL AND a.phone IS NOT NULL
       LIMIT 200`,
    )
    .all() as Array<{ keepId: number; otherId: number; rule: 'nameBirthPhone' }>;
  return rows;
}

/**
 * What a merge does with every table that has a `client_id`, declared once: `move` points the merged
 * client's rows at the kept client; `union` copies the merged client's rows to the kept one where the
 * kept one lacks them (tags: one row per client and tag). tests/integration/db/registries.test.ts fails
 * when a table with a `client_id` (or another reference to clients) has no rule here.
 */
export const clientMergeRules = {
  consents: 'move',
  cases: 'move',
  risk_grades: 'move',
  follow_ups: 'move',
  scale_results: 'move',
  crises: 'move',
  referrals: 'move',
  appointments: 'move',
  waitlist: 'move',
  client_tags: 'union',
  // A merged client's roster rows stay (reads skip merged clients), copied to the kept one where absent.
  activity_roster: 'union',
  hotline_calls: 'move',
  screening_visits: 'move',
  counselling_group_members: 'move',
} as const satisfies Record<string, 'move' | 'union'>;

const movedTables = Object.entries(clientMergeRules).flatMap(([table, rule]) => (rule === 'move' ? [table] : []));
const unionedTables = Object.entries(clientMergeRules).flatMap(([table, rule]) => (rule === 'union' ? [table] : []));

/** A `union` table's rows of `mergeId` copied to `keepId`, all columns but `client_id` kept; duplicates are skipped. */
function unionClientRows(db: Db, table: string, keepId: number, mergeId: number): void {
  const others = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name).filter((name) => name !== 'client_id');
  const list = others.join(', ');
  db.prepare(`INSERT OR IGNORE INTO ${table} (client_id, ${list}) SELECT ?, ${list} FROM ${table} WHERE client_id = ?`).run(keepId, mergeId);
}

/**
 * Move everything of `mergeId` to `keepId`; the merged record stays, pointing at the kept one. One
 * pending follow-up survives (the earliest due), the colour follows the newest grade, and the kept
 * record inherits the ID number if it had none.
 */
export function mergeClients(db: Db, keepId: number, mergeId: number, reason: string, at: string): void {
  for (const table of movedTables) db.prepare(`UPDATE ${table} SET client_id = ? WHERE client_id = ?`).run(keepId, mergeId);
  for (const table of unionedTables) unionClientRows(db, table, keepId, mergeId);
  const merged = db.prepare('SELECT id_number FROM clients WHERE id = ?').get(mergeId) as { id_number: string | null };
  db.prepare('UPDATE clients SET merged_into = ?, merge_reason = ?, id_number = NULL, updated_at = ? WHERE id = ?').run(keepId, reason, at, mergeId);
  if (merged.id_number) db.prepare('UPDATE clients SET id_number = coalesce(id_number, ?) WHERE id = ?').run(merged.id_number, keepId);
  db.prepare(
    `UPDATE follow_ups SET status = 'cancelled', cancel_reason = 'merged'
     WHERE client_id = @keepId AND status = 'due' AND id <> (SELECT id FROM follow_ups WHERE client_id = @keepId AND status = 'due' ORDER BY due_on, id LIMIT 1)`,
  ).run({ keepId });
  db.prepare(
    'UPDATE clients SET risk_level = (SELECT level FROM risk_grades WHERE client_id = @keepId ORDER BY graded_at DESC, id DESC LIMIT 1), updated_at = @at WHERE id = @keepId',
  ).run({ keepId, at });
}

export function insertConsent(
  db: Db,
  consent: { clientId: number; kind: string; signerName: string; signedOn: string; note: string },
  actorId: number,
  at: string,
): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO consents (client_id, kind, signer_name, signed_on, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(consent.clientId, consent.kind, consent.signerName, consent.signedOn, consent.note, actorId, at);
  return Number(lastInsertRowid);
}

export function hasConsent(db: Db, clientId: number, kind: string): boolean {
  return db.prepare('SELECT 1 FROM consents WHERE client_id = ? AND kind = ?').get(clientId, kind) !== undefined;
}

/** A client this user registered and nobody has opened a case for yet (the counsellor about to open one). */
export function registeredByWithoutCase(db: Db, clientId: number, userId: number): boolean {
  return db.prepare('SELECT 1 FROM clients cl WHERE cl.id = ? AND cl.created_by = ? AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.client_id = cl.id)').get(clientId, userId) !== undefined;
}

export function birthDateOf(db: Db, clientId: number): string | null {
  return (db.prepare('SELECT birth_date FROM clients WHERE id = ?').get(clientId) as { birth_date: string | null } | undefined)?.birth_date ?? null;
}

export function setCurrentRisk(db: Db, clientId: number, level: RiskLevel, at: string): void {
  db.prepare('UPDATE clients SET risk_level = ?, updated_at = ? WHERE id = ?').run(level, at, clientId);
}

/** The client's current colour; the client must exist. */
export function currentRiskOf(db: Db, clientId: number): RiskLevel | null {
  return (db.prepare('SELECT risk_level FROM clients WHERE id = ?').get(clientId) as { risk_level: RiskLevel | null }).risk_level;
}

/** Whether an unmerged client holds the number (a merged one holds none): the words match the unique index's, so it is used. */
export function idNumberTaken(db: Db, idNumber: string): boolean {
  return db.prepare('SELECT 1 FROM clients WHERE id_number = ? AND merged_into IS NULL').get(idNumber) !== undefined;
}

export function consentExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM consents WHERE id = ?').get(id) !== undefined;
}
