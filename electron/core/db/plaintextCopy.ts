import type { Db } from './driver.js';

/**
 * An unencrypted copy of the whole database (schema, indexes, rows), for the benchmark's raw-SQL bound only:
 * SQLite3 Multiple Ciphers writes VACUUM INTO's target with the URI's key, and an empty one leaves it plain.
 */
export function writePlaintextCopy(db: Db, file: string): void {
  db.exec(`VACUUM INTO 'file:${file.replaceAll("'", "''")}?key='`);
}
