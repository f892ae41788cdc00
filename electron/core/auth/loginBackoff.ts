import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomicWrite.js';

/**
 * Failed unlocks back off per account (security-reliability.md AUTH-2; 等保 登录失败处理): the first
 * five failures cost only the KDF; from the fifth on, the account waits 30 s, doubling up to 15 min.
 * The state lives in a small file beside the database (never inside it: a wrong password must not
 * touch the database or the keyring), so a restart or the CLI does not reset the count.
 */
export const freeAttempts = 5;
export const loginAttemptsFileName = 'login-attempts.json';
const firstDelayMs = 30_000;
const maxDelayMs = 15 * 60_000;
const maxPending = 1000;

const entrySchema = z.object({ failures: z.number().int().nonnegative(), blockedUntilMs: z.number().nonnegative() });
const attemptSchema = z.object({ account: z.string().max(200), at: z.string(), kind: z.enum(['password', 'recovery']) });
const stateSchema = z.object({
  format: z.literal('xinyi-login-attempts'),
  entries: z.record(z.string().max(200), entrySchema),
  pending: z.array(attemptSchema).max(maxPending),
});
type StoredState = z.infer<typeof stateSchema>;
type Entry = z.infer<typeof entrySchema>;

export type FailedAttempt = Readonly<{ account: string; at: Date; kind: 'password' | 'recovery' }>;

export class LoginBackoff {
  private readonly entries = new Map<string, Entry>();
  /** Failures not yet in the audit trail: audited at the next unlock, when the database is open. */
  private pending: FailedAttempt[] = [];

  /** `file`: where the state survives restarts; without one (the kiosk PIN) it lives in memory. */
  constructor(private readonly file: string | null = null) {
    const stored = file ? readState(file) : null;
    for (const [account, entry] of Object.entries(stored?.entries ?? {})) this.entries.set(account, entry);
    this.pending = (stored?.pending ?? []).map((attempt) => ({ ...attempt, at: new Date(attempt.at) }));
  }

  /** Milliseconds the account must still wait, or 0. */
  waitMs(account: string, nowMs: number): number {
    const entry = this.entries.get(account);
    return entry ? Math.max(0, entry.blockedUntilMs - nowMs) : 0;
  }

  /**
   * Count a failure. `audited` says it is already in the audit trail (the database was open);
   * otherwise it waits in the file for the next unlock.
   */
  fail(account: string, kind: FailedAttempt['kind'], now: Date, audited = false): void {
    const entry = this.entries.get(account) ?? { failures: 0, blockedUntilMs: 0 };
    entry.failures += 1;
    if (entry.failures >= freeAttempts) {
      const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** (entry.failures - freeAttempts));
      entry.blockedUntilMs = now.getTime() + delay;
    }
    this.entries.set(account, entry);
    if (!audited && this.pending.length < maxPending) this.pending.push({ account, at: now, kind });
    this.save();
  }

  succeed(account: string): void {
    if (this.entries.delete(account)) this.save();
  }

  /** Hand the pending failures to the audit trail; call `save` once they are committed. */
  peekPending(): readonly FailedAttempt[] {
    return this.pending;
  }

  clearPending(count: number): void {
    if (count === 0) return;
    this.pending = this.pending.slice(count);
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    const state: StoredState = {
      format: 'xinyi-login-attempts',
      entries: Object.fromEntries(this.entries),
      pending: this.pending.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
    };
    try {
      writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
    } catch {
      // A read-only folder must not let a guess through or fail the login: the count still holds in memory.
    }
  }
}

/** A missing or damaged file starts afresh: whoever can edit it could also copy the database away. */
function readState(file: string): StoredState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
