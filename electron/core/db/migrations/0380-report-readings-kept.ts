import type { Migration } from './types.js';

/** Every column of the users but the login time (a column added later must be named here too: keptReadings.test checks). */
export const usersCountedColumns = ['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'created_at', 'access_until'] as const;

/**
 * The report screen's readings kept when the station locks (issue 15): the directory of clients with the last row
 * change it holds, and each source's figures with the change counts they were counted under. The next unlock takes
 * them up and brings them to the file through the logs of migrations 310–330 instead of reading a ten-year station's
 * directory and counting three periods while the 站长 waits (0.5–0.8 s). One row, replaced at each lock; a cache that is
 * ignored when it is of another version of the app or the log no longer reaches back to it.
 *
 * An unlock's login time no longer counts as a change of the users (migration 340 counts them for the checklist, which
 * reads the assessors' names): each unlock made the report count the checklist again for every period it shows.
 */
export const migration: Migration = {
  version: 380,
  name: 'report-readings-kept',
  up(db) {
    db.exec(`
      CREATE TABLE report_readings_kept (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        app_version TEXT NOT NULL,
        directory_stamp TEXT NOT NULL,
        directory TEXT NOT NULL,
        results TEXT NOT NULL,
        kept_at TEXT NOT NULL
      ) STRICT;
      DROP TRIGGER users_counted_update;
      CREATE TRIGGER users_counted_update AFTER UPDATE OF ${usersCountedColumns.join(', ')} ON users
        BEGIN UPDATE report_table_changes SET changes = changes + 1 WHERE table_name = 'users'; END;
    `);
  },
};
