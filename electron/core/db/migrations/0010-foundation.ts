import type { Migration } from './types.js';

export const migration: Migration = {
  version: 10,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE station (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('community', 'street', 'district')),
        region_code TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        opening_hours TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'counsellor', 'reception')),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        last_login_at TEXT
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        actor_id INTEGER
      ) STRICT;

      -- Append-only and hash-chained (security-reliability.md AUD-2, AUD-3). No foreign key to
      -- users: the trail must outlive any change to the rows it describes.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor_name TEXT,
        action TEXT NOT NULL,
        object_type TEXT,
        object_id TEXT,
        result TEXT NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
        detail TEXT NOT NULL,
        app_version TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        row_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
