import { describe, expect, it } from 'vitest';
import { AuthService } from '../../../electron/core/auth/authService.js';
import { LoginBackoff } from '../../../electron/core/auth/loginBackoff.js';
import { SessionStore } from '../../../electron/core/auth/sessionStore.js';
import { systemClock } from '../../../electron/core/clock.js';
import { EventBus } from '../../../electron/core/events.js';
import { Serial } from '../../../electron/core/serial.js';
import { Operations } from '../../../electron/core/operations.js';
import type { Vault } from '../../../electron/core/vault.js';

describe('locking', () => {
  it('closes the database, ends sessions and tells screens even when its audit row cannot be written (disk full)', () => {
    let closed = false;
    const vault = {
      isOpen: () => !closed,
      write: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
      close: () => {
        closed = true;
      },
    } as unknown as Vault;
    const sessions = new SessionStore();
    const session = sessions.create({ userId: 1, username: 'admin', displayName: '站长', role: 'admin', mustChangePassword: false }, 0);
    const events = new EventBus();
    const heard: string[] = [];
    events.subscribe((event) => heard.push(event.name));
    const auth = new AuthService({ vault, sessions, backoff: new LoginBackoff(), clock: systemClock, events, keyringWork: new Serial(), operations: new Operations(events), kioskActive: () => false });
    auth.lock('idle', null);
    expect(closed).toBe(true);
    expect(sessions.get(session.token)).toBeNull();
    expect(heard).toEqual(['session.locked']);
  });
});
