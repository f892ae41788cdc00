import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import { lockFileName } from '../../../electron/core/fs/folderLock.js';
import { rotationSteps, type RotationStep } from '../../../electron/core/vault.js';
import { adminPassword, createStation, disposeWhenTestEnds, tempDir } from '../helpers/station.js';

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

/** The folder exactly as a crash at this instant would leave it (without the live process's lock). */
function snapshot(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, filter: (source) => path.basename(source) !== lockFileName });
}

/** From the database swap on, the rotation has committed: it completes; before it, it never happened. */
const committedAt = (step: RotationStep) => rotationSteps.indexOf(step) >= rotationSteps.indexOf('swap-database') + 1;

/**
 * A key rotation failed, or the process died, at each of its steps: the station must open with the
 * passwords of the accounts that remain, and the change that caused the rotation is either fully in
 * place (disabled, old password refused) or not at all (still enabled, old password works).
 */
describe('key rotation interrupted at each step', { timeout: 240_000 }, () => {
  for (const step of rotationSteps) {
    it(`at "${step}": the running station and a restart both open with the remaining passwords`, async () => {
      const dataDir = tempDir();
      const crashed = tempDir('xinyi-crash-');
      fs.rmSync(crashed, { recursive: true });
      let armed = false;
      const station = disposeWhenTestEnds(
        await createStation({
          dataDir,
          keyFaults: {
            rotationStep: (at) => {
              if (!armed || at !== step) return;
              armed = false;
              snapshot(dataDir, crashed);
              throw new Error(`injected failure at ${at}`);
            },
          },
        }),
      );
      await station.call(station.admin, 'users.create', { username: 'zhao', displayName: '赵', role: 'reception', temporaryPassword: 'temporary-2026' });
      const zhao = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'zhao')!;
      armed = true;
      const result = await station.raw(station.admin, 'users.setDisabled', { userId: zhao.id, disabled: true });
      const committed = committedAt(step);
      expect(errorCode(result)).toBe(committed ? 'ok' : 'KEY_ROTATION_FAILED');

      // In the running process: the 站长's session goes on, and the change is all or nothing.
      const listed = (await station.call(station.admin, 'users.list', {})).find((user) => user.id === zhao.id)!;
      expect(listed.disabled).toBe(committed);
      expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'zhao', password: 'temporary-2026' }))).toBe(
        committed ? 'WRONG_CREDENTIALS' : 'ok',
      );
      expect(fs.readdirSync(dataDir).filter((name) => name.includes('.rotating'))).toEqual([]);

      // After a crash at that instant: the next start settles the rotation the same way.
      const restarted = createStationAt(crashed);
      const admin = await restarted.unlock('admin', adminPassword);
      expect(admin.ok).toBe(true);
      expect(errorCode(await restarted.unlock('zhao', 'temporary-2026'))).toBe(committed ? 'WRONG_CREDENTIALS' : 'ok');
      expect(fs.readdirSync(crashed).filter((name) => name.includes('.rotating'))).toEqual([]);
    });
  }
});

describe('key rotation killed inside its copy', () => {
  it('leaves the copy and the rollback journal VACUUM INTO writes beside it; the next start removes both', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: partial rotation files are planted while the station is closed
    station.dispose();
    // What a SIGKILL during the copy leaves (found by the kill trials): a partial copy and its journal.
    for (const name of ['xinyi.db.rotating', 'xinyi.db.rotating-journal']) fs.writeFileSync(path.join(station.dataDir, name), 'partial');
    const restarted = createStationAt(station.dataDir);
    expect((await restarted.unlock('admin', adminPassword)).ok).toBe(true);
    expect(fs.readdirSync(station.dataDir).filter((name) => name.includes('.rotating'))).toEqual([]);
  });
});

/** A core on an existing folder, without setup, closed when the test ends. */
function createStationAt(dataDir: string) {
  const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  onTestFinished(() => core.close());
  const context = { scope: 'staff' as const, transport: 'direct' as const, sessionToken: null };
  return {
    unlock: (username: string, password: string) => core.call(context, 'auth.unlock', { username, password }),
  };
}
