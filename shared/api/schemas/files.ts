import { z } from '../zod.js';

/**
 * Browsing the station PC's disk to choose a backup folder or a backup file (browser mode has no OS dialog).
 * `path` empty starts in the user's home folder; otherwise it must be absolute.
 */
export const folderListInput = z.object({
  path: z
    .string({ message: '文件夹路径必须是文字。' })
    .max(1000, '路径过长。')
    .refine((value) => !value.includes('\0'), '路径中含有无效字符。')
    .default(''),
  /** Folders only (choosing a folder), or folders and backup files (choosing a file to restore). */
  show: z.enum(['folders', 'backups']).default('folders'),
});

/**
 * Before login, only while the database cannot be opened (the problem screen): the same browse, but always
 * folders and backup files only, never other files.
 */
export const recoveryFolderListInput = folderListInput.pick({ path: true });

export const folderEntry = z.object({
  name: z.string(),
  /** Where choosing this entry leads: for a symbolic link, the real path it points to. */
  path: z.string(),
  kind: z.enum(['folder', 'backup']),
  /** The entry is a symbolic link; `path` is already its target. */
  link: z.boolean(),
  size: z.number().int().nullable(),
  modifiedAt: z.string().nullable(),
});
export type FolderEntry = z.infer<typeof folderEntry>;

export const folderPlace = z.object({ label: z.string(), path: z.string() });

export const folderListing = z.object({
  /** The real, normalised path of the folder shown (symbolic links resolved). */
  path: z.string(),
  parent: z.string().nullable(),
  writable: z.boolean(),
  entries: z.array(folderEntry),
  /** More entries than are listed: the folder is very large. */
  truncated: z.boolean(),
  /** Starting points: the home folder, the station's backup folders, the drives or the root. */
  places: z.array(folderPlace),
});
export type FolderListing = z.infer<typeof folderListing>;

/** In Electron: the OS's own dialog, opened by main. Elsewhere `available` is false and the renderer browses. */
export const nativeChooseInput = z.object({
  purpose: z.enum(['backupFolder', 'restoreFile']),
  startPath: z.string().max(1000, '路径过长。').default(''),
});
/** Before login, on the problem screen: the OS dialog opens only to choose a backup file to restore. */
export const recoveryChooseInput = nativeChooseInput.pick({ startPath: true });
export const nativeChooseOutput = z.object({ available: z.boolean(), path: z.string().nullable() });
