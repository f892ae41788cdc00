import type { Migration } from './types.js';

/**
 * The checklist's year of figures counts the bookings not cancelled and the follow-ups done with a care team along
 * (issue 15): on a ten-year station each read every row of the year from the table (the status, the participants)
 * after finding it in the index. The report reads the checklist for each period it shows, again after any change to a
 * client's file. Bookings not cancelled now have their own index by start, and the done follow-ups' index holds what
 * both the checklist and the report read of them (the report's follow-ups: method, level, client).
 */
export const migration: Migration = {
  version: 370,
  name: 'checklist-count-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX appointments_not_cancelled ON appointments (start_minute) WHERE status <> 'cancelled';
      DROP INDEX follow_ups_done;
      CREATE INDEX follow_ups_done ON follow_ups (done_on, method, level, client_id, participants) WHERE status = 'done';
    `);
  },
};
