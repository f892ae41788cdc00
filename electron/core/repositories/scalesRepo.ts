import type { AlertRecord, ResultRecord } from '../../../shared/api/schemas/scales.js';
import type { ScoreResult } from '../../../shared/scales/score.js';
import type { Db } from '../db/driver.js';
import { decryptText, encryptText, nextRowId } from './clinicalFields.js';

/** Changes whenever a definition is imported (or another station file is restored): the catalog's cache key. */
export function definitionsStamp(db: Db): string {
  return (db.prepare("SELECT count(*) || ':' || coalesce(max(imported_at), '') AS stamp FROM scale_definitions").get() as { stamp: string }).stamp;
}

export function importedDefinitions(db: Db): Array<{ scaleId: string; version: number; json: string }> {
  return db.prepare('SELECT scale_id AS scaleId, version, definition AS json FROM scale_definitions ORDER BY scale_id, version').all() as Array<{
    scaleId: string;
    version: number;
    json: string;
  }>;
}

export function storeDefinition(db: Db, scaleId: string, version: number, json: string, userId: number, at: string): void {
  db.prepare(
    `INSERT INTO scale_definitions (scale_id, version, definition, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (scale_id, version) DO UPDATE SET definition = excluded.definition, imported_by = excluded.imported_by, imported_at = excluded.imported_at`,
  ).run(scaleId, version, json, userId, at);
}

export function resultCount(db: Db, scaleId: string, version: number): number {
  return (db.prepare('SELECT count(*) AS n FROM scale_results WHERE scale_id = ? AND scale_version = ?').get(scaleId, version) as { n: number }).n;
}

export type NewResult = Readonly<{
  scaleId: string;
  version: number;
  clientId: number | null;
  respondent: string;
  caseId: number | null;
  answers: ReadonlyArray<number | null>;
  result: ScoreResult;
  via: 'counsellor' | 'kiosk';
  administeredBy: number | null;
  comment: string;
  at: string;
}>;

/** Totals, bands and the critical flag stay plain for counting; answers, the full result (with alert texts) and comments are clinical. */
export function insertResult(db: Db, value: NewResult): number {
  const id = nextRowId(db, 'scale_results');
  db.prepare(
    `INSERT INTO scale_results (id, scale_id, scale_version, client_id, respondent, case_id, answers, total, raw, band_index, band_id,
       critical, result, via, administered_by, comment, completed_at)
     VALUES (@id, @scaleId, @version, @clientId, @respondent, @caseId, @answers, @total, @raw, @bandIndex, @bandId, @critical, @result,
       @via, @administeredBy, @comment, @at)`,
  ).run({
    ...value,
    id,
    answers: encryptText(db, 'scale_results', 'answers', id, JSON.stringify(value.answers)),
    total: value.result.total,
    raw: value.result.raw,
    bandIndex: value.result.band?.index ?? null,
    bandId: value.result.band?.id ?? null,
    critical: value.result.critical ? 1 : 0,
    result: encryptText(db, 'scale_results', 'result', id, JSON.stringify(value.result)),
    comment: encryptText(db, 'scale_results', 'comment', id, value.comment),
  });
  return id;
}

/** A stored result's score (with its critical reasons), decrypted. */
export function storedScore(db: Db, resultId: number, stored: string): ScoreResult {
  return JSON.parse(decryptText(db, 'scale_results', 'result', resultId, stored)) as ScoreResult;
}

export function raiseAlert(db: Db, resultId: number, at: string): number {
  const { lastInsertRowid } = db.prepare('INSERT INTO alerts (result_id, raised_at) VALUES (?, ?)').run(resultId, at);
  return Number(lastInsertRowid);
}

type ResultRow = {
  id: number;
  scale_id: string;
  scale_version: number;
  client_id: number | null;
  client_name: string | null;
  respondent: string;
  case_id: number | null;
  answers: string;
  result: string;
  via: 'counsellor' | 'kiosk';
  administered_by_name: string | null;
  comment: string;
  completed_at: string;
  alert_id: number | null;
};

const selectResults = `SELECT r.*, c.name AS client_name, u.display_name AS administered_by_name,
    (SELECT a.id FROM alerts a WHERE a.result_id = r.id) AS alert_id
  FROM scale_results r LEFT JOIN clients c ON c.id = r.client_id LEFT JOIN users u ON u.id = r.administered_by`;

function toResult(db: Db, row: ResultRow, scaleName: (id: string) => string): ResultRecord {
  return {
    id: row.id,
    scaleId: row.scale_id,
    scaleVersion: row.scale_version,
    scaleName: scaleName(row.scale_id),
    clientId: row.client_id,
    clientName: row.client_name,
    respondent: row.respondent,
    caseId: row.case_id,
    answers: JSON.parse(decryptText(db, 'scale_results', 'answers', row.id, row.answers)) as Array<number | null>,
    result: storedScore(db, row.id, row.result) as ResultRecord['result'],
    via: row.via,
    administeredBy: row.administered_by_name,
    comment: decryptText(db, 'scale_results', 'comment', row.id, row.comment),
    completedAt: row.completed_at,
    alertId: row.alert_id,
  };
}

export function readResult(db: Db, id: number, scaleName: (id: string) => string): ResultRecord | undefined {
  const row = db.prepare(`${selectResults} WHERE r.id = ?`).get(id) as ResultRow | undefined;
  return row && toResult(db, row, scaleName);
}

export function listResults(
  db: Db,
  filter: { clientId?: number | undefined; scaleId?: string | undefined; limit: number },
  scaleName: (id: string) => string,
): ResultRecord[] {
  // A client's results are found by the client's index; "@clientId IS NULL OR …" would read every result newest first.
  const client = filter.clientId === undefined ? '' : 'r.client_id = @clientId AND';
  const rows = db
    .prepare(`${selectResults} WHERE ${client} (@scaleId IS NULL OR r.scale_id = @scaleId) ORDER BY r.completed_at DESC, r.id DESC LIMIT @limit`)
    .all({ ...(filter.clientId === undefined ? {} : { clientId: filter.clientId }), scaleId: filter.scaleId ?? null, limit: filter.limit }) as ResultRow[];
  return rows.map((row) => toResult(db, row, scaleName));
}

/** Results entered at the kiosk between two instants (a station day), newest first; only those with no client when `unlinkedOnly`. */
export function listKioskResults(
  db: Db,
  filter: { fromUtc: string; toUtc: string; unlinkedOnly: boolean },
  scaleName: (id: string) => string,
): ResultRecord[] {
  const rows = db
    .prepare(
      `${selectResults} WHERE r.via = 'kiosk' AND r.completed_at >= @fromUtc AND r.completed_at < @toUtc
         AND (@unlinkedOnly = 0 OR r.client_id IS NULL)
       ORDER BY r.completed_at DESC, r.id DESC LIMIT 500`,
    )
    .all({ fromUtc: filter.fromUtc, toUtc: filter.toUtc, unlinkedOnly: filter.unlinkedOnly ? 1 : 0 }) as ResultRow[];
  return rows.map((row) => toResult(db, row, scaleName));
}

export function linkResultToClient(db: Db, resultId: number, clientId: number): void {
  db.prepare('UPDATE scale_results SET client_id = ? WHERE id = ?').run(clientId, resultId);
}

type AlertRow = {
  id: number;
  result_id: number;
  scale_id: string;
  client_id: number | null;
  client_name: string | null;
  respondent: string;
  result: string;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by_name: string | null;
  action_note: string;
};

/** An unacknowledged alert's client (null for an anonymous walk-in), or undefined when there is none. */
export function openAlertClient(db: Db, alertId: number): { clientId: number | null } | undefined {
  return db
    .prepare('SELECT r.client_id AS clientId FROM alerts a JOIN scale_results r ON r.id = a.result_id WHERE a.id = ? AND a.acknowledged_at IS NULL')
    .get(alertId) as { clientId: number | null } | undefined;
}

/** The open alerts counted by the client they are about (null: an anonymous walk-in's), for the dashboard's number. */
export function openAlertsByClient(db: Db): Array<{ clientId: number | null; alerts: number }> {
  return db
    .prepare('SELECT r.client_id AS clientId, count(*) AS alerts FROM alerts a JOIN scale_results r ON r.id = a.result_id WHERE a.acknowledged_at IS NULL GROUP BY r.client_id')
    .all() as Array<{ clientId: number | null; alerts: number }>;
}

export function listAlerts(db: Db, open: boolean): AlertRecord[] {
  const rows = db
    .prepare(
      `SELECT a.*, r.scale_id, r.client_id, r.respondent, r.result, c.name AS client_name, u.display_name AS acknowledged_by_name
       FROM alerts a JOIN scale_results r ON r.id = a.result_id LEFT JOIN clients c ON c.id = r.client_id LEFT JOIN users u ON u.id = a.acknowledged_by
       WHERE (@open = 0 OR a.acknowledged_at IS NULL) ORDER BY a.raised_at DESC, a.id DESC LIMIT 200`,
    )
    .all({ open: open ? 1 : 0 }) as AlertRow[];
  return rows.map((row) => ({
    id: row.id,
    resultId: row.result_id,
    scaleId: row.scale_id,
    who: row.client_name ?? (row.respondent || '匿名来访者'),
    clientId: row.client_id,
    messages: storedScore(db, row.result_id, row.result).criticalReasons.map((reason) => reason.message),
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by_name,
    actionNote: decryptText(db, 'alerts', 'action_note', row.id, row.action_note),
  }));
}

export function acknowledgeAlert(db: Db, id: number, userId: number, note: string, at: string): boolean {
  return db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?, action_note = ? WHERE id = ? AND acknowledged_at IS NULL').run(at, userId, encryptText(db, 'alerts', 'action_note', id, note), id).changes === 1;
}
