import { createHash } from 'node:crypto';

/** The SHA-256 of bytes or UTF-8 text, as lowercase hex (files' checksums, an inspection snapshot's seal). */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
