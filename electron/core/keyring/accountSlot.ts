import { randomBytes } from 'node:crypto';
import { kdfLabel, unwrapWithPassword, wrapWithPassword, type KdfParams, type PasswordWrapped, type SlotOwner } from './keySlot.js';
import { seal, unseal, type Sealed, type X25519KeyPair, generateX25519 } from './sealing.js';

/**
 * Keyring v2 account slot (DESIGN.md §3): the account's X25519 key pair, its private half wrapped by
 * the password (or the recovery key), and the station keys sealed to its public half. Sealing needs
 * only the public key, so keys can be handed to an account (new user, rotation) without its password.
 */
export type AccountSlot = Readonly<{
  id: string;
  kind: SlotOwner['kind'];
  userId: number | null;
  username: string | null;
  publicKey: string;
  privateKey: PasswordWrapped;
  databaseKey: Sealed;
  /** Null for roles that may not hold it (reception), or while it waits for a holder to seal it (upgrade). */
  clinicalKey: Sealed | null;
}>;

/** The clinical key: 32 bytes for field encryption plus a key pair so content can be sealed without the private half. */
export type ClinicalKeys = Readonly<{ key: Buffer; pair: X25519KeyPair }>;

/** What an account can reach once its private key is open. */
export type StationKeys = Readonly<{ databaseKey: Buffer; clinical: ClinicalKeys | null }>;

export function createClinicalKeys(): ClinicalKeys {
  return { key: randomBytes(32), pair: generateX25519() };
}

export function zeroKeys(keys: StationKeys | null): void {
  keys?.databaseKey.fill(0);
  keys?.clinical?.key.fill(0);
  keys?.clinical?.pair.privateKey.fill(0);
}

const clinicalBytes = (clinical: ClinicalKeys) => Buffer.concat([clinical.key, clinical.pair.privateKey, clinical.pair.publicKey]);

function clinicalFromBytes(bytes: Buffer): ClinicalKeys | null {
  if (bytes.length !== 96) return null;
  return { key: bytes.subarray(0, 32), pair: { privateKey: bytes.subarray(32, 64), publicKey: bytes.subarray(64, 96) } };
}

/** The private key's AAD binds the slot's identity, KDF cost and public key: a swapped or edited slot fails. */
function privateKeyAad(slot: Pick<AccountSlot, 'id' | 'kind' | 'userId' | 'username' | 'publicKey'>, kdf: KdfParams): string {
  return `xinyi-keyslot/v2|${slot.id}|${slot.kind}|${slot.userId ?? ''}|${slot.username ?? ''}|${kdfLabel(kdf)}|${slot.publicKey}`;
}

const databaseContext = (slotId: string) => `database|${slotId}`;
const clinicalContext = (slotId: string) => `clinical|${slotId}`;

/** Seal the station keys to a slot's public key; `clinical` null gives the slot no clinical key. */
export function sealKeysTo(slot: Omit<AccountSlot, 'databaseKey' | 'clinicalKey'>, databaseKey: Buffer, clinical: ClinicalKeys | null): AccountSlot {
  const sealed: AccountSlot = { ...slot, databaseKey: seal(databaseKey, Buffer.from(slot.publicKey, 'base64'), databaseContext(slot.id)), clinicalKey: null };
  return clinical ? withClinicalSealed(sealed, clinical) : sealed;
}

/** A new key pair for an account, wrapped by its password, with the given keys sealed to it. */
export async function createAccountSlot(owner: SlotOwner, password: string, databaseKey: Buffer, clinical: ClinicalKeys | null): Promise<AccountSlot> {
  const pair = generateX25519();
  const identity = { id: randomBytes(8).toString('hex'), ...owner, publicKey: pair.publicKey.toString('base64') };
  const privateKey = await wrapWithPassword(pair.privateKey, password, (kdf) => privateKeyAad(identity, kdf));
  pair.privateKey.fill(0);
  return sealKeysTo({ ...identity, privateKey }, databaseKey, clinical);
}

/** The same key pair under a new password (change password): the sealed keys are untouched. */
export async function rewrapAccountSlot(slot: AccountSlot, pair: X25519KeyPair, newPassword: string): Promise<AccountSlot> {
  return { ...slot, privateKey: await wrapWithPassword(pair.privateKey, newPassword, (kdf) => privateKeyAad(slot, kdf)) };
}

/** The account's key pair, or null for a wrong password or an altered slot. */
export async function openAccountSlot(slot: AccountSlot, password: string): Promise<X25519KeyPair | null> {
  const privateKey = await unwrapWithPassword(slot.privateKey, password, (kdf) => privateKeyAad(slot, kdf));
  return privateKey ? { privateKey, publicKey: Buffer.from(slot.publicKey, 'base64') } : null;
}

/** Unseal what the slot holds; null when a sealed key was altered or moved from another slot. */
export function unsealKeys(slot: AccountSlot, pair: X25519KeyPair): StationKeys | null {
  const databaseKey = unseal(slot.databaseKey, pair, databaseContext(slot.id));
  if (!databaseKey || databaseKey.length !== 32) return null;
  if (!slot.clinicalKey) return { databaseKey, clinical: null };
  const clinicalRaw = unseal(slot.clinicalKey, pair, clinicalContext(slot.id));
  const clinical = clinicalRaw ? clinicalFromBytes(clinicalRaw) : null;
  if (!clinical) {
    databaseKey.fill(0);
    return null;
  }
  return { databaseKey, clinical };
}

/** Give a slot the clinical key it lacks (a holder is present); only its public key is needed. */
export function withClinicalSealed(slot: AccountSlot, clinical: ClinicalKeys): AccountSlot {
  return { ...slot, clinicalKey: seal(clinicalBytes(clinical), Buffer.from(slot.publicKey, 'base64'), clinicalContext(slot.id)) };
}
