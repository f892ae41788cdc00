import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import type { ClinicalKeys } from './accountSlot.js';
import { seal, unseal } from './sealing.js';

/**
 * Encryption of one clinical field (issue 9 §1). Two forms, told apart by their first byte:
 * - keyed: AES-256-GCM under the clinical key, written while a clinical session holds it;
 * - sealed: to the clinical public key (ephemeral X25519, see sealing.ts), written while no clinical
 *   session is open (the kiosk during a staff lock), so writing never needs the private half.
 * `aad` names the field and its row, so a value moved to another row or column no longer opens.
 */

const keyedForm = 0x4b; // 'K'
const sealedForm = 0x53; // 'S'
const ivLength = 12;
const tagLength = 16;
const publicKeyLength = 32;

/**
 * Random IVs drawn from a pool refilled 1,024 at a time: a rotation re-encrypts hundreds of thousands
 * of fields, and one randomBytes call per field costs as much as the encryption itself.
 */
const ivPool = Buffer.alloc(ivLength * 1024);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset >= ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivOffset += ivLength;
  return Buffer.from(ivPool.subarray(ivOffset - ivLength, ivOffset));
}

export function encryptWithKey(key: Buffer, aad: string, plaintext: Buffer): Buffer {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(keyedForm), iv, cipher.getAuthTag(), ciphertext]);
}

export function sealToPublicKey(publicKey: Buffer, aad: string, plaintext: Buffer): Buffer {
  const sealed = seal(plaintext, publicKey, aad);
  return Buffer.concat([
    Buffer.of(sealedForm),
    Buffer.from(sealed.ephemeralPublicKey, 'base64'),
    Buffer.from(sealed.iv, 'base64'),
    Buffer.from(sealed.tag, 'base64'),
    Buffer.from(sealed.ciphertext, 'base64'),
  ]);
}

/** The plaintext, or null when the payload is not ours, was altered, or belongs to another row or key. */
export function decryptField(keys: ClinicalKeys, aad: string, payload: Buffer): Buffer | null {
  if (payload[0] === keyedForm && payload.length >= 1 + ivLength + tagLength) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.key, payload.subarray(1, 1 + ivLength));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(payload.subarray(1 + ivLength, 1 + ivLength + tagLength));
      return Buffer.concat([decipher.update(payload.subarray(1 + ivLength + tagLength)), decipher.final()]);
    } catch {
      return null;
    }
  }
  const header = 1 + publicKeyLength + ivLength + tagLength;
  if (payload[0] === sealedForm && payload.length >= header) {
    let at = 1;
    const take = (length: number) => payload.subarray(at, (at += length)).toString('base64');
    const ephemeralPublicKey = take(publicKeyLength);
    const iv = take(ivLength);
    const tag = take(tagLength);
    return unseal({ ephemeralPublicKey, iv, tag, ciphertext: payload.subarray(at).toString('base64') }, keys.pair, aad);
  }
  return null;
}
