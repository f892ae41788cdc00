import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../../electron/core/createCore.js';
import { readKeyring } from '../../../electron/core/keyring/keyring.js';
import { wrapDataKey } from '../../../electron/core/keyring/keySlot.js';
import { sha256OfFile, writeBackupFile, type BackupHeader } from '../../../electron/core/services/backup/backupFile.js';
import type { KeyFaults } from '../../../electron/core/vault.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, staffPassword, staffedFolder, tempDir } from '../helpers/station.js';

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

/**
 * A station as the previous release left it: keyring format 1, each slot wrapping the database key
 * directly with a password. Built from a real station by writing its keyring the old way.
 */
async function formatOneStation() {
  const station = await staffedFolder([['liu', 'counsellor'], ['zhao', 'reception']]);
  const recoveryKey = station.recoveryKey.replace(/-/g, '');
  const databaseKey = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
  const users = [
    { userId: 1, username: 'admin', password: adminPassword },
    { userId: 2, username: 'liu', password: staffPassword('liu') },
    { userId: 3, username: 'zhao', password: staffPassword('zhao') },
  ];
  const slots = [];
  for (const user of users) slots.push(await wrapDataKey(databaseKey, user.password, { kind: 'user', userId: user.userId, username: user.username }));
  slots.push(await wrapDataKey(databaseKey, recoveryKey, { kind: 'recovery', userId: null, username: null }));
  const v1 = { format: 'xinyi-keyring', version: 1, slots };
  const keyringFile = path.join(station.dataDir, 'keyring.json');
  fs.writeFileSync(keyringFile, JSON.stringify(v1, null, 2));
  return { dataDir: station.dataDir, keyringFile, v1, databaseKey, recoveryKey: station.recoveryKey };
}

function open(dataDir: string, keyFaults?: KeyFaults) {
  const core: Core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0, ...(keyFaults ? { keyFaults } : {}) });
  onTestFinished(() => core.close());
  const ctx = (sessionToken: string | null) => ({ scope: 'staff' as const, transport: 'direct' as const, sessionToken });
  return {
    core,
    raw: (token: string | null, method: Parameters<Core['call']>[1], input: unknown) => core.call(ctx(token), method, input),
    unlock: async (username: string, password: string) => {
      const result = await core.call(ctx(null), 'auth.unlock', { username, password });
      if (!result.ok) throw new Error(`${username}: ${result.error.code}`);
      return (result.value as { sessionToken: string }).sessionToken;
    },
  };
}

describe('keyring format 1 → 2', { timeout: 240_000 }, () => {
  it('upgrades each account at its own next login; the clinical key is born with the first clinical account', async () => {
    const old = await formatOneStation();
    const station = open(old.dataDir);
    const keyring = () => readKeyring(old.keyringFile);

    await station.unlock('zhao', 'zhao-pass-2026');
    expect(keyring().accounts.map((slot) => slot.username)).toEqual(['zhao']);
    expect(keyring().accounts[0]?.clinicalKey).toBeNull();
    expect(keyring().clinicalPublicKey).toBeNull();
    expect(station.core.clinicalKeyHeld()).toBe(false);

    const liu = await station.unlock('liu', 'liu-pass-2026');
    expect(keyring().clinicalPublicKey).not.toBeNull();
    expect(station.core.clinicalKeyHeld()).toBe(true);
    // The 站长 logs in while a holder is present: the clinical key is sealed to the new slot at once.
    const admin = await station.unlock('admin', adminPassword);
    const upgraded = keyring();
    expect(upgraded.legacy.map((slot) => slot.kind)).toEqual(['recovery']);
    expect(upgraded.accounts.find((slot) => slot.username === 'admin')?.clinicalKey).not.toBeNull();
    expect(upgraded.accounts.find((slot) => slot.username === 'liu')?.clinicalKey).not.toBeNull();
    // The database key did not change: the upgrade rewrites only the keyring.
    expect((await databaseKeyOf(old.dataDir, 'zhao', 'zhao-pass-2026')).equals(old.databaseKey)).toBe(true);

    // While the recovery slot is still format 1, a rotation would orphan the printed key: a disable then
    // only removes the slot (as before), and says so in the audit row.
    const zhaoId = 3;
    expect(errorCode(await station.raw(admin, 'users.setDisabled', { userId: zhaoId, disabled: true }))).toBe('ok');
    expect((await databaseKeyOf(old.dataDir, 'admin', adminPassword)).equals(old.databaseKey)).toBe(true);
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'zhao', password: 'zhao-pass-2026' }))).toBe('WRONG_CREDENTIALS');

    // The recovery key's next use upgrades its slot and rotates the keys; the other accounts follow.
    await station.raw(liu, 'auth.lock', {});
    const recovered = await station.raw(null, 'auth.recover', { recoveryKey: old.recoveryKey, username: 'admin', newPassword: 'a-brand-new-pass-1' });
    expect(errorCode(recovered)).toBe('ok');
    // closes mid-test: the keyring is read after close
    station.core.close();
    const final = keyring();
    expect(final.legacy).toEqual([]);
    const rotatedKey = await databaseKeyOf(old.dataDir, 'liu', 'liu-pass-2026');
    expect(rotatedKey.equals(old.databaseKey)).toBe(false);
    expect((await databaseKeyOf(old.dataDir, null, old.recoveryKey.replace(/-/g, ''))).equals(rotatedKey)).toBe(true);
  });

  it('a new recovery key lets an upgraded station rotate; accounts not upgraded yet then need a temporary password', async () => {
    const old = await formatOneStation();
    const station = open(old.dataDir);
    const admin = await station.unlock('admin', adminPassword);
    const issued = await station.raw(admin, 'users.newRecoveryKey', {});
    if (!issued.ok) throw new Error(issued.error.code);
    const newRecoveryKey = (issued.value as { recoveryKey: string }).recoveryKey;
    expect(readKeyring(old.keyringFile).legacy.some((slot) => slot.kind === 'recovery')).toBe(false);

    expect(errorCode(await station.raw(admin, 'users.setDisabled', { userId: 3, disabled: true }))).toBe('ok');
    const rotated = await databaseKeyOf(old.dataDir, 'admin', adminPassword);
    expect(rotated.equals(old.databaseKey)).toBe(false);
    expect((await databaseKeyOf(old.dataDir, null, newRecoveryKey.replace(/-/g, ''))).equals(rotated)).toBe(true);
    await expect(databaseKeyOf(old.dataDir, null, old.recoveryKey.replace(/-/g, ''))).rejects.toThrow();
    // liu never logged in since the upgrade: the rotation could not take that slot along, and says so.
    const audit = await station.raw(admin, 'audit.list', { action: 'users.disable' });
    expect(audit.ok && (audit.value as { rows: Array<{ detail: Record<string, unknown> }> }).rows[0]?.detail).toMatchObject({ legacySlotsDropped: 'liu' });
    expect(errorCode(await station.raw(null, 'auth.unlock', { username: 'liu', password: 'liu-pass-2026' }))).toBe('WRONG_CREDENTIALS');
    // The users screen says so before anyone tries.
    const listed = await station.raw(admin, 'users.list', {});
    const slotOf = (username: string) => (listed.ok ? (listed.value as Array<{ username: string; keySlot: string }>) : []).find((user) => user.username === username)?.keySlot;
    expect([slotOf('admin'), slotOf('liu')]).toEqual(['current', 'none']);
    expect(errorCode(await station.raw(admin, 'users.resetPassword', { userId: 2, temporaryPassword: 'liu-temp-2026' }))).toBe('ok');
    await station.unlock('liu', 'liu-temp-2026');
  });

  it('an upgrade that cannot write the keyring still logs in, and leaves the format-1 keyring as it was', async () => {
    const old = await formatOneStation();
    const before = fs.readFileSync(old.keyringFile, 'utf8');
    let writable = false;
    const station = open(old.dataDir, {
      keyringWrite: () => {
        if (!writable) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      },
    });
    const liu = await station.unlock('liu', 'liu-pass-2026');
    expect(fs.readFileSync(old.keyringFile, 'utf8')).toBe(before);
    // A clinical key that could not be stored is not kept either.
    expect(station.core.clinicalKeyHeld()).toBe(false);
    await station.raw(liu, 'auth.lock', {});
    writable = true;
    await station.unlock('liu', 'liu-pass-2026');
    expect(readKeyring(old.keyringFile).accounts.map((slot) => slot.username)).toEqual(['liu']);
  });

  it('restores a backup whose keyring is format 1, with a password of its day', async () => {
    const old = await formatOneStation();
    // A backup file as the previous release wrote it: format-1 keyring in the header.
    const backupFile = path.join(tempDir(), 'v1.xybak');
    const database = path.join(old.dataDir, 'xinyi.db');
    const header = {
      format: 'xinyi-backup',
      version: 1,
      createdAt: '2026-11-20T08:00:00.000Z',
      appVersion: '0.9.0',
      schemaVersion: 90,
      cipher: 'aegis',
      keyring: old.v1,
      database: { size: fs.statSync(database).size, sha256: await sha256OfFile(database) },
    } as unknown as BackupHeader;
    await writeBackupFile(backupFile, header, database);

    const station = disposeWhenTestEnds(await createStation());
    const restored = await station.raw(station.admin, 'backup.restore', { file: backupFile, credential: { username: 'zhao', password: 'zhao-pass-2026' } });
    expect(errorCode(restored)).toBe('ok');
    const liu = await station.call(null, 'auth.unlock', { username: 'liu', password: 'liu-pass-2026' });
    expect(liu.user.role).toBe('counsellor');
    expect(readKeyring(path.join(station.dataDir, 'keyring.json')).accounts.map((slot) => slot.username)).toEqual(['liu']);
  });
});
