import type { Db } from './driver.js';

/**
 * Work that writes a new station's bulk (the demo's ten years) without the report's change triggers firing for every
 * row (migrations 310–340: a count, a month's count, the directory's log of changed rows): they only tell a kept
 * reading that its tables moved, and a station being generated has no reading kept anywhere. Inside the write's
 * transaction the triggers are dropped and made again exactly as they were, so a failure rolls both back with the
 * rows, and the file ends with the schema a new station has. On the ten-year demo they cost about a minute.
 */
export function withoutChangeCounting<T>(db: Db, work: () => T): T {
  if (!db.inTransaction) throw new Error('withoutChangeCounting runs inside a write transaction');
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_counted_*' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  const result = work();
  for (const trigger of triggers) db.exec(trigger.sql);
  return result;
}
