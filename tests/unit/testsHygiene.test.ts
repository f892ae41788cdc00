import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * An integration test's station, core or HTTP host is closed by cleanup that runs whether or not the test fails:
 * afterAll or afterEach, onTestFinished (disposeWhenTestEnds in helpers/station.ts), or a finally block. A close
 * written inline after the assertions is skipped when one fails, and the open folder lock, database or server then
 * breaks later tests in the file for the wrong reason or keeps the worker alive. A deliberate close in the middle of
 * a test (to reopen the folder, or to read its files) says why on its line or the line above with
 * `// closes mid-test: <why>`, and keeps its hook.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const cleanupHooks = new Set(['afterAll', 'afterEach', 'onTestFinished']);
const midTestMarker = '// closes mid-test:';

function integrationTestFiles(): string[] {
  return fs
    .readdirSync(path.join(repo, 'tests/integration'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Names the file gives to raw cores: `const x = createCore(...)`. */
function rawCoreNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer) && node.initializer.expression.getText(source) === 'createCore') {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** `station.dispose()`, `core.close()`, `station.core.close()`, `host.close()`, `next.close()` for a raw core named next. */
function closesAStation(call: ts.CallExpression, source: ts.SourceFile, cores: Set<string>): boolean {
  if (call.arguments.length > 0 || !ts.isPropertyAccessExpression(call.expression)) return false;
  const { name, expression } = call.expression;
  if (name.text === 'dispose') return true;
  if (name.text !== 'close') return false;
  const target = expression.getText(source);
  return /(core|host)$/i.test(target) || cores.has(target);
}

/** Inside an afterAll/afterEach/onTestFinished callback or a finally block. */
function inCleanup(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isTryStatement(parent) && parent.finallyBlock === child) return true;
    if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && cleanupHooks.has(parent.expression.text)) return true;
  }
  return false;
}

function uncleanCloses(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const cores = rawCoreNames(source);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && closesAStation(node, source, cores) && !inCleanup(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const marked = lines[line]!.includes(midTestMarker) || (line > 0 && lines[line - 1]!.trim().startsWith(midTestMarker));
      if (!marked) found.push(`${path.relative(repo, file)}:${line + 1}: ${lines[line]!.trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('integration tests clean up even when they fail', () => {
  it('close stations, cores and hosts in afterAll/afterEach/onTestFinished or finally, or mark a deliberate mid-test close', () => {
    expect(integrationTestFiles().length).toBeGreaterThan(40);
    expect(integrationTestFiles().flatMap(uncleanCloses)).toEqual([]);
  });
});
