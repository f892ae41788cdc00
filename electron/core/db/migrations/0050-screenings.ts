import type { Migration } from './types.js';

/** Group screening (普查): a session for a class, a company or a community, with codes or a roster. */
export const migration: Migration = {
  version: 50,
  name: 'screenings',
  up(db) {
    db.exec(`
      CREATE TABLE screenings (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        scale_ids TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        closed_at TEXT
      ) STRICT;

      CREATE TABLE screening_participants (
        id INTEGER PRIMARY KEY,
        screening_id INTEGER NOT NULL REFERENCES screenings (id),
        -- What the participant types at the kiosk; unique across open screenings by construction.
        code TEXT NOT NULL UNIQUE,
        roster_name TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX screening_participants_screening ON screening_participants (screening_id);

      CREATE TABLE screening_results (
        participant_id INTEGER NOT NULL REFERENCES screening_participants (id),
        result_id INTEGER NOT NULL UNIQUE REFERENCES scale_results (id),
        PRIMARY KEY (participant_id, result_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
