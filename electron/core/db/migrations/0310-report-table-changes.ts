import type { Migration } from './types.js';

/**
 * The tables the periodic report counts, each with a count of its changes kept by triggers (issue 15): the report
 * screen keeps what it read from a table while that count stands still, so recording a session re-reads only the
 * sessions, not the thirty thousand clients of a ten-year station. Triggers see every writer — core, another
 * connection, a restore — so no write can leave a kept reading stale.
 */
const countedTables = [
  'clients',
  'client_tags',
  'cases',
  'case_problems',
  'risk_grades',
  'counselling_sessions',
  'scale_results',
  'scale_definitions',
  'crises',
  'referrals',
  'follow_ups',
  'activities',
  'activity_outreach',
  'screening_visits',
  'screening_visit_tags',
  'hotline_calls',
  'people',
  'person_qualifications',
  'person_trainings',
  'volunteer_service_hours',
  'counselling_group_feedback',
  'meetings',
];

const counted = (table: string) =>
  (['insert', 'update', 'delete'] as const)
    .map(
      (event) => `
      CREATE TRIGGER ${table}_counted_${event} AFTER ${event.toUpperCase()} ON ${table}
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = '${table}'; END;`,
    )
    .join('');

export const migration: Migration = {
  version: 310,
  name: 'report-table-changes',
  up(db) {
    db.exec(`
      CREATE TABLE report_table_changes (
        table_name TEXT PRIMARY KEY,
        changes INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;
      INSERT INTO report_table_changes (table_name) VALUES ${countedTables.map((table) => `('${table}')`).join(', ')};
      ${countedTables.map(counted).join('\n')}
    `);
  },
};
