import { AppError } from '../errors.js';
import type { Db } from './driver.js';
import type { Migration } from './migrations/types.js';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring a database to the newest schema. Each migration runs in its own transaction together with
 * its user_version, so a crash leaves the file at a whole version. A newer file is refused.
 */
export function migrate(db: Db, registry: readonly Migration[]): { from: number; to: number } {
  registry.forEach((migration, index) => {
    const previous = registry[index - 1];
    if (previous && migration.version <= previous.version) {
      throw new Error(`migration registry out of order at ${migration.version}`);
    }
  });
  const from = schemaVersion(db);
  const latest = registry.at(-1)?.version ?? 0;
  if (from > latest) throw new AppError('DB_FROM_FUTURE', undefined, { fileVersion: from, appVersion: latest });
  for (const migration of registry) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  const to = schemaVersion(db);
  if (to !== from) db.pragma('optimize');
  return { from, to };
}
