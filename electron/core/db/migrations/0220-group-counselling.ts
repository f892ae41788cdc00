import type { Migration } from './types.js';

/**
 * Group counselling (团体辅导, issue 12): a group with its sign-ups (报名表), signed agreements (团体辅导协议书) and
 * effect-feedback forms (效果反馈调查表), the archive a 团辅 keeps (station-work-and-reporting.md §1.3, 长堰中学
 * archive rule). Each meeting of a group is an activity of the activities ledger (`activities.group_id`), so the
 * ledger, its counts and the report's SPS05 (团体辅导场次/参与人次, reports-standards.md §3.1) count it once; its
 * 参与人数 is the register's present count. A member's motive is clinical text, encrypted (clinicalFields.ts).
 * Feedback forms are anonymous: no member is linked to one.
 */
export const migration: Migration = {
  version: 220,
  name: 'group-counselling',
  up(db) {
    db.exec(`
      CREATE TABLE counselling_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        target_group TEXT NOT NULL,
        goals TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL,
        planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 30),
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 2 AND 40),
        closed_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE counselling_group_leaders (
        group_id INTEGER NOT NULL REFERENCES counselling_groups (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (group_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX counselling_group_leaders_by_user ON counselling_group_leaders (user_id);

      CREATE TABLE counselling_group_members (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES counselling_groups (id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
        age INTEGER CHECK (age IS NULL OR age BETWEEN 3 AND 120),
        phone TEXT NOT NULL DEFAULT '',
        client_id INTEGER REFERENCES clients (id),
        signed_up_on TEXT NOT NULL,
        motive TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('signedUp', 'admitted', 'declined', 'withdrawn')),
        agreement_signed_on TEXT,
        left_on TEXT,
        left_reason TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK ((status = 'signedUp') = (agreement_signed_on IS NULL AND left_on IS NULL) OR status <> 'signedUp'),
        CHECK (status <> 'admitted' OR (agreement_signed_on IS NOT NULL AND left_on IS NULL)),
        CHECK ((status IN ('declined', 'withdrawn')) = (left_on IS NOT NULL AND left_reason IS NOT NULL)),
        CHECK (status <> 'withdrawn' OR agreement_signed_on IS NOT NULL)
      ) STRICT;
      CREATE INDEX counselling_group_members_by_group ON counselling_group_members (group_id, status);
      CREATE INDEX counselling_group_members_by_client ON counselling_group_members (client_id) WHERE client_id IS NOT NULL;

      ALTER TABLE activities ADD COLUMN group_id INTEGER REFERENCES counselling_groups (id);
      CREATE INDEX activities_by_group ON activities (group_id, held_on) WHERE group_id IS NOT NULL;

      CREATE TABLE counselling_group_attendance (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES counselling_group_members (id),
        status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
        PRIMARY KEY (activity_id, member_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE counselling_group_feedback (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        helpfulness INTEGER NOT NULL CHECK (helpfulness BETWEEN 1 AND 5),
        atmosphere INTEGER NOT NULL CHECK (atmosphere BETWEEN 1 AND 5),
        recommend INTEGER NOT NULL CHECK (recommend IN (0, 1)),
        comment TEXT NOT NULL DEFAULT '',
        entered_by INTEGER NOT NULL REFERENCES users (id),
        entered_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX counselling_group_feedback_by_activity ON counselling_group_feedback (activity_id);
    `);
  },
};
