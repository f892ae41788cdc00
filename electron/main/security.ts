import path from 'node:path';

/** The renderer is served from this privileged custom scheme, never from file:// or the network. */
export const appScheme = 'app';
export const appHost = 'xinyi';
export const appOrigin = `${appScheme}://${appHost}`;

/** Electron's security checklist in one place (electron docs/tutorial/security.md). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** IPC is answered only for our own top-level page (VS Code's validated sender rule). */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && originOf(frameUrl) === appOrigin;
}

/** Navigation stays inside the app; anything else (links, drag-and-drop, redirects) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return originOf(url) === appOrigin;
}

/** Camera, microphone, notifications, geolocation …: a case-file app needs none of them. */
export function permissionDecision(): false {
  return false;
}

/**
 * Map an app:// request path to a file inside the renderer folder. Paths without an extension are
 * app routes and get index.html; a path escaping the folder gets null.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  const relative = pathname.replace(/^\/+/, '');
  if (relative === '' || path.extname(relative) === '') return path.join(root, 'index.html');
  const file = path.resolve(root, relative);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}
