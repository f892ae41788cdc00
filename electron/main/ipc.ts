import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { apiError, type Result } from '../../shared/api/errors.js';
import { ipcChannels } from '../../shared/api/methodNames.js';
import type { Core } from '../core/createCore.js';
import { isTrustedSender } from './security.js';

/** A session token a result hands to the window (unlock, recover, setup). */
export function sessionTokenIn(result: Result<unknown>): string | null {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return null;
  const value = result.value as { sessionToken?: unknown; session?: { sessionToken?: unknown } };
  const token = value.sessionToken ?? value.session?.sessionToken;
  return typeof token === 'string' ? token : null;
}

/**
 * The one IPC channel: `invoke(call, method, input, sessionToken)`. Each sender is checked to be our
 * own main frame before core sees anything (VS Code's validatedIpcMain pattern). The bridge also
 * remembers which session each window holds, so events reach only the roles allowed to see them.
 */
export type IpcOptions = Readonly<{
  /** Staff opened the kiosk: main shows it in its own full-screen window. */
  onKioskOpened?: (path: string) => void;
}>;

export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Core, options: IpcOptions = {}) {
  const sessionByWindow = new Map<number, string | null>();
  /** Windows showing the resident kiosk: their calls are kiosk-scoped whatever they send. */
  const kioskWindows = new Set<number>();

  ipcMain.handle(ipcChannels.call, async (event: IpcMainInvokeEvent, method: unknown, input: unknown, sessionToken: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      return { ok: false, error: apiError('BAD_ORIGIN') };
    }
    const token = typeof sessionToken === 'string' ? sessionToken : null;
    const scope = kioskWindows.has(event.sender.id) ? 'kiosk' : 'staff';
    const result = await core.call({ scope, transport: 'ipc', sessionToken: token }, String(method), input);
    sessionByWindow.set(event.sender.id, sessionTokenIn(result) ?? token);
    if (scope === 'staff' && method === 'kiosk.open' && result.ok) options.onKioskOpened?.((result.value as { path: string }).path);
    return result;
  });

  function forwardEvents(target: WebContents): () => void {
    // The window's session is looked up on every event: a locked or disabled one hears nothing more.
    return core.events.subscribe((event) => {
      if (target.isDestroyed() || !core.mayReceive(sessionByWindow.get(target.id), event)) return;
      target.send(ipcChannels.event, event.name, event.payload);
    });
  }

  return { forwardEvents, markKiosk: (windowId: number) => kioskWindows.add(windowId) };
}
