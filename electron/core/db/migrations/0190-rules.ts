import type { Migration } from './types.js';

/**
 * The station's rules (制度, issue 12; seeds/003 "一套管理服务制度"). A rule is a row; its text lives in versions:
 * each adopted version keeps its title, text, date adopted and who adopted it, numbered in order; the current one is
 * the highest number. At most one version per rule is a draft (not yet adopted). Uploaded files of a version are
 * attachments of owner type 'ruleVersion' (the table was rebuilt for it in 0180).
 */
export const migration: Migration = {
  version: 190,
  name: 'rules',
  up(db) {
    db.exec(`
      CREATE TABLE station_rules (
        id INTEGER PRIMARY KEY,
        template_code TEXT UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE rule_versions (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER NOT NULL REFERENCES station_rules (id),
        version_no INTEGER,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        adopted_on TEXT,
        adopted_by INTEGER REFERENCES users (id),
        drafted_by INTEGER NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        CHECK ((version_no IS NULL) = (adopted_on IS NULL) AND (adopted_on IS NULL) = (adopted_by IS NULL)),
        UNIQUE (rule_id, version_no)
      ) STRICT;
      CREATE UNIQUE INDEX rule_versions_one_draft ON rule_versions (rule_id) WHERE version_no IS NULL;
    `);
  },
};
