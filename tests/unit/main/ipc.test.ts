import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../../shared/api/methodNames.js';
import type { Core } from '../../../electron/core/createCore.js';
import { bindIpc, sessionTokenIn } from '../../../electron/main/ipc.js';
import { appOrigin } from '../../../electron/main/security.js';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return { handle: (channel: string, handler: Handler) => handlers.set(channel, handler), handlers };
}

function event(url: string, mainFrame = true) {
  const frame = { url };
  return { senderFrame: frame, sender: { id: 7, mainFrame: mainFrame ? frame : { url } } };
}

describe('the IPC bridge', () => {
  const calls: unknown[][] = [];
  const core = {
    call: async (...args: unknown[]) => {
      calls.push(args);
      return { ok: true, value: { sessionToken: 'session-1' } };
    },
  } as unknown as Core;

  it('passes calls from our own main frame to core with the session token', async () => {
    const ipc = fakeIpc();
    bindIpc(ipc as never, core);
    const result = await ipc.handlers.get(ipcChannels.call)!(event(`${appOrigin}/`), 'app.status', {}, 'tok');
    expect(result).toEqual({ ok: true, value: { sessionToken: 'session-1' } });
    expect(calls.at(-1)).toEqual([{ scope: 'staff', transport: 'ipc', sessionToken: 'tok' }, 'app.status', {}]);
  });

  it('refuses a foreign origin or a sub-frame before core sees anything', async () => {
    const ipc = fakeIpc();
    bindIpc(ipc as never, core);
    const before = calls.length;
    expect(await ipc.handlers.get(ipcChannels.call)!(event('https://evil.example/'), 'app.status', {}, null)).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    expect(await ipc.handlers.get(ipcChannels.call)!(event(`${appOrigin}/`, false), 'app.status', {}, null)).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    expect(calls.length).toBe(before);
  });

  it('calls from a kiosk window are kiosk-scoped, and opening a kiosk asks main for its window', async () => {
    const ipc = fakeIpc();
    const opened: string[] = [];
    const kioskCore = {
      call: async (...args: unknown[]) => {
        calls.push(args);
        return { ok: true, value: { path: '/kiosk?token=k&session=s', token: 'k', sessionToken: 's' } };
      },
    } as unknown as Core;
    const bridge = bindIpc(ipc as never, kioskCore, { onKioskOpened: (path) => opened.push(path) });
    await ipc.handlers.get(ipcChannels.call)!(event(`${appOrigin}/`), 'kiosk.open', {}, 'staff-session');
    expect(opened).toEqual(['/kiosk?token=k&session=s']);
    bridge.markKiosk(7);
    await ipc.handlers.get(ipcChannels.call)!(event(`${appOrigin}/kiosk`), 'kiosk.info', {}, 's');
    expect(calls.at(-1)?.[0]).toEqual({ scope: 'kiosk', transport: 'ipc', sessionToken: 's' });
  });

  it('finds the session token a result hands out', () => {
    expect(sessionTokenIn({ ok: true, value: { sessionToken: 'a' } })).toBe('a');
    expect(sessionTokenIn({ ok: true, value: { session: { sessionToken: 'b' }, recoveryKey: 'x' } })).toBe('b');
    expect(sessionTokenIn({ ok: false, error: { code: 'INTERNAL', message: '' } })).toBeNull();
  });
});
