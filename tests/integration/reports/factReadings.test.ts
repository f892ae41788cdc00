import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/auditLog.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { Directory, directoryTables } from '../../../electron/core/repositories/reportDirectory.js';
import { changeCounts, datedTables, readFacts, sourceTables, type RecordSource } from '../../../electron/core/repositories/reportFactsRepo.js';
import { checklistTables, ChecklistService } from '../../../electron/core/services/checklist/checklistService.js';
import { dutyLogTables, loggedDays } from '../../../electron/core/services/ledgers/dutyService.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import type { IndicatorSet } from '../../../shared/reports/indicatorSetSchema.js';
import { FactReadings, freshReading, type FactReading } from '../../../electron/core/services/reports/reportFacts.js';
import { adult } from '../helpers/clients.js';
import { reportStation } from '../helpers/reportStation.js';
import { statementsDuring, tablesRead } from '../helpers/queryPlans.js';
import { adminPassword, createStation, databaseKeyOf, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

/**
 * The report screen's kept readings (issue 15): a preview reads the directory once and remembers its periods' figures
 * until anything in the file changes. Every way a change can come — a call through core, another connection's commit,
 * a new day — must start afresh, or a report shows figures the records no longer hold.
 */
/** November up to today (the clock's 3 December), so a client filed today is in the stock on its last day. */
const sinceNovember = { from: '2026-11-01', to: '2026-12-03' };
const monthly = builtinIndicatorSets.get('sps-monthly')!;
/** The shipped set less the two sources that are other features' readings (the checklist, the duty log). */
const countedSet: IndicatorSet = { ...monthly, indicators: monthly.indicators.filter((item) => item.values.every((value) => !['checklist', 'openDays'].includes(value.fact.source))) };
const codeOf = (source: string) => countedSet.indicators.flatMap((item) => item.values).find((value) => value.fact.source === source)!.code;
const [meetings, sessions, clientFiles] = [codeOf('meetings'), codeOf('sessions'), codeOf('clientFiles')];

/** The directory's whole read of the clients (a kept one caught up reads the changed clients only). */
const readsWholeDirectory = (sql: string) => /FROM clients\s*$/.test(sql);

/** The screen's periods: one broken down, one compared with (totals), and a year (stocks at another end). */
const screenPeriods = [
  { range: sinceNovember, breakdowns: true },
  { range: { from: '2026-10-01', to: '2026-10-31' }, breakdowns: false },
  { range: { from: '2026-01-01', to: '2026-12-03' }, breakdowns: true },
];
const figures = (reading: FactReading) => JSON.stringify(screenPeriods.map(({ range, breakdowns }) => reading.figures(countedSet, range, breakdowns).figures));

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

  it('keeps each source’s figures while the tables it reads stand still, whoever writes them; an audit row changes nothing', async () => {
    const { station, other, meetingOnNov5 } = await stationWithSecondConnection();
    try {
      const readings = new FactReadings({ checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() }, () => '2026-12-03', 'test');
      const read = () => readings.of(other).figures(countedSet, sinceNovember, true).figures;
      const first = read();
      const directory = readings.of(other).context.directory;
      // Opening a client's file writes its audit row and nothing a report counts: every figure is the kept one.
      appendAudit(other, 'test', { actorId: 1, actorName: 'admin', action: 'clients.view', objectType: 'client', objectId: 1 }, new Date('2026-12-03T02:00:00Z'));
      expect(read()[meetings]).toBe(first[meetings]);

      // A meeting committed by another connection: the meetings are read again, the sessions and the directory kept.
      meetingOnNov5();
      const second = read();
      expect(second[meetings]!.total).toBe(1);
      expect(second[sessions]).toBe(first[sessions]);
      expect(readings.of(other).context.directory).toBe(directory);

      // A meeting of October marks October only: the figures since November are kept.
      other.prepare(`INSERT INTO meetings (kind, held_on, start_time, end_time, location, agenda, created_by, created_at, updated_at) SELECT kind, '2026-10-09', start_time, end_time, location, agenda, created_by, created_at, updated_at FROM meetings`).run();
      expect(read()[meetings]).toBe(second[meetings]);

      // A client filed through core changes a directory table: the next directory is made from the kept one by reading
      // that client, and what takes a client's dimensions is patched for that client.
      await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
      let third = first;
      const statements = await statementsDuring(other, async () => (third = read()));
      expect(statements.filter(readsWholeDirectory)).toEqual([]);
      expect(third[clientFiles]!.total).toBe(1);
      expect(third[sessions]).not.toBe(second[sessions]);
      expect(third[meetings]).toBe(second[meetings]);

      // Inside a transaction a change could still roll back under the same counts: read afresh, and nothing kept.
      other.transaction(() => expect(read()[meetings]).not.toBe(third[meetings]))();
      expect(read()[meetings]).toBe(third[meetings]);
      readings.forget();
      expect(read()[meetings]).not.toBe(third[meetings]);
    } finally {
      other.close();
    }
  });

  it('kept figures patched for the clients whose rows changed, with a directory made from the kept one, read as counted afresh, whatever changed', async () => {
    const { station, clients, cases, adminId } = await reportStation();
    const db = station.database();
    const providers = { checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() };
    const readings = new FactReadings(providers, () => '2026-12-03', 'test');
    const kept = () => figures(readings.of(db));
    const fresh = () => figures(freshReading(db, providers));
    const grade = db.prepare(`INSERT INTO risk_grades (client_id, level, reason, evidence, graded_by, graded_at) VALUES (?, ?, '复评', 'other', ?, ?)`);
    const latestLevel = db.prepare('SELECT level FROM risk_grades WHERE client_id = ? ORDER BY graded_at DESC, id DESC LIMIT 1').pluck();
    const otherLevel = (clientId: number) => (latestLevel.get(clientId) === 'red' ? 'green' : 'red');
    let before = kept();
    const directory = readings.of(db).context.directory;
    // Each change moves a figure of November (a sex, an age, a tag, a topic, an open case, a colour, a merged file).
    const changes: Array<[string, () => unknown]> = [
      ['a client’s sex and birth date', () => db.prepare(`UPDATE clients SET gender = 'male', birth_date = '1950-01-01' WHERE id = ?`).run(clients.lin)],
      ['a tag added', () => db.prepare(`INSERT INTO client_tags (client_id, tag) VALUES (?, 'youth')`).run(clients.zhou)],
      ['a client’s tags removed', () => db.prepare('DELETE FROM client_tags WHERE client_id = ?').run(clients.wang)],
      ['a case’s topic changed', () => db.prepare(`UPDATE case_problems SET category = 'emotion' WHERE case_id = ?`).run(cases.zhouNov)],
      ['a case closed', () => db.prepare(`UPDATE cases SET closed_on = '2026-11-20' WHERE id = ?`).run(cases.linOct)],
      ['a new grade', () => grade.run(clients.zhou, otherLevel(clients.zhou), adminId, '2026-12-03T03:00:00.000Z')],
      ['a client’s grades removed', () => db.prepare('DELETE FROM risk_grades WHERE client_id = ?').run(clients.wang)],
      ['a case moved to another file', () => db.prepare('UPDATE cases SET client_id = ? WHERE id = ?').run(clients.zhou, cases.wangNov)],
      ['a file merged into another', () => db.prepare('UPDATE clients SET merged_into = ? WHERE id = ?').run(clients.lin, clients.zhao)],
    ];
    for (const [index, [what, change]] of changes.entries()) {
      change();
      // A period first read now is counted by the caught-up directory with the colourings it kept for the same end.
      const unseen = { from: `2026-11-${String(index + 2).padStart(2, '0')}`, to: sinceNovember.to };
      expect(JSON.stringify(readings.of(db).figures(countedSet, unseen, true)), what).toBe(JSON.stringify(freshReading(db, providers).figures(countedSet, unseen, true)));
      let after = '';
      const statements = await statementsDuring(db, async () => (after = kept()));
      // Patched, not counted again: neither the directory nor a period's sessions are read whole.
      expect(statements.filter((sql) => readsWholeDirectory(sql) || /FROM counselling_sessions WHERE held_on BETWEEN @from AND @to\s*$/.test(sql)), what).toEqual([]);
      expect(after, what).toBe(fresh());
      expect(after, what).not.toBe(before);
      before = after;
    }
    expect(readings.of(db).context.directory).not.toBe(directory);
  });

  it('a period read before several changes, each caught up by another reading, is patched for the clients of all of them', async () => {
    const { station, clients, adminId } = await reportStation();
    const db = station.database();
    const providers = { checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() };
    const readings = new FactReadings(providers, () => '2026-12-03', 'test');
    const november = () => JSON.stringify(readings.of(db).figures(countedSet, sinceNovember, true).figures);
    const october = { from: '2026-10-01', to: '2026-10-31' };
    const before = november();
    const grade = db.prepare(`INSERT INTO risk_grades (client_id, level, reason, evidence, graded_by, graded_at) VALUES (?, 'red', '复评', 'other', ?, '2026-11-20T02:00:00.000Z')`);
    // Three changes, each followed by October's reading: the directory moves on three times without November.
    for (const change of [() => grade.run(clients.zhou, adminId), () => db.prepare(`INSERT INTO client_tags (client_id, tag) VALUES (?, 'youth')`).run(clients.lin), () => grade.run(clients.wang, adminId)]) {
      change();
      readings.of(db).figures(countedSet, october, false);
    }
    let after = '';
    const statements = await statementsDuring(db, async () => (after = november()));
    expect(statements.filter((sql) => readsWholeDirectory(sql) || /FROM counselling_sessions WHERE held_on BETWEEN @from AND @to\s*$/.test(sql))).toEqual([]);
    expect(after).not.toBe(before);
    expect(after).toBe(JSON.stringify(freshReading(db, providers).figures(countedSet, sinceNovember, true).figures));
  });

  it('kept figures equal a fresh count after any sequence of changes to files, tags, cases, topics and grades, read between them or not', async () => {
    const { station, adminId } = await reportStation();
    const db = station.database();
    const providers = { checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() };
    const readings = new FactReadings(providers, () => '2026-12-03', 'test');
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const pick = <T>(items: readonly T[], at: number) => items[at % items.length]!;
    const day = (offset: number) => new Date(Date.UTC(2026, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    type Change = Readonly<{ kind: number; a: number; b: number; c: number }>;
    // Each change takes its client, case and values from three numbers; a day from 1 September to 3 December 2026.
    const apply = ({ kind, a, b, c }: Change) => {
      const client = pick(ids('SELECT id FROM clients ORDER BY id'), a);
      const other = pick(ids('SELECT id FROM clients ORDER BY id'), b);
      const caseId = pick(ids('SELECT id FROM cases ORDER BY id'), b);
      const when = day(c % 94);
      const changes = [
        () => db.prepare('UPDATE clients SET gender = ?, birth_date = ? WHERE id = ?').run(pick(['male', 'female', 'unknown'], b), `${1950 + (c % 70)}-11-${String(1 + (c % 30)).padStart(2, '0')}`, client),
        () => db.prepare('INSERT OR IGNORE INTO client_tags (client_id, tag) VALUES (?, ?)').run(client, pick(['youth', 'elderly_alone', 'petitioner', 'hardship'], c)),
        () => db.prepare('DELETE FROM client_tags WHERE client_id = ?').run(client),
        () => (db.prepare('DELETE FROM case_problems WHERE case_id = ?').run(caseId), db.prepare('INSERT INTO case_problems (case_id, category) VALUES (?, ?)').run(caseId, pick(['emotion', 'family', 'dispute', 'study'], c))),
        () => db.prepare(`UPDATE cases SET closed_on = ?, status = CASE WHEN ? IS NULL THEN 'open' ELSE 'closed' END WHERE id = ?`).run(c % 3 === 0 ? null : when, c % 3 === 0 ? null : when, caseId),
        () => db.prepare('UPDATE cases SET client_id = ? WHERE id = ?').run(client, caseId),
        () => db.prepare(`INSERT INTO risk_grades (client_id, level, reason, evidence, graded_by, graded_at) VALUES (?, ?, '复评', 'other', ?, ?)`).run(client, pick(['red', 'yellow', 'green'], b), adminId, `${when}T0${c % 10}:00:00.000Z`),
        () => db.prepare('DELETE FROM risk_grades WHERE client_id = ?').run(client),
        () => db.prepare('UPDATE clients SET merged_into = ? WHERE id = ?').run(client === other || c % 2 === 0 ? null : other, client),
        () => db.prepare(`INSERT INTO clients (name, name_pinyin, name_initials, gender, birth_date, source, created_at, updated_at, created_by) SELECT name, name_pinyin, name_initials, gender, birth_date, source, ?, updated_at, created_by FROM clients WHERE id = ?`).run(`${when}T02:00:00.000Z`, client),
        () => db.prepare(`INSERT INTO cases (client_id, counsellor_id, status, opened_on, open_reason, created_at) SELECT ?, counsellor_id, 'open', ?, open_reason, created_at FROM cases WHERE id = ?`).run(client, when, caseId),
      ];
      pick(changes, kind)();
    };
    const change = fc.record({ kind: fc.nat(), a: fc.nat(), b: fc.nat(), c: fc.nat() });
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), fc.boolean(), async (changes, readBetween) => {
        for (const one of changes) {
          apply(one);
          // The month read between the changes of a step, or not: the other periods' results are then two catch-ups old
          // and counted again, the month's patched twice.
          if (readBetween) readings.of(db).figures(countedSet, sinceNovember, true);
        }
        steps += 1;
        expect(figures(readings.of(db))).toBe(figures(freshReading(db, providers)));
      }),
      { numRuns: 60, seed: 20261202 },
    );
    expect(steps).toBe(60);
  });

  it('reads a new directory when the log of changed rows no longer reaches back to the kept one', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
    const db = station.database();
    const providers = { checklist: {} as ChecklistService, abnormalBands: () => new Set<string>() };
    const readings = new FactReadings(providers, () => '2026-12-03', 'test');
    const read = () => readings.of(db).figures(countedSet, sinceNovember, true).figures;
    await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
    const before = JSON.stringify(read());
    const directory = readings.of(db).context.directory;
    // An import of many files: the log keeps the latest ten thousand changes and the kept directory is older than them.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001)
       INSERT INTO clients (name, name_pinyin, name_initials, gender, birth_date, source, created_at, updated_at, created_by)
       SELECT name, name_pinyin, name_initials, gender, birth_date, source, created_at, updated_at, created_by FROM clients, n`,
    ).run();
    db.prepare(`INSERT INTO client_tags (client_id, tag) SELECT id, 'youth' FROM clients WHERE id > 1`).run();
    const after = JSON.stringify(read());
    expect(after).not.toBe(before);
    expect(after).toBe(JSON.stringify(freshReading(db, providers).figures(countedSet, sinceNovember, true).figures));
    expect(readings.of(db).context.directory).not.toBe(directory);
  });

  it('counts a flow’s changes by the month of its record: a day marks its month, an instant both months it may fall in locally', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-11-30T16:30:00Z')).clock }));
    const adminId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'admin')!.id;
    // A result at 00:30 on 1 December, Beijing time: still 30 November in UTC.
    await station.call(station.admin, 'results.submit', { scaleId: 'GAD-7', answers: [0, 0, 0, 0, 0, 0, 0] });
    await station.call(station.admin, 'meetings.create', { kind: 'leading_group', date: '2026-10-05', startTime: '09:00', endTime: '10:00', location: '站内', staffIds: [adminId], agenda: '例会', minutes: '部署工作。' });
    const marked = (station.database().prepare('SELECT table_name, month FROM report_month_changes ORDER BY 1, 2').all() as Array<{ table_name: string; month: string }>).map((row) => `${row.table_name} ${row.month}`);
    expect(marked).toEqual(['meetings 2026-10', 'scale_results 2026-11', 'scale_results 2026-12']);
  });

  it('reads the duty log and the checklist afresh after a change to a table they read and on a new day (the checklist counts today)', async () => {
    const { other, meetingOnNov5 } = await stationWithSecondConnection();
    try {
      let day = '2026-12-03';
      let standings = 0;
      const checklist = { view: () => ((standings += 1), { score: { score: 1, max: 2, passes: false } }) } as unknown as ChecklistService;
      const readings = new FactReadings({ checklist, abnormalBands: () => new Set<string>() }, () => day, 'test');
      const read = () => readings.of(other).figures(monthly, sinceNovember, false);
      read();
      read();
      expect(standings).toBe(1);
      // The checklist counts the meetings kept.
      meetingOnNov5();
      read();
      expect(standings).toBe(2);
      // It reads no hotline call: a call recorded leaves its score kept.
      other.prepare(`INSERT INTO hotline_calls (called_on, start_time, duration_minutes, taken_by, caller_type, problem_type, outcome, created_by, created_at, updated_at)
         VALUES ('2026-11-05', '09:00', 10, 1, 'self', 'emotion', 'counselled', 1, '2026-11-05T01:00:00.000Z', '2026-11-05T01:00:00.000Z')`).run();
      read();
      expect(standings).toBe(2);
      day = '2026-12-04';
      read();
      expect(standings).toBe(3);
    } finally {
      other.close();
    }
  });

  it('names every table the checklist’s view and the duty log’s open days read, each counted', async () => {
    const time = manualClock(new Date('2026-12-03T02:00:00Z'));
    const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
    const db = station.database();
    const triggers = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as Array<{ name: string }>).map((row) => row.name));
    const checklist = new ChecklistService({ connection: () => db } as never, time.clock);
    // With a template chosen, the view reads it from the templates the station imported too.
    await station.call(station.admin, 'checklist.choose', { templateId: 'yongchuan-street-station', version: 1 });
    for (const [name, tables, read] of [
      ['checklist', checklistTables, () => checklist.view(db, {})],
      ['open days', dutyLogTables, () => loggedDays(db, { from: '2026-11-01', to: '2026-11-30' })],
    ] as const) {
      const statements = await statementsDuring(db, async () => read());
      expect(statements.flatMap((sql) => tablesRead(db, sql)).filter((table) => !(tables as readonly string[]).includes(table)), name).toEqual([]);
      expect(tables.flatMap((table) => ['insert', 'update', 'delete'].map((event) => `${table}_counted_${event}`)).filter((trigger) => !triggers.has(trigger)), name).toEqual([]);
    }
  });

  it('counts every table a source reads: each has its change-count triggers (a flow’s own by month too) and is named among the source’s tables', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
    const db = station.database();
    const period = { from: '2026-11-01', to: '2026-11-30', fromUtc: '2026-10-31T16:00:00.000Z', toUtc: '2026-11-30T16:00:00.000Z' };
    const triggers = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as Array<{ name: string }>).map((row) => row.name));
    const counted = (tables: readonly string[]) => tables.flatMap((table) => ['insert', 'update', 'delete'].map((event) => `${table}_counted_${event}`)).filter((name) => !triggers.has(name));
    const directoryReads = await statementsDuring(db, async () => {
      const directory = Directory.read(db);
      directory.casesOpenOn(period.to);
      directory.coloursAt(period.toUtc);
    });
    // Besides its tables the directory reads only the log of their changed rows (migration 330), logged for each one.
    expect(directoryReads.flatMap((sql) => tablesRead(db, sql)).filter((table) => !directoryTables.includes(table as never))).toEqual(['report_row_changes']);
    expect(directoryTables.flatMap((table) => ['insert', 'update', 'delete'].map((event) => `${table}_counted_rows_${event}`)).filter((name) => !triggers.has(name))).toEqual([]);
    for (const source of Object.keys(sourceTables) as RecordSource[]) {
      const directory = Directory.read(db);
      const statements = await statementsDuring(db, async () => readFacts(db, source, period, { abnormalBands: new Set(), directory }));
      const tables = statements.flatMap((sql) => tablesRead(db, sql));
      expect(tables.filter((table) => !sourceTables[source].includes(table)), source).toEqual([]);
      expect(counted(sourceTables[source]), source).toEqual([]);
      const dated = datedTables[source];
      if (dated !== undefined) expect(['insert', 'update', 'delete'].map((event) => `${dated}_counted_month_${event}`).filter((name) => !triggers.has(name)), source).toEqual([]);
    }
  });
});

describe('what counts as a change', () => {
  it('opening a client’s file and its case through core (audited reads) leaves every count; registering a client moves the clients’', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
    const db = station.database();
    const client = await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined });
    const opened = await station.call(station.admin, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '情绪低落', openedOn: '2026-12-01' });
    const counts = () => [...changeCounts(db).tables];
    const before = counts();
    await station.call(station.admin, 'clients.get', { id: client.id });
    await station.call(station.admin, 'cases.get', { id: opened.id });
    expect(counts()).toEqual(before);
    await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined, name: '钱乙' });
    expect(counts().filter(([table], index) => before[index]![1] !== changeCounts(db).tables.get(table)).map(([table]) => table)).toContain('clients');
  });
});
