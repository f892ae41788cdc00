import { describe, expect, it } from 'vitest';
import { electronDialogs } from '../../../electron/main/nativeDialogs.js';

type OpenOptions = { title?: string; defaultPath?: string; properties?: string[]; filters?: Array<{ extensions: string[] }> };

/** Electron's dialog as main uses it: records what it was asked and answers like the OS would. */
function fakeDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const asked: OpenOptions[] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      asked.push(args.at(-1) as OpenOptions);
      return answer;
    },
  };
  return { dialog: dialog as never, asked };
}

describe('the OS dialog main lends core', () => {
  it('asks for a folder for backups, starting where the station keeps them', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePaths: ['D:\\心驿备份'] });
    expect(await electronDialogs(dialog, () => null).choose('backupFolder', 'C:\\xinyi\\backups')).toBe('D:\\心驿备份');
    expect(asked[0]).toMatchObject({ title: '选择备份文件夹', defaultPath: 'C:\\xinyi\\backups', properties: ['openDirectory', 'createDirectory'] });
  });

  it('asks for one .xybak file to restore, and answers null when the user cancels', async () => {
    const { dialog, asked } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await electronDialogs(dialog, () => null).choose('restoreFile', '/home/station')).toBeNull();
    expect(asked[0]).toMatchObject({ title: '选择要恢复的备份文件', properties: ['openFile'], filters: [{ extensions: ['xybak'] }] });
  });
});
