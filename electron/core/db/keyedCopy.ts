import { AppError } from '../errors.js';
import type { Db } from './driver.js';
import { schemaVersion } from './migrate.js';
import { integrityProblems, keyedFileUri, openEncryptedDatabase } from './openDatabase.js';

/** Row counts of every table, to compare a copy with its source. */
export function tableCounts(db: Db): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  return new Map(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/**
 * A verified copy: opens with `dataKey` (so it is encrypted with it), passes integrity_check, and has
 * the same rows (BAK-1, DB-9). Returns the copy's schema version. `code` names the failure for the caller.
 */
export function verifyDatabaseCopy(
  file: string,
  dataKey: Buffer,
  expectedCounts?: Map<string, number>,
  code: 'BACKUP_INVALID' | 'KEY_ROTATION_FAILED' = 'BACKUP_INVALID',
): number {
  const what = code === 'BACKUP_INVALID' ? '备份数据库' : '换钥后的数据库副本';
  const db = openEncryptedDatabase(file, dataKey, { readonly: true });
  try {
    const problems = integrityProblems(db, 'full');
    // Never SQLite's own text in a message (issue 9 §4): the file is damaged, and nothing was changed.
    if (problems.length > 0) throw new AppError(code, `${what}未通过完整性检查，文件已损坏。未做任何更改。`);
    if (expectedCounts) {
      for (const [table, count] of expectedCounts) {
        const actual = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
        if (actual !== count) throw new AppError(code, `${what}中的 ${table} 行数与原库不符。`);
      }
    }
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

/** VACUUM INTO a keyed URI: the copy at `target` is encrypted with the same cipher under `key`. */
export function vacuumInto(db: Db, target: string, key: Buffer): void {
  db.prepare(`VACUUM INTO '${keyedFileUri(target, key)}'`).run();
}

/**
 * DB-9: the live database copied under a new key — checkpoint(TRUNCATE) so the main file holds every
 * commit, VACUUM INTO a keyed file, then verify the copy with the new key. Never PRAGMA rekey in
 * place (it can corrupt a WAL database). The live file is not changed.
 */
export function copyWithNewKey(db: Db, target: string, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const counts = tableCounts(db);
  vacuumInto(db, target, newKey);
  verifyDatabaseCopy(target, newKey, counts, 'KEY_ROTATION_FAILED');
}
