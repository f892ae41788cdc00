import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate.js';
import { latestSchemaVersion, migrations } from '../../../electron/core/db/migrations/index.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { databaseFileName } from '../../../electron/core/paths.js';
import { demoPassword } from '../../../electron/core/services/demo/demoStation.js';
import { databaseKeyOf, tempDir } from '../helpers/station.js';

/**
 * A station can skip releases: a database at any earlier schema, full of a station's records, must reach
 * today's schema with every row kept and the same schema a new station gets (the snapshot file beside this
 * test, so a schema change is seen in review). The records come from the demo station, copied into an
 * old-schema database column by column (the columns both schemas have).
 */
type Column = Readonly<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>;

const userTables = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
const columnsOf = (db: Db, table: string): Column[] => db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];

/** The schema as text: every table, index, trigger and view, in a stable order, without SQLite's own tables. */
function schemaText(db: Db): string {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type, name").all() as Array<{ type: string; name: string; sql: string }>;
  return `${rows.map((row) => `-- ${row.type} ${row.name}\n${row.sql.replace(/[ \t]+$/gm, '')};`).join('\n\n')}\n`;
}

function freshDatabase(): Db {
  return openEncryptedDatabase(path.join(tempDir('xinyi-migrate-'), databaseFileName), randomBytes(32), { create: true });
}

/** Fill an old-schema database from the demo: shared columns copied, old-only required columns given a neutral value. */
function copyRecords(source: Db, target: Db): Map<string, number> {
  const sourceTables = new Set(userTables(source));
  const copied = new Map<string, number>();
  target.pragma('foreign_keys = OFF');
  target.transaction(() => {
    for (const table of userTables(target)) {
      if (!sourceTables.has(table)) continue;
      const have = new Set(columnsOf(source, table).map((column) => column.name));
      const columns = columnsOf(target, table);
      const shared = columns.filter((column) => have.has(column.name));
      const filled = columns.filter((column) => !have.has(column.name) && column.notnull === 1 && column.dflt_value === null && column.pk === 0);
      const names = [...shared, ...filled].map((column) => `"${column.name}"`).join(', ');
      // OR REPLACE: a migration may seed a singleton (the anchor key) that the station already has its own row for.
      const insert = target.prepare(`INSERT OR REPLACE INTO "${table}" (${names}) VALUES (${[...shared, ...filled].map(() => '?').join(', ')})`);
      const neutral = filled.map((column) => (/INT|REAL|NUM/i.test(column.type) ? 0 : ''));
      let count = 0;
      for (const row of source.prepare(`SELECT ${shared.map((column) => `"${column.name}"`).join(', ')} FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        try {
          insert.run(...row, ...neutral);
          count += 1;
        } catch (error) {
          // A value today's schema allows and the old one did not (a status added later): that row did not exist then.
          if (!/CHECK constraint failed/.test(String(error))) throw error;
        }
      }
      copied.set(table, count);
    }
  })();
  target.pragma('foreign_keys = ON');
  return copied;
}

const countOf = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

describe('upgrading a populated station from every earlier schema version', () => {
  let demo: Db;
  let latestSchema: string;

  beforeAll(async () => {
    const dataDir = tempDir('xinyi-migrate-demo-');
    const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
    try {
      await core.seedDemo();
    } finally {
      core.close();
    }
    demo = openEncryptedDatabase(path.join(dataDir, databaseFileName), await databaseKeyOf(dataDir, 'zhanzhang', demoPassword), { readonly: true });
    const fresh = freshDatabase();
    migrate(fresh, migrations);
    latestSchema = schemaText(fresh);
    fresh.close();
  }, 180_000);

  afterAll(() => demo?.close());

  it('a new station gets exactly the schema on record', async () => {
    await expect(latestSchema).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });

  it.each(migrations.slice(0, -1).map((migration, index) => [migration.version, index + 1] as const))(
    'from schema %i: every record kept, the schema a new station gets, no broken reference',
    (version, applied) => {
      const db = freshDatabase();
      try {
        migrate(db, migrations.slice(0, applied));
        expect(schemaVersion(db)).toBe(version);
        const copied = copyRecords(demo, db);
        // The demo fills the tables a station uses; an old schema that received nothing would prove nothing.
        for (const table of ['users', 'clients', 'audit_log']) if (copied.has(table)) expect(copied.get(table)).toBeGreaterThan(0);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        // Counted once all is copied: a trigger may log a row copied later (migration 330's log of changed rows).
        const before = new Map([...copied.keys()].map((table) => [table, countOf(db, table)]));

        expect(migrate(db, migrations)).toEqual({ from: version, to: latestSchemaVersion });

        for (const [table, count] of before) {
          if (userTables(db).includes(table)) expect({ table, rows: countOf(db, table) }).toEqual({ table, rows: count });
        }
        expect(schemaText(db)).toBe(latestSchema);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    },
  );
});
