/**
 * Failed unlocks back off per account (security-reliability.md AUTH-2; 等保 登录失败处理): the first
 * five failures cost only the KDF; from the fifth on, the account waits 30 s, doubling up to 15 min.
 * Kept in memory so that a wrong password changes nothing on disk.
 */
export const freeAttempts = 5;
const firstDelayMs = 30_000;
const maxDelayMs = 15 * 60_000;

type Entry = { failures: number; blockedUntilMs: number };

export type FailedAttempt = Readonly<{ account: string; at: Date; kind: 'password' | 'recovery' }>;

export class LoginBackoff {
  private readonly entries = new Map<string, Entry>();
  /** Failures are audited at the next successful unlock, when the database is open again. */
  private pending: FailedAttempt[] = [];

  /** Milliseconds the account must still wait, or 0. */
  waitMs(account: string, nowMs: number): number {
    const entry = this.entries.get(account);
    return entry ? Math.max(0, entry.blockedUntilMs - nowMs) : 0;
  }

  fail(account: string, kind: FailedAttempt['kind'], now: Date): void {
    const entry = this.entries.get(account) ?? { failures: 0, blockedUntilMs: 0 };
    entry.failures += 1;
    if (entry.failures >= freeAttempts) {
      const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** (entry.failures - freeAttempts));
      entry.blockedUntilMs = now.getTime() + delay;
    }
    this.entries.set(account, entry);
    if (this.pending.length < 1000) this.pending.push({ account, at: now, kind });
  }

  succeed(account: string): void {
    this.entries.delete(account);
  }

  takePending(): FailedAttempt[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}
