import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { Directory, type DirectorySnapshot } from '../../../electron/core/repositories/reportDirectory.js';
import { readKeptReadings } from '../../../electron/core/repositories/reportReadingsKeptRepo.js';
import { changeCounts } from '../../../electron/core/repositories/reportFactsRepo.js';
import { usersCountedColumns } from '../../../electron/core/db/migrations/0380-report-readings-kept.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import { sourcesOf } from '../../../shared/reports/compute.js';
import type { IndicatorSet } from '../../../shared/reports/indicatorSetSchema.js';
import { FactReadings } from '../../../electron/core/services/reports/reportFacts.js';
import type { ChecklistService } from '../../../electron/core/services/checklist/checklistService.js';
import { statementsDuring, tablesRead } from '../helpers/queryPlans.js';
import { reportStation } from '../helpers/reportStation.js';
import { adminPassword, databaseKeyOf, disposeWhenTestEnds } from '../helpers/station.js';

/**
 * The report screen's readings kept in the file when the station locks (issue 15): after the next unlock the first
 * month report takes them up and brings them to the file through the change logs, instead of reading a ten-year
 * station's directory and counting three periods (0.5–0.8 s) while the 站长 waits. Whatever changed meanwhile, the
 * figures must be the records'.
 */
const header = { preparedBy: '王站长', contactPhone: '023-49881234' };
/** The records' tables: the report's sources', the checklist's and the duty log's. */
const recordTables = ['clients', 'client_tags', 'cases', 'case_problems', 'risk_grades', 'counselling_sessions', 'scale_results', 'referrals', 'crises', 'follow_ups', 'activities', 'meetings', 'hotline_calls', 'appointments', 'duty_logs'];
const monthly = builtinIndicatorSets.get('sps-monthly')!;
/** The shipped set less the two sources that are other features' readings (they need the checklist service). */
const countedSet: IndicatorSet = { ...monthly, indicators: monthly.indicators.filter((item) => item.values.every((value) => !['checklist', 'openDays'].includes(value.fact.source))) };
/** 期末在册重点人群档案: a stock of the clients with a population tag. */
const taggedFilesCode = monthly.indicators.flatMap((item) => item.values).find((value) => value.fact.source === 'clientFiles')!.code;
/** The directory's whole read of the clients (a kept one caught up reads the changed clients only). */
const readsWholeDirectory = (sql: string) => /FROM clients\s*$/.test(sql);

async function lockedAfterNovember() {
  const { station, clients, adminId } = await reportStation();
  disposeWhenTestEnds(station);
  await station.call(station.admin, 'reports.preview', { period: '2026-11' });
  const key = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
  await station.call(station.admin, 'auth.lock', {});
  /** What another desk's connection writes, or a test reads, while the station is locked here. */
  const whileLocked = <T>(work: (db: Db) => T): T => {
    const other = openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), key);
    try {
      return work(other);
    } finally {
      other.close();
    }
  };
  const unlock = async () => (await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword })).sessionToken;
  return { station, clients, adminId, whileLocked, unlock };
}

/** November as the screen shows it, and as a draft counts it afresh inside its write. */
async function novemberShownAndCounted(station: Awaited<ReturnType<typeof lockedAfterNovember>>['station'], sessionToken: string) {
  const db = station.database();
  let shown: Awaited<ReturnType<typeof station.call<'reports.preview'>>> | undefined;
  const statements = await statementsDuring(db, async () => (shown = await station.call(sessionToken, 'reports.preview', { period: '2026-11' })));
  const counted = await station.call(sessionToken, 'reports.saveDraft', { period: '2026-11', header, notes: {} });
  return { shown: shown!, counted, statements, recordsRead: [...new Set(statements.flatMap((sql) => tablesRead(db, sql)))].filter((table) => recordTables.includes(table)) };
}

describe('the report readings kept at a lock', () => {
  it('the first month after an unlock, before anything is read ahead, reads neither the directory nor the records', async () => {
    const { station, whileLocked, unlock } = await lockedAfterNovember();
    expect(whileLocked(readKeptReadings)?.appVersion).toBeTruthy();
    const { shown, counted, statements, recordsRead } = await novemberShownAndCounted(station, await unlock());
    expect(statements.filter(readsWholeDirectory)).toEqual([]);
    expect(recordsRead).toEqual([]);
    expect(shown.figures).toEqual(counted.figures);
    expect(shown.comparison).toEqual(counted.comparison);
  });

  it('what changed while the station was locked is in the first figures: a new grade and tag patched, a session counted', async () => {
    const { station, clients, adminId, whileLocked, unlock } = await lockedAfterNovember();
    // Another connection's writes while locked (a counsellor's at another desk): a client regraded and tagged, a session.
    whileLocked((db) => {
      db.prepare(`INSERT INTO risk_grades (client_id, level, reason, evidence, graded_by, graded_at) VALUES (?, 'red', '复评', 'other', ?, '2026-11-20T02:00:00.000Z')`).run(clients.zhou, adminId);
      db.prepare(`INSERT INTO client_tags (client_id, tag) VALUES (?, 'youth')`).run(clients.zhou);
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('counselling_sessions') WHERE name NOT IN ('id', 'held_on')`).pluck().all() as string[]).join(', ');
      db.prepare(`INSERT INTO counselling_sessions (held_on, ${columns}) SELECT '2026-11-21', ${columns} FROM counselling_sessions LIMIT 1`).run();
    });
    const { shown, counted, statements } = await novemberShownAndCounted(station, await unlock());
    expect(statements.filter(readsWholeDirectory)).toEqual([]);
    expect(shown.figures).toEqual(counted.figures);
    expect(shown.comparison).toEqual(counted.comparison);
  });

  it('a year read early in the session and not since a client’s change is kept by the lock, brought up to that change', async () => {
    const { station, clients, unlock } = await lockedAfterNovember();
    const sessionToken = await unlock();
    await station.call(sessionToken, 'reports.preview', { period: '2026' });
    // A tag only: a grade would plan follow-ups and move the year's own records too.
    station.database().prepare(`INSERT INTO client_tags (client_id, tag) VALUES (?, 'youth')`).run(clients.zhou);
    await station.call(sessionToken, 'reports.preview', { period: '2026-11' });
    await station.call(sessionToken, 'auth.lock', {});
    const next = await unlock();
    const db = station.database();
    let shown: Awaited<ReturnType<typeof station.call<'reports.preview'>>> | undefined;
    const statements = await statementsDuring(db, async () => (shown = await station.call(next, 'reports.preview', { period: '2026' })));
    expect(statements.filter(readsWholeDirectory)).toEqual([]);
    expect([...new Set(statements.flatMap((sql) => tablesRead(db, sql)))].filter((table) => recordTables.includes(table))).toEqual([]);
    const counted = await station.call(next, 'reports.saveDraft', { period: '2026', header, notes: {} });
    expect(shown!.figures).toEqual(counted.figures);
  });

  it('a reading ahead takes the kept readings up a step at a time; a screen that asks between two steps finishes it, reading no directory', async () => {
    const { station, unlock } = await lockedAfterNovember();
    await unlock();
    const db = station.database();
    const readings = new FactReadings({ checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() }, () => '2026-12-03', readKeptReadings(db)!.appVersion);
    const november = { set: countedSet, range: { from: '2026-11-01', to: '2026-11-30' }, breakdowns: true };
    let pauses = 0;
    let screen: string[] = [];
    const whole = await statementsDuring(db, () =>
      readings.readAhead(
        () => db,
        [november],
        async () => {
          pauses += 1;
          // Between the first two steps of the taking up: the snapshot is read, its directory not yet made.
          if (pauses === 1) screen = await statementsDuring(db, async () => readings.of(db).figures(november.set, november.range, true));
        },
      ),
    );
    expect(pauses).toBeGreaterThan(sourcesOf(countedSet).length);
    expect([...screen, ...whole].filter(readsWholeDirectory)).toEqual([]);
    expect([...new Set(screen.flatMap((sql) => tablesRead(db, sql)))].filter((table) => recordTables.includes(table))).toEqual([]);
  });

  it('a lock and an unlock move no count the report reads (a login’s time is no change of the users the checklist names)', async () => {
    const { station, whileLocked, unlock } = await lockedAfterNovember();
    const counts = () => whileLocked((db) => [...changeCounts(db).tables]);
    const locked = counts();
    await station.call(await unlock(), 'auth.lock', {});
    expect(counts()).toEqual(locked);
    const columns = whileLocked((db) => db.prepare(`SELECT name FROM pragma_table_info('users') WHERE name <> 'last_login_at'`).pluck().all());
    expect(columns).toEqual(usersCountedColumns);
  });

  it('ignores readings kept by another version of the app, or that cannot be read, and counts afresh', async () => {
    for (const spoil of [`UPDATE report_readings_kept SET app_version = '0.0.1'`, `UPDATE report_readings_kept SET results = '[["x"'`, `UPDATE report_readings_kept SET directory = '{"format":0}'`]) {
      const { station, whileLocked, unlock } = await lockedAfterNovember();
      whileLocked((db) => db.prepare(spoil).run());
      const { shown, counted, statements } = await novemberShownAndCounted(station, await unlock());
      expect(statements.filter(readsWholeDirectory), spoil).not.toEqual([]);
      expect(shown.figures, spoil).toEqual(counted.figures);
    }
  });

  it('reads a new directory when the log of changed rows no longer reaches back to the kept one', async () => {
    const { station, whileLocked, unlock } = await lockedAfterNovember();
    // An import of many tagged files while locked: the log keeps the latest ten thousand changes.
    whileLocked((db) => {
      db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
       INSERT INTO clients (name, name_pinyin, name_initials, gender, birth_date, source, created_at, updated_at, created_by)
       SELECT name, name_pinyin, name_initials, gender, birth_date, source, '2026-11-15T02:00:00.000Z', updated_at, created_by FROM clients, n`,
      ).run();
      db.prepare(`INSERT INTO client_tags (client_id, tag) SELECT id, 'youth' FROM clients WHERE id > 10`).run();
    });
    const { shown, counted, statements } = await novemberShownAndCounted(station, await unlock());
    expect(statements.filter(readsWholeDirectory)).not.toEqual([]);
    expect(shown.figures).toEqual(counted.figures);
    expect(shown.figures[taggedFilesCode]!.total).toBeGreaterThan(8000);
  });

  it('a lock whose readings cannot be written still locks, and the next unlock takes up the ones kept before', async () => {
    const { station, whileLocked, unlock } = await lockedAfterNovember();
    const kept = whileLocked(readKeptReadings);
    whileLocked((db) => db.exec(`CREATE TRIGGER kept_refused BEFORE UPDATE ON report_readings_kept BEGIN SELECT RAISE(ABORT, 'disk full'); END;`));
    const sessionToken = await unlock();
    await station.call(sessionToken, 'reports.preview', { period: '2026-10' });
    await station.call(sessionToken, 'auth.lock', {});
    expect((await station.raw(sessionToken, 'reports.preview', { period: '2026-11' })).ok).toBe(false);
    expect(whileLocked(readKeptReadings)).toEqual(kept);
    const { shown, counted, statements } = await novemberShownAndCounted(station, await unlock());
    expect(statements.filter(readsWholeDirectory)).toEqual([]);
    expect(shown.figures).toEqual(counted.figures);
  });
});

/** The directory a snapshot makes, all its parts made at once. */
function madeFrom(db: Db, snapshot: DirectorySnapshot): Directory | null {
  const parts = Directory.fromSnapshotInParts(db, snapshot);
  let step = parts.next();
  while (!step.done) step = parts.next();
  return step.value;
}

describe('a directory snapshot', () => {
  it('makes the directory it was taken of, and is refused in another format', async () => {
    const { station } = await reportStation();
    disposeWhenTestEnds(station);
    const db = station.database();
    const directory = Directory.read(db);
    const snapshot = JSON.parse(JSON.stringify(directory.snapshot())) as DirectorySnapshot;
    // Flat lists of numbers (format 2): a tuple and strings per client made the take-up after an unlock parse and
    // collect some 150,000 objects on a ten-year station.
    for (const part of [snapshot.people, snapshot.topics, snapshot.cases, snapshot.grades]) expect(part.every((value) => typeof value === 'number')).toBe(true);
    expect(snapshot.people.length).toBeGreaterThan(0);
    const made = madeFrom(db, snapshot)!;
    expect(made.snapshot()).toEqual(directory.snapshot());
    const clientIds = (db.prepare('SELECT id FROM clients').all() as Array<{ id: number }>).map((row) => row.id);
    for (const clientId of clientIds) {
      for (const day of ['2026-11-01', '2026-11-30', '2026-12-01']) expect(made.person(clientId, day)).toEqual(directory.person(clientId, day));
      expect(made.colourAt(clientId, '2026-11-30T16:00:00.000Z')).toBe(directory.colourAt(clientId, '2026-11-30T16:00:00.000Z'));
    }
    expect(made.filedBetween('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z')).toEqual(directory.filedBetween('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'));
    for (const day of ['2026-10-01', '2026-11-30']) expect(made.casesOpenOn(day)).toEqual(directory.casesOpenOn(day));
    for (const caseId of made.caseIdsOf(new Set(clientIds))) expect(made.caseTopics(caseId)).toEqual(directory.caseTopics(caseId));
    expect(madeFrom(db, { ...snapshot, format: 1 as never })).toBeNull();
  });
});
