import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu.js';
import {
  appOrigin,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  resolveAppFile,
  secureWebPreferences,
} from '../../../electron/main/security.js';

describe('Electron hardening (pure settings; the binary cannot run here)', () => {
  it('keeps context isolation and the sandbox on, Node integration off', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it.each([
    [`${appOrigin}/`, true, true],
    [`${appOrigin}/users`, true, true],
    [`${appOrigin}/`, false, false],
    ['https://evil.example/', true, false],
    ['app://other/', true, false],
    ['file:///etc/passwd', true, false],
    [undefined, true, false],
  ])('answers IPC from %s (main frame %s): %s', (url, mainFrame, trusted) => {
    expect(isTrustedSender(url, mainFrame)).toBe(trusted);
  });

  it('allows navigation only inside the app, and denies every permission', () => {
    expect(isAllowedNavigation(`${appOrigin}/audit`)).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
    expect(permissionDecision()).toBe(false);
  });

  it('maps app routes to index.html and refuses paths outside the renderer folder', () => {
    expect(resolveAppFile('/r', `${appOrigin}/`)).toBe('/r/index.html');
    expect(resolveAppFile('/r', `${appOrigin}/kiosk`)).toBe('/r/index.html');
    expect(resolveAppFile('/r', `${appOrigin}/assets/a.js`)).toBe('/r/assets/a.js');
    expect(resolveAppFile('/r', `${appOrigin}/..%2f..%2fetc%2fpasswd.txt`)).toBeNull();
  });

  it('has a Chinese menu without developer tools in a packaged build', () => {
    const actions = { lock: () => undefined, showDataFolder: () => undefined, quit: () => undefined };
    const packaged = JSON.stringify(buildMenuTemplate(actions, true));
    expect(packaged).toContain('锁定工作台');
    expect(packaged).not.toContain('toggleDevTools');
    expect(JSON.stringify(buildMenuTemplate(actions, false))).toContain('toggleDevTools');
  });
});
