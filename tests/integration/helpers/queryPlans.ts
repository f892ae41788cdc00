import type { Db } from '../../../electron/core/db/driver.js';

/** Every statement core prepares on `db` while `work` runs (the connection's prepare is wrapped for that time). */
export async function statementsDuring(db: Db, work: () => Promise<unknown>): Promise<string[]> {
  const prepare = db.prepare;
  const seen = new Set<string>();
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare.call(db, sql);
  }) as Db['prepare'];
  try {
    await work();
  } finally {
    db.prepare = prepare;
  }
  return [...seen];
}

/** Columns that hold a handful of values: an index search on one of them alone is no narrowing. */
const lowCardinality = ['status', 'level', 'kind', 'type', 'modality', 'via'];

/** `alias → table` of the tables a statement names after FROM and JOIN. */
function tablesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!(?:WHERE|JOIN|LEFT|INNER|CROSS|ON|ORDER|GROUP|LIMIT|INDEXED|USING)\b)(\w+))?/gi)) {
    aliases.set(match[1]!, match[1]!);
    if (match[2]) aliases.set(match[2], match[1]!);
  }
  return aliases;
}

/** A statement explained (its plan, or its program) with its parameters bound as null: neither depends on their values. */
function explained(db: Db, how: 'EXPLAIN' | 'EXPLAIN QUERY PLAN', sql: string): unknown[] {
  const named = [...new Set([...sql.matchAll(/[@:$](\w+)/g)].map((match) => match[1]!))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const explain = db.prepare(`${how} ${sql}`);
  return named.length > 0 ? explain.all(Object.fromEntries(named.map((name) => [name, null]))) : explain.all(...Array<null>(positional).fill(null));
}

/** The tables of the main database a statement reads: its program's opening of a table, or of one of its indexes, to read. */
export function tablesRead(db: Db, sql: string): string[] {
  const program = explained(db, 'EXPLAIN', sql) as Array<{ opcode: string; p2: number; p3: number }>;
  const owners = new Map((db.prepare('SELECT rootpage, tbl_name AS name FROM sqlite_schema WHERE rootpage > 0').all() as Array<{ rootpage: number; name: string }>).map((row) => [row.rootpage, row.name]));
  return [...new Set(program.filter((step) => step.opcode === 'OpenRead' && step.p3 === 0).map((step) => owners.get(step.p2) ?? `page ${step.p2}`))].sort();
}

/**
 * The plan lines of a statement that read a whole table from `growing` (one that grows with the station's years),
 * search it by a column of a few values only, or build a temporary index for a lookup (SQLite's automatic index: a
 * full read on every execution). Parameters are bound as null: a plan does not depend on their values. The plans are
 * those of a station without statistics (a new one); an upgraded one's PRAGMA optimize may have gathered some.
 */
export function fullReads(db: Db, sql: string, growing: readonly string[], smallIndexes: readonly string[] = []): string[] {
  if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return [];
  const lines = explained(db, 'EXPLAIN QUERY PLAN', sql) as Array<{ detail: string }>;
  const aliases = tablesOf(sql);

  // An unfiltered scan in the order asked for that stops at a LIMIT (the newest audit row) reads a few rows; a filtered
  // one reads on until enough rows pass, which may be the whole table.
  const stopsEarly = /\bLIMIT\s+\d+\s*$/i.test(sql.trim()) && !/\bWHERE\b/i.test(sql) && !lines.some((line) => /TEMP B-TREE/.test(line.detail));
  return lines
    .map((line) => line.detail)
    .filter((detail) => {
      if (/AUTOMATIC/.test(detail)) return true;
      // A search on a column of a few values (status = 'done') reads most of the table all the same.
      const broad = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \((\w+)=\?\)$/.exec(detail);
      if (broad && lowCardinality.includes(broad[2]!)) return growing.includes(aliases.get(broad[1]!) ?? broad[1]!);
      const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail);
      // A partial index named small (the few unsigned sessions) may be read whole.
      if (!scan || stopsEarly || (scan[2] !== undefined && smallIndexes.includes(scan[2]))) return false;
      return growing.includes(aliases.get(scan[1]!) ?? scan[1]!);
    });
}
