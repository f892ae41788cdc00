import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role } from '../../../../shared/api/access.js';
import type { MethodInput } from '../../../../shared/api/contract/index.js';
import type { AppStatus, LockReason, SessionInfo } from '../../../../shared/api/schemas/auth.js';
import { useApi } from '../../api/provide.js';

type SessionUser = Omit<SessionInfo, 'sessionToken'>;

/**
 * Who is logged in and what phase the station is in. The session token lives only in memory:
 * a lock reloads the page, which drops every store and everything on screen.
 */
export const useSessionStore = defineStore('session', () => {
  const api = useApi();
  const status = ref<AppStatus | null>(null);
  const current = ref<SessionUser | null>(null);

  const user = computed(() => current.value?.user ?? null);
  const role = computed<Role | null>(() => current.value?.user.role ?? null);

  function begin(info: SessionInfo): void {
    api.setSession(info.sessionToken);
    const { sessionToken: _token, ...rest } = info;
    current.value = rest;
  }

  async function refreshStatus(): Promise<AppStatus> {
    status.value = await api.call('app.status', {});
    return status.value;
  }

  async function setup(input: MethodInput<'setup.create'>): Promise<string> {
    const result = await api.call('setup.create', input);
    begin(result.session);
    await refreshStatus();
    return result.recoveryKey;
  }

  async function unlock(username: string, password: string): Promise<void> {
    begin(await api.call('auth.unlock', { username, password }));
    await refreshStatus();
  }

  async function recover(input: MethodInput<'auth.recover'>): Promise<void> {
    begin(await api.call('auth.recover', input));
    await refreshStatus();
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await api.call('auth.changePassword', { currentPassword, newPassword });
    if (current.value) current.value = { ...current.value, user: { ...current.value.user, mustChangePassword: false } };
  }

  /** Leave no trace in the window: a full reload to the lock screen. */
  function clearAndShowLogin(reason: LockReason): void {
    api.setSession(null);
    current.value = null;
    window.location.assign(`/login?reason=${reason}`);
  }

  /** Set while this tab locks on purpose: it leaves by itself, after its own last step, not on the lock event it causes. */
  let leaving = false;

  // Every screen, inside the workbench or not (the password page), leaves on a lock.
  api.onEvent((event) => {
    if (event.name === 'session.locked' && current.value && !leaving) clearAndShowLogin(event.payload.reason);
    // The check after unlock found the file damaged: writes are refused now; show the problem and the restore offer.
    if (event.name === 'station.damaged') {
      api.setSession(null);
      current.value = null;
      window.location.assign('/problem');
    }
  });

  /** Lock the station's workbench; `lastStep` runs once staff sessions have ended, just before this tab leaves. */
  async function lock(reason: 'manual' | 'kiosk' = 'manual', lastStep: () => void = () => undefined): Promise<void> {
    leaving = true;
    try {
      await api.call('auth.lock', { reason });
    } finally {
      lastStep();
      clearAndShowLogin(reason);
    }
  }

  return { status, current, user, role, refreshStatus, setup, unlock, recover, changePassword, lock, clearAndShowLogin };
});
