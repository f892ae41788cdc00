import { eventContract, type AppEvent } from '../../shared/api/events.js';
import type { Session, SessionStore } from './auth/sessionStore.js';
import type { EventBus } from './events.js';
import { canReachClientCases } from './repositories/casesRepo.js';
import { openAlertClient } from './repositories/scalesRepo.js';
import type { Vault } from './vault.js';

/**
 * Who hears an event, decided per event and per session, for every transport: the role must be in
 * the event's contract, and an alert about a client goes only to those who reach the client's cases
 * (an anonymous kiosk alert goes to all clinical staff, the contract's roles).
 */
export function mayReceive(vault: Vault, session: Session, event: AppEvent): boolean {
  const roles: readonly string[] = eventContract[event.name].roles;
  if (!roles.includes(session.role)) return false;
  if (event.name !== 'alert.raised' || session.role === 'admin') return true;
  if (!vault.isOpen() || session.userId === null) return false;
  const alert = openAlertClient(vault.connection(), event.payload.alertId);
  if (!alert) return false;
  return alert.clientId === null || canReachClientCases(vault.connection(), alert.clientId, { userId: session.userId, seesAll: false });
}

export type EventStream = Readonly<{
  /** Subscribe one stream to one session: `end` runs once, when the session is gone, locked or disabled. */
  subscribe(token: string, deliver: (event: AppEvent) => void, end: () => void): () => void;
  /** Re-check every open stream's session now (after each call: a disable or reset ends its streams at once). */
  sweep(): void;
}>;

export function createEventStreams(vault: Vault, sessions: SessionStore, events: EventBus): EventStream {
  const checks = new Set<() => void>();
  return {
    subscribe(token, deliver, end) {
      let open = true;
      const stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        checks.delete(check);
      };
      const finish = () => {
        stop();
        end();
      };
      const check = () => {
        if (open && !sessions.get(token)) finish();
      };
      const unsubscribe = events.subscribe((event) => {
        const session = sessions.get(token);
        if (!session) return finish();
        if (!mayReceive(vault, session, event)) return;
        deliver(event);
        if (event.name === 'session.locked') finish();
      });
      checks.add(check);
      return stop;
    },
    sweep() {
      for (const check of [...checks]) check();
    },
  };
}
