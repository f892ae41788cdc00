import type { Clock } from '../clock.js';
import type { Db } from '../db/driver.js';
import { signAnchor, type ChainHead } from './auditAnchor.js';
import { keepAnchorAside, readAnchorFile, writeAnchorFile } from './anchorFile.js';
import { checkAnchors, type AnchorFinding, type AnchorSource } from './anchorCheck.js';
import { chainHead, markAnchored, readAnchorSecret, type AnchorSecret } from './anchorStore.js';

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Keeps the anchor file in step with the audit chain: before each commit that appends audit rows
 * it announces the new head (synced, with the old head as `previous`), after the commit it
 * confirms it. So after any crash the file names the chain's end or the one just before it.
 */
export class AuditAnchorKeeper {
  private secret: AnchorSecret | null = null;
  private confirmed: ChainHead | null = null;
  private announced: ChainHead | null = null;

  constructor(
    readonly file: string,
    private readonly clock: Clock,
  ) {}

  /**
   * At open, before anything is written: compare the chain with the anchor file and the other
   * witnesses. A disagreeing anchor file is kept aside as evidence; the findings are returned for
   * the audit trail.
   */
  open(db: Db, witnesses: readonly AnchorSource[]): AnchorFinding[] {
    this.secret = readAnchorSecret(db);
    this.confirmed = chainHead(db);
    this.announced = null;
    const state = readAnchorFile(this.file);
    const findings: AnchorFinding[] = [];
    const sources = [...witnesses];
    if (state.kind === 'present') sources.unshift({ label: '锚点文件', anchor: state.anchor, latest: true });
    else if (state.kind === 'unreadable') findings.push(unreadableAnchorFile);
    else if (this.secret.anchored) findings.push(missingAnchorFile);
    const compared = checkAnchors(db, this.secret, sources);
    findings.push(...compared.filter((finding) => !finding.ok));
    if (findings.some((finding) => finding.source === '锚点文件')) keepAnchorAside(this.file, stamp(this.clock.now()));
    return findings;
  }

  /** Inside the transaction, after its audit rows: announce the head it will commit. */
  beforeCommit(db: Db): void {
    const secret = this.requireSecret();
    if (!secret.anchored) markAnchored(db);
    const head = chainHead(db);
    writeAnchorFile(this.file, signAnchor(secret.macKey, { epoch: secret.epoch, head, previous: this.confirmed, at: this.clock.now().toISOString() }), true);
    this.announced = head;
  }

  /** After the commit: confirm. A failure here loses nothing (the announcement covers it). */
  afterCommit(): void {
    const secret = this.requireSecret();
    if (!this.announced) return;
    this.confirmed = this.announced;
    this.announced = null;
    this.secret = { ...secret, anchored: true };
    try {
      writeAnchorFile(this.file, signAnchor(secret.macKey, { epoch: secret.epoch, head: this.confirmed, previous: null, at: this.clock.now().toISOString() }), false);
    } catch {
      // The synced announcement already names this head; the commit must not be reported as failed.
    }
  }

  /** The rollback of a transaction whose head was announced: the previous head stays confirmed. */
  rolledBack(): void {
    this.announced = null;
  }

  close(): void {
    this.secret = null;
    this.confirmed = null;
    this.announced = null;
  }

  private requireSecret(): AnchorSecret {
    if (!this.secret) throw new Error('audit anchor keeper used before open');
    return this.secret;
  }
}

const unreadableAnchorFile: AnchorFinding = {
  source: '锚点文件',
  ok: false,
  compared: false,
  message: '审计锚点文件已损坏，无法确认审计日志未被缩短或改写。',
};

const missingAnchorFile: AnchorFinding = {
  source: '锚点文件',
  ok: false,
  compared: false,
  message: '找不到审计锚点文件，无法确认审计日志未被缩短或改写。',
};

/**
 * The chain's head now, signed: what a backup header or an upward report package carries so that
 * a copy leaving the PC witnesses the trail (AUD-4).
 */
export function currentAnchor(db: Db, at: Date): ReturnType<typeof signAnchor> {
  const secret = readAnchorSecret(db);
  return signAnchor(secret.macKey, { epoch: secret.epoch, head: chainHead(db), previous: null, at: at.toISOString() });
}
