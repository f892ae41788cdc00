import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
    expect(backoff.peekPending()).toHaveLength(16);
    backoff.clearPending(16);
    expect(backoff.peekPending()).toHaveLength(0);
  });

  it('survives a restart through its file, and keeps failures already audited out of the pending list', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-backoff-')), 'login-attempts.json');
    const now = new Date('2026-01-01T00:00:00Z');
    const first = new LoginBackoff(file);
    for (let i = 0; i < 5; i += 1) first.fail('a', 'password', now, i === 0);
    const second = new LoginBackoff(file);
    expect(second.waitMs('a', now.getTime())).toBe(30_000);
    expect(second.peekPending().map((attempt) => attempt.at.toISOString())).toEqual(Array(4).fill(now.toISOString()));
    fs.writeFileSync(file, '{ not json');
    expect(new LoginBackoff(file).waitMs('a', now.getTime())).toBe(0);
  });
});
