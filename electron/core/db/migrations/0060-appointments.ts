import type { Migration } from './types.js';

/**
 * Appointments (预约): rooms, weekly availability with exceptions, hand-entered calendar days, and
 * bookings. Times are station-local wall times (Asia/Shanghai has no daylight saving), kept as
 * minutes since 1970-01-01 so overlap checks are integer comparisons on an index.
 */
export const migration: Migration = {
  version: 60,
  name: 'appointments',
  up(db) {
    db.exec(`
      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('counselling', 'sandplay', 'relaxation', 'catharsis', 'group', 'other')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE availability (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
        end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
        CHECK (end_minute > start_minute)
      ) STRICT;
      CREATE INDEX availability_user ON availability (user_id, weekday);

      CREATE TABLE availability_exceptions (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        from_day TEXT NOT NULL,
        to_day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('leave', 'unavailable')),
        note TEXT NOT NULL DEFAULT '',
        CHECK (to_day >= from_day)
      ) STRICT;

      -- Holidays, 调休 working days and closures entered by the station; they override the package data.
      CREATE TABLE calendar_days (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday', 'closure')),
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE appointment_series (
        id INTEGER PRIMARY KEY,
        every_weeks INTEGER NOT NULL CHECK (every_weeks IN (1, 2)),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        series_id INTEGER REFERENCES appointment_series (id),
        client_id INTEGER REFERENCES clients (id),
        walk_in_name TEXT NOT NULL DEFAULT '',
        walk_in_phone TEXT NOT NULL DEFAULT '',
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        room_id INTEGER NOT NULL REFERENCES rooms (id),
        start_minute INTEGER NOT NULL,
        end_minute INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('individual', 'family', 'group', 'assessment', 'follow_up', 'crisis')),
        status TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'completed', 'no_show', 'cancelled')),
        notes TEXT NOT NULL DEFAULT '',
        override_reason TEXT NOT NULL DEFAULT '',
        cancel_reason TEXT NOT NULL DEFAULT '',
        cancelled_by INTEGER REFERENCES users (id),
        rescheduled_from INTEGER REFERENCES appointments (id),
        follow_up_id INTEGER REFERENCES follow_ups (id),
        session_id INTEGER REFERENCES counselling_sessions (id),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK (end_minute > start_minute),
        CHECK (client_id IS NOT NULL OR walk_in_name <> '')
      ) STRICT;
      CREATE INDEX appointments_time ON appointments (start_minute, end_minute);
      CREATE INDEX appointments_counsellor ON appointments (counsellor_id, start_minute);
      CREATE INDEX appointments_room ON appointments (room_id, start_minute);
      CREATE INDEX appointments_client ON appointments (client_id, start_minute);
      CREATE INDEX appointments_series ON appointments (series_id, start_minute);

      CREATE TABLE waitlist (
        id INTEGER PRIMARY KEY,
        client_id INTEGER REFERENCES clients (id),
        walk_in_name TEXT NOT NULL DEFAULT '',
        walk_in_phone TEXT NOT NULL DEFAULT '',
        counsellor_id INTEGER REFERENCES users (id),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('waiting', 'booked', 'removed')),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
