import type { Migration } from './types.js';

/**
 * A counsellor who opens a new case for a client whose earlier case was another counsellor's reaches
 * the client's history only from the new case's opening, unless the 站长 assigned the case to them
 * (`history_granted`). Existing cases start without the grant: the 站长 grants it again by assigning.
 */
export const migration: Migration = {
  version: 110,
  name: 'case-history-grant',
  up(db) {
    db.exec('ALTER TABLE cases ADD COLUMN history_granted INTEGER NOT NULL DEFAULT 0 CHECK (history_granted IN (0, 1));');
  },
};
