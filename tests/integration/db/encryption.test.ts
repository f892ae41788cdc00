import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/core/db/driver.js';
import { openEncryptedDatabase, stationPageCacheKib } from '../../../electron/core/db/openDatabase.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, filesIn } from '../helpers/station.js';

const marker = 'SENTINEL-张三-抑郁-7f3a';

function contains(file: string, text: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

const hashFile = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('encryption at rest', () => {
  it('never writes a marker in plaintext to any file of the data folder (db, -wal, -shm, keyring)', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'station.update', {
      name: '阳光社区心理咨询室',
      level: 'community',
      regionCode: '500118001001',
      address: marker,
    });
    // Check while the WAL is live (the write is acknowledged but not checkpointed) …
    const live = filesIn(station.dataDir);
    expect(live.some((file) => file.endsWith('-wal'))).toBe(true);
    for (const file of live) expect(contains(file, marker), file).toBe(false);
    // … and after close, when the WAL has been checkpointed into the main file.
    // closes mid-test: the files are read after close, with the WAL checkpointed
    station.dispose();
    for (const file of filesIn(station.dataDir)) expect(contains(file, marker), file).toBe(false);
  });

  it('cannot be opened by plain SQLite, nor with the library but without the key', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: the files are read after close
    station.dispose();
    const file = path.join(station.dataDir, 'xinyi.db');
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const unkeyed = new Database(file, { readonly: true });
    expect(() => unkeyed.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    unkeyed.close();
  });

  it('uses authenticated AEGIS-256 with a raw 32-byte key: the same hex as a passphrase does not open it', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: the files are read after close
    station.dispose();
    const dataKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    expect(dataKey).toHaveLength(32);
    const db = openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), dataKey!, { readonly: true });
    expect(db.pragma('cipher', { simple: true })).toBe('aegis');
    expect(db.pragma('algorithm', { simple: true })).toBe('aegis-256');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    db.close();

    const asPassphrase = new Database(path.join(station.dataDir, 'xinyi.db'), { readonly: true });
    asPassphrase.pragma(`cipher='aegis'`);
    asPassphrase.pragma(`key='${dataKey!.toString('hex')}'`);
    expect(() => asPassphrase.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow();
    asPassphrase.close();
  });

  it('opens a writable connection with WAL and synchronous=FULL', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: the files are read after close
    station.dispose();
    const dataKey = await databaseKeyOf(station.dataDir, null, station.recoveryKey.replace(/-/g, ''));
    const db = openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), dataKey);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it("gives the station's own connection a page cache that holds a year's report pages, not SQLite's 2 MiB", async () => {
    const station = disposeWhenTestEnds(await createStation());
    // Issue 15: with the default, a year's report decrypted its pages again on every read (1.18–1.33× plaintext).
    expect(station.database().pragma('cache_size', { simple: true })).toBe(-stationPageCacheKib);
    expect(stationPageCacheKib).toBeGreaterThanOrEqual(16_384);
  });

  it('a wrong password changes nothing on disk and is answered with a clear message', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'auth.lock', {});
    const before = new Map(filesIn(station.dataDir).map((file) => [file, hashFile(file)]));
    const result = await station.raw(null, 'auth.unlock', { username: 'admin', password: 'not-the-password' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: '用户名或密码错误。' } });
    // Only the back-off file records the attempt (issue 9: the back-off survives restarts); the
    // database, its WAL, the keyring and the audit anchor are untouched.
    const attempts = path.join(station.dataDir, 'login-attempts.json');
    const after = new Map(filesIn(station.dataDir).filter((file) => file !== attempts).map((file) => [file, hashFile(file)]));
    expect(after).toEqual(before);
    expect(fs.readFileSync(attempts, 'utf8')).toContain('"admin"');
  });

  it('keeps key material out of the API: no result or event carries the data key', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const events: string[] = [];
    station.core.events.subscribe((event) => events.push(JSON.stringify(event)));
    const about = await station.call(station.admin, 'system.about', {});
    const dataKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    const backup = await station.call(station.admin, 'backup.create', {});
    const everything = JSON.stringify([about, backup, events]);
    expect(everything).not.toContain(dataKey.toString('hex'));
    expect(everything).not.toContain(dataKey.toString('base64'));
  });
});
