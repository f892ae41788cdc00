import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import PathChooser from '../../../renderer/src/features/foundation/components/PathChooser.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import type { FolderListing } from '../../../shared/api/schemas/files.js';
import { fakeApi, refusal } from './support/fakeApi.js';

enableAutoUnmount(afterEach);
const folder = (name: string, path: string) => ({ name, path, kind: 'folder' as const, link: false, size: null, modifiedAt: null });
const listings: Record<string, FolderListing> = {
  '/home/station': {
    path: '/home/station',
    parent: '/home',
    writable: true,
    entries: [folder('U盘备份', '/media/usb/备份'), folder('只读', '/home/station/只读')],
    truncated: false,
    places: [{ label: '主文件夹', path: '/home/station' }],
  },
  '/media/usb/备份': {
    path: '/media/usb/备份',
    parent: '/media/usb',
    writable: true,
    entries: [{ name: 'xinyi-20261123-090000.xybak', path: '/media/usb/备份/xinyi-20261123-090000.xybak', kind: 'backup', link: false, size: 2048, modifiedAt: '2026-11-23T01:00:00.000Z' }],
    truncated: false,
    places: [],
  },
  '/home/station/只读': { path: '/home/station/只读', parent: '/home/station', writable: false, entries: [], truncated: false, places: [] },
};

function browserApi() {
  return fakeApi({
    'files.chooseNative': () => ({ available: false, path: null }),
    'files.listFolder': (input) => {
      const listing = listings[input.path ?? ''];
      if (!listing) throw refusal('FILE_ERROR', `没有权限读取该文件夹：${input.path}（当前系统用户无法读取）`);
      return listing;
    },
  });
}

async function mountChooser(api: ReturnType<typeof fakeApi>, purpose: 'backupFolder' | 'restoreFile', startPath = '/home/station', beforeLogin = false) {
  const wrapper = mount(PathChooser, { attachTo: document.body, props: { purpose, startPath, label: '选择…', beforeLogin }, global: { plugins: [createAppI18n('zh-CN'), api.plugin] } });
  await wrapper.get('[data-testid="path-chooser"]').trigger('click');
  await flushPromises();
  return wrapper;
}

const body = () => document.body;
const byTestId = (id: string) => body().querySelector<HTMLElement>(`[data-testid="${id}"]`);
async function click(element: Element | null) {
  (element as HTMLElement).click();
  await flushPromises();
}
const rowOf = (name: string) => byTestId(`entry-${name}`)!.closest('tr');

describe('the backup path chooser', () => {
  it('in browser mode browses the PC’s folders and hands back the chosen folder; nothing is typed', async () => {
    const api = browserApi();
    const wrapper = await mountChooser(api, 'backupFolder');
    expect(api.inputsOf('files.listFolder')).toEqual([{ path: '/home/station', show: 'folders' }]);
    expect(byTestId('path-chooser-current')!.textContent).toContain('/home/station');
    expect(body().querySelector('.el-dialog input')).toBeNull();

    await click(rowOf('U盘备份'));
    expect(byTestId('path-chooser-current')!.textContent).toContain('/media/usb/备份');
    await click(byTestId('path-chooser-confirm'));
    expect(wrapper.emitted('chosen')).toEqual([['/media/usb/备份']]);
  });

  it('offers no choice while the next folder loads: the one still shown is being left', async () => {
    let arrive = () => {};
    const api = fakeApi({
      'files.chooseNative': () => ({ available: false, path: null }),
      'files.listFolder': (input) =>
        input.path === '/media/usb/备份' ? new Promise<FolderListing>((resolve) => (arrive = () => resolve(listings['/media/usb/备份']!))) : listings['/home/station']!,
    });
    const wrapper = await mountChooser(api, 'backupFolder');
    await click(rowOf('U盘备份'));
    expect(byTestId('path-chooser-confirm')!.hasAttribute('disabled')).toBe(true);
    await click(byTestId('path-chooser-confirm'));
    expect(wrapper.emitted('chosen')).toBeUndefined();
    arrive();
    await flushPromises();
    await click(byTestId('path-chooser-confirm'));
    expect(wrapper.emitted('chosen')).toEqual([['/media/usb/备份']]);
  });

  it('shows the host’s Chinese refusal and keeps the folder it was in', async () => {
    const api = browserApi();
    await mountChooser(api, 'backupFolder');
    await click(byTestId('path-chooser-up'));
    expect(byTestId('path-chooser-error')!.textContent).toContain('没有权限读取该文件夹：/home');
    expect(byTestId('path-chooser-current')!.textContent).toContain('/home/station');
  });

  it('does not offer a folder the system user cannot write to', async () => {
    const api = browserApi();
    await mountChooser(api, 'backupFolder');
    await click(rowOf('只读'));
    expect(byTestId('path-chooser-readonly')!.textContent).toContain('不能写入此文件夹');
    expect(byTestId('path-chooser-confirm')!.hasAttribute('disabled') || byTestId('path-chooser-confirm')!.classList.contains('is-disabled')).toBe(true);
  });

  it('to restore, lists backup files and hands back the one chosen', async () => {
    const api = browserApi();
    const wrapper = await mountChooser(api, 'restoreFile', '/media/usb/备份');
    expect(api.inputsOf('files.listFolder')).toEqual([{ path: '/media/usb/备份', show: 'backups' }]);
    expect(byTestId('path-chooser-confirm')!.hasAttribute('disabled')).toBe(true);
    await click(rowOf('xinyi-20261123-090000.xybak'));
    await click(byTestId('path-chooser-confirm'));
    expect(wrapper.emitted('chosen')).toEqual([['/media/usb/备份/xinyi-20261123-090000.xybak']]);
  });

  it('in Electron uses the OS dialog and never lists folders itself', async () => {
    const api = fakeApi({ 'files.chooseNative': () => ({ available: true, path: 'D:\\心驿备份' }) });
    const wrapper = await mountChooser(api, 'backupFolder');
    expect(wrapper.emitted('chosen')).toEqual([['D:\\心驿备份']]);
    expect(api.methods()).toEqual(['files.chooseNative']);
    expect(byTestId('path-chooser-entries')).toBeNull();
  });

  it('on the problem screen, before login, browses through the recovery methods only', async () => {
    const api = fakeApi({
      'recovery.chooseNative': () => ({ available: false, path: null }),
      'recovery.listFolder': (input) => listings[input.path ?? '']!,
    });
    const wrapper = await mountChooser(api, 'restoreFile', '/media/usb/备份', true);
    expect(api.inputsOf('recovery.chooseNative')).toEqual([{ startPath: '/media/usb/备份' }]);
    expect(api.inputsOf('recovery.listFolder')).toEqual([{ path: '/media/usb/备份' }]);
    await click(rowOf('xinyi-20261123-090000.xybak'));
    await click(byTestId('path-chooser-confirm'));
    expect(wrapper.emitted('chosen')).toEqual([['/media/usb/备份/xinyi-20261123-090000.xybak']]);
    expect(api.methods().every((name) => name.startsWith('recovery.'))).toBe(true);
  });
});
