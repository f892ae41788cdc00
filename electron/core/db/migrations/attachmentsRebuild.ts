/**
 * SQLite cannot change a CHECK constraint in place, so a migration that brings new attachment owner types rebuilds the
 * table with the whole list: same columns, same ids (the encryption binds each blob to its row id), same index.
 * The SQL is part of a migration's history: change nothing here but the list a new migration passes.
 */
export function rebuildAttachmentsSql(ownerTypes: readonly string[]): string {
  return `
      CREATE TABLE attachments_rebuilt (
        id INTEGER PRIMARY KEY,
        owner_type TEXT NOT NULL CHECK (owner_type IN (${ownerTypes.map((owner) => `'${owner}'`).join(', ')})),
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
    `;
}
