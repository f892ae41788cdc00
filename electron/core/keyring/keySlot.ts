import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 (128 MiB). Node refuses
 * N=2^17 under its default 32 MiB maxmem, so maxmem is raised explicitly (security-reliability.md KEY-3).
 */
export const scryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfParams = Readonly<{ name: 'scrypt'; N: number; r: number; p: number }>;
export const scryptMaxmem = 256 * 1024 * 1024;

export type SlotKind = 'user' | 'recovery';

/** One wrapped copy of the data key (the LUKS keyslot pattern). Binary fields are base64. */
export type KeySlot = Readonly<{
  id: string;
  kind: SlotKind;
  userId: number | null;
  username: string | null;
  kdf: KdfParams;
  salt: string;
  iv: string;
  tag: string;
  wrappedKey: string;
}>;

export type SlotOwner = Readonly<{ kind: SlotKind; userId: number | null; username: string | null }>;

function deriveKek(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: scryptMaxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Binding the slot's identity and KDF cost into GCM's AAD makes swapped or downgraded slots fail. */
function additionalData(slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username' | 'kdf'>): Buffer {
  const { kdf } = slot;
  return Buffer.from(
    `xinyi-keyslot/v1|${slot.id}|${slot.kind}|${slot.userId ?? ''}|${slot.username ?? ''}|${kdf.name}:${kdf.N}:${kdf.r}:${kdf.p}`,
    'utf8',
  );
}

export async function wrapDataKey(dataKey: Buffer, secret: string, owner: SlotOwner): Promise<KeySlot> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const base = { id: randomBytes(8).toString('hex'), ...owner, kdf: scryptParams };
  const kek = await deriveKek(secret, salt, base.kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additionalData(base));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    ...base,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  };
}

/** Returns the data key, or null when the secret is wrong or the slot was tampered with. */
export async function unwrapDataKey(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(additionalData(slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Run the password KDF for nothing: an unknown account must cost what a known one does. Always null. */
export async function spendKdfTime(secret: string): Promise<null> {
  (await deriveKek(secret, randomBytes(16), scryptParams)).fill(0);
  return null;
}
