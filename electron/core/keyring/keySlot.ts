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
function additionalData(slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username' | 'kdf'>): string {
  const { kdf } = slot;
  return `xinyi-keyslot/v1|${slot.id}|${slot.kind}|${slot.userId ?? ''}|${slot.username ?? ''}|${kdf.name}:${kdf.N}:${kdf.r}:${kdf.p}`;
}

/** A secret wrapped by a password-derived key. Binary fields are base64. */
export type PasswordWrapped = Readonly<{ kdf: KdfParams; salt: string; iv: string; tag: string; wrapped: string }>;

export const kdfLabel = (kdf: KdfParams) => `${kdf.name}:${kdf.N}:${kdf.r}:${kdf.p}`;

/** scrypt → AES-256-GCM; `aad` must name the owner and the KDF cost (the caller builds it from the slot). */
export async function wrapWithPassword(secret: Buffer, password: string, aad: (kdf: KdfParams) => string): Promise<PasswordWrapped> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = scryptParams;
  const kek = await deriveKek(password, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad(kdf), 'utf8'));
  const wrapped = Buffer.concat([cipher.update(secret), cipher.final()]);
  kek.fill(0);
  return {
    kdf,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The secret, or null when the password is wrong or the wrapping (or its AAD) was altered. */
export async function unwrapWithPassword(item: PasswordWrapped, password: string, aad: (kdf: KdfParams) => string): Promise<Buffer | null> {
  const kek = await deriveKek(password, Buffer.from(item.salt, 'base64'), item.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(item.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad(item.kdf), 'utf8'));
    decipher.setAuthTag(Buffer.from(item.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(item.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Keyring v1 slots wrap the data key directly. New slots are v2 (accountSlot.ts); this stays for upgrades and old backups. */
export async function wrapDataKey(dataKey: Buffer, secret: string, owner: SlotOwner): Promise<KeySlot> {
  const id = randomBytes(8).toString('hex');
  const { kdf, salt, iv, tag, wrapped } = await wrapWithPassword(dataKey, secret, (params) => additionalData({ id, ...owner, kdf: params }));
  return { id, ...owner, kdf, salt, iv, tag, wrappedKey: wrapped };
}

/** Returns the data key, or null when the secret is wrong or the slot was tampered with. */
export function unwrapDataKey(slot: KeySlot, secret: string): Promise<Buffer | null> {
  return unwrapWithPassword({ ...slot, wrapped: slot.wrappedKey }, secret, (kdf) => additionalData({ ...slot, kdf }));
}

/** Run the password KDF for nothing: an unknown account must cost what a known one does. Always null. */
export async function spendKdfTime(secret: string): Promise<null> {
  (await deriveKek(secret, randomBytes(16), scryptParams)).fill(0);
  return null;
}
