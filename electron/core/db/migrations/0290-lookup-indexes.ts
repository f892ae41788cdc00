import type { Migration } from './types.js';

/**
 * Two lookups the case page makes per row, indexed (issue 15, measured on the ten-year station): the booking that
 * answers each follow-up (without an index each follow-up read all 150,000 bookings: 320 ms for a client with a few
 * follow-ups) and each session's addenda (a scan per session: 150 ms for a case of 500 sessions); and grades by time
 * (the home page's recent red grades, the report's colours at each period end, in time order without a sort).
 */
export const migration: Migration = {
  version: 290,
  name: 'lookup-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX appointments_follow_up ON appointments (follow_up_id) WHERE follow_up_id IS NOT NULL;
      CREATE INDEX session_addenda_session ON session_addenda (session_id);
      CREATE INDEX risk_grades_by_time ON risk_grades (graded_at);
    `);
  },
};
