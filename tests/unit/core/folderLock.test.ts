import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireFolderLock, lockFileName } from '../../../electron/core/fs/folderLock.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('the data-folder lock', () => {
  it('is released once: releasing again does not remove the lock this process took since (core.close() twice)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyi-lock-'));
    folders.push(dir);
    const lock = path.join(dir, lockFileName);
    const releaseFirst = acquireFolderLock(dir);
    releaseFirst();
    expect(fs.existsSync(lock)).toBe(false);
    const releaseSecond = acquireFolderLock(dir);
    releaseFirst();
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    releaseSecond();
    expect(fs.existsSync(lock)).toBe(false);
  });
});
