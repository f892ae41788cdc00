import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import type { NativeDialogs } from '../../../electron/core/services/files/nativeDialogs.js';
import type { FolderListing } from '../../../shared/api/schemas/files.js';
import { createStation, manualClock, tempDir, type Station } from '../helpers/station.js';

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);
const message = (result: { ok: boolean; error?: { message: string; details?: unknown } }) =>
  result.ok ? '' : `${result.error?.message ?? ''}${JSON.stringify(result.error?.details ?? '')}`;

/**
 * A folder tree on the real disk:
 *   root/备份 2026/ (with a backup file and a text file)   root/archive/   root/.hidden/
 *   root/link-to-archive -> root/archive   root/broken -> root/missing   root/loop -> root/loop
 */
function makeTree(): string {
  const root = fs.realpathSync(tempDir('xinyi-picker-'));
  fs.mkdirSync(path.join(root, '备份 2026'));
  fs.writeFileSync(path.join(root, '备份 2026', 'xinyi-20261123-090000.xybak'), 'backup bytes');
  fs.writeFileSync(path.join(root, '备份 2026', '说明.txt'), 'not a backup');
  fs.mkdirSync(path.join(root, 'archive'));
  fs.mkdirSync(path.join(root, '.hidden'));
  fs.symlinkSync(path.join(root, 'archive'), path.join(root, 'link-to-archive'));
  fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'broken'));
  fs.symlinkSync(path.join(root, 'loop'), path.join(root, 'loop'));
  fs.writeFileSync(path.join(root, 'top.xybak'), 'x');
  return root;
}

describe('files.listFolder: the 站长 browses the station PC for a backup folder or file', () => {
  let station: Station;
  let root: string;
  let counsellor: string;
  let reception: string;
  beforeAll(async () => {
    station = await createStation({ clock: manualClock(new Date('2026-11-23T01:02:03Z')).clock });
    counsellor = await station.addUser('liwei', 'counsellor');
    reception = await station.addUser('qiantai', 'reception');
    root = makeTree();
  });
  afterAll(() => station.dispose());

  it('lists readable folders, sorted, without hidden ones, broken links or plain files', async () => {
    const listing = await station.call(station.admin, 'files.listFolder', { path: root });
    expect(listing.path).toBe(root);
    expect(listing.parent).toBe(path.dirname(root));
    expect(listing.writable).toBe(true);
    expect(listing.entries.map((entry) => entry.name)).toEqual(['备份 2026', 'archive', 'link-to-archive']);
    expect(listing.entries.every((entry) => entry.kind === 'folder')).toBe(true);
    expect(listing.places.map((place) => place.label)).toContain('主文件夹');
  });

  it('to restore, shows backup files beside the folders, with size', async () => {
    const listing = await station.call(station.admin, 'files.listFolder', { path: path.join(root, '备份 2026'), show: 'backups' });
    expect(listing.entries).toEqual([expect.objectContaining({ name: 'xinyi-20261123-090000.xybak', kind: 'backup', size: 12, path: path.join(root, '备份 2026', 'xinyi-20261123-090000.xybak') })]);
  });

  it('normalises the path and resolves symbolic links, so the listing always names the real folder', async () => {
    const messy = `${root}//备份 2026/../archive/.`;
    expect((await station.call(station.admin, 'files.listFolder', { path: messy })).path).toBe(path.join(root, 'archive'));
    const throughLink = await station.call(station.admin, 'files.listFolder', { path: path.join(root, 'link-to-archive') });
    expect(throughLink.path).toBe(path.join(root, 'archive'));
    const link = (await station.call(station.admin, 'files.listFolder', { path: root })).entries.find((entry) => entry.name === 'link-to-archive');
    expect(link).toMatchObject({ link: true, path: path.join(root, 'archive') });
    expect((await station.call(station.admin, 'files.listFolder', {})).path).toBe(fs.realpathSync(os.homedir()));
  });

  it.each([
    ['a relative path', () => 'backups/2026', 'INVALID_INPUT', '请提供完整的文件夹路径'],
    ['a folder that does not exist', () => path.join(root, '不存在'), 'FILE_ERROR', '文件夹不存在'],
    ['a file', () => path.join(root, 'top.xybak'), 'FILE_ERROR', '该路径不是文件夹'],
    ['a link to a missing folder', () => path.join(root, 'broken'), 'FILE_ERROR', '文件夹不存在'],
    ['a link that points to itself', () => path.join(root, 'loop'), 'FILE_ERROR', '符号链接形成了循环'],
    ['a path with a NUL byte', () => `${root}\0/etc`, 'INVALID_INPUT', '路径中含有无效字符'],
  ])('refuses %s with a Chinese message', async (_label, requested, errorCode, text) => {
    const result = await station.raw(station.admin, 'files.listFolder', { path: requested() });
    expect(code(result)).toBe(errorCode);
    expect(message(result)).toContain(text);
  });

  it('says in Chinese when the OS user may not read a folder', async () => {
    // The tests run as root, who reads every folder: the OS's refusal is produced at the one call that meets it.
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const spy = vi.spyOn(fs, 'readdirSync').mockImplementationOnce(() => {
      throw denied;
    });
    const result = await station.raw(station.admin, 'files.listFolder', { path: root });
    spy.mockRestore();
    expect(message(result)).toContain(`没有权限读取该文件夹：${root}（当前系统用户无法读取）`);
  });

  it('is for the 站长 only, and is not audited (it reads no station record)', async () => {
    const before = (await station.call(station.admin, 'audit.list', {})).total;
    expect(code(await station.raw(counsellor, 'files.listFolder', { path: root }))).toBe('FORBIDDEN');
    expect(code(await station.raw(reception, 'files.listFolder', { path: root }))).toBe('FORBIDDEN');
    expect(code(await station.raw(null, 'files.listFolder', { path: root }))).toBe('UNAUTHENTICATED');
    await station.call(station.admin, 'files.listFolder', { path: root });
    // audit.list itself is audited ('audit.view'): one row for the read above, none for the listing.
    const after = await station.call(station.admin, 'audit.list', {});
    expect(after.total).toBe(before + 1);
    expect(after.rows.some((row) => row.action.startsWith('files.'))).toBe(false);
  });

  it('the HTTP host and the CLI have no OS dialog: files.chooseNative says so and the renderer browses', async () => {
    expect(await station.call(station.admin, 'files.chooseNative', { purpose: 'backupFolder' })).toEqual({ available: false, path: null });
    expect(code(await station.raw(counsellor, 'files.chooseNative', { purpose: 'restoreFile' }))).toBe('FORBIDDEN');
  });

  it('names backup files by the station’s local (Beijing) time', async () => {
    const dir = tempDir();
    const made = await station.call(station.admin, 'backup.create', { dir });
    expect(path.basename(made.file)).toBe('xinyi-20261123-090203.xybak');
  });
});

describe('recovery.listFolder / recovery.chooseNative: choosing a backup on the problem screen, before login', () => {
  const ctx = { scope: 'staff' as const, transport: 'direct' as const };
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = makeTree();
    const station = await createStation();
    dataDir = station.dataDir;
    try {
      await station.call(station.admin, 'backup.create', {});
    } finally {
      station.dispose();
    }
    // A keyring that is gone: the station cannot open its database, so the problem screen offers a restore.
    fs.rmSync(path.join(dataDir, 'keyring.json'));
  });

  it('lists only folders and backup files, whatever the caller asks for', async () => {
    const core = createCore({ dataDir, idleCheckMs: 0 });
    onTestFinished(() => core.close());
    const listed = await core.call(ctx, 'recovery.listFolder', { path: path.join(root, '备份 2026'), show: 'folders' } as never);
    expect(listed).toMatchObject({ ok: true, value: { entries: [expect.objectContaining({ name: 'xinyi-20261123-090000.xybak', kind: 'backup' })] } });
    const top = await core.call(ctx, 'recovery.listFolder', { path: root });
    if (!top.ok) throw new Error(top.error.message);
    const listing = top.value as FolderListing;
    expect(listing.entries.map((entry) => entry.name)).toEqual(['备份 2026', 'archive', 'link-to-archive', 'top.xybak']);
    expect(listing.places.map((place) => place.label)).toContain('本站默认备份文件夹');
    const missing = await core.call(ctx, 'recovery.listFolder', { path: path.join(root, '不存在') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_ERROR', message: expect.stringContaining('文件夹不存在') } });
  });

  it('in Electron opens the OS dialog, for a backup file only', async () => {
    const asked: string[] = [];
    const nativeDialogs: NativeDialogs = {
      choose: (purpose) => {
        asked.push(purpose);
        return Promise.resolve(path.join(root, 'top.xybak'));
      },
    };
    const core = createCore({ dataDir, idleCheckMs: 0, nativeDialogs });
    onTestFinished(() => core.close());
    expect(await core.call(ctx, 'recovery.chooseNative', { startPath: '' })).toEqual({ ok: true, value: { available: true, path: path.join(root, 'top.xybak') } });
    expect(asked).toEqual(['restoreFile']);
  });

  it('is refused while the station opens normally: then only a logged-in 站长 browses the disk', async () => {
    const station = await createStation();
    onTestFinished(() => station.dispose());
    for (const [name, input] of [
      ['recovery.listFolder', { path: root }],
      ['recovery.chooseNative', {}],
    ] as const) {
      const result = await station.raw(null, name, input);
      expect(code(result)).toBe('FORBIDDEN');
      expect(message(result)).toContain('只有在数据库无法打开时');
    }
  });
});
