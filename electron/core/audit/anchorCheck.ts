import type { Db } from '../db/driver.js';
import { anchorMacValid, type AuditAnchor, type ChainHead } from './auditAnchor.js';
import { chainHead, epochEndSeq, rowHashAt, type AnchorSecret } from './anchorStore.js';

/**
 * One witness to compare with: `latest` is the anchor file, which must match the chain's end
 * exactly; any other witness (a backup's header, a report package) only has to be contained in it.
 */
export type AnchorSource = Readonly<{ label: string; anchor: AuditAnchor; latest: boolean }>;

type Verdict =
  | { kind: 'agree'; seq: number }
  | { kind: 'short'; from: number; to: number }
  | { kind: 'diverged'; seq: number }
  | { kind: 'appended'; from: number; to: number }
  | { kind: 'badMac' }
  | { kind: 'notComparable'; why: 'foreign' | 'abandoned' };

export type AnchorFinding = Readonly<{ source: string; ok: boolean; compared: boolean; message: string }>;

const sameHead = (a: ChainHead, b: ChainHead | null) => b !== null && a.seq === b.seq && a.hash === b.hash;

function judge(db: Db, secret: AnchorSecret, source: AnchorSource): Verdict {
  const { anchor } = source;
  if (!anchorMacValid(secret.macKey, anchor)) return { kind: 'badMac' };
  let latest = source.latest;
  if (anchor.epoch !== secret.epoch) {
    // Written before a restore: comparable only up to the head that restore went back to.
    const endedAt = epochEndSeq(db, anchor.epoch);
    if (endedAt === null || anchor.head.seq > endedAt) return { kind: 'notComparable', why: 'abandoned' };
    latest = false;
  }
  const head = chainHead(db);
  if (latest && (sameHead(head, anchor.head) || sameHead(head, anchor.previous))) return { kind: 'agree', seq: head.seq };
  // While a commit was in flight only the previous head was acknowledged.
  const acknowledged = latest && anchor.previous ? anchor.previous : anchor.head;
  if (head.seq < acknowledged.seq) return { kind: 'short', from: head.seq + 1, to: acknowledged.seq };
  if (rowHashAt(db, acknowledged.seq) !== acknowledged.hash) return { kind: 'diverged', seq: acknowledged.seq };
  if (latest && head.seq > anchor.head.seq) return { kind: 'appended', from: anchor.head.seq + 1, to: head.seq };
  return { kind: 'agree', seq: acknowledged.seq };
}

function describe(source: AnchorSource, verdict: Verdict, agreedBelow: (seq: number) => number): AnchorFinding {
  const { label } = source;
  switch (verdict.kind) {
    case 'agree':
      return { source: label, ok: true, compared: true, message: `与${label}一致（至第 ${verdict.seq} 条）。` };
    case 'short':
      return {
        source: label,
        ok: false,
        compared: true,
        message: `审计日志比最近记录短：第 ${verdict.from}–${verdict.to} 条缺失（对照${label}）。`,
      };
    case 'diverged': {
      const intactUpTo = agreedBelow(verdict.seq);
      return {
        source: label,
        ok: false,
        compared: true,
        message:
          intactUpTo > 0
            ? `第 ${intactUpTo} 条之后的记录与${label}不一致。`
            : `第 1–${verdict.seq} 条之间的记录与${label}不一致。`,
      };
    }
    case 'appended':
      return {
        source: label,
        ok: false,
        compared: true,
        message: `第 ${verdict.from}–${verdict.to} 条记录不在${label}记录的范围内，可能是在本程序之外追加的。`,
      };
    case 'badMac':
      return source.latest
        ? { source: label, ok: false, compared: false, message: `${label}的校验码不符：锚点被改动过，或不属于本站点。` }
        : { source: label, ok: true, compared: false, message: `${label}不属于本站点，未比较。` };
    case 'notComparable':
      return { source: label, ok: true, compared: false, message: `${label}写于恢复备份之前被放弃的记录之后，未比较。` };
  }
}

/**
 * Compare the chain with every witness. A divergence is named from the newest witness that still
 * agrees below it: rows up to that one are proven intact by the hash chain.
 */
export function checkAnchors(db: Db, secret: AnchorSecret, sources: readonly AnchorSource[]): AnchorFinding[] {
  const verdicts = sources.map((source) => judge(db, secret, source));
  const agreed = verdicts.flatMap((verdict) => (verdict.kind === 'agree' ? [verdict.seq] : []));
  const agreedBelow = (seq: number) => Math.max(0, ...agreed.filter((agreedSeq) => agreedSeq < seq));
  return sources.map((source, index) => describe(source, verdicts[index]!, agreedBelow));
}
