import { generateKeyPairSync } from 'node:crypto';
import type { Migration } from './types.js';

/**
 * Periodic reports upward (issue 14). A period's report is kept as versions: one draft at a time (its figures are
 * computed live from the records; only its header and the notes explaining validation results are stored), then a
 * submitted version whose figures, violations, notes and header are frozen here (a trigger refuses any change, and
 * a submitted version is never deleted): a correction is a new version with a reason, never an edit. States follow
 * the issue: 草稿 → 待审核 → 已上报 → 已接收 / 退回. A district's own indicator set is kept by id and version.
 * The indexes serve the report's period reads on a ten-year station (issue 15). The station's Ed25519 key, which
 * signs its upward packages, is made here once (at setup or at this upgrade; the "made at setup or at
 * upgrade"): its private half lives only inside the encrypted database, its fingerprint is printed for the 街道.
 */
export const migration: Migration = {
  version: 260,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE indicator_sets (
        set_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (set_id, version)
      ) STRICT;

      CREATE TABLE report_versions (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        state TEXT NOT NULL CHECK (state IN ('draft', 'review', 'reported', 'received', 'returned')),
        set_id TEXT NOT NULL,
        set_version INTEGER NOT NULL,
        header TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '{}',
        correction_reason TEXT,
        figures TEXT,
        violations TEXT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        submitted_by INTEGER REFERENCES users (id),
        submitted_at TEXT,
        reviewed_by INTEGER REFERENCES users (id),
        reviewed_at TEXT,
        answered_at TEXT,
        answer_note TEXT,
        UNIQUE (period, version),
        CHECK ((state = 'draft') = (figures IS NULL)),
        CHECK ((state = 'draft') = (submitted_at IS NULL)),
        CHECK ((version = 1) = (correction_reason IS NULL)),
        CHECK ((state IN ('received', 'returned')) = (answered_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX report_versions_one_draft ON report_versions (period) WHERE state = 'draft';
      CREATE TRIGGER report_versions_frozen BEFORE UPDATE ON report_versions
        WHEN OLD.state <> 'draft' AND (NEW.figures IS NOT OLD.figures OR NEW.violations IS NOT OLD.violations OR NEW.notes IS NOT OLD.notes
          OR NEW.header IS NOT OLD.header OR NEW.period IS NOT OLD.period OR NEW.version IS NOT OLD.version OR NEW.set_id IS NOT OLD.set_id
          OR NEW.set_version IS NOT OLD.set_version OR NEW.submitted_at IS NOT OLD.submitted_at OR NEW.correction_reason IS NOT OLD.correction_reason)
        BEGIN SELECT RAISE(ABORT, 'a submitted report version is final'); END;
      CREATE TRIGGER report_versions_kept BEFORE DELETE ON report_versions WHEN OLD.state <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'a submitted report version is kept'); END;

      CREATE INDEX sessions_by_day ON counselling_sessions (held_on);
      CREATE INDEX cases_by_opening ON cases (opened_on);
      CREATE INDEX follow_ups_done ON follow_ups (done_on) WHERE status = 'done';
      CREATE INDEX scale_results_by_time ON scale_results (completed_at);
      CREATE INDEX clients_by_creation ON clients (created_at);
      CREATE INDEX crises_by_start ON crises (started_at);
      CREATE INDEX referrals_by_day ON referrals (sent_on);

      CREATE TABLE station_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    const pair = generateKeyPairSync('ed25519');
    db.prepare('INSERT INTO station_key (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(
      pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      new Date().toISOString(),
    );
  },
};
