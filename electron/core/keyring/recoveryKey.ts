import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O or U, so a printed key cannot be misread.
export const crockfordAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 32 characters (security-reliability.md KEY-5 asks for at least 128). */
export function createRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += crockfordAlphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Groups of four for printing: ABCD-EFGH-… */
export function formatRecoveryKey(key: string): string {
  return key.match(/.{1,4}/g)?.join('-') ?? key;
}
