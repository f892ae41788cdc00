import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import { adminPassword, createStation, disposeWhenTestEnds, filesIn, tempDir } from '../helpers/station.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const ctx = { scope: 'staff' as const, transport: 'direct' as const };
const leftovers = (dir: string) => filesIn(dir).filter((file) => /\.partial|restore-journal/.test(path.basename(file)));

/** A station with a backup, then one more user the backup does not have (so we can tell which database is live). */
async function stationWithBackup() {
  const station = disposeWhenTestEnds(await createStation());
  const backup = await station.call(station.admin, 'backup.create', {});
  await station.addUser('laterhire', 'reception');
  // closes mid-test: the folder is copied for worker processes after close
  station.dispose();
  const backupFile = path.join(tempDir(), 'before.xybak');
  fs.renameSync(backup.file, backupFile);
  return { dataDir: station.dataDir, backupFile };
}

async function startAndList(dataDir: string) {
  const core = createCore({ dataDir, idleCheckMs: 0 });
  onTestFinished(() => core.close());
  const status = await core.call(ctx, 'app.status', {});
  const unlock = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
  const token = unlock.ok ? (unlock.value as { sessionToken: string }).sessionToken : null;
  const users = await core.call({ ...ctx, sessionToken: token }, 'users.list', {});
  // closes mid-test: the folder's files are checked after close
  core.close();
  return { status, unlock, usernames: users.ok ? (users.value as Array<{ username: string }>).map((user) => user.username) : [] };
}

// Twelve crash points, each a real station in a child process: minutes on a busy 2-core machine.
describe('a restore killed during the swap is finished or undone at the next start', { timeout: 300_000 }, () => {
  it('every crash point ends in one whole station, a message naming the replaced- folder, and no temporary files', async () => {
    const seed = await stationWithBackup();
    const outcomes = new Set<string>();
    for (let crashAt = 1; crashAt <= 12; crashAt += 1) {
      const dataDir = tempDir();
      fs.cpSync(seed.dataDir, dataDir, { recursive: true });
      const worker = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'tests/integration/helpers/restoreCrashWorker.ts', dataDir, seed.backupFile, adminPassword, String(crashAt)],
        { cwd: repo, encoding: 'utf8' },
      );
      if (worker.status === 0) break; // fewer renames than crashAt: the restore simply completed
      expect(worker.status, worker.stderr).toBe(86);
      const after = await startAndList(dataDir);
      expect(after.status).toMatchObject({ ok: true, value: { phase: 'locked' } });
      expect(after.unlock.ok).toBe(true);
      expect(leftovers(dataDir)).toEqual([]);
      const notice = after.status.ok ? (after.status.value as { notice?: string | null }).notice : null;
      if (after.usernames.includes('laterhire')) {
        // Undone (or never begun): the live station as it was.
        if (notice) expect(notice).toMatch(/已撤销.*replaced-\d{8}-\d{6}/);
        outcomes.add(notice ? 'undone' : 'not begun');
      } else {
        expect(notice).toMatch(/已在本次启动时完成.*replaced-\d{8}-\d{6}/);
        const kept = fs.readdirSync(dataDir).find((name) => name.startsWith('replaced-'))!;
        expect(fs.readdirSync(path.join(dataDir, kept))).toContain('xinyi.db');
        outcomes.add('finished');
      }
    }
    expect([...outcomes].sort()).toEqual(['finished', 'not begun', 'undone']);
  });

  it('temporary files of an interrupted backup or keyring write are removed at start; others are kept', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: temporary files are planted while the station is closed
    station.dispose();
    const backups = path.join(station.dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const ours = [
      path.join(backups, 'copy.db.0a1b2c3d.partial'),
      path.join(backups, 'copy.db.0a1b2c3d.partial-journal'),
      path.join(backups, 'xinyi-20261123-010000.xybak.deadbeef.partial'),
      path.join(station.dataDir, 'keyring.json.12345678.partial'),
      path.join(station.dataDir, 'xinyi.db.restore.partial'),
    ];
    const notOurs = path.join(backups, 'notes.partial.txt');
    for (const file of [...ours, notOurs]) fs.writeFileSync(file, 'x');
    const after = await startAndList(station.dataDir);
    expect(after.unlock.ok).toBe(true);
    expect(ours.filter((file) => fs.existsSync(file))).toEqual([]);
    expect(fs.existsSync(notOurs)).toBe(true);
  });
});
