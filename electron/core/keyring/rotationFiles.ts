import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../fs/atomicWrite.js';
import { databaseCompanions, type DataPaths } from '../paths.js';
import { parseKeyring, serializeKeyring, type Keyring } from './keyring.js';

/**
 * The files of a key rotation (DB-9) and the one rule that settles an interrupted one.
 *
 * Order of a rotation: (1) the new database is built as `xinyi.db.rotating`; (2) the new keyring is
 * written as `keyring.json.rotating` together with the SHA-256 of that new database; (3) the live
 * database is closed; (4) the new database is renamed over `xinyi.db`; (5) the pending keyring is
 * renamed over `keyring.json`. The database rename is the commit point. At any crash, the pending
 * keyring says which database it belongs to: if `xinyi.db` is that file, (5) is finished; otherwise
 * the rotation never committed and its files are removed. Either way `keyring.json` then opens
 * `xinyi.db` with the passwords of the accounts in it.
 */
export const rotationSuffix = '.rotating';

export const rotatingDatabase = (paths: DataPaths) => `${paths.database}${rotationSuffix}`;
export const pendingKeyring = (paths: DataPaths) => `${paths.keyring}${rotationSuffix}`;

/** The pending keyring is a keyring file plus the hash of its database; the extra field is dropped on read. */
export function pendingKeyringText(keyring: Keyring, databaseSha256: string): string {
  return serializeKeyring({ ...keyring, rotation: { databaseSha256 } } as Keyring);
}

export function sha256OfFileSync(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4 * 1024 * 1024);
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function pendingDatabaseHash(file: string): string | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { rotation?: { databaseSha256?: unknown } };
    parseKeyring(JSON.stringify(raw));
    const hash = raw.rotation?.databaseSha256;
    return typeof hash === 'string' ? hash : null;
  } catch {
    return null;
  }
}

export type RotationOutcome = 'none' | 'finished' | 'rolled-back';

/** Finish or undo an interrupted rotation (at start, or after a failure in the running process). */
export function settleRotation(paths: DataPaths): RotationOutcome {
  const pending = pendingKeyring(paths);
  let outcome: RotationOutcome = 'none';
  if (fs.existsSync(pending)) {
    const expected = pendingDatabaseHash(pending);
    if (expected !== null && fs.existsSync(paths.database) && sha256OfFileSync(paths.database) === expected) {
      fs.renameSync(pending, paths.keyring);
      outcome = 'finished';
    } else {
      fs.rmSync(pending, { force: true });
      outcome = 'rolled-back';
    }
    syncDirectory(path.dirname(paths.keyring));
  }
  // VACUUM INTO writes the copy with a rollback journal: a kill during the copy leaves it beside the copy.
  const copy = rotatingDatabase(paths);
  for (const leftover of [...databaseCompanions(copy), `${copy}-journal`]) fs.rmSync(leftover, { force: true });
  return outcome;
}
