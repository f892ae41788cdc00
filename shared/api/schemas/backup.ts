import { z } from '../zod.js';
import { isoTimestamp } from './common.js';
import { recoveryKeyText } from './auth.js';

/**
 * A file or folder on the station PC, written out whole: a relative path would land wherever the host process happens
 * to run (the contract fuzz once left a backup named "ey" in the working folder). POSIX `/…`, Windows `D:\…` or `\\server\…`.
 */
export const filePath = z
  .string()
  .trim()
  .min(1, '请填写文件路径。')
  .max(1000, '路径过长。')
  .refine((text) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text), { message: '请填写完整路径（如 /home/… 或 D:\\…），不能是相对路径。' });

export const backupInfo = z.object({
  file: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: isoTimestamp,
  schemaVersion: z.number().int(),
  appVersion: z.string(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupCreateInput = z
  .object({
    /** A folder for this backup, named by date; defaults to the configured backup folder. */
    dir: filePath.optional(),
    /** Or an exact file to write (the CLI's --out); never overwrites an existing file. */
    file: filePath.optional(),
    operationId: z.string().max(64).optional(),
  })
  .refine((value) => !(value.dir && value.file), { message: '请只指定文件夹或文件中的一项。', path: ['file'] });

export const backupListOutput = z.object({
  dir: z.string(),
  backups: z.array(backupInfo),
});

/** Credentials for a backup made under another key: the recovery key, or a password then valid. */
export const backupCredential = z.union([
  z.object({ recoveryKey: recoveryKeyText }),
  z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
]);

export const backupRestoreInput = z.object({
  file: filePath,
  credential: backupCredential.optional(),
  operationId: z.string().max(64).optional(),
});

export const restoreOutput = z.object({
  restoredFrom: z.string(),
  /** Folder that now holds the database and keyring that were replaced. */
  replacedKeptIn: z.string(),
});

export const operationCancelInput = z.object({ operationId: z.string().min(1).max(64) });
