import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import { adminPassword, createStation, disposeWhenTestEnds, manualClock, tempDir } from '../helpers/station.js';

const ctx = { scope: 'staff' as const, transport: 'direct' as const };

describe('backup', () => {
  it('writes a verified, encrypted backup with progress, and lists it', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'station.update', { name: 'BACKUP-MARKER-站', level: 'street', regionCode: '500118001' });
    const progress: number[] = [];
    station.core.events.subscribe((event) => {
      if (event.name === 'operation.progress') progress.push(event.payload.percent);
    });
    const backup = await station.call(station.admin, 'backup.create', { operationId: 'op-1' });
    expect(backup.file.startsWith(path.join(station.dataDir, 'backups'))).toBe(true);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const bytes = fs.readFileSync(backup.file);
    expect(bytes.includes(Buffer.from('BACKUP-MARKER'))).toBe(false);
    expect((await station.call(station.admin, 'backup.list', {})).backups.map((item) => item.file)).toEqual([backup.file]);
    expect((await station.call(station.admin, 'system.about', {})).lastBackupAt).toBe(backup.createdAt);
    expect(fs.readdirSync(path.dirname(backup.file)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('restores: verifies first, keeps the replaced files beside, and everyone logs in again', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const out = path.join(tempDir(), '备份 1.xybak');
    await station.call(station.admin, 'backup.create', { file: out });
    await station.call(station.admin, 'station.update', { name: '备份之后改的名字', level: 'street', regionCode: '500118001' });
    const result = await station.call(station.admin, 'backup.restore', { file: out });
    expect(fs.existsSync(path.join(result.replacedKeptIn, 'xinyi.db'))).toBe(true);
    expect(fs.existsSync(path.join(result.replacedKeptIn, 'keyring.json'))).toBe(true);
    expect((await station.call(null, 'app.status', {})).phase).toBe('locked');
    const session = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect((await station.call(session.sessionToken, 'station.get', {})).name).toBe('胜利路街道社会心理服务站');
    const restoreRow = (await station.call(session.sessionToken, 'audit.list', { action: 'backup.restore' })).rows[0];
    expect(restoreRow?.objectId).toBe('备份 1.xybak');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const out = path.join(tempDir(), 'damaged.xybak');
    await station.call(station.admin, 'backup.create', { file: out });
    const bytes = fs.readFileSync(out);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100]! + 1) % 256;
    fs.writeFileSync(out, bytes);
    const before = fs.readdirSync(station.dataDir).sort();
    const result = await station.raw(station.admin, 'backup.restore', { file: out });
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    expect(fs.readdirSync(station.dataDir).sort()).toEqual(before);
    expect((await station.call(station.admin, 'station.get', {})).name).toBe('胜利路街道社会心理服务站');
    const notBackup = path.join(tempDir(), 'x.xybak');
    fs.writeFileSync(notBackup, 'hello');
    expect(await station.raw(station.admin, 'backup.restore', { file: notBackup })).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', message: '该文件不是心驿备份文件。' } });
  });

  it("needs the other station's recovery key to restore its backup", async () => {
    const other = disposeWhenTestEnds(await createStation());
    const out = path.join(tempDir(), 'other.xybak');
    await other.call(other.admin, 'backup.create', { file: out });
    const station = disposeWhenTestEnds(await createStation());
    expect(await station.raw(station.admin, 'backup.restore', { file: out })).toMatchObject({ ok: false, error: { code: 'BACKUP_KEY_MISMATCH' } });
    const restored = await station.call(station.admin, 'backup.restore', { file: out, credential: { recoveryKey: other.recoveryKey } });
    expect(fs.existsSync(restored.replacedKeptIn)).toBe(true);
  });

  it('does not overwrite an existing file and rotates dated backups in the folder', async () => {
    const time = manualClock();
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    const out = path.join(tempDir(), 'exists.xybak');
    fs.writeFileSync(out, 'keep me');
    expect(await station.raw(station.admin, 'backup.create', { file: out })).toMatchObject({ ok: false, error: { code: 'FILE_ERROR' } });
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    // A relative path would land in whatever folder the host runs in (the contract fuzz once left a backup "ey" there).
    for (const relative of ['ey', 'backups/station.xybak', './x.xybak']) {
      const refused = await station.raw(station.admin, 'backup.create', { file: relative });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/不能是相对路径/) } });
      expect(fs.existsSync(path.resolve(relative))).toBe(false);
    }
    expect((await station.raw(station.admin, 'backup.create', { dir: 'backups' })).ok).toBe(false);
    await station.call(station.admin, 'settings.update', { backupKeep: 2 });
    const dir = path.join(station.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'not-ours.xybak'), 'a file the station put here');
    const made = [];
    for (let day = 0; day < 3; day += 1) {
      made.push((await station.call(station.admin, 'backup.create', {})).file);
      time.advance(86_400_000);
    }
    expect(fs.readdirSync(dir).sort()).toEqual([...made.slice(1).map((file) => path.basename(file)), 'not-ours.xybak'].sort());
  });

  it('from the problem screen: a station whose keyring is gone restores with the recovery key', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const backup = await station.call(station.admin, 'backup.create', {});
    // closes mid-test: the keyring is removed and the folder reopened
    station.dispose();
    fs.rmSync(path.join(station.dataDir, 'keyring.json'));
    const core = createCore({ dataDir: station.dataDir, idleCheckMs: 0 });
    onTestFinished(() => core.close());
    const status = await core.call(ctx, 'app.status', {});
    expect(status).toMatchObject({ ok: true, value: { phase: 'error', problem: { code: 'KEYRING_INVALID' } } });
    const listed = await core.call(ctx, 'recovery.listBackups', {});
    expect(listed.ok && (listed.value as { backups: unknown[] }).backups).toHaveLength(1);
    const noCredential = await core.call(ctx, 'recovery.restore', { file: backup.file });
    expect(noCredential).toMatchObject({ ok: false, error: { code: 'BACKUP_KEY_MISMATCH' } });
    const restored = await core.call(ctx, 'recovery.restore', { file: backup.file, credential: { recoveryKey: station.recoveryKey } });
    expect(restored.ok).toBe(true);
    expect(await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword })).toMatchObject({ ok: true });
  });
});

describe('scheduled and cancelled backups', () => {
  it('writes the daily backup only when the newest one is a day old', async () => {
    const time = manualClock();
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    expect(await station.core.runScheduledBackup()).toBe(true);
    time.advance(60 * 60_000);
    expect(await station.core.runScheduledBackup()).toBe(false);
    time.advance(24 * 60 * 60_000);
    expect(await station.core.runScheduledBackup()).toBe(true);
    expect((await station.call(station.admin, 'backup.list', {})).backups).toHaveLength(2);
    await station.call(station.admin, 'auth.lock', {});
    time.advance(48 * 60 * 60_000);
    expect(await station.core.runScheduledBackup()).toBe(false);
  });

  it('a cancelled backup stops between steps and leaves no file behind', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const dir = tempDir();
    station.core.events.subscribe((event) => {
      if (event.name === 'operation.progress' && event.payload.stage === 'copy') {
        void station.call(station.admin, 'operation.cancel', { operationId: 'cancel-me' });
      }
    });
    const result = await station.raw(station.admin, 'backup.create', { dir, operationId: 'cancel-me' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OPERATION_CANCELLED' } });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await station.raw(station.admin, 'operation.cancel', { operationId: 'cancel-me' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
