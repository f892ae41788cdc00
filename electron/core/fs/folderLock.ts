import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

export const lockFileName = 'xinyi.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data folder (security-reliability.md DB-3): the desktop app, browser mode and
 * the CLI all take this lock, so none of them writes under another's feet. A lock left by a process
 * that no longer runs (a crash, a kill) is taken over. Returns the release function.
 */
export function acquireFolderLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, lockFileName);
  const mine = String(process.pid);
  try {
    fs.writeFileSync(file, mine, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new AppError(
        'DATA_DIR_IN_USE',
        `另一个心驿程序（进程 ${holder}）正在使用此数据文件夹。请先关闭它；如确认没有，请删除 ${file} 后重试。`,
      );
    }
    fs.writeFileSync(file, mine);
  }
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === mine) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}
