import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.js';
import { Database, type Db } from './driver.js';
import { keepPreparedStatements } from './statementCache.js';

/**
 * AEGIS-256, an authenticated cipher (AEAD with a tag on every page), so a flipped byte is an error
 * rather than silently altered data — the property ENC-3 asks of chacha20/sqlcipher.
 * 2026-11-23: chosen over DESIGN.md's chacha20 default because `npm run bench` measured chacha20 at
 * 1.55× plaintext for inserts (target ≤ 1.3) and AEGIS at ~1.0× (AES hardware instructions).
 * The algorithm is pinned so a change of the library's default can never orphan a station's file.
 */
export const databaseCipher = 'aegis';
export const cipherAlgorithm = 'aegis-256';

const plaintextHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** The raw-key form: 32 bytes as hex, so SQLite3MC skips its own passphrase KDF (ENC-4). */
function rawKeyLiteral(dek: Buffer): string {
  if (dek.length !== 32) throw new Error('data key must be 32 bytes');
  return `raw:${dek.toString('hex')}`;
}

/** A `file:` URI that keys a second database (used for VACUUM INTO and verification). */
export function keyedFileUri(file: string, dek: Buffer): string {
  const href = pathToFileURL(file).href.replace(/'/g, '%27');
  return `${href}?cipher=${databaseCipher}&algorithm=${cipherAlgorithm}&key=${rawKeyLiteral(dek)}`;
}

/** Corruption is reported in Chinese sentences; SQLite's own text never reaches a user. */
export const integrityFailureMessage = '数据库完整性检查未通过：文件已损坏。请从备份恢复，原文件不会被改动。';
export const emptyDatabaseMessage = '数据库文件 xinyi.db 是空的（0 字节），不是本站的数据。请从备份恢复，原文件不会被改动。';
export const foreignDatabaseMessage = '数据库文件 xinyi.db 中没有心驿站点数据，不是本站的数据库。请从备份恢复，原文件不会被改动。';

/** Owner-only, like the keyring: SQLite gives its -wal and -shm the database file's mode. */
export const privateFileMode = 0o600;

/** An empty owner-only file for SQLite (or VACUUM INTO) to fill, instead of SQLite's default 0644. */
export function createPrivateFile(file: string): void {
  fs.writeFileSync(file, '', { flag: 'wx', mode: privateFileMode });
  fs.chmodSync(file, privateFileMode); // exactly owner-only, whatever the umask
}

export type OpenOptions = Readonly<{ readonly?: boolean; create?: boolean }>;

/**
 * The station connection's page cache, in KiB. SQLite's default of 2 MiB holds a sliver of a ten-year station
 * (about 450 MB), so a report re-read its pages from the OS and decrypted each one again: the year's raw SQL ran
 * 1.18–1.33× the plaintext copy's (issue 15 asks ≤ 1.15). 16 MiB holds a year's working set: 1.05–1.08× on the
 * same station, both files with the same cache. It is a ceiling, filled as pages are read, and freed at the lock.
 */
export const stationPageCacheKib = 16_384;

/**
 * Open a station database with its data key. Key pragmas come first and outside any transaction
 * (ENC-5); then the file must prove it is encrypted (ENC-1/ENC-2) before anything else runs.
 */
export function openEncryptedDatabase(file: string, dek: Buffer, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new AppError('DB_CORRUPT', '数据库文件不存在。');
  // SQLite treats an empty file as a new database; only first-run setup may create one.
  if (exists && !options.create && fs.statSync(file).size === 0) throw new AppError('DB_CORRUPT', emptyDatabaseMessage);
  if (exists && fs.statSync(file).size > 0 && startsWithPlaintextHeader(file)) {
    throw new AppError('DB_CORRUPT', '数据库文件未加密，拒绝打开。');
  }
  if (!exists) createPrivateFile(file);
  else if (!options.readonly) fs.chmodSync(file, privateFileMode);
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  try {
    db.pragma(`cipher='${databaseCipher}'`);
    db.pragma(`algorithm='${cipherAlgorithm}'`);
    db.pragma(`key='${rawKeyLiteral(dek)}'`);
    // Reading the schema is the first access that needs the key; a wrong key or a damaged
    // header fails here with SQLITE_NOTADB and nothing has been written.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    assertEncrypted(db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`cache_size = -${stationPageCacheKib}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    keepPreparedStatements(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('DB_CORRUPT', '无法用本站密钥打开数据库：文件已损坏，或与密钥环不匹配。请从备份恢复。');
    }
    throw error;
  }
}

function startsWithPlaintextHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.equals(plaintextHeader);
  } finally {
    fs.closeSync(fd);
  }
}

/** A plain better-sqlite3 silently ignores PRAGMA key; refuse to run on anything not encrypting. */
export function assertEncrypted(db: Db): void {
  const row = db.prepare("SELECT sqlite3mc_codec_data('cipher_salt') AS salt").get() as { salt: unknown };
  if (row.salt === null || row.salt === undefined) throw new Error('database is not encrypted');
  const cipher = db.pragma('cipher', { simple: true });
  const algorithm = db.pragma('algorithm', { simple: true });
  if (cipher !== databaseCipher || algorithm !== cipherAlgorithm) throw new Error(`unexpected cipher ${String(cipher)}/${String(algorithm)}`);
}

export function cipherLibraryVersion(db: Db): { sqlite: string; cipherLibrary: string } {
  const row = db.prepare('SELECT sqlite_version() AS sqlite, sqlite3mc_version() AS mc').get() as {
    sqlite: string;
    mc: string;
  };
  return { sqlite: row.sqlite, cipherLibrary: row.mc };
}

/** From now on SQLite itself refuses every write on this connection. */
export function refuseWrites(db: Db): void {
  db.pragma('query_only = ON');
}

/**
 * Full check before backups and in `xinyi verify`; quick_check after every unlock (backgroundCheck.ts).
 * Returns SQLite's own lines, for logs and counting only: what users read is `describeIntegrity`.
 */
export function integrityProblems(db: Db, mode: 'quick' | 'full'): string[] {
  const rows = db.pragma(mode === 'quick' ? 'quick_check' : 'integrity_check') as Array<Record<string, string>>;
  return problemsIn(rows.map((row) => String(Object.values(row)[0])));
}

/** A check's lines as problems: a sound file answers with the single line `ok`. */
export function problemsIn(lines: readonly string[]): string[] {
  return lines.length === 1 && lines[0] === 'ok' ? [] : [...lines];
}

/** What `xinyi verify` and the audit page show for a failed check: Chinese, never SQLite's text. */
export function describeIntegrity(problems: readonly string[]): string[] {
  return problems.length === 0 ? [] : [`发现 ${problems.length} 处结构问题，数据库文件已损坏。请从备份恢复。`];
}
