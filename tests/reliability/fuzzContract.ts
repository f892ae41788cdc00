import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { contract, type MethodName } from '../../shared/api/contract/index.js';
import { methodNames } from '../../shared/api/methodNames.js';
import { isErrorCode } from '../../shared/api/errors.js';
import { createCore } from '../../electron/core/createCore.js';
import type { Db } from '../../electron/core/db/driver.js';
import { openEncryptedDatabase } from '../../electron/core/db/openDatabase.js';
import type { CallContext } from '../../electron/core/dispatch.js';
import { chineseAuditWord } from '../../shared/audit/words/index.js';
import { databaseKeyOf } from '../integration/helpers/station.js';
import { arbitraryFor } from './zodArbitrary.js';

/**
 * Every contract method, as every role, with inputs generated from its zod schema and pure random
 * JSON. A call must answer ok, or `{ ok:false }` with a known code that is not INTERNAL; a refused
 * call must leave the database's content as it was (the audit trail, which records refusals, aside).
 * Shared by the vitest project (short form) and `npm run soak` (long form).
 */
export type Role = 'admin' | 'counsellor' | 'reception' | 'kiosk' | 'none';
export const roles: readonly Role[] = ['admin', 'counsellor', 'reception', 'kiosk', 'none'];

/**
 * Calls that end or replace the sessions the run shares (lock, password and account changes, the
 * kiosk's exit, restore) or that cost a key derivation or a whole backup each. On the shared station
 * they get random JSON that is never an object (always refused at the schema, after the access
 * check), so one lucky valid input cannot lock the shared sessions; their schema-shaped inputs then
 * run a few at a time on fresh stations of their own.
 */
const sessionEnding = new Set<MethodName>([
  'auth.lock',
  'auth.unlock',
  'auth.recover',
  'auth.changePassword',
  'setup.create',
  'users.create',
  'users.setDisabled',
  'users.resetPassword',
  'kiosk.open',
  'kiosk.close',
  'kiosk.exit',
  'backup.create',
  'backup.restore',
  'recovery.restore',
]);

export type Failure = Readonly<{ role: Role; method: string; input: unknown; problem: string }>;

const password = 'fuzz-station-pass-2026';

/** One station for the whole run, with a few rows of each kind so small ids find something. */
async function fuzzStation(dataDir: string) {
  const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  const direct = (sessionToken: string | null): CallContext => ({ scope: 'staff', transport: 'direct', sessionToken });
  const must = async (token: string | null, method: MethodName, input: unknown) => {
    const result = await core.call(direct(token), method, input);
    if (!result.ok) throw new Error(`fuzz setup: ${method} ${result.error.code} ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  const setup = await must(null, 'setup.create', {
    station: { name: '模糊测试社会心理服务站', level: 'street', regionCode: '500118001' },
    admin: { username: 'admin', displayName: '站长', password },
  });
  const admin = (setup.session as { sessionToken: string }).sessionToken;
  const login = async (username: string, role: string) => {
    await must(admin, 'users.create', { username, displayName: username, role, temporaryPassword: 'temporary-2026' });
    const session = await must(null, 'auth.unlock', { username, password: 'temporary-2026' });
    await must(session.sessionToken as string, 'auth.changePassword', { currentPassword: 'temporary-2026', newPassword: password });
    return session.sessionToken as string;
  };
  const counsellor = await login('zixun', 'counsellor');
  const reception = await login('qiantai', 'reception');
  await must(admin, 'rooms.add', { name: '一号咨询室', kind: 'counselling' });
  await must(counsellor, 'clients.register', { name: '张三', gender: 'female', source: 'walk_in' });
  const kiosk = await must(counsellor, 'kiosk.open', { scaleIds: ['PHQ-9', 'GAD-7'], pin: '2468' });
  const contexts: Record<Role, CallContext> = {
    admin: direct(admin),
    counsellor: direct(counsellor),
    reception: direct(reception),
    kiosk: { scope: 'kiosk', transport: 'http', sessionToken: kiosk.sessionToken as string },
    none: direct(null),
  };
  return { core, contexts };
}

/** Hash of every row of every table but the audit trail (which records refusals on purpose). */
function contentHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    // Some tables are WITHOUT ROWID: sort the serialised rows instead of relying on rowid order.
    const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
    hash.update(`${name}\n${rows.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

type Tally = { calls: number; failures: Failure[]; byCode: Record<string, number> };
type Call = [MethodName, Role, unknown];

/**
 * A read-only eye on a station's content: WAL lets it read beside the core's writer, and `data_version`
 * moves only when another connection commits, so it hashes again only then. A key rotation writes a new
 * database file (VACUUM INTO, then a swap): the eye follows the file it watches to its new key.
 */
async function contentWatcher(dataDir: string) {
  const file = path.join(dataDir, 'xinyi.db');
  const open = async () => ({ db: openEncryptedDatabase(file, await databaseKeyOf(dataDir, 'admin', password), { readonly: true }), inode: fs.statSync(file).ino });
  let watched = await open();
  let seenVersion = -1;
  let lastHash = '';
  const current = async (): Promise<string> => {
    if (fs.statSync(file).ino !== watched.inode) {
      watched.db.close();
      watched = await open();
      seenVersion = -1;
    }
    const version = watched.db.pragma('data_version', { simple: true }) as number;
    if (version !== seenVersion) {
      seenVersion = version;
      lastHash = contentHash(watched.db);
    }
    return lastHash;
  };
  /** Object types and detail keys the audit rows written so far use that have no Chinese word (none may). */
  const unnamedAuditCodes = (): string[] => {
    const rows = watched.db.prepare('SELECT DISTINCT action, object_type AS objectType, detail FROM audit_log').all() as Array<{ action: string; objectType: string | null; detail: string }>;
    const unnamed = new Set<string>();
    for (const row of rows) {
      if (row.objectType !== null && chineseAuditWord('objects', row.objectType) === undefined) unnamed.add(`${row.action}: object ${row.objectType}`);
      for (const key of Object.keys(JSON.parse(row.detail) as object)) if (chineseAuditWord('details', key) === undefined) unnamed.add(`${row.action}: detail ${key}`);
    }
    return [...unnamed];
  };
  return { current, unnamedAuditCodes, close: () => watched.db.close() };
}

/** Runs `runs` calls drawn from `calls` on one fresh fuzz station, checking every answer (see the top of this file). */
async function fuzzOneStation(calls: fc.Arbitrary<Call>, runs: number, seed: number | undefined, tally: Tally): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-fuzz-'));
  const { core, contexts } = await fuzzStation(dataDir);
  const watcher = await contentWatcher(dataDir);
  let before = await watcher.current();
  try {
    await fc.assert(
      fc.asyncProperty(calls, async ([method, role, input]) => {
        tally.calls += 1;
        let result;
        try {
          result = await core.call(contexts[role], method, input);
        } catch (error) {
          tally.failures.push({ role, method, input, problem: `threw ${(error as Error).name}: ${(error as Error).message}` });
          return true;
        }
        const after = await watcher.current();
        const code = result.ok ? 'ok' : result.error.code;
        tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
        if (!result.ok) {
          if (!isErrorCode(result.error.code) || result.error.code === 'INTERNAL') tally.failures.push({ role, method, input, problem: `code ${result.error.code}` });
          else if (!/[\u4e00-\u9fff]/.test(result.error.message)) tally.failures.push({ role, method, input, problem: `message not Chinese: ${result.error.message}` });
          else if (after !== before) tally.failures.push({ role, method, input, problem: `refused with ${result.error.code} but the database changed` });
        }
        before = after;
        return true; // failures are collected, not shrunk: the whole list is the report
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
    );
    for (const code of watcher.unnamedAuditCodes()) tally.failures.push({ role: 'admin', method: code, input: null, problem: 'an audit row uses a code without a Chinese word' });
  } finally {
    watcher.close();
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Calls of the session-ending methods per fresh station: after a lucky valid lock the rest only meet the login. */
const sessionEndingBatch = 25;

export async function runContractFuzz(options: { runs: number; seed?: number }): Promise<Tally & { sessionEndingCalls: number }> {
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-fuzz-files-'));
  const tally: Tally = { calls: 0, failures: [], byCode: {} };
  const shaped = (method: MethodName) =>
    fc.oneof({ weight: 9, arbitrary: arbitraryFor(contract[method].input, { scratchDir }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
  const callsOf = (methods: MethodName[], input: (method: MethodName) => fc.Arbitrary<unknown>) => {
    const inputs = new Map(methods.map((method) => [method, input(method)]));
    return fc.constantFrom(...methods).chain((method) => fc.tuple(fc.constant(method), fc.constantFrom(...roles), inputs.get(method)!));
  };
  const ending = methodNames.filter((method) => sessionEnding.has(method));
  // On the shared station the session-ending methods get only input that is never an object (refused at the
  // schema, after the access check); their schema-shaped inputs run below, a few at a time on fresh stations.
  const shared = callsOf([...methodNames], (method) =>
    sessionEnding.has(method) ? fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })) : shaped(method),
  );
  const sessionEndingCalls = Math.max(ending.length * 2, Math.round(options.runs / 50));
  try {
    await fuzzOneStation(shared, options.runs, options.seed, tally);
    for (let done = 0, batch = 0; done < sessionEndingCalls; done += sessionEndingBatch, batch += 1) {
      const seed = options.seed === undefined ? undefined : options.seed + batch + 1;
      await fuzzOneStation(callsOf(ending, shaped), Math.min(sessionEndingBatch, sessionEndingCalls - done), seed, tally);
    }
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
  return { ...tally, sessionEndingCalls };
}
