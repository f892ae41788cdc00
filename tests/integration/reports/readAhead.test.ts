import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/api/contract/index.js';
import type { Db } from '../../../electron/core/db/driver.js';
import type { Directory } from '../../../electron/core/repositories/reportDirectory.js';
import { FactReadings, freshReading } from '../../../electron/core/services/reports/reportFacts.js';
import type { ChecklistService } from '../../../electron/core/services/checklist/checklistService.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import type { IndicatorSet } from '../../../shared/reports/indicatorSetSchema.js';
import { adult } from '../helpers/clients.js';
import { statementsDuring, tablesRead } from '../helpers/queryPlans.js';
import { reportStation } from '../helpers/reportStation.js';
import { adminPassword, createStation, disposeWhenTestEnds, manualClock, staffPassword } from '../helpers/station.js';

/**
 * The report screen's first figures read ahead after a 站长's unlock (issue 15: on a ten-year station the first report
 * after an unlock took 0.8 s, reading the directory of clients and counting three periods while the 站长 waited).
 */
const recordTables = ['clients', 'client_tags', 'cases', 'case_problems', 'risk_grades', 'sessions', 'scale_results', 'referrals', 'crises', 'follow_ups', 'activities', 'meetings'];
const header = { preparedBy: '王站长', contactPhone: '023-49881234' };

/** The record tables some of these statements read: none when every figure was kept. */
const recordsRead = (db: Db, statements: string[]) => [...new Set(statements.flatMap((sql) => tablesRead(db, sql)))].filter((table) => recordTables.includes(table)).sort();

describe('reading the report screen ahead', () => {
  it('after a 站长’s unlock the last full month and its trend open without reading a record, with the figures the records give', async () => {
    const { station } = await reportStation({ readAheadMs: 5 });
    disposeWhenTestEnds(station);
    await station.call(station.admin, 'auth.lock', {});
    const { sessionToken } = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    await station.core.readAhead();

    const db = station.database();
    let preview: MethodOutput<'reports.preview'> | undefined;
    const statements = await statementsDuring(db, async () => {
      preview = await station.call(sessionToken, 'reports.preview', { period: '2026-11' });
      await station.call(sessionToken, 'reports.trend', { month: '2026-11', values: ['SPS01', 'SPS20'] });
    });
    expect(recordsRead(db, statements)).toEqual([]);
    // A draft is read afresh inside its write: the figures read ahead are the records'.
    const fresh = await station.call(sessionToken, 'reports.saveDraft', { period: '2026-11', header, notes: {} });
    expect(preview!.figures).toEqual(fresh.figures);
    expect(preview!.comparison).toEqual(fresh.comparison);
  });

  // In January December closes its quarter, half and year (reported the month after); the year is what 年报 opens.
  it.each([
    ['2027-01-05T02:00:00Z', ['2026-12', '2026-Q4', '2026-H2', '2026'], '2026-Q3'],
    ['2026-12-05T02:00:00Z', ['2026-11', '2026'], '2026-Q4'],
  ])('at %s the views of %j are read ahead, the quarter or half the month closes and its year', async (now, readAhead, counted) => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date(now)).clock, readAheadMs: 5 }));
    const client = await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
    await station.call(station.admin, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '情绪低落', openedOn: '2026-10-01' });
    await station.call(station.admin, 'auth.lock', {});
    const { sessionToken } = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    await station.core.readAhead();
    const db = station.database();
    const statements = await statementsDuring(db, async () => {
      for (const period of readAhead) await station.call(sessionToken, 'reports.preview', { period });
    });
    expect(recordsRead(db, statements)).toEqual([]);
    // A quarter no report is due for yet is not: it is counted when asked.
    const other = await statementsDuring(db, () => station.call(sessionToken, 'reports.preview', { period: counted }));
    expect(recordsRead(db, other)).not.toEqual([]);
  });

  it('what was read ahead stays kept while the 站长 browses other periods', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-05T02:00:00Z')).clock, readAheadMs: 5 }));
    await station.call(station.admin, 'auth.lock', {});
    const { sessionToken } = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    await station.core.readAhead();
    // Six months of two years ago: each view counts three periods none of which was read ahead.
    for (const period of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']) await station.call(sessionToken, 'reports.preview', { period });
    const db = station.database();
    const statements = await statementsDuring(db, () => station.call(sessionToken, 'reports.preview', { period: '2026-11' }));
    expect(recordsRead(db, statements)).toEqual([]);
  });

  it('a counsellor’s unlock reads nothing ahead (the report screen is the 站长’s)', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock, readAheadMs: 5 }));
    await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
    await station.addUser('liwei', 'counsellor');
    await station.core.readAhead();
    await station.call(station.admin, 'auth.lock', {});
    await station.call(null, 'auth.unlock', { username: 'liwei', password: staffPassword('liwei') });
    const db = station.database();
    // What was read from the unlock on: the run, had one been started, would read the clients.
    const statements = await statementsDuring(db, () => station.core.readAhead());
    expect(recordsRead(db, statements)).toEqual([]);
  });
});

describe('FactReadings.readAhead', () => {
  const set = builtinIndicatorSets.get('sps-monthly')!;
  /** The shipped set less the two sources that are other features' readings (they need the checklist service). */
  const counted: IndicatorSet = { ...set, indicators: set.indicators.filter((item) => item.values.every((value) => !['checklist', 'openDays'].includes(value.fact.source))) };
  const november = { from: '2026-11-01', to: '2026-11-30' };
  const providers = { checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() };

  /** November read ahead on the report station, `atPause` run at each pause (numbered from 1); how many there were. */
  async function readNovemberAhead(atPause: (pause: number, readings: FactReadings, db: Db, clients: { lin: number }) => void) {
    const { station, clients } = await reportStation();
    disposeWhenTestEnds(station);
    const db = station.database();
    const readings = new FactReadings(providers, () => '2026-12-03', 'test');
    let pauses = 0;
    await readings.readAhead(() => db, [{ set: counted, range: november, breakdowns: true }], async () => atPause((pauses += 1), readings, db, clients));
    return { db, readings, pauses };
  }

  it('a client’s file changed after the directory read its clients is in the figures read ahead once they are read', async () => {
    const { db, readings, pauses } = await readNovemberAhead((pause, _readings, db, clients) => {
      // 林 (sessions, a grade and a referral in November) was read as female with the clients, before the first pause.
      if (pause === 2) db.prepare(`UPDATE clients SET gender = 'male' WHERE id = ?`).run(clients.lin);
    });
    expect(pauses).toBeGreaterThan(3);
    expect(readings.of(db).figures(counted, november, true).figures).toEqual(freshReading(db, providers).figures(counted, november, true).figures);
  });

  it('a screen that asks while the directory is being read keeps the directory it counted with', async () => {
    let asked: Directory | undefined;
    const { db, readings } = await readNovemberAhead((pause, readings, db) => {
      if (pause === 2) asked = readings.of(db).context.directory;
    });
    expect(readings.of(db).context.directory).toBe(asked);
  });

  it('stops inside a transaction a long operation left open between its steps, and keeps nothing', async () => {
    const { db, readings, pauses } = await readNovemberAhead((pause, _readings, db) => {
      if (pause === 2) db.exec('BEGIN');
    });
    db.exec('ROLLBACK');
    expect(pauses).toBe(2);
    const statements = await statementsDuring(db, async () => readings.of(db).figures(counted, november, true));
    expect(statements.filter((sql) => /FROM clients\s*$/.test(sql))).toHaveLength(1);
  });

  it('stops when the readings are let go meanwhile (a lock) and keeps nothing', async () => {
    const { db, readings, pauses } = await readNovemberAhead((pause, readings) => {
      if (pause === 2) readings.forget();
    });
    expect(pauses).toBe(2);
    // Nothing was kept: the next reading reads the whole directory again.
    const statements = await statementsDuring(db, async () => readings.of(db).figures(counted, november, true));
    expect(statements.filter((sql) => /FROM clients\s*$/.test(sql))).toHaveLength(1);
  });
});
