import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { adminPassword, createStation, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('setup and phases', () => {
  it('moves from setup to unlocked, refuses a second setup, and is locked after a lock', async () => {
    const station = disposeWhenTestEnds(await createStation());
    expect((await station.call(null, 'app.status', {})).phase).toBe('unlocked');
    const again = await station.raw(null, 'setup.create', {
      station: { name: '另一个站', level: 'community', regionCode: '500118' },
      admin: { username: 'other', displayName: '某人', password: 'another-pass-1' },
    });
    expect(errorCode(again)).toBe('ALREADY_SET_UP');
    await station.call(station.admin, 'auth.lock', {});
    expect((await station.call(null, 'app.status', {})).phase).toBe('locked');
    expect(errorCode(await station.raw(station.admin, 'station.get', {}))).toBe('LOCKED');
  });

  it('explains the password rule in Chinese and writes nothing for a weak password', async () => {
    const { createCore } = await import('../../../electron/core/createCore.js');
    const { tempDir } = await import('../helpers/station.js');
    const dir = tempDir();
    const core = createCore({ dataDir: dir, idleCheckMs: 0 });
    onTestFinished(() => core.close());
    const result = await core.call({ scope: 'staff', transport: 'direct' }, 'setup.create', {
      station: { name: '测试站', level: 'community', regionCode: '500118' },
      admin: { username: 'admin', displayName: '站长', password: '1234567890' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '输入内容有误：密码不能全是数字，请加入字母或符号。' } });
    // Only the folder lock of the running process; no database, no keyring.
    expect(fs.readdirSync(dir)).toEqual(['xinyi.lock']);
  });
});

describe('accounts', () => {
  it('forces a new password at first login, then works with it', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'users.create', { username: 'LiWei', displayName: '李伟', role: 'counsellor', temporaryPassword: 'temporary-2026' });
    const first = await station.call(null, 'auth.unlock', { username: 'liwei', password: 'temporary-2026' });
    expect(first.user.mustChangePassword).toBe(true);
    expect(errorCode(await station.raw(first.sessionToken, 'station.get', {}))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorCode(await station.raw(first.sessionToken, 'auth.changePassword', { currentPassword: 'wrong-one-123', newPassword: 'liwei-own-pass' }))).toBe('WRONG_CREDENTIALS');
    await station.call(first.sessionToken, 'auth.changePassword', { currentPassword: 'temporary-2026', newPassword: 'liwei-own-pass' });
    expect((await station.call(first.sessionToken, 'station.get', {})).name).toBe('胜利路街道社会心理服务站');
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'liwei', password: 'temporary-2026' }))).toBe('WRONG_CREDENTIALS');
    expect((await station.call(null, 'auth.unlock', { username: 'LIWEI', password: 'liwei-own-pass' })).user.username).toBe('liwei');
  });

  it('changing a password rewrites only the keyring, never the database file (KEY-4)', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const db = path.join(station.dataDir, 'xinyi.db');
    // closes mid-test: reopens the folder with a raw core to watch its files
    station.core.close();
    const hash = () => createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    const { createCore } = await import('../../../electron/core/createCore.js');
    const core = createCore({ dataDir: station.dataDir, idleCheckMs: 0 });
    onTestFinished(() => core.close());
    const ctx = { scope: 'staff' as const, transport: 'direct' as const };
    const login = await core.call(ctx, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect(login.ok).toBe(true);
    const token = login.ok ? (login.value as { sessionToken: string }).sessionToken : '';
    const walBefore = fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0;
    const mainBefore = hash();
    const keyringBefore = fs.readFileSync(path.join(station.dataDir, 'keyring.json'), 'utf8');
    await core.call({ ...ctx, sessionToken: token }, 'auth.changePassword', { currentPassword: adminPassword, newPassword: 'a-brand-new-pass' });
    expect(hash()).toBe(mainBefore);
    expect(fs.readFileSync(path.join(station.dataDir, 'keyring.json'), 'utf8')).not.toBe(keyringBefore);
    // The flag and the audit row go to the WAL; the encrypted pages were not re-keyed.
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThanOrEqual(walBefore);
  });

  it('disabling removes the key slot so the password stops working; enabling sets a temporary one', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('zhao', 'reception', 'zhao-pass-2026');
    const list = await station.call(station.admin, 'users.list', {});
    const zhao = list.find((user) => user.username === 'zhao')!;
    await station.call(station.admin, 'users.setDisabled', { userId: zhao.id, disabled: true });
    const keyring = JSON.parse(fs.readFileSync(path.join(station.dataDir, 'keyring.json'), 'utf8')) as { accounts: Array<{ userId: number | null }> };
    expect(keyring.accounts.some((slot) => slot.userId === zhao.id)).toBe(false);
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' }))).toBe('WRONG_CREDENTIALS');
    const enabled = await station.call(station.admin, 'users.setDisabled', { userId: zhao.id, disabled: false, temporaryPassword: 'welcome-back-1' });
    expect(enabled).toMatchObject({ disabled: false, mustChangePassword: true });
    expect((await station.call(null, 'auth.unlock', { username: 'zhao', password: 'welcome-back-1' })).user.mustChangePassword).toBe(true);
  });

  it('refuses duplicate user names and disabling oneself, so an active 站长 always remains', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const duplicate = await station.raw(station.admin, 'users.create', { username: 'ADMIN', displayName: '重名', role: 'counsellor', temporaryPassword: 'temporary-2026' });
    expect(errorCode(duplicate)).toBe('USERNAME_TAKEN');
    expect(errorCode(await station.raw(station.admin, 'users.setDisabled', { userId: 1, disabled: true }))).toBe('FORBIDDEN');
    const second = await station.addUser('fuzhan', 'admin');
    await station.call(second, 'users.setDisabled', { userId: 1, disabled: true });
    const users = await station.call(second, 'users.list', {});
    const fuzhan = users.find((user) => user.username === 'fuzhan')!;
    await station.call(second, 'users.setDisabled', { userId: 1, disabled: false, temporaryPassword: 'back-again-2026' });
    await station.call(second, 'users.setDisabled', { userId: 1, disabled: true });
    expect(errorCode(await station.raw(second, 'users.setDisabled', { userId: fuzhan.id, disabled: true }))).toBe('FORBIDDEN');
  });

  it('reset password by the 站长 forces a change at next login', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('qian', 'counsellor', 'qian-pass-2026');
    const qian = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'qian')!;
    await station.call(station.admin, 'users.resetPassword', { userId: qian.id, temporaryPassword: 'reset-pass-2026' });
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'qian', password: 'qian-pass-2026' }))).toBe('WRONG_CREDENTIALS');
    expect((await station.call(null, 'auth.unlock', { username: 'qian', password: 'reset-pass-2026' })).user.mustChangePassword).toBe(true);
  });
});

describe('recovery key', () => {
  it('opens the station and sets a new 站长 password; a wrong key is refused', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'auth.lock', {});
    const wrong = await station.raw(null, 'auth.recover', { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000', username: 'admin', newPassword: 'recovered-pass-1' });
    expect(errorCode(wrong)).toBe('WRONG_RECOVERY_KEY');
    const session = await station.call(null, 'auth.recover', { recoveryKey: station.recoveryKey.toLowerCase(), username: 'admin', newPassword: 'recovered-pass-1' });
    expect(session.user.role).toBe('admin');
    await station.call(session.sessionToken, 'auth.lock', {});
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'admin', password: adminPassword }))).toBe('WRONG_CREDENTIALS');
    await station.call(null, 'auth.unlock', { username: 'admin', password: 'recovered-pass-1' });
  });
});

describe('failed logins and idle lock', () => {
  it('backs off after five failures before running the KDF, and audits every failure after the next unlock', async () => {
    const time = manualClock();
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    await station.call(station.admin, 'auth.lock', {});
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'admin', password: `wrong-${attempt}-xx` }))).toBe('WRONG_CREDENTIALS');
    }
    const started = performance.now();
    const blocked = await station.raw(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect(performance.now() - started).toBeLessThan(100);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: '失败次数过多，请在 30 秒后再试。' } });
    time.advance(31_000);
    const session = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    const audit = await station.call(session.sessionToken, 'audit.list', { action: 'auth.unlock' });
    expect(audit.rows.filter((row) => row.result === 'failure')).toHaveLength(5);
  });

  it('locks after the idle time with no calls, closes the database and tells every screen', async () => {
    const time = manualClock();
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    const events: string[] = [];
    station.core.events.subscribe((event) => events.push(`${event.name}:${JSON.stringify(event.payload)}`));
    time.advance(4 * 60_000);
    station.core.checkIdle();
    await station.call(station.admin, 'auth.heartbeat', {});
    time.advance(4 * 60_000);
    station.core.checkIdle();
    expect((await station.call(null, 'app.status', {})).phase).toBe('unlocked');
    time.advance(5 * 60_000);
    station.core.checkIdle();
    expect((await station.call(null, 'app.status', {})).phase).toBe('locked');
    expect(events).toContain('session.locked:{"reason":"idle"}');
    expect(errorCode(await station.raw(station.admin, 'auth.heartbeat', {}))).toBe('LOCKED');
    const session = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    const locks = await station.call(session.sessionToken, 'audit.list', { action: 'auth.lock' });
    expect(locks.rows[0]?.detail).toEqual({ reason: 'idle' });
  });

  it('honours a changed idle setting', async () => {
    const time = manualClock();
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    await station.call(station.admin, 'settings.update', { idleLockMinutes: 2 });
    time.advance(2 * 60_000);
    station.core.checkIdle();
    expect((await station.call(null, 'app.status', {})).phase).toBe('locked');
  });
});

describe('concurrent calls', () => {
  it('parallel wrong passwords cannot slip past the back-off', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'auth.lock', {});
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => station.raw(null, 'auth.unlock', { username: 'admin', password: `wrong-${index}-guess` })),
    );
    const codes = results.map(errorCode);
    expect(codes.filter((code) => code === 'WRONG_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
  });

  it('a reset and a disable of the same account at once leave it consistent: disabled and without a key slot', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('zhou', 'counsellor', 'zhou-pass-2026');
    const zhou = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'zhou')!;
    await Promise.all([
      station.raw(station.admin, 'users.resetPassword', { userId: zhou.id, temporaryPassword: 'reset-pass-2026' }),
      station.raw(station.admin, 'users.setDisabled', { userId: zhou.id, disabled: true }),
    ]);
    const after = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'zhou')!;
    const keyring = JSON.parse(fs.readFileSync(path.join(station.dataDir, 'keyring.json'), 'utf8')) as { accounts: Array<{ userId: number | null }> };
    expect(after.disabled).toBe(true);
    expect(keyring.accounts.some((slot) => slot.userId === zhou.id)).toBe(false);
  });

  it('two accounts created at once both work; the same name twice is refused once', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const input = (username: string) => ({ username, displayName: username, role: 'counsellor' as const, temporaryPassword: 'temporary-2026' });
    const [a, b, c] = await Promise.all([
      station.raw(station.admin, 'users.create', input('wu')),
      station.raw(station.admin, 'users.create', input('zheng')),
      station.raw(station.admin, 'users.create', input('wu')),
    ]);
    expect([errorCode(a), errorCode(b), errorCode(c)]).toEqual(['ok', 'ok', 'USERNAME_TAKEN']);
    expect((await station.call(null, 'auth.unlock', { username: 'zheng', password: 'temporary-2026' })).user.username).toBe('zheng');
  });

  it('disabling an account ends its open sessions at once', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const token = await station.addUser('sun', 'counsellor');
    const sun = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'sun')!;
    await station.call(station.admin, 'users.setDisabled', { userId: sun.id, disabled: true });
    expect(errorCode(await station.raw(token, 'station.get', {}))).toBe('LOCKED');
  });
});

describe('one process per data folder', () => {
  it('refuses a second core on the same folder, and takes over a lock left by a dead process', async () => {
    const { createCore } = await import('../../../electron/core/createCore.js');
    const station = disposeWhenTestEnds(await createStation());
    expect(() => createCore({ dataDir: station.dataDir, idleCheckMs: 0 })).toThrow(/正在使用此数据文件夹/);
    // closes mid-test: frees the folder to plant a dead process's lock
    station.dispose();
    fs.writeFileSync(path.join(station.dataDir, 'xinyi.lock'), '999999');
    const core = createCore({ dataDir: station.dataDir, idleCheckMs: 0, backupCheckMs: 0 });
    onTestFinished(() => core.close());
    expect(fs.readFileSync(path.join(station.dataDir, 'xinyi.lock'), 'utf8')).toBe(String(process.pid));
    // closes mid-test: the lock file must be gone once the core closes
    core.close();
    expect(fs.existsSync(path.join(station.dataDir, 'xinyi.lock'))).toBe(false);
  });
});
