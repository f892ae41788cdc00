import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/auditLog.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { changeStamp } from '../../../electron/core/repositories/reportFactsRepo.js';
import { FactReadings } from '../../../electron/core/services/reports/reportFacts.js';
import type { ChecklistService } from '../../../electron/core/services/checklist/checklistService.js';
import { adult } from '../helpers/clients.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

/**
 * The report screen's kept readings (issue 15): a preview reads the directory once and remembers its periods' figures
 * until anything in the file changes. Every way a change can come — a call through core, another connection's commit,
 * a new day — must start afresh, or a report shows figures the records no longer hold.
 */
async function stationWithSecondConnection() {
  const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
  const key = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
  const other = openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), key);
  const meetingOnNov5 = () =>
    other
      .prepare(
        `INSERT INTO meetings (kind, held_on, start_time, end_time, location, agenda, created_by, created_at, updated_at)
         VALUES ('leading_group', '2026-11-05', '09:00', '10:00', '站内', '例会', 1, '2026-11-05T01:00:00.000Z', '2026-11-05T01:00:00.000Z')`,
      )
      .run();
  return { station, other, meetingOnNov5 };
}

describe('the kept readings of the report screen', () => {
  it('a preview shows a record another connection committed since the last preview', async () => {
    const { station, other, meetingOnNov5 } = await stationWithSecondConnection();
    const meetings = async () => (await station.call(station.admin, 'reports.preview', { period: '2026-11' })).figures.SPS20!.total;
    try {
      expect(await meetings()).toBe(0);
      meetingOnNov5();
      expect(await meetings()).toBe(1);
    } finally {
      other.close();
    }
  });

  it('a preview and the trend show a meeting recorded through core since the last reading', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
    const read = async () => [
      (await station.call(station.admin, 'reports.preview', { period: '2026-11' })).figures.SPS20!.total,
      (await station.call(station.admin, 'reports.trend', { month: '2026-11', values: ['SPS20'] })).series.SPS20!.at(-1),
    ];
    expect(await read()).toEqual([0, 0]);
    const adminId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'admin')!.id;
    await station.call(station.admin, 'meetings.create', { kind: 'leading_group', date: '2026-11-05', startTime: '09:00', endTime: '10:00', location: '站内', staffIds: [adminId], agenda: '例会', minutes: '部署工作。' });
    expect(await read()).toEqual([1, 1]);
  });

  it('one reading while nothing changes (an audit row aside); a new one after a change on any connection, on a new day and after the station locked', async () => {
    const { other, meetingOnNov5 } = await stationWithSecondConnection();
    try {
      let day = '2026-12-03';
      let contexts = 0;
      const providers = { checklist: {} as ChecklistService, abnormalBands: () => ((contexts += 1), new Set<string>()) };
      const readings = new FactReadings(providers, () => day);
      const first = readings.of(other);
      expect(readings.of(other)).toBe(first);
      expect(first.remember('k', () => 1)).toBe(1);
      expect(readings.of(other).remember('k', () => 2)).toBe(1);
      // Opening a client's file writes its audit row and nothing a report counts: the reading stays.
      appendAudit(other, 'test', { actorId: 1, actorName: 'admin', action: 'clients.view', objectType: 'client', objectId: 1 }, new Date('2026-12-03T02:00:00Z'));
      expect(readings.of(other)).toBe(first);
      // Inside a transaction a change could still roll back under the same stamp: a fresh reading, and nothing kept.
      other.transaction(() => expect(readings.of(other)).not.toBe(first))();
      expect(readings.of(other)).toBe(first);

      meetingOnNov5();
      const afterWrite = readings.of(other);
      expect(afterWrite).not.toBe(first);
      expect(afterWrite.remember('k', () => 3)).toBe(3);

      day = '2026-12-04';
      const nextDay = readings.of(other);
      expect(nextDay).not.toBe(afterWrite);

      readings.forget();
      expect(readings.of(other)).not.toBe(nextDay);
      expect(contexts).toBe(5);
    } finally {
      other.close();
    }
  });
});

describe('what counts as a change', () => {
  it('opening a client’s file and its case through core (audited reads) leaves the stamp; registering a client moves it', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
    const db = station.database();
    const client = await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
    const opened = await station.call(station.admin, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '情绪低落', openedOn: '2026-12-01' });
    const before = changeStamp(db);
    await station.call(station.admin, 'clients.get', { id: client.id });
    await station.call(station.admin, 'cases.get', { id: opened.id });
    expect(changeStamp(db)).toBe(before);
    await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined, name: '钱乙' });
    expect(changeStamp(db)).not.toBe(before);
  });
});
