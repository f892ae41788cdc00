import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createAccountSlot,
  createClinicalKeys,
  openAccountSlot,
  rewrapAccountSlot,
  sealKeysTo,
  unsealKeys,
  type AccountSlot,
} from '../../../electron/core/keyring/accountSlot.js';
import { generateX25519, seal, unseal } from '../../../electron/core/keyring/sealing.js';
import { emptyKeyring, openWithSecret, parseKeyring, resealedKeyring, serializeKeyring, withAccount } from '../../../electron/core/keyring/keyring.js';
import { wrapDataKey } from '../../../electron/core/keyring/keySlot.js';

const owner = { kind: 'user' as const, userId: 3, username: 'liwei' };

describe('sealing to an X25519 public key', () => {
  it('opens only with the recipient key pair and the same context', () => {
    const recipient = generateX25519();
    const other = generateX25519();
    const secret = randomBytes(32);
    const sealed = seal(secret, recipient.publicKey, 'database|a');
    expect(unseal(sealed, recipient, 'database|a')?.equals(secret)).toBe(true);
    expect(unseal(sealed, other, 'database|a')).toBeNull();
    expect(unseal(sealed, recipient, 'clinical|a')).toBeNull();
    expect(unseal({ ...sealed, ciphertext: randomBytes(32).toString('base64') }, recipient, 'database|a')).toBeNull();
    // A fresh ephemeral key each time: two seals of the same secret differ.
    expect(seal(secret, recipient.publicKey, 'database|a').ciphertext).not.toBe(sealed.ciphertext);
  });
});

describe('account slots (keyring v2)', { timeout: 60_000 }, () => {
  it('wrap the private key with scrypt at the OWASP cost and reach both keys with the password', async () => {
    const databaseKey = randomBytes(32);
    const clinical = createClinicalKeys();
    const slot = await createAccountSlot(owner, 'a-good-password', databaseKey, clinical);
    expect(slot.privateKey.kdf).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(await openAccountSlot(slot, 'a-wrong-password')).toBeNull();
    const pair = (await openAccountSlot(slot, 'a-good-password'))!;
    const keys = unsealKeys(slot, pair)!;
    expect(keys.databaseKey.equals(databaseKey)).toBe(true);
    expect(keys.clinical?.key.equals(clinical.key)).toBe(true);
    expect(keys.clinical?.pair.publicKey.equals(clinical.pair.publicKey)).toBe(true);
    // A changed password rewraps the same key pair; the sealed keys stay as they are.
    const rewrapped = await rewrapAccountSlot(slot, pair, 'another-password');
    expect(rewrapped.databaseKey).toEqual(slot.databaseKey);
    expect(await openAccountSlot(rewrapped, 'a-good-password')).toBeNull();
    expect(unsealKeys(rewrapped, (await openAccountSlot(rewrapped, 'another-password'))!)?.databaseKey.equals(databaseKey)).toBe(true);
  });

  it('detect a slot moved to another user, a downgraded cost, a swapped public key or a sealed key from another slot', async () => {
    const databaseKey = randomBytes(32);
    const slot = await createAccountSlot(owner, 'a-good-password', databaseKey, null);
    const other = await createAccountSlot({ ...owner, userId: 4, username: 'zhao' }, 'a-good-password', databaseKey, null);
    const tampered: AccountSlot[] = [
      { ...slot, userId: 4 },
      { ...slot, username: 'someone' },
      { ...slot, privateKey: { ...slot.privateKey, kdf: { ...slot.privateKey.kdf, r: 9 } } },
      { ...slot, publicKey: other.publicKey },
      { ...slot, privateKey: { ...slot.privateKey, tag: randomBytes(16).toString('base64') } },
    ];
    for (const candidate of tampered) expect(await openAccountSlot(candidate, 'a-good-password')).toBeNull();
    const pair = (await openAccountSlot(slot, 'a-good-password'))!;
    expect(unsealKeys({ ...slot, databaseKey: other.databaseKey }, pair)).toBeNull();
  });

  it('a reception slot carries no clinical key; sealing new keys needs only the public key', async () => {
    const slot = await createAccountSlot(owner, 'a-good-password', randomBytes(32), null);
    expect(slot.clinicalKey).toBeNull();
    const newKey = randomBytes(32);
    const resealed = sealKeysTo(slot, newKey, null);
    expect(unsealKeys(resealed, (await openAccountSlot(resealed, 'a-good-password'))!)?.databaseKey.equals(newKey)).toBe(true);
  });
});

describe('keyring format', { timeout: 60_000 }, () => {
  it('reads a format-1 keyring as format 2 with every slot kept as legacy, still opening with its password', async () => {
    const databaseKey = randomBytes(32);
    const v1 = { format: 'xinyi-keyring', version: 1, slots: [await wrapDataKey(databaseKey, 'a-good-password', owner)] };
    const keyring = parseKeyring(JSON.stringify(v1));
    expect(keyring).toMatchObject({ version: 2, clinicalPublicKey: null, accounts: [] });
    expect(keyring.legacy).toEqual(v1.slots);
    const opened = await openWithSecret(keyring, { kind: 'user', username: 'liwei' }, 'a-good-password');
    expect(opened?.keys.databaseKey.equals(databaseKey)).toBe(true);
    expect(opened?.account).toBeNull();
    // Written back it is format 2, and the legacy slot survives byte for byte.
    expect(parseKeyring(serializeKeyring(keyring)).legacy).toEqual(v1.slots);
  });

  it('a rotation reseals every account, gives the clinical key only to entitled ones, and drops legacy slots', async () => {
    const clinical = createClinicalKeys();
    const databaseKey = randomBytes(32);
    const admin = await createAccountSlot({ kind: 'user', userId: 1, username: 'admin' }, 'admin-password', databaseKey, clinical);
    const reception = await createAccountSlot({ kind: 'user', userId: 2, username: 'qiantai' }, 'reception-pass', databaseKey, null);
    const legacy = await wrapDataKey(databaseKey, 'old-password', { kind: 'user', userId: 5, username: 'old' });
    const keyring = { ...withAccount(withAccount(emptyKeyring(clinical.pair.publicKey), admin), reception), legacy: [legacy] };
    const next = { databaseKey: randomBytes(32), clinical: createClinicalKeys() };
    const rotated = resealedKeyring(keyring, next, new Set([1]));
    expect(rotated.legacy).toEqual([]);
    expect(rotated.clinicalPublicKey).toBe(next.clinical.pair.publicKey.toString('base64'));
    const adminKeys = (await openWithSecret(rotated, { kind: 'user', username: 'admin' }, 'admin-password'))!.keys;
    expect(adminKeys.databaseKey.equals(next.databaseKey)).toBe(true);
    expect(adminKeys.clinical?.key.equals(next.clinical.key)).toBe(true);
    const receptionKeys = (await openWithSecret(rotated, { kind: 'user', username: 'qiantai' }, 'reception-pass'))!.keys;
    expect(receptionKeys.databaseKey.equals(next.databaseKey)).toBe(true);
    expect(receptionKeys.clinical).toBeNull();
  });
});
