import { rebuildAttachmentsSql } from './attachmentsRebuild.js';
import type { Migration } from './types.js';

/**
 * Inspections of the station's checklist (issue 13: 自查, 上级督导, 验收, 复查) and the time-limited inspector account.
 *
 * - `users` gains the role 'inspector' and the last day an account may log in (`access_until`, Beijing date; staff
 *   have none). SQLite cannot change a CHECK in place, so the table is rebuilt with the same ids (every other table
 *   points at users(id), without ON DELETE actions).
 * - An inspection keeps the checklist as it stood when it was opened (`snapshot`, JSON, with its SHA-256): the
 *   trigger refuses any change to it, so the 自评得分 an inspector scored against can never be rewritten.
 * - The evaluator's 评估得分 per item, the findings (考察点/要求/地点/时间/存在问题), and the 整改 tasks with their
 *   closure evidence (attachments owned by 'rectification') and the evaluator's 复查.
 */
export const migration: Migration = {
  version: 250,
  name: 'inspections',
  up(db) {
    // A rename would carry the children's references along, so the rows step aside into a plain copy, the table is
    // dropped and made anew under its own name, and the rows return. The foreign keys are checked at commit, when every
    // child again finds its user (each row put back settles the references the drop left open).
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TABLE users_before_250 AS SELECT * FROM users;
      DROP TABLE users;
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'counsellor', 'reception', 'inspector')),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        last_login_at TEXT,
        access_until TEXT,
        CHECK ((role = 'inspector') = (access_until IS NOT NULL))
      ) STRICT;
      INSERT INTO users (id, username, display_name, role, disabled, must_change_password, created_at, last_login_at)
        SELECT id, username, display_name, role, disabled, must_change_password, created_at, last_login_at FROM users_before_250;
      DROP TABLE users_before_250;

      CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('self', 'supervision', 'acceptance', 'recheck')),
        title TEXT NOT NULL,
        inspecting_body TEXT NOT NULL,
        planned_on TEXT NOT NULL,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        snapshot_sha256 TEXT NOT NULL,
        inspector_id INTEGER UNIQUE REFERENCES users (id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'concluded', 'closed')),
        verdict TEXT CHECK (verdict IS NULL OR verdict IN ('pass', 'fail')),
        opinion TEXT NOT NULL DEFAULT '',
        score REAL,
        percent REAL,
        grade TEXT,
        concluded_by INTEGER REFERENCES users (id),
        concluded_at TEXT,
        closed_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK ((status = 'open') = (concluded_at IS NULL))
      ) STRICT;
      CREATE INDEX inspections_planned ON inspections (planned_on);

      CREATE TRIGGER inspections_snapshot_fixed BEFORE UPDATE OF kind, template_id, template_version, period_from, period_to, snapshot, snapshot_sha256, created_by, created_at ON inspections
      BEGIN
        SELECT RAISE(ABORT, 'inspection snapshot is immutable');
      END;

      CREATE TABLE inspection_scores (
        inspection_id INTEGER NOT NULL REFERENCES inspections (id),
        item_id TEXT NOT NULL,
        met INTEGER CHECK (met IS NULL OR met IN (0, 1)),
        level INTEGER CHECK (level IS NULL OR level >= 0),
        note TEXT NOT NULL DEFAULT '',
        assessed_by INTEGER NOT NULL REFERENCES users (id),
        assessed_at TEXT NOT NULL,
        PRIMARY KEY (inspection_id, item_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE inspection_findings (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections (id),
        item_id TEXT NOT NULL,
        point TEXT NOT NULL,
        requirement TEXT NOT NULL,
        location TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        problem TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id);

      CREATE TABLE rectifications (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections (id),
        finding_id INTEGER REFERENCES inspection_findings (id),
        task TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES users (id),
        due_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'accepted')),
        closure_note TEXT NOT NULL DEFAULT '',
        submitted_by INTEGER REFERENCES users (id),
        submitted_at TEXT,
        recheck_note TEXT NOT NULL DEFAULT '',
        rechecked_by INTEGER REFERENCES users (id),
        rechecked_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rectifications_inspection ON rectifications (inspection_id);
    `);
    db.exec(
      rebuildAttachmentsSql(['consent', 'session', 'case', 'referral', 'crisis', 'activity', 'qualification', 'meeting', 'ruleVersion', 'checklistItem', 'rectification']),
    );
  },
};
