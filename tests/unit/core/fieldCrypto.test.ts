import { describe, expect, it } from 'vitest';
import { createClinicalKeys } from '../../../electron/core/keyring/accountSlot.js';
import { decryptField, encryptWithKey, sealToPublicKey } from '../../../electron/core/keyring/fieldCrypto.js';

const text = Buffer.from('来访者表露自伤念头', 'utf8');
const aad = 'xinyi-field/v1|risk_grades.reason|7';

describe('clinical field encryption', () => {
  it('opens a keyed value and a sealed value with the clinical keys, and only with the same row identity', () => {
    const keys = createClinicalKeys();
    for (const payload of [encryptWithKey(keys.key, aad, text), sealToPublicKey(keys.pair.publicKey, aad, text)]) {
      expect(decryptField(keys, aad, payload)?.toString('utf8')).toBe('来访者表露自伤念头');
      expect(decryptField(keys, 'xinyi-field/v1|risk_grades.reason|8', payload)).toBeNull();
      expect(decryptField(createClinicalKeys(), aad, payload)).toBeNull();
      const flipped = Buffer.from(payload);
      flipped[flipped.length - 1]! ^= 1;
      expect(decryptField(keys, aad, flipped)).toBeNull();
      expect(payload.includes(text)).toBe(false);
    }
  });

  it('refuses what is not a payload at all: empty, truncated, unknown form', () => {
    const keys = createClinicalKeys();
    expect(decryptField(keys, aad, Buffer.alloc(0))).toBeNull();
    expect(decryptField(keys, aad, encryptWithKey(keys.key, aad, text).subarray(0, 20))).toBeNull();
    expect(decryptField(keys, aad, Buffer.from('plain text'))).toBeNull();
  });
});
