import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The newest row of the audit chain: its sequence number and hash. */
export type ChainHead = Readonly<{ seq: number; hash: string }>;

const chainHead = z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * A witness of the audit chain kept outside the database (AUD-4): the anchor file beside it, each
 * backup's header, each upward report package. `previous` is set while a commit is in flight: the
 * database may then end at either head, and nothing acknowledged was lost either way.
 */
export const auditAnchorSchema = z.object({
  format: z.literal('xinyi-audit-anchor'),
  version: z.literal(1),
  epoch: z.string().regex(/^[0-9a-f]{16}$/),
  head: chainHead,
  previous: chainHead.nullable(),
  at: z.string(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;
export type UnsignedAnchor = Omit<AuditAnchor, 'format' | 'version' | 'mac'>;

function macOf(key: Buffer, anchor: UnsignedAnchor): string {
  const canonical = JSON.stringify([
    'xinyi-audit-anchor/v1',
    anchor.epoch,
    anchor.head.seq,
    anchor.head.hash,
    anchor.previous?.seq ?? null,
    anchor.previous?.hash ?? null,
    anchor.at,
  ]);
  return createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}

export function signAnchor(key: Buffer, anchor: UnsignedAnchor): AuditAnchor {
  return { format: 'xinyi-audit-anchor', version: 1, ...anchor, mac: macOf(key, anchor) };
}

/** False for an anchor of another station (another key) or one edited without the key. */
export function anchorMacValid(key: Buffer, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(macOf(key, anchor), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function parseAnchor(raw: unknown): AuditAnchor | null {
  const parsed = auditAnchorSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
