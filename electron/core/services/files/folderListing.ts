import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderEntry, FolderListing } from '../../../../shared/api/schemas/files.js';
import { AppError } from '../../errors.js';
import { backupExtension } from '../backup/backupFile.js';

/** A folder with more entries than this is cut short (the picker says so); nobody scrolls further. */
export const folderListLimit = 2000;

export type ListOptions = Readonly<{
  show: 'folders' | 'backups';
  /** Starting points offered beside the listing, with their Chinese labels. */
  places: ReadonlyArray<{ label: string; path: string }>;
}>;

function fileError(error: unknown, shown: string): AppError {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return new AppError('FILE_ERROR', `文件夹不存在：${shown}`);
  if (code === 'ENOTDIR') return new AppError('FILE_ERROR', `该路径不是文件夹：${shown}`);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('FILE_ERROR', `没有权限读取该文件夹：${shown}（当前系统用户无法读取）`);
  if (code === 'ELOOP') return new AppError('FILE_ERROR', `该路径的符号链接形成了循环，无法打开：${shown}`);
  return new AppError('FILE_ERROR', `无法读取该文件夹：${shown}`);
}

/**
 * The absolute, real path of a folder the caller named: `..` and repeated separators are resolved and
 * symbolic links followed, so the picker always shows where it really is and never lists a folder under a
 * name it does not have.
 */
export function realFolder(requested: string): string {
  const trimmed = requested.trim();
  const wanted = trimmed === '' ? os.homedir() : trimmed;
  if (!path.isAbsolute(wanted)) throw new AppError('INVALID_INPUT', `请提供完整的文件夹路径（从盘符或根目录 / 开始）：${wanted}`);
  const resolved = path.resolve(wanted);
  let real: string;
  try {
    real = fs.realpathSync(resolved);
    if (!fs.statSync(real).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw fileError(error, resolved);
  }
  return real;
}

function readable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.R_OK | fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function writable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** One directory entry as the picker shows it, or null: hidden, unreadable, a broken link or not wanted. */
function entryOf(folder: string, dirent: fs.Dirent, show: ListOptions['show']): FolderEntry | null {
  if (dirent.name.startsWith('.')) return null;
  const full = path.join(folder, dirent.name);
  const link = dirent.isSymbolicLink();
  let target = full;
  let stat: fs.Stats;
  try {
    if (link) target = fs.realpathSync(full);
    stat = fs.statSync(target);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    if (!readable(target)) return null;
    return { name: dirent.name, path: target, kind: 'folder', link, size: null, modifiedAt: null };
  }
  if (show === 'backups' && stat.isFile() && dirent.name.endsWith(backupExtension) && readable(path.dirname(target))) {
    return { name: dirent.name, path: target, kind: 'backup', link, size: stat.size, modifiedAt: stat.mtime.toISOString() };
  }
  return null;
}

/** The folders (and, to restore, backup files) in one folder of the station PC that its OS user can read. */
export function listFolder(requested: string, options: ListOptions): FolderListing {
  const folder = realFolder(requested);
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw fileError(error, folder);
  }
  const entries = dirents
    .map((dirent) => entryOf(folder, dirent, options.show))
    .filter((entry): entry is FolderEntry => entry !== null)
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'folder' ? -1 : 1));
  const parent = path.dirname(folder);
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    writable: writable(folder),
    entries: entries.slice(0, folderListLimit),
    truncated: entries.length > folderListLimit,
    places: options.places.filter((place) => fs.existsSync(place.path)),
  };
}

/** The drives of a Windows PC (C:\ …), or the root elsewhere. */
export function diskRoots(): string[] {
  if (process.platform !== 'win32') return ['/'];
  return 'CDEFGHIJKLMNOPQRSTUVWXYZ'
    .split('')
    .map((letter) => `${letter}:\\`)
    .filter((root) => fs.existsSync(root));
}
