import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md §2 import rules, checked on resolved paths (ESLint checks the same zones by pattern):
 * shared → shared and zod; core never → electron, main, server, cli, renderer; renderer never →
 * electron/** or node:*; preload → electron and the method-name list only. Inside the renderer,
 * features have homes: renderer/src/shared and the app frame reach a feature only through the
 * feature list, a feature uses another only through its components or store, without cycles.
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

function violations(dir: string | string[], allowed: (target: string) => boolean, from = (_file: string) => true): string[] {
  return (Array.isArray(dir) ? dir : sourceFiles(dir)).filter(from).flatMap((file) =>
    importsOf(file)
      .map((specifier) => target(file, specifier))
      .filter((resolved) => !allowed(resolved))
      .map((resolved) => `${file} → ${resolved}`),
  );
}

const inside = (folder: string) => (resolved: string) => resolved === folder || resolved.startsWith(`${folder}/`);

/** The renderer feature a path belongs to (renderer/src/features/<name>/…), or null. */
const featureOf = (resolved: string) => /^renderer\/src\/features\/([^/]+)\//.exec(resolved)?.[1] ?? null;
const featureFolders = () =>
  fs
    .readdirSync(path.join(repo, 'renderer/src/features'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** Cross-feature imports as edges; a feature's public parts are its components and its store. */
function featureEdges(): { edges: Array<[string, string]>; private: string[] } {
  const edges: Array<[string, string]> = [];
  const hidden: string[] = [];
  for (const file of sourceFiles('renderer/src/features')) {
    const from = featureOf(file);
    if (!from) continue;
    for (const resolved of importsOf(file).map((specifier) => target(file, specifier))) {
      const to = featureOf(resolved);
      if (!to || to === from) continue;
      edges.push([from, to]);
      const open = inside(`renderer/src/features/${to}/components`)(resolved) || /^renderer\/src\/features\/[^/]+\/store\.(js|ts)$/.test(resolved);
      if (!open) hidden.push(`${file} → ${resolved}`);
    }
  }
  return { edges, private: hidden };
}

function cycles(edges: Array<[string, string]>): string[] {
  const next = new Map<string, Set<string>>();
  edges.forEach(([from, to]) => next.set(from, (next.get(from) ?? new Set()).add(to)));
  const found: string[] = [];
  const walk = (node: string, trail: string[]) => {
    if (trail.includes(node)) {
      found.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
      return;
    }
    next.get(node)?.forEach((to) => walk(to, [...trail, node]));
  };
  [...next.keys()].forEach((node) => walk(node, []));
  return found;
}

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

  it('renderer shared code and the app frame reach features only through the feature list', () => {
    expect(violations('renderer/src/shared', (t) => !inside('renderer/src/features')(t))).toEqual([]);
    const frame = (file: string) => !inside('renderer/src/features')(file) && !inside('renderer/src/shared')(file);
    expect(violations('renderer/src', (t) => featureOf(t) === null, frame)).toEqual([]);
  });

  it('a renderer feature uses another only through its components or store, and features form no cycle', () => {
    const { edges, private: hidden } = featureEdges();
    expect(hidden).toEqual([]);
    expect(cycles(edges)).toEqual([]);
    expect(cycles([['a', 'b'], ['b', 'c'], ['c', 'a']])).toContain('a → b → c → a');
  });

  it('every renderer feature folder is in the feature list, with routes and messages in both languages', () => {
    const listed = importsOf('renderer/src/features/index.ts').map((specifier) => /^\.\/([^/]+)\/index\.js$/.exec(specifier)?.[1]).filter(Boolean);
    expect(listed.sort()).toEqual(featureFolders().sort());
    for (const feature of featureFolders()) {
      for (const file of ['index.ts', 'routes.ts', 'i18n/zh-CN.ts', 'i18n/en.ts']) expect(fs.existsSync(path.join(repo, 'renderer/src/features', feature, file)), `${feature}/${file}`).toBe(true);
    }
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
