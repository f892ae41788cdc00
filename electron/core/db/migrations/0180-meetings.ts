import { rebuildAttachmentsSql } from './attachmentsRebuild.js';
import type { Migration } from './types.js';

/**
 * The meetings ledger (会议记录, issue 12). The kind is a dictionary code (meetingKind); the minutes and each
 * decision's text are clinical text, encrypted field by field (clinicalFields.ts), because a 个案研讨 or a 督导 talks
 * about clients. Attendees are staff accounts (meeting_staff) plus free text for outside units and persons.
 * Files of a meeting, of a rule's version (0190) and a qualification's scans (0170), go through the attachments
 * path: the table is rebuilt once for the three new owner types (same columns, same ids: the encryption binds each blob to its row id).
 */
export const migration: Migration = {
  version: 180,
  name: 'meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        held_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL CHECK (end_time > start_time),
        location TEXT NOT NULL,
        outside_attendees TEXT NOT NULL DEFAULT '[]',
        agenda TEXT NOT NULL,
        minutes TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases (id),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;
      CREATE INDEX meetings_by_day ON meetings (held_on, kind);
      CREATE INDEX meetings_by_case ON meetings (case_id) WHERE case_id IS NOT NULL;
      CREATE TABLE meeting_staff (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (meeting_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX meeting_staff_by_user ON meeting_staff (user_id);
      CREATE TABLE meeting_decisions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        responsible_id INTEGER NOT NULL REFERENCES users (id),
        due_on TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        UNIQUE (meeting_id, position)
      ) STRICT;
      CREATE INDEX meeting_decisions_open ON meeting_decisions (responsible_id, due_on) WHERE done = 0;
    `);
    db.exec(rebuildAttachmentsSql(['consent', 'session', 'case', 'referral', 'crisis', 'activity', 'qualification', 'meeting', 'ruleVersion']));
  },
};
