import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWithSecret, readKeyring } from '../../../electron/core/keyring/keyring.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, type Station } from '../helpers/station.js';

const keyringOf = (station: Station) => readKeyring(path.join(station.dataDir, 'keyring.json'));
const sealedClinical = (station: Station, username: string) => keyringOf(station).accounts.find((slot) => slot.username === username)?.clinicalKey ?? null;
const userId = async (station: Station, username: string) => (await station.call(station.admin, 'users.list', {})).find((user) => user.username === username)!.id;
/** What this password reaches in keyring.json right now: the database key, and the clinical key or not. */
async function keysOf(station: Station, username: string, password: string) {
  const opened = await openWithSecret(keyringOf(station), { kind: 'user', username }, password);
  if (!opened) throw new Error(`no key for ${username}`);
  return { databaseKey: opened.keys.databaseKey, clinical: opened.keys.clinical };
}

// Several real scrypt derivations and one key rotation: slow on a busy 2-core machine.
describe('the 站长 edits accounts (name and role), audited, with the keys following the role', { timeout: 240_000 }, () => {
  it('renames without touching keys; reception → counsellor seals the clinical key to the account; counsellor → reception rotates both keys', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const zhaoSession = await station.addUser('zhao', 'reception');
    await station.addUser('liu', 'counsellor');
    const zhao = await userId(station, 'zhao');
    const liu = await userId(station, 'liu');
    const before = keyringOf(station);

    // A new name only: same keyring, the open session stays.
    expect(await station.call(station.admin, 'users.update', { userId: zhao, displayName: '赵前台', role: 'reception' })).toMatchObject({ displayName: '赵前台', role: 'reception' });
    expect(keyringOf(station)).toEqual(before);
    expect(await station.raw(zhaoSession, 'station.get', {})).toMatchObject({ ok: true });

    // Gaining the clinical key: sealed to the account's own public key, no rotation; the session (fixed at login) ends.
    const databaseKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    expect(sealedClinical(station, 'zhao')).toBeNull();
    expect(await station.call(station.admin, 'users.update', { userId: zhao, displayName: '赵前台', role: 'counsellor' })).toMatchObject({ role: 'counsellor' });
    expect(sealedClinical(station, 'zhao')).not.toBeNull();
    const zhaoKeys = await keysOf(station, 'zhao', 'zhao-pass-2026');
    expect(zhaoKeys.databaseKey.equals(databaseKey)).toBe(true);
    expect(zhaoKeys.clinical?.key.equals((await keysOf(station, 'admin', adminPassword)).clinical!.key)).toBe(true);
    expect(await station.raw(zhaoSession, 'station.get', {})).toMatchObject({ ok: false });
    const again = await station.call(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' });
    expect(again.user.role).toBe('counsellor');

    // Losing it: both keys rotate as for disabling; the account keeps its password and the database key only.
    const oldClinicalPublicKey = keyringOf(station).clinicalPublicKey;
    expect(await station.call(station.admin, 'users.update', { userId: liu, displayName: '刘老师', role: 'reception' })).toMatchObject({ displayName: '刘老师', role: 'reception' });
    const liuKeys = await keysOf(station, 'liu', 'liu-pass-2026');
    expect(liuKeys.clinical).toBeNull();
    expect(liuKeys.databaseKey.equals(databaseKey)).toBe(false);
    expect(keyringOf(station).clinicalPublicKey).not.toBe(oldClinicalPublicKey);
    expect((await keysOf(station, 'admin', adminPassword)).databaseKey.equals(liuKeys.databaseKey)).toBe(true);
    expect((await keysOf(station, 'zhao', 'zhao-pass-2026')).clinical).not.toBeNull();
    const liuAgain = await station.call(null, 'auth.unlock', { username: 'liu', password: 'liu-pass-2026' });
    expect(liuAgain.user).toMatchObject({ role: 'reception', displayName: '刘老师' });

    const audit = (await station.call(station.admin, 'audit.list', { action: 'users.update' })).rows;
    expect(audit.map((row) => row.detail)).toEqual([
      { renamed: true, roleFrom: 'counsellor', roleTo: 'reception', keysRotated: true },
      { renamed: false, roleFrom: 'reception', roleTo: 'counsellor', keysRotated: false, clinicalKeySealed: true },
      { renamed: true, keysRotated: false },
    ]);
  });

  it('refuses a 站长 changing their own role, an unknown account and an empty name, and changes nothing', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const admin = await userId(station, 'admin');
    const before = keyringOf(station);
    expect(await station.raw(station.admin, 'users.update', { userId: admin, displayName: '王站长', role: 'counsellor' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(station.admin, 'users.update', { userId: 999, displayName: '某人', role: 'reception' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await station.raw(station.admin, 'users.update', { userId: admin, displayName: ' ', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '输入内容有误：请填写姓名。' } });
    expect(keyringOf(station)).toEqual(before);
    expect((await station.call(station.admin, 'users.list', {}))[0]).toMatchObject({ displayName: '王站长', role: 'admin' });
    expect((await station.call(station.admin, 'audit.list', { action: 'users.update' })).rows).toEqual([]);
  });
});
