import { rebuildAttachmentsSql } from './attachmentsRebuild.js';
import type { Migration } from './types.js';

/**
 * Photos of activities (issue 12: "mark done with photos") go through the attachments path, encrypted like every
 * file: the table is rebuilt with 'activity' among its owner types (attachmentsRebuild.ts).
 */
export const migration: Migration = {
  version: 150,
  name: 'activity-attachments',
  up(db) {
    db.exec(rebuildAttachmentsSql(['consent', 'session', 'case', 'referral', 'crisis', 'activity']));
  },
};
