import type { Migration } from './types.js';

/** Every result row looks up its alert by `result_id`; without an index that scans all alerts. */
export const migration: Migration = {
  version: 90,
  name: 'alerts-by-result',
  up(db) {
    db.exec('CREATE INDEX alerts_result ON alerts (result_id);');
  },
};
