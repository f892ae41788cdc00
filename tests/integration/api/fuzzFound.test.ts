import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract/index.js';
import { createStation, tempDir, type Station } from '../helpers/station.js';

/** Inputs the fuzz suite (tests/reliability) found answered with INTERNAL; each now has a known code. */
describe('inputs found by fuzzing get a known code and a Chinese message', () => {
  let station: Station;
  beforeAll(async () => {
    station = await createStation();
  });
  afterAll(() => station.dispose());

  it('availability of a user that does not exist', async () => {
    const missing = 987_654;
    expect(await station.raw(station.admin, 'availability.get', { id: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该用户。' } });
    expect(await station.raw(station.admin, 'availability.set', { userId: missing, slots: [{ weekday: 1, start: '09:00', end: '12:00' }] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await station.raw(station.admin, 'availability.addException', { userId: missing, fromDay: '2026-12-01', toDay: '2026-12-02', kind: 'leave', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a backup folder that is a file is refused when set, and nothing is saved', async () => {
    const file = path.join(tempDir(), 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    const result = await station.raw(station.admin, 'settings.update', { backupDir: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_ERROR', message: `该路径是一个文件，不是文件夹：${file}` } });
    expect((await station.call(station.admin, 'settings.get', {})).backupDir).toBe('');
    const inside = await station.raw(station.admin, 'settings.update', { backupDir: path.join(file, 'below') });
    expect(inside).toMatchObject({ ok: false, error: { code: 'FILE_ERROR' } });
    const fine = path.join(tempDir(), 'usb', 'backups');
    expect(await station.raw(station.admin, 'settings.update', { backupDir: fine })).toMatchObject({ ok: true, value: { backupDir: fine } });
    expect(fs.statSync(fine).isDirectory()).toBe(true);
    await station.call(station.admin, 'settings.update', { backupDir: '' });
  });

  it('restore given a folder', async () => {
    const folder = tempDir();
    expect(await station.raw(station.admin, 'backup.restore', { file: folder })).toMatchObject({
      ok: false,
      error: { code: 'FILE_ERROR', message: `这是一个文件夹，不是备份文件：${folder}` },
    });
  });

  it.each([
    ['clients.register', { name: '😀😀', gender: 'female', source: 'walk-in' }],
    ['rooms.add', { name: '🏠', kind: 'counselling' }],
    ['rooms.add', { name: '★☆—…', kind: 'counselling' }],
  ] as const)('%s with a name of only emoji or symbols', async (method, input) => {
    const result = await station.raw(station.admin, method, input as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? '' : result.error.message).toContain('不能只有表情或符号');
  });

  it('station and walk-in names of only symbols are refused; names with letters of any script are fine', async () => {
    const current = await station.call(station.admin, 'station.get', {});
    const bad = await station.raw(station.admin, 'station.update', { ...current, name: '🏠🏠🏠' });
    expect(bad.ok ? '' : bad.error.message).toContain('不能只有表情或符号');
    expect((await station.raw(station.admin, 'station.update', { ...current, name: 'Ünïcode 站 2' })).ok).toBe(true);
    expect((await station.raw(station.admin, 'rooms.add', { name: '沙盘室 🏖', kind: 'sandplay' })).ok).toBe(true);
    const walkIn = contract['appointments.create'].input.safeParse({ walkIn: { name: '🙂', phone: '' } });
    expect(walkIn.success ? [] : walkIn.error.issues.map((issue) => issue.message)).toContain('姓名须包含文字，不能只有表情或符号。');
  });
});
