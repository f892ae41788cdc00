// Sandboxed preload: one function per contract method, plus the event channel and print. Nothing else from
// Electron or Node reaches the page (DESIGN.md §2: preload imports only electron and the name list).
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, methodNames } from '../../shared/api/methodNames.js';

const api: Record<string, unknown> = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown, sessionToken: string | null) => ipcRenderer.invoke(ipcChannels.call, name, input, sessionToken)]),
);

api.onEvent = (listener: (name: string, payload: unknown) => void) => {
  const handler = (_event: unknown, name: string, payload: unknown) => listener(name, payload);
  ipcRenderer.on(ipcChannels.event, handler);
  return () => ipcRenderer.removeListener(ipcChannels.event, handler);
};

// Printing is no contract method (no core, no data): main prints or saves this window's print view.
api.print = (request: unknown) => ipcRenderer.invoke(ipcChannels.print, request);

contextBridge.exposeInMainWorld('api', api);
