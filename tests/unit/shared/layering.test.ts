import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md §2 import rules, checked on resolved paths (ESLint checks the same zones by pattern):
 * shared → shared and zod; core never → electron, main, server, cli, renderer; renderer never →
 * electron/** or node:*; preload → electron and the method-name list only.
 */
const repo = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repo, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|vue)$/.test(entry.name))
    .map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(repo, file), 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)];
  return found.map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** A relative import as a repo path; a package import as its name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.relative(repo, path.resolve(repo, path.dirname(file), specifier));
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((specifier) => target(file, specifier))
      .filter((resolved) => !allowed(resolved))
      .map((resolved) => `${file} → ${resolved}`),
  );
}

const inside = (folder: string) => (resolved: string) => resolved === folder || resolved.startsWith(`${folder}/`);

describe('layering rules', () => {
  it('shared imports only shared and zod', () => {
    expect(violations('shared', (t) => inside('shared')(t) || t === 'zod')).toEqual([]);
  });

  it('core never imports electron, the hosts or the renderer', () => {
    const forbidden = ['electron/main', 'electron/server', 'electron/cli', 'electron/preload', 'renderer'];
    expect(violations('electron/core', (t) => t !== 'electron' && !forbidden.some((folder) => inside(folder)(t)))).toEqual([]);
  });

  it('the renderer never imports Electron-side code or Node built-ins', () => {
    expect(violations('renderer/src', (t) => !t.startsWith('electron') && !t.startsWith('node:'))).toEqual([]);
  });

  it('the preload imports only electron and the method-name list', () => {
    expect(violations('electron/preload', (t) => t === 'electron' || t === 'shared/api/methodNames.js')).toEqual([]);
  });

  it('the browser host and the CLI run without Electron', () => {
    const noElectron = (t: string) => t !== 'electron' && !inside('electron/main')(t);
    expect([...violations('electron/server', noElectron), ...violations('electron/cli', noElectron)]).toEqual([]);
  });

  it('finds imports at all (the scanner itself works)', () => {
    expect(importsOf('electron/preload/index.ts')).toContain('electron');
    expect(violations('electron/preload', () => false).length).toBeGreaterThan(0);
  });
});
