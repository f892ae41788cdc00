import type { Migration } from './types.js';

/**
 * The hotline / phone consultation ledger (热线/电话咨询登记, issue 12). Caller and problem types are dictionary
 * codes (callerType, callProblemType); flags and outcome are columns because the 热线工作报表 counts them
 * (station-work-and-reporting.md §2.1). The note is clinical text, encrypted field by field (clinicalFields.ts).
 * A call is kept at least three years (心理援助热线技术指南: "保存期限至少3年"): a removal before that is refused
 * by the service; a removed row stays with who, when and why, its note erased.
 */
export const migration: Migration = {
  version: 160,
  name: 'hotline-calls',
  up(db) {
    db.exec(`
      CREATE TABLE hotline_calls (
        id INTEGER PRIMARY KEY,
        called_on TEXT NOT NULL,
        start_time TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        taken_by INTEGER NOT NULL REFERENCES users (id),
        caller_type TEXT NOT NULL,
        problem_type TEXT NOT NULL,
        high_risk INTEGER NOT NULL DEFAULT 0 CHECK (high_risk IN (0, 1)),
        difficult INTEGER NOT NULL DEFAULT 0 CHECK (difficult IN (0, 1)),
        repeat_caller INTEGER NOT NULL DEFAULT 0 CHECK (repeat_caller IN (0, 1)),
        outcome TEXT NOT NULL CHECK (outcome IN ('counselled', 'referred', 'police', 'ambulance', 'station_case')),
        note TEXT NOT NULL DEFAULT '',
        client_id INTEGER REFERENCES clients (id),
        crisis_id INTEGER REFERENCES crises (id),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;
      CREATE INDEX hotline_calls_by_day ON hotline_calls (called_on, problem_type);
      CREATE INDEX hotline_calls_by_client ON hotline_calls (client_id) WHERE client_id IS NOT NULL;
    `);
  },
};
