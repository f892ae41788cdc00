import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scryptParams, unwrapDataKey, wrapDataKey, type KeySlot } from '../../../electron/core/keyring/keySlot.js';

const owner = { kind: 'user' as const, userId: 3, username: 'liwei' };

describe('key slots', { timeout: 60_000 }, () => {
  it('use at least the OWASP scrypt cost (N=2^17, r=8, p=1)', async () => {
    const slot = await wrapDataKey(randomBytes(32), 'a-good-password', owner);
    expect(slot.kdf).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(scryptParams.N).toBeGreaterThanOrEqual(2 ** 17);
  });

  it("Node's scrypt refuses N=2^17 without a raised maxmem, so the guard cannot be dropped by accident", () => {
    expect(() => scryptSync('x', 'salt', 32, { N: 2 ** 17, r: 8, p: 1 })).toThrow();
  });

  it('unwrap with the right secret, not with a wrong one', async () => {
    const dataKey = randomBytes(32);
    const slot = await wrapDataKey(dataKey, 'a-good-password', owner);
    expect((await unwrapDataKey(slot, 'a-good-password'))?.equals(dataKey)).toBe(true);
    expect(await unwrapDataKey(slot, 'a-wrong-password')).toBeNull();
  });

  it('detect a slot moved to another user, a downgraded cost, or a flipped byte', async () => {
    const slot = await wrapDataKey(randomBytes(32), 'a-good-password', owner);
    const tampered: KeySlot[] = [
      { ...slot, userId: 4 },
      { ...slot, username: 'someone' },
      { ...slot, kdf: { ...slot.kdf, r: 9 } },
      { ...slot, tag: Buffer.from(randomBytes(16)).toString('base64') },
      { ...slot, wrappedKey: Buffer.from(randomBytes(32)).toString('base64') },
    ];
    for (const candidate of tampered) expect(await unwrapDataKey(candidate, 'a-good-password')).toBeNull();
  });
});
