import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomicWrite.js';
import type { KeySlot } from './keySlot.js';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const keySlotSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  kind: z.enum(['user', 'recovery']),
  userId: z.number().int().positive().nullable(),
  username: z.string().nullable(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 17),
    r: z.number().int().min(8),
    p: z.number().int().min(1),
  }),
  salt: base64,
  iv: base64,
  tag: base64,
  wrappedKey: base64,
});

const keyringSchema = z.object({
  format: z.literal('xinyi-keyring'),
  version: z.literal(1),
  slots: z.array(keySlotSchema),
});

export type Keyring = Readonly<{ format: 'xinyi-keyring'; version: 1; slots: readonly KeySlot[] }>;

export function emptyKeyring(): Keyring {
  return { format: 'xinyi-keyring', version: 1, slots: [] };
}

export function parseKeyring(text: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('KEYRING_INVALID', '密钥环文件已损坏（不是有效的 JSON）。请从备份恢复。');
  }
  const parsed = keyringSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('KEYRING_INVALID', '密钥环文件格式不正确。请从备份恢复。');
  return parsed.data;
}

export function readKeyring(file: string): Keyring {
  return parseKeyring(fs.readFileSync(file, 'utf8'));
}

export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomic(file, `${JSON.stringify(keyring, null, 2)}\n`);
}

const sameUsername = (a: string | null, b: string) => a !== null && a === b;

export function findUserSlot(keyring: Keyring, username: string): KeySlot | undefined {
  return keyring.slots.find((slot) => slot.kind === 'user' && sameUsername(slot.username, username));
}

export function findRecoverySlot(keyring: Keyring): KeySlot | undefined {
  return keyring.slots.find((slot) => slot.kind === 'recovery');
}

/** Replace the slot of the same owner (one per user, one recovery slot), or add it. */
export function withSlot(keyring: Keyring, slot: KeySlot): Keyring {
  const others = keyring.slots.filter((existing) =>
    slot.kind === 'recovery' ? existing.kind !== 'recovery' : !(existing.kind === 'user' && existing.userId === slot.userId),
  );
  return { ...keyring, slots: [...others, slot] };
}

export function withoutUserSlot(keyring: Keyring, userId: number): Keyring {
  return { ...keyring, slots: keyring.slots.filter((slot) => !(slot.kind === 'user' && slot.userId === userId)) };
}
