import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core/audit/auditLog.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

async function openRaw(dataDir: string) {
  const dataKey = await databaseKeyOf(dataDir, 'admin', adminPassword);
  return openEncryptedDatabase(path.join(dataDir, 'xinyi.db'), dataKey);
}

describe('audit log', () => {
  it('records who did what to which record, filterable by user, action and date', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock().clock }));
    await station.addUser('liwei', 'counsellor');
    await station.call(station.admin, 'station.update', { name: '新名称服务站', level: 'street', regionCode: '500118001' });
    const all = await station.call(station.admin, 'audit.list', {});
    const actions = all.rows.map((row) => row.action).reverse();
    expect(actions.slice(0, 4)).toEqual(['setup.create', 'users.create', 'recoveryKey.create', 'users.create']);
    expect(actions).toContain('auth.changePassword');
    expect(actions).toContain('station.update');
    const liwei = all.rows.find((row) => row.actorName === 'liwei')!;
    const byUser = await station.call(station.admin, 'audit.list', { userId: liwei.actorId! });
    expect(byUser.rows.every((row) => row.actorName === 'liwei')).toBe(true);
    const byAction = await station.call(station.admin, 'audit.list', { action: 'station.update' });
    expect(byAction.total).toBe(1);
    expect((await station.call(station.admin, 'audit.list', { from: '2026-11-23', to: '2026-11-23' })).total).toBeGreaterThan(5);
    expect((await station.call(station.admin, 'audit.list', { from: '2020-01-01', to: '2020-01-31' })).total).toBe(0);
    const badRange = await station.raw(station.admin, 'audit.list', { from: '2026-02-01', to: '2026-01-01' });
    expect(badRange).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never stores the sensitive content itself', async () => {
    const station = disposeWhenTestEnds(await createStation());
    await station.call(station.admin, 'station.update', { name: '保密测试站', level: 'street', regionCode: '500118001', address: 'SECRET-ADDRESS-42' });
    const rows = JSON.stringify((await station.call(station.admin, 'audit.list', { pageSize: 200 })).rows);
    expect(rows).not.toContain('SECRET-ADDRESS-42');
    expect(rows).not.toContain(adminPassword);
  });

  it('refuses UPDATE and DELETE at the SQL level', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: the database is opened raw after close
    station.dispose();
    const db = await openRaw(station.dataDir);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it.each([
    ['an altered row', "UPDATE audit_log SET actor_name = 'someone' WHERE seq = 2", 2, '内容已被改动'],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 3', 3, '缺失'],
    ['a re-linked row', "UPDATE audit_log SET prev_hash = '00' WHERE seq = 4", 4, '链接不符'],
  ])('names the exact place of %s', async (_label, tamper, brokenAt, reason) => {
    const station = disposeWhenTestEnds(await createStation());
    await station.addUser('liwei', 'counsellor');
    // closes mid-test: the database is opened raw after close
    station.dispose();
    const db = await openRaw(station.dataDir);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, brokenAt: null });
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec(tamper);
    const result = verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, brokenAt });
    expect(result.reason).toContain(reason);
    db.close();
  });

  it('system.verify reports database integrity and the audit chain together', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const result = await station.call(station.admin, 'system.verify', {});
    expect(result).toMatchObject({ ok: true, integrity: { ok: true, problems: [] }, auditChain: { ok: true } });
  });
});
