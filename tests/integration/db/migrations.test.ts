import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate.js';
import { latestSchemaVersion, migrations } from '../../../electron/core/db/migrations/index.js';
import { tempDir } from '../helpers/station.js';

describe('migrations', () => {
  it('are numbered in steps of ten, strictly increasing, one file per version', () => {
    migrations.forEach((migration, index) => {
      expect(migration.version).toBe((index + 1) * 10);
      expect(migration.name).toMatch(/^[a-z0-9-]+$/);
    });
  });

  it('bring an empty encrypted database to the latest version once, and are idempotent', () => {
    const db = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true });
    expect(migrate(db, migrations)).toEqual({ from: 0, to: latestSchemaVersion });
    expect(migrate(db, migrations)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion });
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
  });

  it('refuse a registry out of order and roll back a failing migration whole', () => {
    const db = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32), { create: true });
    expect(() => migrate(db, [...migrations, { version: 5, name: 'late', up: () => undefined }])).toThrow(/out of order/);
    migrate(db, migrations);
    const failing = {
      version: latestSchemaVersion + 10,
      name: 'failing',
      up: (target: typeof db) => {
        target.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, failing])).toThrow('boom');
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });
});
