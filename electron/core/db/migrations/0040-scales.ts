import type { Migration } from './types.js';

/** Imported scale definitions, stored results and the alerts critical results raise. */
export const migration: Migration = {
  version: 40,
  name: 'scales',
  up(db) {
    db.exec(`
      -- Built-in definitions ship with the app; a station adds its own or licensed text here.
      CREATE TABLE scale_definitions (
        scale_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (scale_id, version)
      ) STRICT;

      CREATE TABLE scale_results (
        id INTEGER PRIMARY KEY,
        scale_id TEXT NOT NULL,
        scale_version INTEGER NOT NULL,
        client_id INTEGER REFERENCES clients (id),
        -- Walk-ins at the kiosk give a nickname or an assigned code, never an ID number.
        respondent TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases (id),
        answers TEXT NOT NULL,
        total REAL,
        raw REAL,
        band_index INTEGER,
        band_id TEXT,
        critical INTEGER NOT NULL CHECK (critical IN (0, 1)),
        result TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('counsellor', 'kiosk')),
        administered_by INTEGER REFERENCES users (id),
        comment TEXT NOT NULL DEFAULT '',
        completed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX scale_results_client ON scale_results (client_id, scale_id, completed_at);
      CREATE INDEX scale_results_scale ON scale_results (scale_id, scale_version);

      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        result_id INTEGER NOT NULL REFERENCES scale_results (id),
        raised_at TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by INTEGER REFERENCES users (id),
        action_note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX alerts_open ON alerts (acknowledged_at);
    `);
  },
};
