import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import type { ApiClient, EventListener } from '../../../renderer/src/api/client.js';
import { provideApi } from '../../../renderer/src/api/provide.js';
import { useSessionStore } from '../../../renderer/src/shared/stores/session.js';

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
    const app = createApp({});
    provideApi(app, api);
    const pinia = createPinia();
    app.use(pinia);
    setActivePinia(pinia);
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    app.runWithContext(() => useSessionStore());
    for (const listener of listeners) listener({ name: 'station.damaged', payload: { message: '数据库完整性检查未通过：文件已损坏。' } });
    expect(assign).toHaveBeenCalledWith('/problem');
    expect(sessions).toEqual([null]);
    assign.mockRestore();
  });
});
