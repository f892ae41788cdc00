import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../../shared/api/methodNames.js';
import { bindIpc } from '../../../electron/main/ipc.js';
import { appOrigin } from '../../../electron/main/security.js';
import { adminPassword, createStation, disposeWhenTestEnds } from '../helpers/station.js';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** The IPC bridge over a real core: a window that unlocked hears the lock, whatever caused it. */
describe('IPC events', () => {
  it.each(['idle', 'system'] as const)('a %s lock reaches the window that held the session', async (reason) => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'auth.lock', {});
    const handlers = new Map<string, Handler>();
    const bridge = bindIpc({ handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never, station.core);
    const frame = { url: `${appOrigin}/` };
    const sent: unknown[][] = [];
    const window = { id: 7, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    bridge.forwardEvents(window as never);
    const unlocked = await handlers.get(ipcChannels.call)!({ senderFrame: frame, sender: { id: 7, mainFrame: frame } }, 'auth.unlock', { username: 'admin', password: adminPassword }, null);
    expect(unlocked).toMatchObject({ ok: true });
    station.core.lock(reason);
    expect(sent).toContainEqual([ipcChannels.event, 'session.locked', { reason }]);
  });
});
