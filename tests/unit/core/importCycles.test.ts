import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No import cycle in electron/ (DESIGN.md §2, features have homes): feature handler files import the handler
 * type from a leaf module, never the merge in electron/core/handlers.ts. Type-only imports count too: a cycle
 * of types is still a feature reaching back into what merges it.
 */
const repo = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repo, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name)));
}

/** The repo files a file imports by relative path (`./x.js` is `./x.ts` on disk). */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(repo, file), 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm)];
  return found.map((match) => path.relative(repo, path.resolve(repo, path.dirname(file), (match[1] ?? match[2] ?? match[3])!.replace(/\.js$/, '.ts'))));
}

/** Every cycle a depth-first walk meets, each written as `a → b → … → a`. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const done = new Set<string>();
  const onPath: string[] = [];
  const found: string[] = [];
  const visit = (node: string) => {
    const at = onPath.indexOf(node);
    if (at >= 0) {
      found.push([...onPath.slice(at), node].join(' → '));
      return;
    }
    if (done.has(node)) return;
    onPath.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    onPath.pop();
    done.add(node);
  };
  [...graph.keys()].sort().forEach(visit);
  return found;
}

describe('imports in electron/', () => {
  const files = sourceFiles('electron');
  const graph = new Map(files.map((file) => [file, relativeImports(file).filter((target) => target.startsWith('electron/'))]));

  it('form no cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('are read and resolved to files that exist (the scanner itself works)', () => {
    expect(graph.get('electron/core/handlers.ts')).toContain('electron/core/services/caseFiles/caseFileHandlers.ts');
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((target) => !fs.existsSync(path.join(repo, target))).map((target) => `${file} → ${target}`));
    expect(missing).toEqual([]);
  });

  it('a cycle is found', () => {
    const cyclic = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(importCycles(cyclic)).toEqual(['a → b → c → a']);
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
