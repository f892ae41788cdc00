import * as crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import { xinyi } from '../helpers/entries.js';
import { adminPassword, createStation, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

// Counts password KDF runs, so the cost of an unknown name is checked without timing anything.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, scrypt: vi.fn(original.scrypt) };
});

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('failed logins (issue 9 §3)', () => {
  it('are in the audit trail at once when the database is open', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('zhou', 'counsellor');
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'zhou', password: 'wrong-guess-1' }))).toBe('WRONG_CREDENTIALS');
    const failures = await station.call(station.admin, 'audit.list', { action: 'auth.unlock' });
    expect(failures.rows.filter((row) => row.result === 'failure').map((row) => row.actorName)).toEqual(['zhou']);
  });

  it('keep their back-off and their audit rows across a restart, and the CLI is held to it', async () => {
    // The CLI below runs on the real clock: start the station's clock now and block for minutes.
    const time = manualClock(new Date());
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    await station.call(station.admin, 'auth.lock', {});
    for (let attempt = 0; attempt < 7; attempt += 1) {
      if (attempt >= 5) time.advance(61_000);
      expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'admin', password: `wrong-${attempt}-guess` }))).toBe('WRONG_CREDENTIALS');
    }
    // closes mid-test: the CLI and a restarted core open the folder
    station.dispose();

    const cli = xinyi(['verify', '--user', 'admin', '--data-dir', station.dataDir], { XINYI_PASSWORD: adminPassword });
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('失败次数过多');

    const core = createCore({ dataDir: station.dataDir, idleCheckMs: 0, backupCheckMs: 0, clock: time.clock });
    onTestFinished(() => core.close());
    const call = (method: 'auth.unlock', input: { username: string; password: string }) =>
      core.call({ scope: 'staff', transport: 'direct', sessionToken: null }, method, input);
    expect(errorCode(await call('auth.unlock', { username: 'admin', password: adminPassword }))).toBe('TOO_MANY_ATTEMPTS');
    time.advance(121_000);
    const unlocked = (await call('auth.unlock', { username: 'admin', password: adminPassword })) as { ok: true; value: { sessionToken: string } };
    expect(unlocked.ok).toBe(true);
    const audit = (await core.call({ scope: 'staff', transport: 'direct', sessionToken: unlocked.value.sessionToken }, 'audit.list', { action: 'auth.unlock' })) as {
      value: { rows: Array<{ result: string }> };
    };
    expect(audit.value.rows.filter((row) => row.result === 'failure')).toHaveLength(7);
    const stored = JSON.parse(fs.readFileSync(path.join(station.dataDir, 'login-attempts.json'), 'utf8')) as { pending: unknown[] };
    expect(stored.pending).toEqual([]);
  });

  it('an unknown name costs the same password derivation as a known one', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'auth.lock', {});
    const scrypt = vi.mocked(crypto.scrypt);
    scrypt.mockClear();
    await station.raw(null, 'auth.unlock', { username: 'admin', password: 'not-the-password' });
    const known = scrypt.mock.calls.length;
    scrypt.mockClear();
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'nobody-here', password: 'not-the-password' }))).toBe('WRONG_CREDENTIALS');
    expect(known).toBeGreaterThan(0);
    expect(scrypt.mock.calls.length).toBe(known);
  });
});
