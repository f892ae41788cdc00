import { randomBytes } from 'node:crypto';
import type { Db } from '../db/driver.js';
import type { ChainHead } from './auditAnchor.js';
import { genesisHash } from './auditLog.js';

/** The station's anchor MAC key and current epoch, kept inside the encrypted database. */
export type AnchorSecret = Readonly<{ macKey: Buffer; epoch: string; anchored: boolean }>;

export function readAnchorSecret(db: Db): AnchorSecret {
  const row = db.prepare('SELECT mac_key, epoch, anchored FROM audit_anchor_key WHERE id = 1').get() as
    | { mac_key: Buffer; epoch: string; anchored: number }
    | undefined;
  if (!row) throw new Error('audit anchor key missing');
  return { macKey: row.mac_key, epoch: row.epoch, anchored: row.anchored === 1 };
}

/** From the first anchor on, a missing anchor file is a finding, not a fresh start. */
export function markAnchored(db: Db): void {
  db.prepare('UPDATE audit_anchor_key SET anchored = 1 WHERE id = 1 AND anchored = 0').run();
}

export function chainHead(db: Db): ChainHead {
  const row = db.prepare('SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; row_hash: string }
    | undefined;
  return row ? { seq: row.seq, hash: row.row_hash } : { seq: 0, hash: genesisHash };
}

export function rowHashAt(db: Db, seq: number): string | null {
  if (seq === 0) return genesisHash;
  const row = db.prepare('SELECT row_hash FROM audit_log WHERE seq = ?').get(seq) as { row_hash: string } | undefined;
  return row?.row_hash ?? null;
}

/** Where an earlier epoch's history stops being this database's (the head it was restored at). */
export function epochEndSeq(db: Db, epoch: string): number | null {
  const row = db.prepare('SELECT ended_seq FROM audit_epochs WHERE epoch = ?').get(epoch) as { ended_seq: number } | undefined;
  return row?.ended_seq ?? null;
}

/** A restore starts a new epoch: anchors of the abandoned branch beyond `endedSeq` are not ours. */
export function startNewEpoch(db: Db, endedSeq: number): void {
  const { epoch } = readAnchorSecret(db);
  db.prepare('INSERT OR REPLACE INTO audit_epochs (epoch, ended_seq) VALUES (?, ?)').run(epoch, endedSeq);
  db.prepare('UPDATE audit_anchor_key SET epoch = ? WHERE id = 1').run(randomBytes(8).toString('hex'));
}

/** Findings recorded at earlier unlocks stay part of every later verification. */
export function recordedAnchorFindings(db: Db): string[] {
  const rows = db
    .prepare("SELECT detail FROM audit_log WHERE action = 'audit.anchorMismatch' ORDER BY seq")
    .all() as Array<{ detail: string }>;
  return rows.map((row) => String((JSON.parse(row.detail) as { finding?: unknown }).finding ?? ''));
}

export function findingAlreadyRecorded(db: Db, finding: string): boolean {
  return recordedAnchorFindings(db).includes(finding);
}
