import type { Migration } from './types.js';

/**
 * Photos of activities (issue 12: "mark done with photos") go through the attachments path, encrypted like every
 * file. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with 'activity' among its owner
 * types: same columns, same ids (the encryption binds each blob to its row id), same index.
 */
export const migration: Migration = {
  version: 150,
  name: 'activity-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments_rebuilt (
        id INTEGER PRIMARY KEY,
        owner_type TEXT NOT NULL CHECK (owner_type IN ('consent', 'session', 'case', 'referral', 'crisis', 'activity')),
        owner_id INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO attachments_rebuilt (id, owner_type, owner_id, file_name, mime, size, sha256, data, created_by, created_at)
        SELECT id, owner_type, owner_id, file_name, mime, size, sha256, data, created_by, created_at FROM attachments;
      DROP TABLE attachments;
      ALTER TABLE attachments_rebuilt RENAME TO attachments;
      CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);
    `);
  },
};
