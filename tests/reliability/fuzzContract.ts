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
 * kiosk's exit, restore) or that cost a key derivation or a whole backup each: fuzzed with random
 * JSON that is never an object (so always refused at the schema, after the access check), so one
 * lucky valid input cannot lock the shared sessions. Their valid paths have their own tests.
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

export async function runContractFuzz(options: { runs: number; seed?: number }): Promise<{ calls: number; failures: Failure[]; byCode: Record<string, number> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-fuzz-'));
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-fuzz-files-'));
  const { core, contexts } = await fuzzStation(dataDir);
  // A second, read-only connection to watch the content; WAL lets it read beside the core's writer.
  const watcher = openEncryptedDatabase(path.join(dataDir, 'xinyi.db'), await databaseKeyOf(dataDir, 'admin', password), { readonly: true });
  // data_version moves only when another connection commits: hash again only then.
  const dataVersion = () => watcher.pragma('data_version', { simple: true }) as number;
  let seenVersion = dataVersion();
  let lastHash = contentHash(watcher);
  const changedSince = (): string => {
    const version = dataVersion();
    if (version === seenVersion) return lastHash;
    seenVersion = version;
    return contentHash(watcher);
  };
  const failures: Failure[] = [];
  const byCode: Record<string, number> = {};
  let calls = 0;

  const inputs = new Map<MethodName, fc.Arbitrary<unknown>>(
    methodNames.map((method) => [
      method,
      sessionEnding.has(method)
        ? fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }))
        : fc.oneof({ weight: 9, arbitrary: arbitraryFor(contract[method].input, { scratchDir }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
    ]),
  );
  const call = fc.constantFrom(...methodNames).chain((method) =>
    fc.tuple(fc.constant(method), fc.constantFrom(...roles), inputs.get(method)!),
  );

  try {
    await fc.assert(
      fc.asyncProperty(call, async ([method, role, input]) => {
        calls += 1;
        let result;
        try {
          result = await core.call(contexts[role], method, input);
        } catch (error) {
          failures.push({ role, method, input, problem: `threw ${(error as Error).name}: ${(error as Error).message}` });
          return true;
        }
        const now = changedSince();
        const code = result.ok ? 'ok' : result.error.code;
        byCode[code] = (byCode[code] ?? 0) + 1;
        if (!result.ok) {
          if (!isErrorCode(result.error.code) || result.error.code === 'INTERNAL') failures.push({ role, method, input, problem: `code ${result.error.code}` });
          else if (!/[\u4e00-\u9fff]/.test(result.error.message)) failures.push({ role, method, input, problem: `message not Chinese: ${result.error.message}` });
          else if (now !== lastHash) failures.push({ role, method, input, problem: `refused with ${result.error.code} but the database changed` });
        }
        lastHash = now;
        return true; // failures are collected, not shrunk: the whole list is the report
      }),
      { numRuns: options.runs, ...(options.seed === undefined ? {} : { seed: options.seed }), endOnFailure: true },
    );
  } finally {
    watcher.close();
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
  return { calls, failures, byCode };
}
