import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/auditLog.js';
import { toApiError } from '../../../electron/core/errors.js';
import { dataPaths } from '../../../electron/core/paths.js';
import { Vault } from '../../../electron/core/vault.js';
import { systemClock } from '../../../electron/core/clock.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds } from '../helpers/station.js';

/** FI-3: a full disk rolls back the whole change with its audit row, and reads still work. */
describe('disk full', () => {
  it('rolls back the change and its audit row, reports DISK_FULL in Chinese, and keeps reading', async () => {
    const station = disposeWhenTestEnds(await createStation());
    // closes mid-test: a raw vault opens the folder
    station.dispose();
    const vault = new Vault(dataPaths(station.dataDir), '0.0.0-test', systemClock);
    vault.open(await databaseKeyOf(station.dataDir, 'admin', adminPassword));
    const db = vault.connection();
    const auditRows = () => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = auditRows();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    let caught: unknown;
    try {
      vault.write((tx, audit) => {
        audit({ actorId: 1, actorName: 'admin', action: 'station.update' });
        tx.prepare('UPDATE station SET address = ? WHERE id = 1').run('满'.repeat(200_000));
      });
    } catch (error) {
      caught = error;
    }
    expect(toApiError(caught)).toEqual({ code: 'DISK_FULL', message: '磁盘空间不足，本次操作未保存任何内容。' });
    expect(db.inTransaction).toBe(false);
    expect(auditRows()).toBe(before);
    expect((db.prepare('SELECT name FROM station').get() as { name: string }).name).toBe('胜利路街道社会心理服务站');
    appendAudit(db, 'test', { actorId: null, actorName: null, action: 'backup.create' }, new Date());
    vault.close();
  });
});
