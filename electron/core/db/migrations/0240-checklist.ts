import { rebuildAttachmentsSql } from './attachmentsRebuild.js';
import type { Migration } from './types.js';

/**
 * The station's compliance checklist (issue 13). Templates ship as data with the app; a district's own template is
 * stored here as imported, by id and version: a template in use is never replaced, a new version is added beside it.
 * The station follows one template version (a single row); each item's self-assessment (自评) is kept per template
 * version, so choosing another template starts its own answers and returning finds the old ones. An item's evidence
 * (照片, 制度文本, 名单, 证书 …) is attachments owned by its answer row ('checklistItem'), encrypted like every file.
 */
export const migration: Migration = {
  version: 240,
  name: 'checklist',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_templates (
        id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        definition TEXT NOT NULL,
        imported_by INTEGER NOT NULL REFERENCES users (id),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE checklist_choice (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        chosen_by INTEGER NOT NULL REFERENCES users (id),
        chosen_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE checklist_answers (
        id INTEGER PRIMARY KEY,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        met INTEGER CHECK (met IS NULL OR met IN (0, 1)),
        level INTEGER CHECK (level IS NULL OR level >= 0),
        note TEXT NOT NULL DEFAULT '',
        assessed_by INTEGER NOT NULL REFERENCES users (id),
        assessed_at TEXT NOT NULL,
        UNIQUE (template_id, template_version, item_id)
      ) STRICT;
    `);
    db.exec(rebuildAttachmentsSql(['consent', 'session', 'case', 'referral', 'crisis', 'activity', 'qualification', 'meeting', 'ruleVersion', 'checklistItem']));
  },
};
