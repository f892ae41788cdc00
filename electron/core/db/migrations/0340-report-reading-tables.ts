import { changeTriggers } from './changeTriggers.js';
import type { Migration } from './types.js';

/**
 * The tables behind the two report figures that are other features' readings — the checklist's score and the duty
 * log's open days — counted as migration 310 counts the report's own (issue 15): the report screen keeps those
 * figures while these counts and the day stand still. Before, any change in the file recomputed the checklist, a
 * year of records read again (about 40 ms of a ten-year station's report after one session recorded).
 */
const countedTables = [
  // The checklist's template, its self-assessment and the station it is scored for.
  ...['checklist_templates', 'checklist_choice', 'checklist_answers', 'station', 'settings', 'users'],
  // The records its figures count beyond the report's own.
  ...['appointments', 'backups', 'calendar_days', 'duty_shifts', 'report_versions', 'rule_versions', 'station_rules'],
  // The duty log, which gives the report its open days too.
  'duty_logs',
];

export const migration: Migration = {
  version: 340,
  name: 'report-reading-tables',
  up(db) {
    db.exec(`
      INSERT INTO report_table_changes (table_name) VALUES ${countedTables.map((table) => `('${table}')`).join(', ')} ON CONFLICT DO NOTHING;
      ${countedTables.map((table) => changeTriggers(table, 'counted', () => `UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = '${table}';`)).join('\n')}
    `);
  },
};
