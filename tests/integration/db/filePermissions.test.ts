import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import { adminPassword, createStation, disposeWhenTestEnds, filesIn, tempDir } from '../helpers/station.js';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** POSIX modes only: Windows protects the user-data folder by its ACL instead. */
describe.runIf(process.platform !== 'win32')('station files are owner-only (0600), like the keyring', () => {
  it('the database, its WAL and shared memory, the keyring and backups', async () => {
    const umask = process.umask(0o022); // the usual default, which would give SQLite's files 0644
    try {
      const station = disposeWhenTestEnds(await createStation());
      await station.addUser('liwei', 'counsellor');
      const inFolder = await station.call(station.admin, 'backup.create', {});
      const exact = await station.call(station.admin, 'backup.create', { file: path.join(tempDir(), 'copy.xybak') });
      const live = filesIn(station.dataDir).filter((file) => /xinyi\.db(-wal|-shm)?$|keyring\.json$/.test(file));
      expect(live.map((file) => path.basename(file)).sort()).toEqual(['keyring.json', 'xinyi.db', 'xinyi.db-shm', 'xinyi.db-wal']);
      for (const file of [...live, inFolder.file, exact.file]) expect([file, modeOf(file).toString(8)]).toEqual([file, '600']);
    } finally {
      process.umask(umask);
    }
  });

  it('an older station whose database was 0644 is tightened when it opens', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const dir = station.dataDir;
    // closes mid-test: the database is made 0644 and the folder reopened
    station.dispose();
    fs.chmodSync(path.join(dir, 'xinyi.db'), 0o644);
    const again = createCore({ dataDir: dir, idleCheckMs: 0 });
    onTestFinished(() => again.close());
    const unlocked = await again.call({ scope: 'staff', transport: 'direct' }, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect(unlocked.ok).toBe(true);
    expect(modeOf(path.join(dir, 'xinyi.db')).toString(8)).toBe('600');
  });
});
