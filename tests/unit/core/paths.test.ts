import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/core/paths.js';

describe('data folder', () => {
  it('is the OS user-data folder for the app', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\王\\AppData\\Roaming' }, 'C:\\Users\\王')).toBe('C:\\Users\\王\\AppData\\Roaming\\xinyi-station');
    expect(defaultDataDir('darwin', {}, '/Users/wang')).toBe('/Users/wang/Library/Application Support/xinyi-station');
    expect(defaultDataDir('linux', {}, '/home/wang')).toBe('/home/wang/.config/xinyi-station');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/wang')).toBe('/cfg/xinyi-station');
  });

  it('--data-dir wins over XINYI_DATA_DIR, which wins over the default', () => {
    expect(resolveDataDir('/flag', { XINYI_DATA_DIR: '/env' }, '/home/w')).toBe('/flag');
    expect(resolveDataDir(undefined, { XINYI_DATA_DIR: '/env' }, '/home/w')).toBe('/env');
  });
});
