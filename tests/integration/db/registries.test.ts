import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentOwners } from '../../../shared/api/schemas/attachments.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { migrations } from '../../../electron/core/db/migrations/index.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { clientMergeRules } from '../../../electron/core/repositories/clientsRepo.js';
import { tempDir } from '../helpers/station.js';

/** Registries declared once in code, checked against the schema the migrations actually build. */
describe('registries match the migrated schema', () => {
  let db: Db;
  beforeAll(() => {
    db = openEncryptedDatabase(path.join(tempDir(), 'registries.db'), randomBytes(32), { create: true });
    migrate(db, migrations);
  });
  afterAll(() => db.close());

  const tables = () => (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
  const columnsOf = (table: string) => (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
  const referencesClients = (table: string) => (db.pragma(`foreign_key_list(${table})`) as Array<{ table: string }>).some((key) => key.table === 'clients');

  const pointingAtClients = () => tables().filter((table) => table !== 'clients' && (columnsOf(table).includes('client_id') || referencesClients(table)));
  const withoutMergeRule = () => pointingAtClients().filter((table) => !Object.hasOwn(clientMergeRules, table));

  it('every table that points at a client has a merge rule, and every rule names such a table', () => {
    expect(pointingAtClients().length).toBeGreaterThan(0);
    expect(withoutMergeRule(), 'tables with a client_id but no rule in clientMergeRules (clientsRepo.ts)').toEqual([]);
    const stale = Object.keys(clientMergeRules).filter((table) => !pointingAtClients().includes(table) || !columnsOf(table).includes('client_id'));
    expect(stale, 'merge rules for tables without a client_id column').toEqual([]);
  });

  it('a new table with a client_id and no merge rule is caught', () => {
    db.exec('BEGIN');
    try {
      db.exec('CREATE TABLE client_notes (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL REFERENCES clients (id), note TEXT NOT NULL) STRICT');
      expect(withoutMergeRule()).toEqual(['client_notes']);
    } finally {
      db.exec('ROLLBACK');
    }
    expect(withoutMergeRule()).toEqual([]);
  });

  it("the attachments table's CHECK allows exactly the declared owner types", () => {
    const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'attachments'").get() as { sql: string };
    const allowed = /owner_type\s+TEXT\s+NOT\s+NULL\s+CHECK\s*\(\s*owner_type\s+IN\s*\(([^)]*)\)/i.exec(sql)?.[1];
    expect(allowed, 'the owner_type CHECK constraint').toBeDefined();
    const inSchema = [...allowed!.matchAll(/'([^']*)'/g)].map((match) => match[1]);
    expect([...inSchema].sort()).toEqual([...attachmentOwners].sort());
  });
});
