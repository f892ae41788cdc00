import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/core/createCore.js';
import { Database, type Db } from '../../electron/core/db/driver.js';
import { stationPageCacheKib } from '../../electron/core/db/openDatabase.js';

/** What every bench part measures with: a temp folder, timings and their statistics. */
export const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-bench-'));
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function timed(work: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * The plaintext copy the raw-SQL bound is read from, with the station connection's page cache: beside the encrypted
 * file, only the encryption differs.
 */
export function openPlaintextCopy(file: string): Db {
  const db = new Database(file, { readonly: true });
  db.pragma(`cache_size = -${stationPageCacheKib}`);
  return db;
}

export const staffContext = { scope: 'staff' as const, transport: 'direct' as const };
export type Login = Readonly<{ username: string; password: string }>;

/**
 * Issue 15: unlock = the key derivation (scrypt N=2^17 and unwrapping the slot) + the rest (open,
 * migrate, login rows); the rest ≤ 300 ms on the large station. Core times both parts of each unlock;
 * the quick_check after unlock (backgroundCheck.ts) is timed from its start to its verdict and awaited
 * before the next run. Medians of five runs; the station is left unlocked, with the last run's session.
 */
export async function unlockParts(core: Core, login: Login) {
  const runs: Array<{ unlock: number; kdf: number; rest: number; check: number }> = [];
  let sessionToken = '';
  for (let run = 0; run < 5; run += 1) {
    core.lock('manual');
    const unlock = await timed(async () => {
      const result = await core.call(staffContext, 'auth.unlock', login);
      if (!result.ok) throw new Error(`auth.unlock: ${result.error.message}`);
      sessionToken = (result.value as { sessionToken: string }).sessionToken;
    });
    const parts = core.lastUnlockTiming()!;
    const outcome = await core.backgroundCheck();
    if (outcome?.verdict !== 'sound') throw new Error(`background quick_check: ${outcome?.verdict ?? 'did not run'}`);
    runs.push({ unlock, kdf: parts.kdfMs, rest: parts.restMs, check: outcome.ms });
  }
  const middle = (key: keyof (typeof runs)[number]) => round(median(runs.map((run) => run[key])));
  return { unlockMs: middle('unlock'), kdfMs: middle('kdf'), restMs: middle('rest'), quickCheckMs: middle('check'), sessionToken };
}
