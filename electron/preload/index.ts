// Sandboxed preload: one function per contract method, plus the event channel. Nothing else from
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

contextBridge.exposeInMainWorld('api', api);
