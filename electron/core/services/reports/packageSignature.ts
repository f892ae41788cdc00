import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { groupFingerprint, packageEnvelope, packagePayload, type PackageEnvelope, type PackagePayload } from '../../../../shared/reports/packageFormat.js';
import { sha256Hex } from '../../sha256.js';

/** The station's signing key as stored (DER, base64): SPKI public half, PKCS #8 private half. */
export type StationKey = Readonly<{ publicKey: string; privateKey: string }>;

/** Ed25519 SPKI DER is a fixed 12-byte prefix and the 32-byte raw key. */
const rawPublicKey = (spkiBase64: string) => Buffer.from(spkiBase64, 'base64').subarray(-32);

/** The fingerprint a 街道 registers: SHA-256 of the raw 32-byte public key, grouped for reading. */
export function fingerprintOf(spkiBase64: string): string {
  return groupFingerprint(sha256Hex(rawPublicKey(spkiBase64)));
}

/** The package file's text: the payload's exact JSON, signed by the station's key (Node's own Ed25519, DESIGN.md §6). */
export function signPackage(payload: PackagePayload, key: StationKey): string {
  const text = JSON.stringify(payload);
  const value = sign(null, Buffer.from(text, 'utf8'), createPrivateKey({ key: Buffer.from(key.privateKey, 'base64'), format: 'der', type: 'pkcs8' }));
  const envelope: PackageEnvelope = {
    format: 'xinyi-report-package',
    formatVersion: 1,
    payload: text,
    signature: { algorithm: 'Ed25519', publicKey: key.publicKey, value: value.toString('base64') },
  };
  return `${JSON.stringify(envelope, null, 1)}\n`;
}

/** A package read back: its payload parsed, the exact text that was signed (a district keeps it), and the key's fingerprint. */
export type VerifiedPackage = { ok: true; payload: PackagePayload; payloadText: string; fingerprint: string } | { ok: false; reason: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A package read back: its envelope, its signature over the payload's exact bytes, the payload's shape, and the
 * manifest's own fingerprint agreeing with the key that signed. Any changed byte of the payload fails the signature;
 * each refusal says why in Chinese. Whether the key is the station's registered one is the reader's next check.
 */
export function verifyPackage(text: string): VerifiedPackage {
  const envelope = packageEnvelope.safeParse(parseJson(text));
  if (!envelope.success) return { ok: false, reason: '不是心驿上报文件（.xyp），或文件不完整。' };
  const { payload, signature } = envelope.data;
  let valid = false;
  try {
    const publicKey = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
    valid = publicKey.asymmetricKeyType === 'ed25519' && verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(signature.value, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: '签名校验失败：文件内容在签名后被改动过，或签名不属于文件中的公钥。' };
  const parsed = packagePayload.safeParse(parseJson(payload));
  if (!parsed.success) return { ok: false, reason: '上报文件的内容格式不正确（签名有效，但不是本版本能读取的报表）。' };
  const fingerprint = fingerprintOf(signature.publicKey);
  if (parsed.data.manifest.keyFingerprint !== fingerprint) return { ok: false, reason: '上报文件中声明的公钥指纹与签名所用的公钥不一致。' };
  return { ok: true, payload: parsed.data, payloadText: payload, fingerprint };
}
