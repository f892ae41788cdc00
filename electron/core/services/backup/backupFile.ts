import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { auditAnchorSchema } from '../../audit/auditAnchor.js';
import { parseKeyring, type Keyring } from '../../keyring/keyring.js';

/**
 * One backup is one file, so it can travel on a USB stick as a unit:
 *   "XINYIBAK\n" | uint32 BE header length | header JSON | encrypted database bytes
 * The header holds the keyring (wrapped keys only), the database's SHA-256 (BAK-3) and the audit anchor.
 */
const magic = Buffer.from('XINYIBAK\n', 'latin1');
const maxHeaderBytes = 1024 * 1024;
const chunkBytes = 4 * 1024 * 1024;

const headerSchema = z.object({
  format: z.literal('xinyi-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  cipher: z.string(),
  keyring: z.unknown(),
  database: z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** The audit chain's head inside this copy, a witness for later verification (AUD-4); absent in backups made before anchors existed. */
  audit: auditAnchorSchema.optional(),
});

export type BackupHeader = Omit<z.infer<typeof headerSchema>, 'keyring'> & { keyring: Keyring };

export const backupExtension = '.xybak';

/** Called between chunks so long copies can report progress, yield and be cancelled. */
export type ChunkHook = (doneBytes: number, totalBytes: number) => Promise<void>;

export async function sha256OfFile(file: string, hook?: ChunkHook): Promise<string> {
  const hash = createHash('sha256');
  const total = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes);
    let done = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      done += read;
      await hook?.(done, total);
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Copy a byte range of one file into a file descriptor, chunk by chunk. */
async function copyRange(source: string, start: number, length: number, targetFd: number, hook?: ChunkHook): Promise<void> {
  const fd = fs.openSync(source, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes);
    let done = 0;
    while (done < length) {
      const read = fs.readSync(fd, buffer, 0, Math.min(chunkBytes, length - done), start + done);
      if (read === 0) throw new AppError('BACKUP_INVALID', '备份文件被截断。');
      fs.writeSync(targetFd, buffer, 0, read);
      done += read;
      await hook?.(done, length);
    }
  } finally {
    fs.closeSync(fd);
  }
}

export async function writeBackupFile(target: string, header: BackupHeader, databaseFile: string, hook?: ChunkHook): Promise<void> {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const fd = fs.openSync(target, 'wx', 0o600);
  try {
    fs.writeSync(fd, Buffer.concat([magic, length, headerBytes]));
    await copyRange(databaseFile, 0, header.database.size, fd, hook);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readBackupHeader(file: string): { header: BackupHeader; databaseOffset: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new AppError('FILE_ERROR', `无法打开备份文件：${file}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    // A folder opens like a file on some systems; reading it would fail with a bare EISDIR.
    if (!stat.isFile()) throw new AppError('FILE_ERROR', `这是一个文件夹，不是备份文件：${file}`);
    const size = stat.size;
    const prefix = Buffer.alloc(magic.length + 4);
    if (fs.readSync(fd, prefix, 0, prefix.length, 0) !== prefix.length || !prefix.subarray(0, magic.length).equals(magic)) {
      throw new AppError('BACKUP_INVALID', '该文件不是心驿备份文件。');
    }
    const headerLength = prefix.readUInt32BE(magic.length);
    if (headerLength > maxHeaderBytes || prefix.length + headerLength > size) {
      throw new AppError('BACKUP_INVALID', '备份文件头已损坏。');
    }
    const headerBytes = Buffer.alloc(headerLength);
    fs.readSync(fd, headerBytes, 0, headerLength, prefix.length);
    let raw: unknown;
    try {
      raw = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw new AppError('BACKUP_INVALID', '备份文件头已损坏。');
    }
    const parsed = headerSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('BACKUP_INVALID', '备份文件头格式不正确。');
    const databaseOffset = prefix.length + headerLength;
    if (size - databaseOffset !== parsed.data.database.size) {
      throw new AppError('BACKUP_INVALID', '备份文件长度不符，可能未复制完整。');
    }
    return { header: { ...parsed.data, keyring: parseKeyring(JSON.stringify(parsed.data.keyring)) }, databaseOffset };
  } finally {
    fs.closeSync(fd);
  }
}

/** Extract the database bytes to `target`, checking them against the header's SHA-256. */
export async function extractDatabase(file: string, target: string, hook?: ChunkHook): Promise<BackupHeader> {
  const { header, databaseOffset } = readBackupHeader(file);
  const fd = fs.openSync(target, 'wx', 0o600);
  try {
    await copyRange(file, databaseOffset, header.database.size, fd, hook);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if ((await sha256OfFile(target)) !== header.database.sha256) {
    fs.rmSync(target, { force: true });
    throw new AppError('BACKUP_INVALID', '备份文件校验值不符，文件已损坏。未做任何更改。');
  }
  return header;
}
