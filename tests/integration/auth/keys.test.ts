import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { readKeyring } from '../../../electron/core/keyring/keyring.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, tempDir, type Station } from '../helpers/station.js';

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);
const keyringOf = (station: Station) => readKeyring(path.join(station.dataDir, 'keyring.json'));
const opensWith = (station: Station, key: Buffer) => {
  try {
    openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), key, { readonly: true }).close();
    return true;
  } catch {
    return false;
  }
};
const userId = async (station: Station, username: string) =>
  (await station.call(station.admin, 'users.list', {})).find((user) => user.username === username)!.id;

// Each test runs a dozen real scrypt derivations (128 MiB each); on a busy 2-core machine that takes a while.
describe('keyring v2: two keys, account key pairs', { timeout: 240_000 }, () => {
  it('seals the clinical key only to 站长, counsellor and recovery slots; a reception-only station holds it nowhere', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const liu = await station.addUser('liu', 'counsellor');
    await station.addUser('zhao', 'reception');
    const keyring = keyringOf(station);
    expect(keyring.version).toBe(2);
    expect(keyring.legacy).toEqual([]);
    const clinicalOf = (username: string | null) =>
      keyring.accounts.find((slot) => (username === null ? slot.kind === 'recovery' : slot.username === username))?.clinicalKey ?? null;
    expect(clinicalOf('admin')).not.toBeNull();
    expect(clinicalOf('liu')).not.toBeNull();
    expect(clinicalOf(null)).not.toBeNull();
    expect(clinicalOf('zhao')).toBeNull();
    // A new account got the same database key, sealed to its own public key: nothing re-encrypted.
    const databaseKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    expect((await databaseKeyOf(station.dataDir, 'zhao', 'zhao-pass-2026')).equals(databaseKey)).toBe(true);

    expect(station.core.clinicalKeyHeld()).toBe(true);
    await station.call(liu, 'auth.lock', {});
    expect(station.core.clinicalKeyHeld()).toBe(false);
    const zhao = await station.call(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' });
    expect(station.core.clinicalKeyHeld()).toBe(false);
    await station.call(null, 'auth.unlock', { username: 'liu', password: 'liu-pass-2026' });
    expect(station.core.clinicalKeyHeld()).toBe(true);
    await station.call(zhao.sessionToken, 'auth.lock', {});
    expect(station.core.clinicalKeyHeld()).toBe(false);
  });

  it('disabling rotates both keys (DB-9) with progress: the remaining passwords open the new keys, the old key opens nothing', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const liu = await station.addUser('liu', 'counsellor');
    await station.addUser('zhao', 'reception');
    const oldKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    const oldClinicalPublicKey = keyringOf(station).clinicalPublicKey;
    const progress: number[] = [];
    station.core.events.subscribe((event) => {
      if (event.name === 'operation.progress' && event.payload.kind === 'keyRotation') progress.push(event.payload.percent);
    });
    await station.call(station.admin, 'users.setDisabled', { userId: await userId(station, 'zhao'), disabled: true });
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Sessions of the remaining accounts go on with the new key.
    expect((await station.call(liu, 'station.get', {})).name).toBe('胜利路街道社会心理服务站');
    const rows = (await station.call(station.admin, 'audit.list', { action: 'users.disable' })).rows;
    expect(rows[0]?.detail).toMatchObject({ keysRotated: true });
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' }))).toBe('WRONG_CREDENTIALS');
    // closes mid-test: the keyring and database files are read after close
    station.dispose();

    const newKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    expect(newKey.equals(oldKey)).toBe(false);
    expect((await databaseKeyOf(station.dataDir, 'liu', 'liu-pass-2026')).equals(newKey)).toBe(true);
    expect((await databaseKeyOf(station.dataDir, null, station.recoveryKey.replace(/-/g, ''))).equals(newKey)).toBe(true);
    expect(keyringOf(station).clinicalPublicKey).not.toBe(oldClinicalPublicKey);
    expect(opensWith(station, oldKey)).toBe(false);
    expect(opensWith(station, newKey)).toBe(true);
    expect(fs.readdirSync(station.dataDir).filter((name) => name.includes('.rotating'))).toEqual([]);
  });

  it("a 站长's reset of someone else's password rotates the keys; their own reset and a password change do not", async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('liu', 'counsellor');
    const first = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    await station.call(station.admin, 'users.resetPassword', { userId: await userId(station, 'admin'), temporaryPassword: 'admin-temp-2026' });
    expect((await databaseKeyOf(station.dataDir, 'admin', 'admin-temp-2026')).equals(first)).toBe(true);
    await station.call(station.admin, 'users.resetPassword', { userId: await userId(station, 'liu'), temporaryPassword: 'liu-temp-2026' });
    const second = await databaseKeyOf(station.dataDir, 'admin', 'admin-temp-2026');
    expect(second.equals(first)).toBe(false);
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'liu', password: 'liu-pass-2026' }))).toBe('WRONG_CREDENTIALS');
    const liu = await station.call(null, 'auth.unlock', { username: 'liu', password: 'liu-temp-2026' });
    expect(liu.user.mustChangePassword).toBe(true);
  });

  it('a recovery-key reset rotates the keys and the other accounts keep working', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('liu', 'counsellor');
    const before = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    await station.call(station.admin, 'auth.lock', {});
    const session = await station.call(null, 'auth.recover', { recoveryKey: station.recoveryKey, username: 'admin', newPassword: 'a-brand-new-pass-1' });
    expect(station.core.clinicalKeyHeld()).toBe(true);
    expect((await station.call(session.sessionToken, 'station.get', {})).name).toBe('胜利路街道社会心理服务站');
    // closes mid-test: the keyring is read after close
    station.dispose();
    const after = await databaseKeyOf(station.dataDir, 'admin', 'a-brand-new-pass-1');
    expect(after.equals(before)).toBe(false);
    expect((await databaseKeyOf(station.dataDir, 'liu', 'liu-pass-2026')).equals(after)).toBe(true);
    await expect(databaseKeyOf(station.dataDir, 'admin', adminPassword)).rejects.toThrow();
  });

  it('a backup made before a rotation restores with the passwords valid when it was made', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('zhao', 'reception');
    const out = path.join(tempDir(), 'before-rotation.xybak');
    await station.call(station.admin, 'backup.create', { file: out });
    await station.call(station.admin, 'users.setDisabled', { userId: await userId(station, 'zhao'), disabled: true });
    // The open key is no longer the backup's: a credential of that day is needed, and works.
    expect(errorCode(await station.raw(station.admin, 'backup.restore', { file: out }))).toBe('BACKUP_KEY_MISMATCH');
    await station.call(station.admin, 'backup.restore', { file: out, credential: { username: 'zhao', password: 'zhao-pass-2026' } });
    const zhao = await station.call(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' });
    expect(zhao.user.disabled).toBe(false);
  });
});

describe('a lock during a key rotation', { timeout: 240_000 }, () => {
  it('waits for the rotation to end, then leaves the station locked with the change committed', async () => {
    let duringRotation: (() => void) | null = null;
    const station = disposeWhenTestEnds(await createStation({ keyFaults: { rotationStep: (step) => (step === 'apply' ? duringRotation?.() : undefined) } }));
    await station.call(station.admin, 'users.create', { username: 'zhao', displayName: '赵', role: 'reception', temporaryPassword: 'temporary-2026' });
    duringRotation = () => station.core.lock('idle');
    const result = await station.raw(station.admin, 'users.setDisabled', { userId: await userId(station, 'zhao'), disabled: true });
    // The change committed; the answer is the lock, not a failure to save.
    expect(errorCode(result)).toBe('LOCKED');
    expect((await station.call(null, 'app.status', {})).phase).toBe('locked');
    expect(station.core.clinicalKeyHeld()).toBe(false);
    duringRotation = null;
    const admin = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect((await station.call(admin.sessionToken, 'users.list', {})).find((user) => user.username === 'zhao')?.disabled).toBe(true);
  });
});

describe('a keyring that cannot be written (section 4)', { timeout: 240_000 }, () => {
  it('create user, change password and disable complete in both places or in neither', async () => {
    let keyringWritable = true;
    const station = disposeWhenTestEnds(
      await createStation({
        keyFaults: {
          keyringWrite: () => {
            if (!keyringWritable) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
          },
        },
      }),
    );
    const liu = await station.addUser('liu', 'counsellor');
    const zhao = await station.addUser('zhao', 'reception');
    const auditCount = async () => (await station.call(station.admin, 'audit.list', {})).total;
    const auditBefore = await auditCount();
    keyringWritable = false;

    const created = await station.raw(station.admin, 'users.create', { username: 'wang', displayName: '王', role: 'counsellor', temporaryPassword: 'temporary-2026' });
    expect(created).toMatchObject({ ok: false, error: { code: 'KEYRING_UNWRITABLE' } });
    expect((await station.call(station.admin, 'users.list', {})).some((user) => user.username === 'wang')).toBe(false);

    const changed = await station.raw(liu, 'auth.changePassword', { currentPassword: 'liu-pass-2026', newPassword: 'liu-newer-pass-1' });
    expect(errorCode(changed)).toBe('KEYRING_UNWRITABLE');

    const disabled = await station.raw(station.admin, 'users.setDisabled', { userId: await userId(station, 'zhao'), disabled: true });
    expect(errorCode(disabled)).toBe('KEYRING_UNWRITABLE');
    // The disabled person's sessions ended before the step that failed.
    expect(errorCode(await station.raw(zhao, 'station.get', {}))).toBe('LOCKED');
    expect((await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'zhao')?.disabled).toBe(false);
    // Only the first count's own audit.view row was added: nothing from the refused changes.
    expect(await auditCount()).toBe(auditBefore + 1);

    keyringWritable = true;
    await station.call(station.admin, 'auth.lock', {});
    // Nothing half-done: the old passwords work, the refused account does not exist.
    await station.call(null, 'auth.unlock', { username: 'liu', password: 'liu-pass-2026' });
    await station.call(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' });
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'wang', password: 'temporary-2026' }))).toBe('WRONG_CREDENTIALS');
    const admin = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    await station.call(admin.sessionToken, 'users.create', { username: 'wang', displayName: '王', role: 'counsellor', temporaryPassword: 'temporary-2026' });
  });
});
