import type { Migration } from './types.js';

/** Crisis interventions (危机干预), referrals (转诊转介) and encrypted attachments. */
export const migration: Migration = {
  version: 30,
  name: 'crises-referrals-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE crises (
        id INTEGER PRIMARY KEY,
        -- An unknown person (a caller, someone brought in) has no client record yet.
        client_id INTEGER REFERENCES clients (id),
        unknown_person TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'resolved')),
        outcome TEXT CHECK (outcome IN ('stabilized', 'medical_referral', 'hospitalized', 'police', 'family_pickup', 'other')),
        outcome_note TEXT NOT NULL DEFAULT '',
        follow_up_plan TEXT NOT NULL DEFAULT '',
        resolved_at TEXT,
        counsellor_id INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK (client_id IS NOT NULL OR unknown_person <> '')
      ) STRICT;
      CREATE INDEX crises_status ON crises (status, started_at);
      CREATE INDEX crises_client ON crises (client_id);

      CREATE TABLE crisis_steps (
        crisis_id INTEGER NOT NULL REFERENCES crises (id),
        step TEXT NOT NULL,
        done_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        done_by INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (crisis_id, step)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE crisis_contacts (
        id INTEGER PRIMARY KEY,
        crisis_id INTEGER NOT NULL REFERENCES crises (id),
        party TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        contacted_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;

      CREATE TABLE referrals (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        case_id INTEGER REFERENCES cases (id),
        target TEXT NOT NULL,
        target_detail TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        shared_info TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('sent', 'received', 'feedback', 'not_received')),
        sent_on TEXT NOT NULL,
        received_on TEXT,
        feedback_on TEXT,
        feedback TEXT NOT NULL DEFAULT '',
        not_received_reason TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_status ON referrals (status, sent_on);
      CREATE INDEX referrals_client ON referrals (client_id);

      -- Files live inside the encrypted database, never as loose files on disk.
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        owner_type TEXT NOT NULL CHECK (owner_type IN ('consent', 'session', 'case', 'referral', 'crisis')),
        owner_id INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);
    `);
  },
};
