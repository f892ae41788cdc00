import { describe, expect, it } from 'vitest';
import { LoginBackoff } from '../../../electron/core/auth/loginBackoff.js';

describe('login back-off', () => {
  it('is free for four failures, then waits 30 s, doubling, capped at 15 minutes', () => {
    const backoff = new LoginBackoff();
    const now = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 4; i += 1) backoff.fail('a', 'password', now);
    expect(backoff.waitMs('a', now.getTime())).toBe(0);
    backoff.fail('a', 'password', now);
    expect(backoff.waitMs('a', now.getTime())).toBe(30_000);
    backoff.fail('a', 'password', now);
    expect(backoff.waitMs('a', now.getTime())).toBe(60_000);
    for (let i = 0; i < 10; i += 1) backoff.fail('a', 'password', now);
    expect(backoff.waitMs('a', now.getTime())).toBe(15 * 60_000);
    expect(backoff.waitMs('b', now.getTime())).toBe(0);
    backoff.succeed('a');
    expect(backoff.waitMs('a', now.getTime())).toBe(0);
    expect(backoff.takePending()).toHaveLength(16);
    expect(backoff.takePending()).toHaveLength(0);
  });
});
