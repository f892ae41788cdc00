import type { Db } from '../db/driver.js';
import { AppError } from '../errors.js';
import type { ClinicalKeys } from '../keyring/accountSlot.js';
import { decryptField, encryptWithKey, sealToPublicKey } from '../keyring/fieldCrypto.js';

/**
 * The clinical content encrypted with the clinical key (issue 9 §1), declared once: the repositories
 * encrypt and decrypt these columns, a key rotation and the first clinical login walk them all.
 * `rowKey` names the row in the associated data, so a value copied to another row does not open.
 * Risk-grade evidence and scale totals/bands stay plain codes: reports count by them.
 */
export const clinicalColumns = {
  counselling_sessions: { label: '咨询记录', rowKey: ['id'], columns: ['complaint', 'assessment', 'intervention', 'plan', 'free_text'] },
  session_addenda: { label: '补充说明', rowKey: ['id'], columns: ['text'] },
  risk_grades: { label: '风险分级', rowKey: ['id'], columns: ['reason'] },
  follow_ups: { label: '随访记录', rowKey: ['id'], columns: ['findings'] },
  crises: { label: '危机干预记录', rowKey: ['id'], columns: ['summary', 'outcome_note', 'follow_up_plan'] },
  crisis_steps: { label: '危机干预步骤', rowKey: ['crisis_id', 'step'], columns: ['note'] },
  crisis_contacts: { label: '危机联系人', rowKey: ['id'], columns: ['name', 'phone', 'note'] },
  referrals: { label: '转介记录', rowKey: ['id'], columns: ['reason', 'shared_info', 'feedback'] },
  scale_results: { label: '测评结果', rowKey: ['id'], columns: ['answers', 'result', 'comment'] },
  alerts: { label: '危机预警', rowKey: ['id'], columns: ['action_note'] },
  attachments: { label: '附件', rowKey: ['id'], columns: ['data'] },
  hotline_calls: { label: '热线来电记录', rowKey: ['id'], columns: ['note'] },
  meetings: { label: '会议纪要', rowKey: ['id'], columns: ['minutes'] },
  meeting_decisions: { label: '会议决议', rowKey: ['id'], columns: ['text'] },
  screening_visits: { label: '走访排查记录', rowKey: ['id'], columns: ['observations'] },
  counselling_group_members: { label: '团体辅导报名原因', rowKey: ['id'], columns: ['motive'] },
} as const satisfies Record<string, Readonly<{ label: string; rowKey: readonly string[]; columns: readonly string[] }>>;

export type ClinicalTable = keyof typeof clinicalColumns;
type ColumnOf<T extends ClinicalTable> = (typeof clinicalColumns)[T]['columns'][number];
/** A row's id, or the values of its composite key in `rowKey` order. */
export type RowKey = number | ReadonlyArray<number | string>;

/** Where a connection finds its keys: the clinical key while a clinical session holds it, else the public key. */
export type ClinicalKeySource = Readonly<{ keys: () => ClinicalKeys | null; publicKey: () => Buffer | null }>;

const sources = new WeakMap<Db, ClinicalKeySource>();

export function attachClinicalKeys(db: Db, source: ClinicalKeySource): void {
  sources.set(db, source);
}

function sourceOf(db: Db): ClinicalKeySource {
  const source = sources.get(db);
  if (!source) throw new Error('clinical fields used on a connection without a key source');
  return source;
}

const aadOf = (table: ClinicalTable, column: string, rowKey: RowKey) =>
  `xinyi-field/v1|${table}.${column}|${typeof rowKey === 'number' ? rowKey : rowKey.join(':')}`;

/** Text ciphertext is base64 after a control character nobody types, so legacy plaintext is told apart. */
const textMark = '\u0001';

export function clinicalEncryptionComplete(db: Db): boolean {
  return db.prepare('SELECT 1 FROM clinical_encryption WHERE id = 1').get() !== undefined;
}

function unreadable(table: ClinicalTable, rowKey: RowKey): string {
  const row = typeof rowKey === 'number' ? rowKey : rowKey.join('/');
  return `${clinicalColumns[table].label}（第 ${row} 条）无法解密，可能已被改动或损坏。`;
}

function damaged(table: ClinicalTable, rowKey: RowKey): AppError {
  return new AppError('CLINICAL_FIELD_DAMAGED', `${unreadable(table, rowKey)}请运行“校验数据完整性”，必要时从备份恢复。`);
}

/** Keyed while the clinical key is held, sealed to the public key otherwise; null only before any clinical key exists. */
function encrypt(db: Db, aad: string, plaintext: Buffer): Buffer | null {
  const source = sourceOf(db);
  const keys = source.keys();
  if (keys) return encryptWithKey(keys.key, aad, plaintext);
  const publicKey = source.publicKey();
  if (publicKey) return sealToPublicKey(publicKey, aad, plaintext);
  // A station upgraded from keyring v1 has no clinical key until a clinical account logs in; that login encrypts it.
  if (!clinicalEncryptionComplete(db)) return null;
  throw new AppError('CLINICAL_KEY_UNAVAILABLE');
}

function open(db: Db, table: ClinicalTable, rowKey: RowKey, aad: string, payload: Buffer): Buffer {
  const keys = sourceOf(db).keys();
  if (!keys) throw new AppError('CLINICAL_KEY_UNAVAILABLE');
  const plaintext = decryptField(keys, aad, payload);
  if (!plaintext) throw damaged(table, rowKey);
  return plaintext;
}

export function encryptText<T extends ClinicalTable>(db: Db, table: T, column: ColumnOf<T>, rowKey: RowKey, text: string): string {
  if (text === '') return '';
  const payload = encrypt(db, aadOf(table, column, rowKey), Buffer.from(text, 'utf8'));
  return payload ? textMark + payload.toString('base64') : text;
}

export function decryptText<T extends ClinicalTable>(db: Db, table: T, column: ColumnOf<T>, rowKey: RowKey, stored: string): string {
  if (stored === '') return '';
  if (!stored.startsWith(textMark)) {
    if (clinicalEncryptionComplete(db)) throw damaged(table, rowKey);
    return stored;
  }
  return open(db, table, rowKey, aadOf(table, column, rowKey), Buffer.from(stored.slice(textMark.length), 'base64')).toString('utf8');
}

export function encryptBlob<T extends ClinicalTable>(db: Db, table: T, column: ColumnOf<T>, rowKey: RowKey, data: Buffer): Buffer {
  return encrypt(db, aadOf(table, column, rowKey), data) ?? data;
}

export function decryptBlob<T extends ClinicalTable>(db: Db, table: T, column: ColumnOf<T>, rowKey: RowKey, stored: Buffer): Buffer {
  const aad = aadOf(table, column, rowKey);
  if (clinicalEncryptionComplete(db)) return open(db, table, rowKey, aad, stored);
  const keys = sourceOf(db).keys();
  if (!keys) throw new AppError('CLINICAL_KEY_UNAVAILABLE');
  // Before the first clinical login encrypted everything, a blob that does not open is a legacy plain file.
  return decryptField(keys, aad, stored) ?? stored;
}

/**
 * The id the next insert into a clinical table gets: encrypted values bind their row id, so it is
 * known before the insert. Safe because every write runs on the one connection, in a transaction.
 */
export function nextRowId(db: Db, table: ClinicalTable): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`).get() as { id: number }).id;
}

// ---- Whole-database passes: the first clinical login, a key rotation, verify ----

type StoredValue = string | Buffer;
/** A stored value's plaintext, or null when it cannot be opened (left as it is). */
type Reopen = (stored: StoredValue, aad: string) => Buffer | null;

const batchSize = 1000;

/** Signed notes are final by trigger; re-encrypting them changes no content, so the triggers step aside. */
function withTriggersSuspended(db: Db, table: string, work: () => void): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table) as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  try {
    work();
  } finally {
    for (const trigger of triggers) db.exec(trigger.sql);
  }
}

function rowKeyOf(row: Record<string, unknown>, keyColumns: readonly string[]): RowKey {
  return keyColumns.length === 1 ? (row[keyColumns[0]!] as number) : keyColumns.map((column) => row[column] as number | string);
}

type TableSpec = (typeof clinicalColumns)[ClinicalTable];
const clinicalTables = Object.entries(clinicalColumns) as Array<[ClinicalTable, TableSpec]>;
type Row = Record<string, unknown>;

/** A clinical table's rows in batches by id (composite keys belong to small tables: crisis steps, one batch). */
function* batchesOf(db: Db, table: ClinicalTable): Generator<Row[]> {
  if (clinicalColumns[table].rowKey.length > 1) {
    yield db.prepare(`SELECT * FROM ${table}`).all() as Row[];
    return;
  }
  const page = db.prepare(`SELECT * FROM ${table} WHERE id > ? ORDER BY id LIMIT ${batchSize}`);
  for (let after = 0; ; ) {
    const rows = page.all(after) as Row[];
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id as number;
  }
}

/** How many rows a whole-database pass walks: the measure of its progress. */
export function clinicalRowCount(db: Db): number {
  return clinicalTables.reduce((sum, [table]) => sum + (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, 0);
}

/**
 * Rewrites every non-empty clinical value under `key`, one batch per step: each `next()` does one
 * batch and yields the rows done so far, so a caller may commit and report progress between batches
 * (a rotation works on a copy nobody else uses). Returns how many values were rewritten.
 */
function* rewriteBatches(db: Db, key: Buffer, reopen: Reopen): Generator<number, number> {
  let rowsDone = 0;
  let rewritten = 0;
  for (const [table, spec] of clinicalTables) {
    const keyColumns: readonly string[] = spec.rowKey;
    const columns: readonly string[] = spec.columns;
    const update = db.prepare(`UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE ${keyColumns.map((column) => `${column} = ?`).join(' AND ')}`);
    for (const rows of batchesOf(db, table)) {
      withTriggersSuspended(db, table, () => {
        for (const row of rows) {
          const rowKey = rowKeyOf(row, keyColumns);
          const values = columns.map((column) => {
            const stored = row[column] as StoredValue;
            if (stored.length === 0) return stored;
            const aad = aadOf(table, column, rowKey);
            const plaintext = reopen(stored, aad);
            if (!plaintext) return stored;
            rewritten += 1;
            const payload = encryptWithKey(key, aad, plaintext);
            return typeof stored === 'string' ? textMark + payload.toString('base64') : payload;
          });
          update.run(...values, ...keyColumns.map((column) => row[column]));
        }
      });
      rowsDone += rows.length;
      yield rowsDone;
    }
  }
  return rewritten;
}

/** Runs all batches at once, inside the caller's transaction. */
function drain(batches: Generator<number, number>): number {
  for (;;) {
    const step = batches.next();
    if (step.done) return step.value;
  }
}

/**
 * For verify: every clinical value that does not open with `keys` (altered, moved to another row, or
 * plaintext once encryption completed), named for people; at most `limit` names, and the total.
 */
export function unreadableClinicalFields(db: Db, keys: ClinicalKeys, limit = 20): { total: number; named: string[] } {
  const complete = clinicalEncryptionComplete(db);
  const named: string[] = [];
  let total = 0;
  for (const [table, spec] of clinicalTables) {
    for (const rows of batchesOf(db, table)) {
      for (const row of rows) {
        const rowKey = rowKeyOf(row, spec.rowKey);
        for (const column of spec.columns as readonly string[]) {
          const stored = row[column] as StoredValue;
          if (stored.length === 0) continue;
          const opens =
            typeof stored === 'string' && !isTextCiphertext(stored)
              ? !complete
              : decryptField(keys, aadOf(table, column, rowKey), payloadOf(stored)) !== null || (!complete && typeof stored !== 'string');
          if (opens) continue;
          total += 1;
          if (named.length < limit) named.push(unreadable(table, rowKey));
        }
      }
    }
  }
  return { total, named };
}

const payloadOf = (stored: StoredValue) => (typeof stored === 'string' ? Buffer.from(stored.slice(textMark.length), 'base64') : stored);
const isTextCiphertext = (stored: StoredValue) => typeof stored === 'string' && stored.startsWith(textMark);

/** A new station has nothing in plaintext: it is complete from its first transaction. */
export function markClinicalEncryptionComplete(db: Db, at: string): void {
  db.prepare('INSERT OR IGNORE INTO clinical_encryption (id, format, completed_at) VALUES (1, 1, ?)').run(at);
}

/**
 * The first clinical login after the upgrade: encrypt every value still stored as plaintext (written
 * before field encryption, or while a v1 station had no clinical key) and mark the station complete.
 * Returns how many values were encrypted. Callers hold a write transaction.
 */
export function encryptPlaintextClinicalFields(db: Db, keys: ClinicalKeys, at: string): number {
  const count = drain(
    rewriteBatches(db, keys.key, (stored, aad) => {
      if (typeof stored === 'string') return isTextCiphertext(stored) ? null : Buffer.from(stored, 'utf8');
      return decryptField(keys, aad, stored) ? null : stored;
    }),
  );
  markClinicalEncryptionComplete(db, at);
  return count;
}

/**
 * A key rotation, on the new copy, in batches (see rewriteBatches): every value opened with `from` is
 * written again under `to`. A value that does not open (already damaged) stays as it is, for verify
 * to name. The caller marks the copy complete when the last batch is done.
 */
export function reencryptionBatches(db: Db, from: ClinicalKeys, to: ClinicalKeys): Generator<number, number> {
  const legacyAllowed = !clinicalEncryptionComplete(db);
  return rewriteBatches(db, to.key, (stored, aad) => {
    if (typeof stored === 'string' && !isTextCiphertext(stored)) return legacyAllowed ? Buffer.from(stored, 'utf8') : null;
    return decryptField(from, aad, payloadOf(stored)) ?? (legacyAllowed && typeof stored !== 'string' ? stored : null);
  });
}
