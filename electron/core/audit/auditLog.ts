import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/api/contract/index.js';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/api/schemas/audit.js';
import type { AuditDetailKey, AuditObjectType } from '../../../shared/audit/words/index.js';
import type { Db } from '../db/driver.js';

/** Only keys with a Chinese word (shared/audit/words), so the 审计日志 and its export never show a raw key. */
export type AuditDetail = Readonly<Partial<Record<AuditDetailKey, string | number | boolean | null>>>;

/** What a service records: who did what to which record, never the sensitive content (AUD-5). */
export type AuditRecord = Readonly<{
  actorId: number | null;
  actorName: string | null;
  action: AuditAction;
  objectType?: AuditObjectType | null;
  objectId?: string | number | null;
  result?: 'success' | 'failure' | 'denied';
  detail?: AuditDetail;
  /** Defaults to now; buffered failed logins keep the time they happened. */
  at?: Date;
}>;

export const genesisHash = '0'.repeat(64);

export type AuditRow = {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'failure' | 'denied';
  detail: string;
  app_version: string;
  prev_hash: string;
  row_hash: string;
};

/** Canonical text of a row without its own hash: fixed field order, so the chain is reproducible. */
export function rowHash(row: Omit<AuditRow, 'row_hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.object_type,
    row.object_id,
    row.result,
    row.detail,
    row.app_version,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Sorted keys so that the same facts always hash the same. */
function canonicalDetail(detail: AuditDetail | undefined): string {
  const entries = Object.entries(detail ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(Object.fromEntries(entries));
}

/**
 * Append one row, chained to the previous one. Call it inside the transaction of the change it
 * records, so both commit or neither does (DB-8, AUD-6).
 */
export function appendAudit(db: Db, appVersion: string, record: AuditRecord, now: Date): number {
  const last = db.prepare('SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; row_hash: string }
    | undefined;
  const row: Omit<AuditRow, 'row_hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: (record.at ?? now).toISOString(),
    actor_id: record.actorId,
    actor_name: record.actorName,
    action: record.action,
    object_type: record.objectType ?? null,
    object_id: record.objectId === undefined || record.objectId === null ? null : String(record.objectId),
    result: record.result ?? 'success',
    detail: canonicalDetail(record.detail),
    app_version: appVersion,
    prev_hash: last?.row_hash ?? genesisHash,
  };
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, object_type, object_id, result, detail, app_version, prev_hash, row_hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @action, @object_type, @object_id, @result, @detail, @app_version, @prev_hash, @row_hash)`,
  ).run({ ...row, row_hash: rowHash(row) });
  return row.seq;
}

/** Recompute the chain from genesis; name the first row that is altered, missing or reordered. */
export function verifyAuditChain(db: Db): AuditVerifyResult {
  let expectedSeq = 1;
  let previous = genesisHash;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) {
      return { ok: false, checked, brokenAt: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失。` };
    }
    if (row.prev_hash !== previous) {
      return { ok: false, checked, brokenAt: row.seq, reason: `第 ${row.seq} 条记录与前一条的链接不符。` };
    }
    const { row_hash: stored, ...rest } = row;
    if (rowHash(rest) !== stored) {
      return { ok: false, checked, brokenAt: row.seq, reason: `第 ${row.seq} 条记录的内容已被改动。` };
    }
    previous = stored;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, brokenAt: null, reason: null };
}

export type AuditQuery = Readonly<{
  actorId?: number | undefined;
  action?: string | undefined;
  fromUtc?: string | undefined;
  toUtc?: string | undefined;
  limit: number;
  offset: number;
}>;

export function listAudit(db: Db, query: AuditQuery): { rows: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit, offset: query.offset };
  if (query.actorId !== undefined) {
    where.push('actor_id = @actorId');
    params.actorId = query.actorId;
  }
  if (query.action) {
    where.push('action = @action');
    params.action = query.action;
  }
  if (query.fromUtc) {
    where.push('at >= @fromUtc');
    params.fromUtc = query.fromUtc;
  }
  if (query.toUtc) {
    where.push('at < @toUtc');
    params.toUtc = query.toUtc;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
    .all(params) as AuditRow[];
  return {
    total,
    rows: rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      result: row.result,
      detail: JSON.parse(row.detail) as AuditEntry['detail'],
    })),
  };
}

export function auditActions(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as Array<{ action: string }>).map(
    (row) => row.action,
  );
}
