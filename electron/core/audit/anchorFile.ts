import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite.js';
import { parseAnchor, type AuditAnchor } from './auditAnchor.js';

export const anchorFileName = 'audit-anchor.json';

export type AnchorFileState =
  | { kind: 'missing' }
  | { kind: 'unreadable' }
  | { kind: 'present'; anchor: AuditAnchor };

export function readAnchorFile(file: string): AnchorFileState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable' };
  }
  const anchor = parseAnchor(raw);
  return anchor ? { kind: 'present', anchor } : { kind: 'unreadable' };
}

/**
 * `durable` anchors are synced before the commit they announce, so after a power loss the file
 * never lags behind the database; the confirmation after the commit needs no sync.
 */
export function writeAnchorFile(file: string, anchor: AuditAnchor, durable: boolean): void {
  writeFileAtomic(file, `${JSON.stringify(anchor)}\n`, { durable });
}

/** A disagreeing anchor is evidence: it is kept beside the database, never overwritten. */
export function keepAnchorAside(file: string, stamp: string): string | null {
  if (!fs.existsSync(file)) return null;
  const kept = path.join(path.dirname(file), `audit-anchor-mismatch-${stamp}.json`);
  fs.renameSync(file, kept);
  return kept;
}
