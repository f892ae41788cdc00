import type { Migration } from './types.js';

/**
 * The people ledger (人员台账, issue 12): staff and volunteers whether or not they log in, their qualifications, the
 * training and supervision they received and volunteers' service hours. Qualification kinds are dictionary codes
 * (qualificationKind). Certificate scans are attachments owned by the qualification: 0180 rebuilds the attachments
 * table once for the owner types 170–190 bring.
 */
export const migration: Migration = {
  version: 170,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT CHECK (gender IN ('male', 'female')),
        phone TEXT NOT NULL DEFAULT '',
        employment TEXT NOT NULL CHECK (employment IN ('fulltime', 'parttime', 'volunteer')),
        fte REAL CHECK ((employment = 'parttime') = (fte IS NOT NULL) AND (fte IS NULL OR (fte > 0 AND fte < 1))),
        organisation TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        user_id INTEGER UNIQUE REFERENCES users (id),
        joined_on TEXT NOT NULL,
        left_on TEXT CHECK (left_on IS NULL OR left_on >= joined_on),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE person_qualifications (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL,
        level TEXT NOT NULL DEFAULT '',
        certificate_no TEXT NOT NULL DEFAULT '',
        issued_on TEXT,
        expires_on TEXT
      ) STRICT;
      CREATE INDEX person_qualifications_by_person ON person_qualifications (person_id);
      CREATE INDEX person_qualifications_by_expiry ON person_qualifications (expires_on) WHERE expires_on IS NOT NULL;
      CREATE TABLE person_trainings (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL CHECK (kind IN ('training', 'supervision')),
        held_on TEXT NOT NULL,
        topic TEXT NOT NULL,
        provider TEXT NOT NULL DEFAULT '',
        hours REAL NOT NULL CHECK (hours > 0)
      ) STRICT;
      CREATE INDEX person_trainings_by_day ON person_trainings (held_on, person_id);
      CREATE TABLE volunteer_service_hours (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id),
        served_on TEXT NOT NULL,
        hours REAL NOT NULL CHECK (hours > 0),
        activity_id INTEGER REFERENCES activities (id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX volunteer_service_hours_by_day ON volunteer_service_hours (served_on, person_id);
    `);
  },
};
