import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AppEvent } from '../../../shared/api/events.js';
import { createCore, type Core } from '../../../electron/core/createCore.js';
import { integrityFailureMessage, openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds } from '../helpers/station.js';

/**
 * The quick_check after unlock runs in a worker thread (DESIGN.md §4, issue 15): unlock does not
 * wait for it, a damaged verdict blocks writes from then on, and a lock while it runs ends it cleanly.
 */
const ctx = { scope: 'staff' as const, transport: 'direct' as const };
const databaseOf = (dir: string) => path.join(dir, 'xinyi.db');
const fileHash = (file: string) => (fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null);
/** The database and its WAL (the -shm changes on every read, so it is left out). */
const contentHashes = (dir: string) => [fileHash(databaseOf(dir)), fileHash(`${databaseOf(dir)}-wal`)];

/** A closed station with a probe table of ~300 pages that nothing at unlock reads; `damage` then works on it. */
async function stationWithProbe(damage: (db: Db, dir: string) => void = () => {}): Promise<string> {
  const station = disposeWhenTestEnds(await createStation());
  const dir = station.dataDir;
  // closes mid-test: a probe table is written while the station is closed
  station.dispose();
  const db = openEncryptedDatabase(databaseOf(dir), await databaseKeyOf(dir, 'admin', adminPassword));
  db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX probe_body ON probe (body);');
  const insert = db.prepare('INSERT INTO probe (body) VALUES (?)');
  db.transaction(() => {
    for (let row = 0; row < 3000; row += 1) insert.run(`${row}-${'探针'.repeat(120)}`);
  })();
  damage(db, dir);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dir;
}

async function unlock(core: Core) {
  const session = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
  if (!session.ok) throw new Error(`unlock failed: ${session.error.code} ${session.error.message}`);
  return { ...ctx, sessionToken: (session.value as { sessionToken: string }).sessionToken };
}

/** SQLite's own words never reach a user. */
function expectChineseSentence(message: string) {
  expect(message).toMatch(/[\u4e00-\u9fff].*。$/);
  expect(message.replace(/xinyi\.db/g, '')).not.toMatch(/[A-Za-z]{3,}/);
}

/** After a damaged verdict: the problem shows, writes are refused in Chinese and change nothing, unlock refuses as before. */
async function expectDamagedStation(dir: string) {
  const core = createCore({ dataDir: dir, idleCheckMs: 0, backupCheckMs: 0 });
  onTestFinished(() => core.close());
  const heard: AppEvent[] = [];
  core.events.subscribe((event) => heard.push(event));
  const as = await unlock(core);
  expect((await core.backgroundCheck())?.verdict).toBe('damaged');
  expect(await core.call(ctx, 'app.status', {})).toMatchObject({
    ok: true,
    value: { phase: 'error', problem: { code: 'DB_CORRUPT', message: integrityFailureMessage } },
  });
  expect(heard).toContainEqual({ name: 'station.damaged', payload: { message: integrityFailureMessage } });
  // The restore offer of the problem page is open, as when the check ran at unlock.
  expect(await core.call(ctx, 'recovery.listBackups', {})).toMatchObject({ ok: true });
  // Reads still work (DESIGN.md §4: open read-only); a write is refused and writes nothing.
  expect(await core.call(as, 'station.get', {})).toMatchObject({ ok: true, value: { name: '胜利路街道社会心理服务站' } });
  const before = contentHashes(dir);
  const write = await core.call(as, 'settings.update', { idleLockMinutes: 9 });
  expect(write).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
  const message = write.ok ? '' : write.error.message;
  expectChineseSentence(message);
  expect(message).toContain('本次操作未保存');
  expect(contentHashes(dir)).toEqual(before);
  expect(await core.call(as, 'settings.get', {})).toMatchObject({ ok: true, value: { idleLockMinutes: 5 } });
  // Locked and unlocked again in the same run: refused at once, as a failed check at unlock always was.
  core.lock('manual');
  const again = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
  expect(again).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: integrityFailureMessage } });
  expect(await core.call(ctx, 'app.status', {})).toMatchObject({ ok: true, value: { phase: 'error', problem: { code: 'DB_CORRUPT' } } });
}

describe('the quick_check after unlock', () => {
  it('a damaged page: unlock succeeds, then the station shows the problem and refuses writes in Chinese', async () => {
    const dir = await stationWithProbe();
    // One flipped byte in a probe page near the end of the file: the cipher's MAC fails only there.
    const pageSize = 4096;
    const bytes = fs.readFileSync(databaseOf(dir));
    const offset = (Math.floor(bytes.length / pageSize) - 40) * pageSize + 300;
    bytes[offset] = bytes[offset]! ^ 0xff;
    fs.writeFileSync(databaseOf(dir), bytes);
    await expectDamagedStation(dir);
  });

  it('a damaged index (its root on a page of another table) is found the same way', async () => {
    const dir = await stationWithProbe((db) => {
      const root = (name: string) => (db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(name) as { rootpage: number }).rootpage;
      const tableRoot = root('probe');
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_schema SET rootpage = ? WHERE name = 'probe_body'").run(tableRoot);
    });
    await expectDamagedStation(dir);
  });

  it('a sound station: the check passes and writes go on', async () => {
    const dir = await stationWithProbe();
    const core = createCore({ dataDir: dir, idleCheckMs: 0, backupCheckMs: 0 });
    onTestFinished(() => core.close());
    const as = await unlock(core);
    const outcome = await core.backgroundCheck();
    expect(outcome).toMatchObject({ verdict: 'sound', problems: [] });
    expect(outcome!.ms).toBeGreaterThan(0);
    expect(await core.call(ctx, 'app.status', {})).toMatchObject({ ok: true, value: { phase: 'unlocked', problem: null } });
    expect(await core.call(as, 'settings.update', { idleLockMinutes: 9 })).toMatchObject({ ok: true, value: { idleLockMinutes: 9 } });
  });

  it('a lock or a close while the check runs ends it without a crash, and the station opens again', async () => {
    const dir = await stationWithProbe();
    const core = createCore({ dataDir: dir, idleCheckMs: 0, backupCheckMs: 0 });
    onTestFinished(() => core.close());
    await unlock(core);
    core.lock('manual');
    // Settles only once the worker thread has exited: nothing of it is left running.
    const locked = await core.backgroundCheck();
    expect(['stopped', 'sound']).toContain(locked?.verdict);
    const as = await unlock(core);
    // closes mid-test: closing while the check runs is what is tested
    core.close();
    const closed = await core.backgroundCheck();
    expect(['stopped', 'sound']).toContain(closed?.verdict);
    expect(await core.call(as, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // No connection or lock left behind: a new start opens, checks and writes.
    const next = createCore({ dataDir: dir, idleCheckMs: 0, backupCheckMs: 0 });
    onTestFinished(() => next.close());
    const nextAs = await unlock(next);
    expect((await next.backgroundCheck())?.verdict).toBe('sound');
    expect(await next.call(nextAs, 'settings.update', { idleLockMinutes: 7 })).toMatchObject({ ok: true });
  });
});
