import { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { createCore, type Core } from '../core/createCore.js';
import { toApiError } from '../core/errors.js';
import { resolveDataDir } from '../core/paths.js';
import { bindIpc } from './ipc.js';
import { electronDialogs } from './nativeDialogs.js';
import { buildMenuTemplate } from './menu.js';
import { bindPrint, type PrintDeps } from './print.js';
import {
  appHost,
  appOrigin,
  appScheme,
  isAllowedNavigation,
  permissionDecision,
  resolveAppFile,
  secureWebPreferences,
} from './security.js';

// Must happen before `ready`: app:// behaves like a secure, standard origin for fetch and storage.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');

function dataDirFromArgs(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--data-dir');
  return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

function serveRenderer(): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file || new URL(request.url).host !== appHost || !fs.existsSync(file)) return new Response('未找到', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(response.body, { status: response.status, headers });
  });
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => {
      if (!isAllowedNavigation(navigation.url)) navigation.preventDefault();
    });
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(permissionDecision()));
  session.defaultSession.setPermissionCheckHandler(() => permissionDecision());
}

/** Printing asks the user (printer or PDF) with native dialogs on the window that asked. */
const printDeps: PrintDeps = {
  async choose(contents, title) {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = { type: 'question' as const, title, message: title, buttons: ['打印', '存为 PDF', '取消'], defaultId: 0, cancelId: 2 };
    const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
    return response === 0 ? 'print' : response === 1 ? 'pdf' : 'cancel';
  },
  async savePath(contents, fileName) {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = { defaultPath: path.join(app.getPath('documents'), fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const { canceled, filePath } = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return canceled || !filePath ? null : filePath;
  },
  writeFile: (file, data) => fs.promises.writeFile(file, data),
};

function createWorkbench(forwardEvents: ReturnType<typeof bindIpc>['forwardEvents']): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1280,
    minHeight: 720,
    title: '心驿',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  const stop = forwardEvents(window.webContents);
  window.on('closed', stop);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/`);
  return window;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    // One process, one connection to the database (security-reliability.md DB-3).
    app.quit();
    return;
  }
  let core: Core | null = null;
  let workbench: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (workbench?.isMinimized()) workbench.restore();
    workbench?.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = resolveDataDir(dataDirFromArgs(process.argv), process.env, os.homedir());
    let running: Core;
    try {
      running = createCore({ dataDir, nativeDialogs: electronDialogs(dialog, () => workbench) });
    } catch (error) {
      // A read-only or locked data folder: one Chinese line, then quit (never a stack trace).
      dialog.showErrorBox('心驿无法启动', toApiError(error).message);
      app.quit();
      return;
    }
    core = running;
    serveRenderer();
    hardenWebContents();
    const bridge = bindIpc(ipcMain, running, { onKioskOpened: (path) => openKioskWindow(path) });
    bindPrint(ipcMain, printDeps);
    const openKioskWindow = (path: string) => {
      // A second display gets the kiosk when there is one (the resident's screen).
      const displays = screen.getAllDisplays();
      const target = displays.find((display) => display.id !== screen.getPrimaryDisplay().id) ?? screen.getPrimaryDisplay();
      const kiosk = new BrowserWindow({
        x: target.bounds.x,
        y: target.bounds.y,
        fullscreen: true,
        kiosk: true,
        title: '心驿 · 自助测评',
        webPreferences: secureWebPreferences(preloadPath),
      });
      bridge.markKiosk(kiosk.webContents.id);
      kiosk.setMenu(null);
      void kiosk.loadURL(`${appOrigin}${path}`);
    };
    const lock = (reason: 'manual' | 'system') => () => running.lock(reason);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          { lock: lock('manual'), showDataFolder: () => void shell.openPath(dataDir), quit: () => app.quit() },
          app.isPackaged,
        ),
      ),
    );
    // The OS screen lock and sleep lock the workbench too (AUTH-3).
    powerMonitor.on('lock-screen', lock('system'));
    powerMonitor.on('suspend', lock('system'));
    workbench = createWorkbench(bridge.forwardEvents);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => core?.close());
}

start();
