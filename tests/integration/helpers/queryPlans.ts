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

/** `alias → table` of the tables a statement names after FROM and JOIN. */
function tablesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!WHERE|JOIN|LEFT|ON|ORDER|GROUP|INDEXED|USING)(\w+))?/gi)) {
    aliases.set(match[1]!, match[1]!);
    if (match[2]) aliases.set(match[2], match[1]!);
  }
  return aliases;
}

/**
 * The plan lines of a statement that read a whole table from `growing` (one that grows with the station's years) or
 * build a temporary index for a lookup (SQLite's automatic index: a full read on every execution). Parameters are
 * bound as null: a plan does not depend on their values.
 */
export function fullReads(db: Db, sql: string, growing: readonly string[]): string[] {
  if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return [];
  const named = [...new Set([...sql.matchAll(/[@:$](\w+)/g)].map((match) => match[1]!))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const lines = (named.length > 0 ? explain.all(Object.fromEntries(named.map((name) => [name, null]))) : explain.all(...Array<null>(positional).fill(null))) as Array<{ detail: string }>;
  const aliases = tablesOf(sql);
  // A partial index holds only the rows its WHERE names (the few unsigned sessions): reading it whole is no full read.
  const partial = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'`).all() as Array<{ name: string }>).map((index) => index.name));
  // An unfiltered scan in the order asked for that stops at a LIMIT (the newest audit row) reads a few rows; a filtered
  // one reads on until enough rows pass, which may be the whole table.
  const stopsEarly = /\bLIMIT\s+\d+\s*$/i.test(sql.trim()) && !/\bWHERE\b/i.test(sql) && !lines.some((line) => /TEMP B-TREE/.test(line.detail));
  return lines
    .map((line) => line.detail)
    .filter((detail) => {
      if (/AUTOMATIC/.test(detail)) return true;
      const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail);
      if (!scan || stopsEarly || (scan[2] !== undefined && partial.has(scan[2]))) return false;
      return growing.includes(aliases.get(scan[1]!) ?? scan[1]!);
    });
}
