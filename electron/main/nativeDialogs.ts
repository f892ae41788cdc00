import type { BrowserWindow, Dialog } from 'electron';
import type { NativeDialogs } from '../core/services/files/nativeDialogs.js';

/** The OS open dialog for core's `files.chooseNative`: a folder for backups, or one backup file to restore. */
export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog'>, parent: () => BrowserWindow | null): NativeDialogs {
  return {
    async choose(purpose, startPath) {
      const options = {
        defaultPath: startPath,
        title: purpose === 'backupFolder' ? '选择备份文件夹' : '选择要恢复的备份文件',
        buttonLabel: purpose === 'backupFolder' ? '选择此文件夹' : '选择此备份',
        properties: purpose === 'backupFolder' ? (['openDirectory', 'createDirectory'] as const) : (['openFile'] as const),
        filters: purpose === 'restoreFile' ? [{ name: '心驿备份', extensions: ['xybak'] }] : [],
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
