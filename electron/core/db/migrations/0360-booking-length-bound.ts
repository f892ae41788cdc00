import type { Migration } from './types.js';

/**
 * A booking lasts at most a day (issue 15). The API has always taken at most 8 hours; the file now refuses longer,
 * so a calendar range can be searched by start time from a day before it (listAppointments): searched up to its end
 * alone, a week of last year read every booking of the ten years before it (19 ms a week on a ten-year station).
 */
export const migration: Migration = {
  version: 360,
  name: 'booking-length-bound',
  up(db) {
    db.exec(`
      CREATE TRIGGER appointments_length_insert BEFORE INSERT ON appointments WHEN NEW.end_minute - NEW.start_minute > 1440
        BEGIN SELECT RAISE(ABORT, 'a booking lasts at most a day'); END;
      CREATE TRIGGER appointments_length_update BEFORE UPDATE OF start_minute, end_minute ON appointments WHEN NEW.end_minute - NEW.start_minute > 1440
        BEGIN SELECT RAISE(ABORT, 'a booking lasts at most a day'); END;
    `);
  },
};
