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

/** The first write into the data folder failed: say why in one Chinese line instead of an errno. */
export function folderProblem(dir: string, code: string | undefined): AppError {
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('FILE_ERROR', `数据文件夹 ${dir} 是只读的，心驿无法在其中保存数据。请检查文件夹权限，或用 --data-dir 指定可写的文件夹。`);
  }
  if (code === 'ENOSPC') return new AppError('DISK_FULL');
  return new AppError('FILE_ERROR', `无法使用数据文件夹 ${dir}（${code ?? '未知原因'}）。请用 --data-dir 指定可写的文件夹。`);
}

/**
 * One process per data folder (security-reliability.md DB-3): the desktop app, browser mode and
 * the CLI all take this lock, so none of them writes under another's feet. A lock left by a process
 * that no longer runs (a crash, a kill) is taken over. Returns the release function.
 */
export function acquireFolderLock(dir: string): () => void {
  const file = path.join(dir, lockFileName);
  const mine = String(process.pid);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw folderProblem(dir, code);
    const holder = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new AppError(
        'DATA_DIR_IN_USE',
        `另一个心驿程序（进程 ${holder}）正在使用此数据文件夹。请先关闭它；如确认没有，请删除 ${file} 后重试。`,
      );
    }
    fs.writeFileSync(file, mine);
  }
  // Released once: a second call (core.close() twice) must not remove a lock this process took again since.
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    try {
      if (fs.readFileSync(file, 'utf8').trim() === mine) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}
