import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import type { ApiClient, EventListener } from '../../../renderer/src/api/client.js';
import { provideApi } from '../../../renderer/src/api/provide.js';
import { useSessionStore } from '../../../renderer/src/shared/stores/session.js';

/** The session store of an app whose API is `api`. */
function storeWith(api: ApiClient) {
  const app = createApp({});
  provideApi(app, api);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return app.runWithContext(() => useSessionStore());
}

describe('session store', () => {
  it('leaves for the problem page, dropping the session, when the check after unlock finds damage', () => {
    const listeners: EventListener[] = [];
    const sessions: Array<string | null> = [];
    const api: ApiClient = {
      call: vi.fn(),
      setSession: (token) => sessions.push(token),
      onEvent: (listener) => {
        listeners.push(listener);
        return () => {};
      },
    };
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    storeWith(api);
    for (const listener of listeners) listener({ name: 'station.damaged', payload: { message: '数据库完整性检查未通过：文件已损坏。' } });
    expect(assign).toHaveBeenCalledWith('/problem');
    expect(sessions).toEqual([null]);
    assign.mockRestore();
  });

  it('a lock on purpose (opening the kiosk) takes its last step before leaving, even when its own lock event arrives first', async () => {
    const listeners: EventListener[] = [];
    const steps: string[] = [];
    const api: ApiClient = {
      call: vi.fn(async (method: string) => {
        // Core tells every screen before it answers: the event reaches this tab first.
        if (method === 'auth.lock') for (const listener of listeners) listener({ name: 'session.locked', payload: { reason: 'kiosk' } });
        return { ok: true };
      }) as unknown as ApiClient['call'],
      setSession: () => undefined,
      onEvent: (listener) => {
        listeners.push(listener);
        return () => {};
      },
    };
    const assign = vi.spyOn(window.location, 'assign').mockImplementation((url) => void steps.push(`leave ${String(url)}`));
    const store = storeWith(api);
    store.current = { user: { id: 2, username: 'zixun1', displayName: '李咨询', role: 'counsellor', mustChangePassword: false } } as never;
    await store.lock('kiosk', () => steps.push('open kiosk tab'));
    expect(api.call).toHaveBeenCalledWith('auth.lock', { reason: 'kiosk' });
    expect(steps).toEqual(['open kiosk tab', 'leave /login?reason=kiosk']);
    assign.mockRestore();
  });
});
