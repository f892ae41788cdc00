import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary names carry this suffix so a crashed write is recognisable and never mistaken for data. */
export const partialSuffix = '.partial';

export function temporaryNameFor(target: string): string {
  return `${target}.${randomBytes(4).toString('hex')}${partialSuffix}`;
}

/** fsync a directory so a rename inside it survives power loss; not possible on Windows. */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a prepared temporary file the target: fsync, rename, fsync the folder. */
export function commitFile(temporary: string, target: string): void {
  syncFile(temporary);
  fs.renameSync(temporary, target);
  syncDirectory(path.dirname(target));
}

/**
 * Write a whole file so that the target is either the old complete file or the new one. Without
 * `durable` the rename is still atomic against a crash of the process, but not against power loss.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: { durable?: boolean } = {}): void {
  const temporary = temporaryNameFor(target);
  try {
    fs.writeFileSync(temporary, data, { flag: 'wx', mode: 0o600 });
    if (options.durable === false) fs.renameSync(temporary, target);
    else commitFile(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
