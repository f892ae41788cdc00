import type { Migration } from './types.js';

/**
 * The activities ledger (活动台账, issue 12). Types and "五进" targets are dictionary codes (activityType,
 * outreachTarget; their built-in rows are seeded at every open with the other dictionaries). Counts and outputs
 * are columns, not text, because the checklist and the periodic report count them; the index serves the
 * period queries. A removed entry stays (with who, when and why) and is skipped everywhere. The roster links known clients; its names are shown only to staff who reach them.
 */
export const migration: Migration = {
  version: 130,
  name: 'activities',
  up(db) {
    db.exec(`
      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        theme TEXT NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        location TEXT NOT NULL,
        partner_units TEXT NOT NULL DEFAULT '[]',
        volunteers TEXT NOT NULL DEFAULT '[]',
        participant_count INTEGER CHECK (participant_count IS NULL OR participant_count >= 0),
        materials INTEGER NOT NULL DEFAULT 0 CHECK (materials >= 0),
        displays INTEGER NOT NULL DEFAULT 0 CHECK (displays >= 0),
        consult_desk INTEGER NOT NULL DEFAULT 0 CHECK (consult_desk IN (0, 1)),
        household_visits INTEGER NOT NULL DEFAULT 0 CHECK (household_visits >= 0),
        online_reach INTEGER CHECK (online_reach IS NULL OR online_reach >= 0),
        online_reach_estimated INTEGER NOT NULL DEFAULT 0 CHECK (online_reach_estimated IN (0, 1)),
        summary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('planned', 'done')),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Removed, not deleted: the ledger keeps who removed an entry, when and why; lists and counts skip it.
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL)),
        CHECK (end_time > start_time),
        CHECK (status = 'planned' OR participant_count IS NOT NULL)
      ) STRICT;
      CREATE INDEX activities_by_day ON activities (held_on, type);

      CREATE TABLE activity_outreach (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        PRIMARY KEY (activity_id, target)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX activity_outreach_by_target ON activity_outreach (target, activity_id);

      CREATE TABLE activity_staff (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (activity_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX activity_staff_by_user ON activity_staff (user_id);

      CREATE TABLE activity_roster (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        client_id INTEGER NOT NULL REFERENCES clients (id),
        PRIMARY KEY (activity_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX activity_roster_by_client ON activity_roster (client_id);
    `);
  },
};
