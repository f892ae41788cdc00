import type { Migration } from './types.js';

/**
 * The screening-visit ledger (走访排查, issue 12). A visit is to a registered client or to an anonymous household
 * known by its address area only (小区/楼栋, never a name). Visitors and 重点人群 tags are rows of their own so the
 * reports count by tag in SQL; companions' kinds are dictionary codes (visitCompanionRole). The observations are
 * clinical text, encrypted field by field (clinicalFields.ts). `filed_client` marks the client file made by 建档.
 */
export const migration: Migration = {
  version: 210,
  name: 'screening-visits',
  up(db) {
    db.exec(`
      CREATE TABLE screening_visits (
        id INTEGER PRIMARY KEY,
        visited_on TEXT NOT NULL,
        client_id INTEGER REFERENCES clients (id),
        area TEXT NOT NULL DEFAULT '',
        companion_roles TEXT NOT NULL DEFAULT '',
        companion_names TEXT NOT NULL DEFAULT '',
        observations TEXT NOT NULL DEFAULT '',
        follow_up_needed INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_needed IN (0, 1)),
        filed_client INTEGER NOT NULL DEFAULT 0 CHECK (filed_client IN (0, 1)),
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by INTEGER REFERENCES users (id),
        removed_reason TEXT,
        CHECK (client_id IS NOT NULL OR area <> ''),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL))
      ) STRICT;
      CREATE INDEX screening_visits_by_day ON screening_visits (visited_on);
      CREATE INDEX screening_visits_by_client ON screening_visits (client_id) WHERE client_id IS NOT NULL;
      CREATE TABLE screening_visit_visitors (
        visit_id INTEGER NOT NULL REFERENCES screening_visits (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        PRIMARY KEY (visit_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX screening_visit_visitors_by_user ON screening_visit_visitors (user_id, visit_id);
      CREATE TABLE screening_visit_tags (
        visit_id INTEGER NOT NULL REFERENCES screening_visits (id),
        tag TEXT NOT NULL,
        PRIMARY KEY (visit_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX screening_visit_tags_by_tag ON screening_visit_tags (tag, visit_id);
    `);
  },
};
