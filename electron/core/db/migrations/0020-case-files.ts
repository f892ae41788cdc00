import type { Migration } from './types.js';

/** Clients, consents, cases, sessions, risk grades and follow-ups (DESIGN.md §1 vocabulary). */
export const migration: Migration = {
  version: 20,
  name: 'case-files',
  up(db) {
    db.exec(`
      -- Station-extensible code lists: population tags, problem categories, client sources …
      CREATE TABLE dictionary_items (
        id INTEGER PRIMARY KEY,
        dictionary TEXT NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0,
        UNIQUE (dictionary, code)
      ) STRICT;

      CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('male', 'female', 'unknown')),
        birth_date TEXT,
        id_number TEXT,
        phone TEXT,
        address TEXT NOT NULL DEFAULT '',
        community TEXT NOT NULL DEFAULT '',
        grid TEXT NOT NULL DEFAULT '',
        guardian_name TEXT NOT NULL DEFAULT '',
        guardian_phone TEXT NOT NULL DEFAULT '',
        guardian_relation TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        risk_level TEXT CHECK (risk_level IN ('red', 'yellow', 'green')),
        merged_into INTEGER REFERENCES clients (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE UNIQUE INDEX clients_id_number ON clients (id_number) WHERE id_number IS NOT NULL AND merged_into IS NULL;
      CREATE INDEX clients_pinyin ON clients (name_pinyin);
      CREATE INDEX clients_initials ON clients (name_initials);
      CREATE INDEX clients_name ON clients (name);
      CREATE INDEX clients_identity ON clients (name, birth_date, phone);

      CREATE TABLE client_tags (
        client_id INTEGER NOT NULL REFERENCES clients (id),
        tag TEXT NOT NULL,
        PRIMARY KEY (client_id, tag)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        kind TEXT NOT NULL CHECK (kind IN ('service', 'guardian', 'sharing')),
        signer_name TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consents_client ON consents (client_id);

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_on TEXT NOT NULL,
        open_reason TEXT NOT NULL,
        closed_on TEXT,
        close_reason TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_client ON cases (client_id);
      CREATE INDEX cases_counsellor ON cases (counsellor_id, status);

      CREATE TABLE case_problems (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        category TEXT NOT NULL,
        PRIMARY KEY (case_id, category)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE case_shares (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        granted_by INTEGER NOT NULL REFERENCES users (id),
        granted_at TEXT NOT NULL,
        PRIMARY KEY (case_id, user_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE counselling_sessions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        modality TEXT NOT NULL CHECK (modality IN ('in_person', 'phone', 'home_visit', 'online', 'group')),
        kind TEXT NOT NULL CHECK (kind IN ('intake', 'follow_up_session', 'crisis', 'follow_up_visit', 'closing')),
        complaint TEXT NOT NULL DEFAULT '',
        assessment TEXT NOT NULL DEFAULT '',
        intervention TEXT NOT NULL DEFAULT '',
        plan TEXT NOT NULL DEFAULT '',
        free_text TEXT NOT NULL DEFAULT '',
        signed_at TEXT,
        signed_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_case ON counselling_sessions (case_id, held_on);
      CREATE INDEX sessions_unsigned ON counselling_sessions (counsellor_id) WHERE signed_at IS NULL;
      -- A signed note is final: the database itself refuses to change it (addenda are separate rows).
      CREATE TRIGGER counselling_sessions_signed_final BEFORE UPDATE ON counselling_sessions
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'signed session notes are final'); END;

      CREATE TABLE session_addenda (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES counselling_sessions (id),
        text TEXT NOT NULL,
        signed_by INTEGER NOT NULL REFERENCES users (id),
        signed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE risk_grades (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'green')),
        reason TEXT NOT NULL,
        evidence TEXT NOT NULL CHECK (evidence IN ('scale', 'disclosure', 'grid_report', 'follow_up', 'crisis', 'other')),
        graded_by INTEGER NOT NULL REFERENCES users (id),
        graded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_grades_client ON risk_grades (client_id, graded_at);

      CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        due_on TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'green')),
        status TEXT NOT NULL CHECK (status IN ('due', 'done', 'cancelled')),
        done_on TEXT,
        method TEXT CHECK (method IN ('home_visit', 'phone', 'visit', 'video')),
        participants TEXT NOT NULL DEFAULT '[]',
        findings TEXT NOT NULL DEFAULT '',
        reassessed_level TEXT CHECK (reassessed_level IN ('red', 'yellow', 'green')),
        recorded_by INTEGER REFERENCES users (id),
        cancel_reason TEXT
      ) STRICT;
      CREATE INDEX follow_ups_due ON follow_ups (status, due_on);
      CREATE INDEX follow_ups_client ON follow_ups (client_id, due_on);
    `);
  },
};
