import { describe, expect, it, vi } from 'vitest';
import { ApiCallError, createHttpClient, takeLaunchToken } from '../../../renderer/src/api/client.js';

describe('renderer API client', () => {
  it('takes the launch token from the URL, keeps it for the tab and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/login?token=abc123&reason=idle');
    expect(takeLaunchToken(window.location, window.sessionStorage, window.history)).toBe('abc123');
    expect(window.location.search).toBe('?reason=idle');
    window.history.replaceState(null, '', '/');
    expect(takeLaunchToken(window.location, window.sessionStorage, window.history)).toBe('abc123');
  });

  it('sends the token and session headers, and turns errors into ApiCallError', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '您的账号无权执行此操作。' } })));
    vi.stubGlobal('fetch', fetchMock);
    const client = createHttpClient('launch', 'http://127.0.0.1:1');
    await expect(client.call('users.list', {})).rejects.toBeInstanceOf(ApiCallError);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:1/api/users.list');
    expect(init.headers).toMatchObject({ 'x-xinyi-token': 'launch', 'content-type': 'application/json' });
    vi.unstubAllGlobals();
  });

  it('turns a LOCKED answer into a lock event for the screens holding a session', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) =>
      url.endsWith('/events')
        ? new Response(null, { status: 401 })
        : new Response(JSON.stringify({ ok: false, error: { code: 'LOCKED', message: '工作台已锁定，请重新登录。' } })),
    ));
    const client = createHttpClient('launch', 'http://127.0.0.1:1');
    const events: string[] = [];
    client.onEvent((event) => events.push(event.name));
    client.setSession('s1');
    await expect(client.call('station.get', {})).rejects.toMatchObject({ code: 'LOCKED' });
    expect(events).toEqual(['session.locked']);
    client.setSession(null);
    vi.unstubAllGlobals();
  });
});
