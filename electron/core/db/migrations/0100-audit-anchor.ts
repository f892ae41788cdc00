import type { Migration } from './types.js';

/**
 * The audit chain's witnesses outside the database (security-reliability.md AUD-4). The MAC key
 * lives in the encrypted database, so an anchor file copied from another station, or edited by
 * someone without the data key, is recognised. The epoch changes at every restore: anchors written
 * on the abandoned branch (after the restored point) are then recognised as such, not as tampering.
 */
export const migration: Migration = {
  version: 100,
  name: 'audit-anchor',
  up(db) {
    db.exec(`
      CREATE TABLE audit_anchor_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mac_key BLOB NOT NULL CHECK (length(mac_key) = 32),
        epoch TEXT NOT NULL,
        anchored INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO audit_anchor_key (id, mac_key, epoch) VALUES (1, randomblob(32), lower(hex(randomblob(8))));
      CREATE TABLE audit_epochs (
        epoch TEXT PRIMARY KEY,
        ended_seq INTEGER NOT NULL
      );
    `);
  },
};
