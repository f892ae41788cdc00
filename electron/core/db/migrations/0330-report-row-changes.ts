import { changeTriggers } from './changeTriggers.js';
import type { Migration } from './types.js';

/**
 * The rows of the report's directory tables that changed, each by the key the directory reads it again by (issue 15):
 * after one client's new grade the report screen reads that client's grades again, not the thirty thousand clients,
 * cases and grades of a ten-year station (about 200 ms of a month's report). Triggers see every writer, as migration
 * 310's counts do. Only the latest changes are kept: a directory older than the log reads itself afresh.
 */
const keyedTables: Readonly<Record<string, string>> = {
  clients: 'id',
  client_tags: 'client_id',
  cases: 'id',
  case_problems: 'case_id',
  risk_grades: 'client_id',
};

/** How many row changes the log keeps. */
const keptChanges = 10000;

const logged = (table: string, key: string) =>
  changeTriggers(
    table,
    'counted_rows',
    (rows) => `INSERT INTO report_row_changes (table_name, row_key) SELECT '${table}', row_key FROM (${rows.map((row) => `SELECT ${row}.${key} AS row_key`).join(' UNION ')});`,
  );

export const migration: Migration = {
  version: 330,
  name: 'report-row-changes',
  up(db) {
    db.exec(`
      CREATE TABLE report_row_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        row_key INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER report_row_changes_kept AFTER INSERT ON report_row_changes
        BEGIN DELETE FROM report_row_changes WHERE seq <= NEW.seq - ${keptChanges}; END;
      ${Object.entries(keyedTables)
        .map(([table, key]) => logged(table, key))
        .join('\n')}
    `);
  },
};
