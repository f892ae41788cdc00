import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing to a public key, the age pattern with Node's own crypto only: an ephemeral X25519 key pair,
 * Diffie-Hellman with the recipient's public key, HKDF-SHA256 over both public keys, AES-256-GCM.
 * Whoever holds only the public key can seal; only the private key's holder can open.
 */

/** Raw 32-byte X25519 keys; kept raw so the keyring stores plain base64 strings. */
export type X25519KeyPair = Readonly<{ publicKey: Buffer; privateKey: Buffer }>;

/** One sealed secret. Binary fields are base64. */
export type Sealed = Readonly<{ ephemeralPublicKey: string; iv: string; tag: string; ciphertext: string }>;

const b64url = (raw: Buffer) => raw.toString('base64url');

export function generateX25519(): X25519KeyPair {
  // The private key's JWK carries both halves raw (d and x).
  const jwk = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x) throw new Error('X25519 key export failed');
  return { publicKey: Buffer.from(jwk.x, 'base64url'), privateKey: Buffer.from(jwk.d, 'base64url') };
}

function sharedKey(privateKey: Buffer, ownPublicKey: Buffer, otherPublicKey: Buffer, ephemeralPublicKey: Buffer, recipientPublicKey: Buffer, context: string): Buffer {
  const secret = diffieHellman({
    privateKey: createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: b64url(privateKey), x: b64url(ownPublicKey) }, format: 'jwk' }),
    publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(otherPublicKey) }, format: 'jwk' }),
  });
  // Both public keys in the salt bind the derived key to this exact pair (as age does).
  const salt = Buffer.concat([ephemeralPublicKey, recipientPublicKey]);
  const key = Buffer.from(hkdfSync('sha256', secret, salt, `xinyi-seal/v2|${context}`, 32));
  secret.fill(0);
  return key;
}

/** `context` names what is sealed for whom (e.g. "database|<slot id>") and is authenticated. */
export function seal(plaintext: Buffer, recipientPublicKey: Buffer, context: string): Sealed {
  const ephemeral = generateX25519();
  const key = sharedKey(ephemeral.privateKey, ephemeral.publicKey, recipientPublicKey, ephemeral.publicKey, recipientPublicKey, context);
  ephemeral.privateKey.fill(0);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  key.fill(0);
  return {
    ephemeralPublicKey: ephemeral.publicKey.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The plaintext, or null when the key pair or context is not the one it was sealed for, or it was altered. */
export function unseal(sealed: Sealed, recipient: X25519KeyPair, context: string): Buffer | null {
  const ephemeralPublicKey = Buffer.from(sealed.ephemeralPublicKey, 'base64');
  let key: Buffer | null = null;
  try {
    key = sharedKey(recipient.privateKey, recipient.publicKey, ephemeralPublicKey, ephemeralPublicKey, recipient.publicKey, context);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    key?.fill(0);
  }
}
