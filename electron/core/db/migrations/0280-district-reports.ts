import type { Migration } from './types.js';

/**
 * The district's own report upward (issue 14): a 街道 or 区级中心 adds up what its stations sent and sends the total
 * to the level above as a signed package, like a station's. Each version made is kept whole — the signed file, the
 * received versions it added up — and never changed or removed; a version after the first carries its reason.
 */
export const migration: Migration = {
  version: 280,
  name: 'district-reports',
  up(db) {
    db.exec(`
      CREATE TABLE district_reports (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        correction_reason TEXT CHECK ((version = 1) = (correction_reason IS NULL)),
        sources TEXT NOT NULL,
        package TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        made_by INTEGER NOT NULL REFERENCES users (id),
        made_at TEXT NOT NULL,
        UNIQUE (period, version)
      ) STRICT;
      CREATE TRIGGER district_reports_kept_update BEFORE UPDATE ON district_reports
        BEGIN SELECT RAISE(ABORT, 'a district report version is kept as it was made'); END;
      CREATE TRIGGER district_reports_kept_delete BEFORE DELETE ON district_reports
        BEGIN SELECT RAISE(ABORT, 'a district report version is kept as it was made'); END;
    `);
  },
};
