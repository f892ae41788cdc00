import type { Migration } from './types.js';

/**
 * The duty ledger (值班, issue 12): the roster (值班安排表) and the log (值班记录) inspectors ask for
 * (station-work-and-reporting.md §1.3). Times are the station's wall clock (HH:MM) on a day, so a month's hours
 * are read by day; each table is indexed for the month and for one person's day, where overlaps are checked.
 * A log is a plain duty note (not clinical): every staff role reads it.
 */
export const migration: Migration = {
  version: 200,
  name: 'duty',
  up(db) {
    db.exec(`
      CREATE TABLE duty_shifts (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_time > start_time)
      ) STRICT;
      CREATE INDEX duty_shifts_by_day ON duty_shifts (day, start_time);
      CREATE INDEX duty_shifts_by_user ON duty_shifts (user_id, day);
      CREATE TABLE duty_logs (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        visitors_received INTEGER NOT NULL DEFAULT 0 CHECK (visitors_received >= 0),
        calls_received INTEGER NOT NULL DEFAULT 0 CHECK (calls_received >= 0),
        events TEXT NOT NULL DEFAULT '',
        incidents TEXT NOT NULL DEFAULT '',
        handover TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_time > start_time)
      ) STRICT;
      CREATE INDEX duty_logs_by_day ON duty_logs (day, start_time);
      CREATE INDEX duty_logs_by_user ON duty_logs (user_id, day);
    `);
  },
};
