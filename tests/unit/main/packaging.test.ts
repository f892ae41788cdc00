import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../..');
type BuilderConfig = {
  electronFuses: Record<string, boolean>;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  win: { target: Array<{ target: string }>; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[] };
};
const config = load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

/** The packaging settings, checked here because the Electron binary cannot be downloaded on these machines. */
describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('sets the fuses: no Node mode, no NODE_OPTIONS, no inspector, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('builds a per-user zh-CN NSIS installer with a desktop shortcut, plus AppImage and deb', () => {
    expect(config.win.target[0]?.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ perMachine: false, createDesktopShortcut: 'always', installerLanguages: ['zh_CN'] });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(fs.existsSync(path.join(repo, config.win.icon))).toBe(true);
  });

  it('ships the app bundles but not the browser-mode server, and keeps native modules outside the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
    expect(config.files.join(' ')).not.toContain('out/server');
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('depends at runtime only on the native SQLite module, and never rebuilds for Electron on install', () => {
    expect(Object.keys(packageJson.dependencies)).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(packageJson.scripts.postinstall).toBeUndefined();
  });

  it('allows the install scripts that build the database module and esbuild (npm skips unlisted ones)', () => {
    expect(packageJson.allowScripts).toMatchObject({ 'better-sqlite3-multiple-ciphers': true, esbuild: true });
  });

  it('pins a currently supported Electron major', () => {
    const major = Number(String(packageJson.devDependencies.electron).replace(/^\D*/, '').split('.')[0]);
    // Electron supports the latest three majors; 45 is current as of 2026-11.
    expect(major).toBeGreaterThanOrEqual(43);
  });
});
