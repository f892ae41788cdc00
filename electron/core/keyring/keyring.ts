import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomicWrite.js';
import type { Role } from '../../../shared/api/access.js';
import { openAccountSlot, sealKeysTo, unsealKeys, withClinicalSealed, type AccountSlot, type ClinicalKeys, type StationKeys } from './accountSlot.js';
import { spendKdfTime, unwrapDataKey, type KeySlot, type SlotOwner } from './keySlot.js';
import type { X25519KeyPair } from './sealing.js';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const slotId = z.string().regex(/^[0-9a-f]{16}$/);
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 17),
  r: z.number().int().min(8),
  p: z.number().int().min(1),
});
const ownerFields = {
  id: slotId,
  kind: z.enum(['user', 'recovery']),
  userId: z.number().int().positive().nullable(),
  username: z.string().nullable(),
};

const keySlotSchema = z.object({ ...ownerFields, kdf: kdfSchema, salt: base64, iv: base64, tag: base64, wrappedKey: base64 });

const sealedSchema = z.object({ ephemeralPublicKey: base64, iv: base64, tag: base64, ciphertext: base64 });
const accountSlotSchema = z.object({
  ...ownerFields,
  publicKey: base64,
  privateKey: z.object({ kdf: kdfSchema, salt: base64, iv: base64, tag: base64, wrapped: base64 }),
  databaseKey: sealedSchema,
  clinicalKey: sealedSchema.nullable(),
});

const keyringV1Schema = z.object({ format: z.literal('xinyi-keyring'), version: z.literal(1), slots: z.array(keySlotSchema) });
const keyringV2Schema = z.object({
  format: z.literal('xinyi-keyring'),
  version: z.literal(2),
  clinicalPublicKey: base64.nullable(),
  accounts: z.array(accountSlotSchema),
  legacy: z.array(keySlotSchema),
});

/**
 * Keyring format 2 (DESIGN.md §3). Upgrade from format 1, decided here once:
 * - A v1 slot wraps the database key with a password, so only that password can turn it into a v2
 *   account slot. Each account is upgraded at its own next successful login; until then its v1 slot
 *   stays, unchanged, in `legacy` (still opens the station with the same password). A v1 file is read
 *   as a v2 keyring whose slots are all legacy, so every write after that is already format 2, and
 *   every write is atomic: a crash during an upgrade leaves the old or the new file, both usable.
 * - The clinical key is created by the first upgrading account that may hold it (站长, counsellor or
 *   the recovery key), and sealed to the other clinical accounts as they upgrade whenever a holder is
 *   logged in (sealing needs only their public key). Until then `clinicalPublicKey` is null; no
 *   content is encrypted with it yet, so nothing can be lost.
 * - The v1 recovery slot can only be upgraded with the recovery key (at its next use). A key rotation
 *   cannot seal new keys to a legacy slot; it drops them, so such accounts need a temporary password
 *   from the 站长; a v1 recovery slot is upgraded at its next use or replaced by users.newRecoveryKey,
 *   and until then a disable or reset does not rotate (see UsersService.changeWithRotation).
 */
export type Keyring = Readonly<{
  format: 'xinyi-keyring';
  version: 2;
  /** Public half of the clinical key pair: content can be sealed to it while no clinical session is open. */
  clinicalPublicKey: string | null;
  accounts: readonly AccountSlot[];
  /** Format-1 slots not upgraded yet: each wraps the database key directly with its password. */
  legacy: readonly KeySlot[];
}>;

export function emptyKeyring(clinicalPublicKey: Buffer): Keyring {
  return { format: 'xinyi-keyring', version: 2, clinicalPublicKey: clinicalPublicKey.toString('base64'), accounts: [], legacy: [] };
}

export function parseKeyring(text: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('KEYRING_INVALID', '密钥环文件已损坏（不是有效的 JSON）。请从备份恢复。');
  }
  const v2 = keyringV2Schema.safeParse(raw);
  if (v2.success) return v2.data;
  const v1 = keyringV1Schema.safeParse(raw);
  if (v1.success) return { format: 'xinyi-keyring', version: 2, clinicalPublicKey: null, accounts: [], legacy: v1.data.slots };
  throw new AppError('KEYRING_INVALID', '密钥环文件格式不正确。请从备份恢复。');
}

export function serializeKeyring(keyring: Keyring): string {
  return `${JSON.stringify(keyring, null, 2)}\n`;
}

export function readKeyring(file: string): Keyring {
  return parseKeyring(fs.readFileSync(file, 'utf8'));
}

export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomic(file, serializeKeyring(keyring));
}

/** Who is presenting a secret: an account by name, or the recovery key. */
export type Credential = Readonly<{ kind: 'user'; username: string } | { kind: 'recovery' }>;

const isOwner = (credential: Credential) => (slot: { kind: string; username: string | null }) =>
  credential.kind === 'recovery' ? slot.kind === 'recovery' : slot.kind === 'user' && slot.username !== null && slot.username === credential.username;

export function findAccount(keyring: Keyring, credential: Credential): AccountSlot | undefined {
  return keyring.accounts.find(isOwner(credential));
}

export function findLegacy(keyring: Keyring, credential: Credential): KeySlot | undefined {
  return keyring.legacy.find(isOwner(credential));
}

export function hasSlotFor(keyring: Keyring, credential: Credential): boolean {
  return findAccount(keyring, credential) !== undefined || findLegacy(keyring, credential) !== undefined;
}

/** Which slot an account would unlock with: its account slot, a keyring-v1 slot, or none at all. */
export function slotStateOf(keyring: Keyring, username: string): 'current' | 'legacy' | 'none' {
  const credential: Credential = { kind: 'user', username };
  if (findAccount(keyring, credential)) return 'current';
  return findLegacy(keyring, credential) ? 'legacy' : 'none';
}

const sameOwner = (a: SlotOwner, b: SlotOwner) =>
  a.kind === 'recovery' ? b.kind === 'recovery' : b.kind === 'user' && (a.userId === b.userId || (a.username !== null && a.username === b.username));

/** Replace the account slot of the same owner (and its legacy slot, now upgraded), or add it. */
export function withAccount(keyring: Keyring, slot: AccountSlot): Keyring {
  return {
    ...keyring,
    accounts: [...keyring.accounts.filter((existing) => !sameOwner(slot, existing)), slot],
    legacy: keyring.legacy.filter((existing) => !sameOwner(slot, existing)),
  };
}

export function withoutUser(keyring: Keyring, userId: number): Keyring {
  const other = (slot: SlotOwner) => !(slot.kind === 'user' && slot.userId === userId);
  return { ...keyring, accounts: keyring.accounts.filter(other), legacy: keyring.legacy.filter(other) };
}

/** The account keeps its slot (password, database key) but no longer holds a sealed clinical key. */
export function withoutClinicalFor(keyring: Keyring, userId: number): Keyring {
  return { ...keyring, accounts: keyring.accounts.map((slot) => (slot.kind === 'user' && slot.userId === userId ? { ...slot, clinicalKey: null } : slot)) };
}

/** The result of a right secret: the keys it reaches, and its v2 slot and key pair (null for a legacy slot). */
export type OpenedSlot = Readonly<{
  keys: StationKeys;
  userId: number | null;
  account: AccountSlot | null;
  pair: X25519KeyPair | null;
}>;

/** Try the credential's v2 slot, then its legacy v1 slot; null for a wrong secret or no slot. */
export async function openWithSecret(keyring: Keyring, credential: Credential, secret: string): Promise<OpenedSlot | null> {
  const account = findAccount(keyring, credential);
  if (account) {
    const pair = await openAccountSlot(account, secret);
    const keys = pair ? unsealKeys(account, pair) : null;
    if (!pair || !keys) {
      pair?.privateKey.fill(0);
      return null;
    }
    return { keys, userId: account.userId, account, pair };
  }
  const legacy = findLegacy(keyring, credential);
  // An unknown name costs the same KDF time as a known one, so timing does not tell which exist.
  const databaseKey = legacy ? await unwrapDataKey(legacy, secret) : await spendKdfTime(secret);
  if (!legacy || !databaseKey) return null;
  return { keys: { databaseKey, clinical: null }, userId: legacy.userId, account: null, pair: null };
}

/** Roles whose accounts may hold the clinical key (with the recovery slot); reception never does. */
export const clinicalKeyRoles: readonly Role[] = ['admin', 'counsellor'];

export const mayHoldClinical = (role: Role) => clinicalKeyRoles.includes(role);

/**
 * Which accounts may hold the clinical key: the recovery slot, and active 站长/counsellor accounts.
 * `clinicalUserIds` comes from the database (roles live there, not in the keyring).
 */
const entitled = (clinicalUserIds: ReadonlySet<number>) => (slot: AccountSlot) =>
  slot.kind === 'recovery' || (slot.userId !== null && clinicalUserIds.has(slot.userId));

/** Seal the clinical key to entitled accounts that do not have it yet (upgraded or created while no holder was present). */
export function withPendingClinicalSealed(keyring: Keyring, clinical: ClinicalKeys, clinicalUserIds: ReadonlySet<number>): Keyring {
  const mayHold = entitled(clinicalUserIds);
  const accounts = keyring.accounts.map((slot) => (slot.clinicalKey === null && mayHold(slot) ? withClinicalSealed(slot, clinical) : slot));
  return { ...keyring, accounts };
}

/** Accounts that would still lack the clinical key; an upgrade writes the keyring only if something changes. */
export function pendingClinicalCount(keyring: Keyring, clinicalUserIds: ReadonlySet<number>): number {
  const mayHold = entitled(clinicalUserIds);
  return keyring.accounts.filter((slot) => slot.clinicalKey === null && mayHold(slot)).length;
}

/**
 * A rotation's keyring: the new keys sealed to every v2 account's public key, the clinical key only to
 * entitled ones. When `keys.clinical` is null the clinical key is not rotated and the sealed copies stay.
 * Legacy (v1) slots cannot receive new keys without their passwords and are dropped.
 */
export function resealedKeyring(keyring: Keyring, keys: StationKeys, clinicalUserIds: ReadonlySet<number>): Keyring {
  const mayHold = entitled(clinicalUserIds);
  const accounts = keyring.accounts.map((slot) => {
    if (keys.clinical) return sealKeysTo(slot, keys.databaseKey, mayHold(slot) ? keys.clinical : null);
    return { ...sealKeysTo(slot, keys.databaseKey, null), clinicalKey: mayHold(slot) ? slot.clinicalKey : null };
  });
  return {
    ...keyring,
    clinicalPublicKey: keys.clinical ? keys.clinical.pair.publicKey.toString('base64') : keyring.clinicalPublicKey,
    accounts,
    legacy: [],
  };
}
