import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract/index.js';
import type { Result } from '../../../shared/api/errors.js';
import type { Clock } from '../../../electron/core/clock.js';
import type { Core } from '../../../electron/core/createCore.js';
import { createBenchStation } from '../../../electron/core/services/demo/benchStation.js';
import type { KeyFaults } from '../../../electron/core/vault.js';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { openWithSecret, readKeyring } from '../../../electron/core/keyring/keyring.js';

/**
 * A real encrypted station in a temp folder. Usage inside a test:
 *   const station = disposeWhenTestEnds(await createStation());   // set up, admin logged in
 *   const users = await station.call(station.admin, 'users.list', {});
 * The station is disposed when the test ends, passed or failed, so a failed assertion never leaves its folder
 * lock and database open for the next test. A station made in beforeAll is disposed in afterAll instead:
 *   beforeAll(async () => { station = await createStation(); });
 *   afterAll(() => station.dispose());
 * A raw core (createCore) made inside a test: `onTestFinished(() => core.close())` right after creating it.
 * dispose() and core.close() may be called again: a test that closes mid-way (to reopen the folder, or to read
 * its files) keeps its hook. tests/unit/testsHygiene.test.ts checks that integration tests follow this.
 */
export const adminPassword = 'station-pass-2026';
export const stationInput = {
  name: '胜利路街道社会心理服务站',
  level: 'street',
  regionCode: '500118001',
  address: '重庆市永川区胜利路 1 号',
  phone: '023-49881234',
  openingHours: '周一至周五 9:00-17:00',
} as const;

export function tempDir(prefix = 'xinyi-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock tests can move forward. */
export function manualClock(start = new Date('2026-11-23T01:00:00Z')) {
  let now = start.getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

export type Station = Awaited<ReturnType<typeof createStation>>;

/**
 * Dispose this station when the running test ends, whether it passed or failed (vitest's onTestFinished).
 * For stations made inside a test; vitest refuses it in beforeAll, where afterAll disposes. Returns the station.
 */
export function disposeWhenTestEnds<S extends { dispose(): void }>(station: S): S {
  onTestFinished(() => station.dispose());
  return station;
}

type StaffRole = 'admin' | 'counsellor' | 'reception';
export type StaffAccount = readonly [username: string, role: StaffRole];

/** The password `addUser` gives an account by default; copies of a staffed template log in with it. */
export const staffPassword = (username: string) => `${username}-pass-2026`;

/**
 * Staffed stations, built once per test file (worker) and copied for each test: every account costs several
 * scrypt derivations to create, while a copy costs one login each. Keyed by staff and the clock's start.
 */
const staffedTemplates = new Map<string, Promise<{ dataDir: string; recoveryKey: string }>>();

function staffedTemplate(staff: readonly StaffAccount[], clock: Clock | undefined): Promise<{ dataDir: string; recoveryKey: string }> {
  const start = clock?.now().toISOString() ?? 'system';
  const key = JSON.stringify({ staff, start });
  let folder = staffedTemplates.get(key);
  if (!folder) {
    folder = (async () => {
      const template = await createStation(clock ? { clock: manualClock(clock.now()).clock } : {});
      try {
        for (const [username, role] of staff) await template.addUser(username, role);
      } finally {
        template.dispose();
      }
      return { dataDir: template.dataDir, recoveryKey: template.recoveryKey };
    })();
    staffedTemplates.set(key, folder);
  }
  return folder;
}

/** A closed copy of a staffed template's data folder, for a test that rewrites files before anything opens it. */
export async function staffedFolder(staff: readonly StaffAccount[], clock?: Clock): Promise<{ dataDir: string; recoveryKey: string }> {
  const dataDir = tempDir();
  const template = await staffedTemplate(staff, clock);
  fs.cpSync(template.dataDir, dataDir, { recursive: true });
  return { dataDir, recoveryKey: template.recoveryKey };
}

/**
 * A station with these staff accounts, each logged in (`staff[username]` is the session token), the 站长 as
 * `admin`. A copy of a template built once per file: tests stay independent and cost a login per account.
 */
export async function createStaffedStation<const Staff extends readonly StaffAccount[]>(staff: Staff, options: { clock?: Clock; readAheadMs?: number } = {}) {
  const { dataDir, recoveryKey } = await staffedFolder(staff, options.clock);
  const station = await createStation({ ...options, dataDir, existing: { recoveryKey } });
  const tokens = {} as Record<Staff[number][0], string>;
  for (const [username] of staff) tokens[username as Staff[number][0]] = (await station.call(null, 'auth.unlock', { username, password: staffPassword(username) })).sessionToken;
  return { ...station, staff: tokens };
}

/** `readAheadMs`: the hosts' reading ahead after a 站长's unlock, off unless a test is about it (it reads in the background). */
export async function createStation(options: { dataDir?: string; clock?: Clock; keyFaults?: KeyFaults; existing?: { recoveryKey: string }; readAheadMs?: number } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  // The bench station's core is the hosts' core plus bulk seeding, for tests that need volume.
  const bench = createBenchStation({
    dataDir,
    idleCheckMs: 0,
    backupCheckMs: 0,
    readAheadMs: options.readAheadMs ?? 0,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.keyFaults ? { keyFaults: options.keyFaults } : {}),
  });
  const core: Core = bench.core;
  const context = (sessionToken: string | null = null): CallContext => ({ scope: 'staff', transport: 'direct', sessionToken });

  async function raw<M extends MethodName>(sessionToken: string | null, method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    return (await core.call(context(sessionToken), method, input)) as Result<MethodOutput<M>>;
  }
  async function call<M extends MethodName>(sessionToken: string | null, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await raw(sessionToken, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  // An existing station (a copied template) is opened by its 站长's login; a new one is set up.
  const setup = options.existing
    ? { session: await call(null, 'auth.unlock', { username: 'admin', password: adminPassword }), recoveryKey: options.existing.recoveryKey }
    : await call(null, 'setup.create', {
        station: stationInput,
        admin: { username: 'admin', displayName: '王站长', password: adminPassword },
      });

  /** Create a user and log them in with a changed password; returns their session token. */
  async function addUser(username: string, role: StaffRole, password = staffPassword(username)) {
    await call(setup.session.sessionToken, 'users.create', { username, displayName: username, role, temporaryPassword: 'temporary-2026' });
    const session = await call(null, 'auth.unlock', { username, password: 'temporary-2026' });
    await call(session.sessionToken, 'auth.changePassword', { currentPassword: 'temporary-2026', newPassword: password });
    return session.sessionToken;
  }

  // Twice is harmless: a test that disposes mid-way still has its end-of-test hook.
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    core.close();
  };

  return {
    core,
    dataDir,
    admin: setup.session.sessionToken,
    recoveryKey: setup.recoveryKey,
    call,
    raw,
    addUser,
    seedAppointments: bench.seedAppointments,
    /** Core's own connection, for tests that look at the statements core runs (query plans). */
    database: bench.encryptedConnection,
    dispose,
  };
}

/** Every file in the data folder, recursively. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The station's database key as a password (or, with username null, the recovery key) opens it from keyring.json. */
export async function databaseKeyOf(dataDir: string, username: string | null, secret: string): Promise<Buffer> {
  const keyring = readKeyring(path.join(dataDir, 'keyring.json'));
  const opened = await openWithSecret(keyring, username === null ? { kind: 'recovery' } : { kind: 'user', username }, secret);
  if (!opened) throw new Error(`no key for ${username ?? 'recovery'}`);
  return opened.keys.databaseKey;
}
