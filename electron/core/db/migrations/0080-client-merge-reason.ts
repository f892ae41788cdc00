import type { Migration } from './types.js';

/**
 * Why a duplicate was merged (合并档案) stays with the merged record: the audit log names the merge
 * but never carries free text (DESIGN.md: "never the sensitive content itself").
 */
export const migration: Migration = {
  version: 80,
  name: 'client-merge-reason',
  up(db) {
    db.exec(`ALTER TABLE clients ADD COLUMN merge_reason TEXT;`);
  },
};
