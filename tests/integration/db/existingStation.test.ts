import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Result } from '../../../shared/api/errors.js';
import { createCore } from '../../../electron/core/createCore.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { xinyi } from '../helpers/entries.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, filesIn, tempDir } from '../helpers/station.js';

const ctx = { scope: 'staff' as const, transport: 'direct' as const };
const hashes = (dir: string) => new Map(filesIn(dir).map((file) => [file, createHash('sha256').update(fs.readFileSync(file)).digest('hex')]));
const databaseOf = (dir: string) => path.join(dir, 'xinyi.db');

async function stationKey(dir: string): Promise<Buffer> {
  return databaseKeyOf(dir, 'admin', adminPassword);
}

/** A closed station, its database replaced by `replace`; then start it, try to unlock, look at the files. */
async function startAfter(replace: (dataDir: string) => void | Promise<void>) {
  const station = disposeWhenTestEnds(await createStation());
  // closes mid-test: the database is replaced while the station is closed
  station.dispose();
  for (const file of fs.readdirSync(station.dataDir)) if (file.startsWith('xinyi.db')) fs.rmSync(path.join(station.dataDir, file));
  await replace(station.dataDir);
  const before = hashes(station.dataDir);
  const core = createCore({ dataDir: station.dataDir, idleCheckMs: 0 });
  onTestFinished(() => core.close());
  const unlock = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
  const status = await core.call(ctx, 'app.status', {});
  const backups = await core.call(ctx, 'recovery.listBackups', {});
  // closes mid-test: the files are hashed after close
  core.close();
  return { unlock, status, backups, after: hashes(station.dataDir), before };
}

/** The problem screen: phase `error`, the restore offer open, a Chinese sentence without SQLite's text. */
function expectProblemScreen(result: Awaited<ReturnType<typeof startAfter>>) {
  expect(result.unlock).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
  expect(result.status).toMatchObject({ ok: true, value: { phase: 'error', problem: { code: 'DB_CORRUPT' } } });
  expect(result.backups).toMatchObject({ ok: true });
  expectChineseSentence((result.unlock as Extract<Result<unknown>, { ok: false }>).error.message);
  expect(result.after).toEqual(result.before);
}

/** File names may appear; words of SQLite's English (`malformed`, `Tree`, `page`) may not. */
function expectChineseSentence(message: string) {
  expect(message).toMatch(/[\u4e00-\u9fff].*。$/);
  expect(message.replace(/xinyi\.db|keyring\.json|replaced-[\w-]+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
}

describe('opening an existing station never creates a database', () => {
  it('a 0-byte database beside the keyring goes to the problem screen and stays 0 bytes', async () => {
    const result = await startAfter((dir) => fs.writeFileSync(databaseOf(dir), ''));
    expectProblemScreen(result);
    expect(result.status).toMatchObject({ value: { problem: { message: expect.stringContaining('0 字节') } } });
  });

  it("another station's database beside this keyring is refused, unchanged", async () => {
    const other = disposeWhenTestEnds(await createStation());
    // closes mid-test: its database files are copied after close
    other.dispose();
    const result = await startAfter((dir) => {
      for (const file of fs.readdirSync(other.dataDir)) {
        if (file.startsWith('xinyi.db')) fs.copyFileSync(path.join(other.dataDir, file), path.join(dir, file));
      }
    });
    expectProblemScreen(result);
  });

  it('a database under this key but without any station schema is foreign, never migrated into a new one', async () => {
    const result = await startAfter(async (dir) => {
      const db = openEncryptedDatabase(databaseOf(dir), await stationKey(dir), { create: true });
      db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1);');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    });
    expectProblemScreen(result);
    expect(result.status).toMatchObject({ value: { problem: { message: expect.stringContaining('没有心驿站点数据') } } });
  });
});

describe('corruption and unwritable folders are told in Chinese sentences', () => {
  it('a failed integrity check in `system.verify` names no SQLite text', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const dir = station.dataDir;
    // closes mid-test: the database is edited while the station is closed
    station.dispose();
    // An index that no longer matches its table: integrity_check reports it (quick_check does not).
    const db = openEncryptedDatabase(databaseOf(dir), await stationKey(dir));
    db.exec('CREATE TABLE probe (a INTEGER, b INTEGER); CREATE INDEX probe_a ON probe (a); INSERT INTO probe VALUES (1, 2), (3, 4);');
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX probe_a ON probe (b)' WHERE name = 'probe_a'").run();
    db.close();
    const core = createCore({ dataDir: dir, idleCheckMs: 0 });
    onTestFinished(() => core.close());
    const session = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
    const token = session.ok ? (session.value as { sessionToken: string }).sessionToken : '';
    const verify = await core.call({ ...ctx, sessionToken: token }, 'system.verify', {});
    const backup = await core.call({ ...ctx, sessionToken: token }, 'backup.create', {});
    expect(verify).toMatchObject({ ok: true, value: { ok: false, integrity: { ok: false } } });
    const problems = verify.ok ? (verify.value as { integrity: { problems: string[] } }).integrity.problems : [];
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expectChineseSentence(problem);
    expect(backup).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    expectChineseSentence(backup.ok ? '' : backup.error.message);
  });

  it('a read-only data folder says so in one Chinese line (CLI)', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    // Root writes anywhere, so as root the CLI runs as `nobody`, for whom the folder is read-only.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const result = xinyi(['call', 'app.status', '--data-dir', dir], { HOME: tempDir() }, undefined, asUser);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('是只读的');
    expect(lines[0]).toContain(dir);
  });
});
