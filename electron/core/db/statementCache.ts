import type { Db } from './driver.js';

type Statement = ReturnType<Db['prepare']>;

/** Enough for every fixed statement of the repositories; SQL built per call (IN lists) falls out first. */
const keptStatements = 400;

/**
 * Repositories prepare their SQL at each call, which keeps SQL beside the code that reads it. Compiling is not free:
 * an insert into a table with change-log triggers compiles the triggers too, and preparing was a quarter of the large
 * demo's generation time (issue 15). So a connection keeps its latest statements by their text, least recently used
 * out first. A statement still being iterated is busy and cannot be shared; that call gets a fresh one. Repositories
 * never switch a statement's modes (pluck, raw, expand) or bind it for good, so a kept statement is as good as new;
 * SQLite recompiles one itself after a schema change.
 */
export function keepPreparedStatements(db: Db, limit = keptStatements): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const keptPrepare = (sql: string): Statement => {
    const statement = kept.get(sql);
    if (statement !== undefined) {
      if (statement.busy) return prepare(sql);
      kept.delete(sql);
      kept.set(sql, statement);
      return statement;
    }
    const fresh = prepare(sql);
    kept.set(sql, fresh);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return fresh;
  };
  db.prepare = keptPrepare as Db['prepare'];
}
