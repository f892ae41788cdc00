import fs from 'node:fs';
import path from 'node:path';
import { commitFile, partialSuffix, syncDirectory, writeFileAtomic } from '../../fs/atomicWrite.js';
import { anchorFileName, writeAnchorFile } from '../../audit/anchorFile.js';
import { parseAnchor, type AuditAnchor } from '../../audit/auditAnchor.js';
import { parseKeyring, writeKeyring, type Keyring } from '../../keyring/keyring.js';
import { databaseCompanions, type DataPaths } from '../../paths.js';

/**
 * The restore swap is several renames; a journal written before the first one lets the next start
 * finish it (the new database is already in place) or roll it back (it is not), so a crash at the
 * swap never leaves a station without its database or with a keyring that does not fit it.
 */
const journalName = 'restore-journal.json';

type Journal = Readonly<{ keptIn: string; keyring: Keyring; anchor: AuditAnchor | null }>;

/** The database moves together with its WAL, shared memory and its audit anchor. */
const swappedFiles = (paths: DataPaths) => [...databaseCompanions(paths.database), path.join(paths.dir, anchorFileName)];

export const journalPath = (paths: DataPaths) => path.join(paths.dir, journalName);
/** The verified database from the backup, waiting beside the live one until the swap. */
export const restoredDatabasePath = (paths: DataPaths) => `${paths.database}.restore${partialSuffix}`;

/** Swap the restored database and its keyring in; the replaced files go to `keptIn`, never deleted. */
export function swapInRestoredFiles(paths: DataPaths, keptIn: string, keyring: Keyring, anchor: AuditAnchor): void {
  writeFileAtomic(journalPath(paths), JSON.stringify({ keptIn, keyring, anchor } satisfies Journal));
  try {
    fs.mkdirSync(keptIn, { recursive: true });
    if (fs.existsSync(paths.keyring)) fs.copyFileSync(paths.keyring, path.join(keptIn, path.basename(paths.keyring)));
    for (const current of swappedFiles(paths)) {
      if (fs.existsSync(current)) fs.renameSync(current, path.join(keptIn, path.basename(current)));
    }
    syncDirectory(keptIn);
    commitFile(restoredDatabasePath(paths), paths.database);
    writeAnchorFile(path.join(paths.dir, anchorFileName), anchor, true);
    writeKeyring(paths.keyring, keyring);
    fs.rmSync(journalPath(paths));
  } catch (error) {
    finishInterruptedRestore(paths);
    throw error;
  }
}

/**
 * At start (and after a failed swap): complete or undo a swap the journal says was under way.
 * Returns a Chinese sentence naming the `replaced-…` folder, or null when there was nothing to do.
 */
export function finishInterruptedRestore(paths: DataPaths): string | null {
  const file = journalPath(paths);
  if (!fs.existsSync(file)) return null;
  let journal: Journal;
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { keptIn?: unknown; keyring?: unknown; anchor?: unknown };
    if (typeof raw.keptIn !== 'string') throw new Error('journal without folder');
    journal = { keptIn: raw.keptIn, keyring: parseKeyring(JSON.stringify(raw.keyring)), anchor: parseAnchor(raw.anchor) };
  } catch {
    // Written atomically, so unreadable means not ours to act on: leave every file as it is.
    return `发现无法读取的恢复记录 ${journalName}，未做任何改动。请联系技术支持。`;
  }
  const folder = path.basename(journal.keptIn);
  const restored = restoredDatabasePath(paths);
  if (fs.existsSync(restored)) {
    // The new database never reached its place: put back whatever was moved aside.
    for (const current of swappedFiles(paths)) {
      const kept = path.join(journal.keptIn, path.basename(current));
      if (fs.existsSync(kept) && !fs.existsSync(current)) fs.renameSync(kept, current);
    }
    for (const leftover of databaseCompanions(restored)) fs.rmSync(leftover, { force: true });
    syncDirectory(paths.dir);
    fs.rmSync(file);
    return `上次从备份恢复在替换文件时中断，已撤销：原数据库保持不变（文件夹 ${folder} 中只留有原密钥环的副本）。`;
  }
  // The restored database is in place; only its anchor and keyring may still be missing.
  if (journal.anchor) writeAnchorFile(path.join(paths.dir, anchorFileName), journal.anchor, true);
  writeKeyring(paths.keyring, journal.keyring);
  fs.rmSync(file);
  return `上次从备份恢复在替换文件时中断，已在本次启动时完成；被替换的原数据库和密钥环保存在文件夹 ${folder} 中。`;
}

/** Temporary names this app writes (`<name>.<8 hex>.partial`, plus SQLite's companions of such a file). */
const temporaryFile = /\.([0-9a-f]{8}|restore)\.partial(-journal|-wal|-shm)?$/;

/** Remove what an interrupted write, backup or restore left in `dir`; other files are never touched. */
export function removeTemporaryFiles(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no such folder yet, or unreadable: nothing of ours to clean
  }
  for (const name of names) if (temporaryFile.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Start-up tidy: settle an interrupted restore first (it needs its file), then drop temporary files. */
export function recoverDataFolder(paths: DataPaths): string | null {
  const notice = finishInterruptedRestore(paths);
  removeTemporaryFiles(paths.dir);
  removeTemporaryFiles(paths.backups);
  return notice;
}
