import type { Migration } from './types.js';

/**
 * Clinical fields are encrypted with the clinical key (issue 9 §1). SQL cannot do that: rows written
 * before this version stay readable as plaintext until the first 站长/counsellor login, which encrypts
 * them all in one transaction and writes the single row here. From then on a clinical field that is
 * not ciphertext is refused as altered, never shown as if it were the note.
 */
export const migration: Migration = {
  version: 120,
  name: 'clinical-field-encryption',
  up(db) {
    db.exec(`
      CREATE TABLE clinical_encryption (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        completed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
