import path from 'node:path';
import { createCore, type Core } from '../../electron/core/createCore.js';
import type { Db } from '../../electron/core/db/driver.js';
import { listBookingDays } from '../../electron/core/repositories/appointmentsRepo.js';
import { searchClients } from '../../electron/core/repositories/clientsRepo.js';
import { createBenchStation } from '../../electron/core/services/demo/benchStation.js';
import { demoPassword } from '../../electron/core/services/demo/demoStation.js';
import { monthDayBookings, monthGridDays } from '../../shared/api/schemas/appointments.js';
import { clientSearchInput } from '../../shared/api/schemas/clients.js';
import { addDays, daysInMinutes, localDay } from '../../shared/domain/dates.js';
import { weekdayOf } from '../../shared/domain/localTime.js';
import type { SetFigures } from '../../shared/reports/compute.js';
import { lastFullMonth } from '../../shared/reports/periodShift.js';
import { ledgerMonthLists, ledgerMonthQueries } from './ledgerLists.js';
import { median, openPlaintextCopy, p95, round, staffContext, timed, tmp, unlockParts } from './measure.js';
import { districtAggregation, reportFigures } from './reportsBench.js';
import { screenFigures } from './screens.js';

/**
 * `npm run bench -- --size large` (issue 15): every figure on the ten-year station `xinyi demo --size large` makes
 * (made here in a temp folder, or an existing one with `--station DIR`), each beside its target and, where one
 * query answers it, beside that query run straight on a plaintext copy: the limit this machine sets.
 */
type Figure = { medianMs: number; p95Ms: number; targetMs: number | null; rawSqlMedianMs: number | null; ratio: number | null };

async function figure(runs: number, targetMs: number | null, engine: (run: number) => Promise<unknown>, raw: ((run: number) => unknown) | null): Promise<Figure> {
  const engineTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    engineTimes.push(await timed(() => engine(run)));
    if (raw) rawTimes.push(await timed(() => raw(run)));
  }
  const rawMedian = raw ? median(rawTimes) : null;
  return {
    medianMs: round(median(engineTimes)),
    p95Ms: round(p95(engineTimes)),
    targetMs,
    rawSqlMedianMs: rawMedian === null ? null : round(rawMedian),
    ratio: rawMedian === null ? null : round(median(engineTimes) / rawMedian),
  };
}

const appointmentsIn = (db: Db, from: string, to: string) =>
  db.prepare('SELECT * FROM appointments WHERE start_minute >= @fromMinute AND start_minute < @toMinute ORDER BY start_minute').all(daysInMinutes(from, to));

function casePageQueries(db: Db, id: number) {
  db.prepare('SELECT * FROM cases WHERE id = ?').get(id);
  db.prepare('SELECT * FROM case_problems WHERE case_id = ?').all(id);
  db.prepare('SELECT * FROM counselling_sessions WHERE case_id = ? ORDER BY held_on DESC, start_time DESC').all(id);
}

async function makeLargeStation(dataDir: string): Promise<number> {
  const maker = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  try {
    return await timed(() => maker.seedDemo({ size: 'large', progress: (step, done, total) => process.stderr.write(`${step} ${done}/${total}\n`) }));
  } finally {
    maker.close();
  }
}

/**
 * The report screen's first month after a 站长's unlock (issue 15). The lock before keeps the readings the unlocks
 * before read ahead (migration 380; how long a lock that writes them takes is reported) and a client is regraded first, as a
 * counsellor's day changes some file: asked at once, before the reading ahead starts (a second after the unlock), the
 * month takes the kept readings up, catches them up with that change and counts what they do not hold; asked once the
 * reading ahead has ended, its figures are kept, and so are the trend's and those of the year the month falls in. Also
 * how long after the unlock that is. Leaves the station unlocked, its readings read ahead.
 */
async function reportAfterUnlock(core: Core, login: { username: string; password: string }, sessionToken: string, month: string) {
  const call = async (as: typeof staffContext & { sessionToken?: string }, method: string, input: unknown) => {
    const result = await core.call(as, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { sessionToken: string };
  };
  let lockMs = 0;
  const unlocked = async () => {
    lockMs = await timed(() => core.lock('manual'));
    return { ...staffContext, sessionToken: (await call(staffContext, 'auth.unlock', login)).sessionToken };
  };
  await call({ ...staffContext, sessionToken }, 'risk.grade', { clientId: 1, level: 'yellow', reason: '复评', evidence: 'disclosure' });
  const first = await unlocked();
  const atOnceMs = await timed(() => call(first, 'reports.preview', { period: month }));
  await core.readAhead();
  const started = performance.now();
  const as = await unlocked();
  // This lock wrote what the month read at once caught up and counted (the one before had nothing new to keep).
  const lockKeepingReadingsMs = lockMs;
  await core.readAhead();
  const readyMs = performance.now() - started;
  const readAheadMs = await timed(() => call(as, 'reports.preview', { period: month }));
  const trendMs = await timed(() => call(as, 'reports.trend', { month, values: ['SPS01', 'SPS20'] }));
  // The year the screen opens when 年报 is chosen: the one the month falls in.
  const yearMs = await timed(() => call(as, 'reports.preview', { period: month.slice(0, 4) }));
  await core.backgroundCheck();
  return {
    sessionToken: as.sessionToken,
    figures: {
      lockKeepingReadingsMs: round(lockKeepingReadingsMs),
      monthReportAtOnceAfterUnlockMs: round(atOnceMs),
      readAheadReadyAfterUnlockMs: round(readyMs, 0),
      monthReportReadAheadMs: round(readAheadMs),
      trendReadAheadMs: round(trendMs),
      yearReportReadAheadMs: round(yearMs),
    },
  };
}

export async function largeStationFigures(existing: string | null) {
  const dataDir = existing ?? tmp();
  const generationMs = existing ? null : round(await makeLargeStation(dataDir), 0);
  const station = createBenchStation({ dataDir, idleCheckMs: 0, backupCheckMs: 0 });
  const { core } = station;
  const login = { username: 'zhanzhang', password: demoPassword };
  const unlock = await unlockParts(core, login);
  const lastMonth = lastFullMonth(localDay(new Date()));
  const afterUnlock = await reportAfterUnlock(core, login, unlock.sessionToken, lastMonth);
  const as = { ...staffContext, sessionToken: afterUnlock.sessionToken };
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(as, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const folder = tmp();
  station.plaintextCopy(path.join(folder, 'plain.db'));
  const plain = openPlaintextCopy(path.join(folder, 'plain.db'));
  const counts = plain
    .prepare(
      `SELECT (SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM counselling_sessions) AS sessions, (SELECT count(*) FROM scale_results) AS scaleResults,
         (SELECT count(*) FROM appointments) AS appointments, (SELECT count(*) FROM follow_ups) AS followUps, (SELECT count(*) FROM activities) AS activities`,
    )
    .get() as Record<string, number>;
  const today = localDay(new Date());

  const queries = ['王', '李', 'zh', 'wang', 'zs', 'lx', '138', '5678', '0012', '张伟', 'chen', 'l', '9'];
  const clientSearch = await figure(
    260,
    50,
    (run) => value('clients.search', { query: queries[run % queries.length] }),
    (run) => searchClients(plain, clientSearchInput.parse({ query: queries[run % queries.length] }), today, true),
  );

  const longCase = plain
    .prepare('SELECT s.case_id AS id, k.client_id AS clientId, count(*) AS sessions FROM counselling_sessions s JOIN cases k ON k.id = s.case_id GROUP BY s.case_id ORDER BY sessions DESC LIMIT 1')
    .get() as { id: number; clientId: number; sessions: number };
  const caseCount = (plain.prepare('SELECT max(id) AS n FROM cases').get() as { n: number }).n;
  const caseId = (run: number) => 1 + Math.floor((run * caseCount) / 100);
  const casePage = await figure(100, 100, (run) => value('cases.get', { id: caseId(run) }), (run) => casePageQueries(plain, caseId(run)));
  const longCasePage = await figure(20, 100, () => value('cases.get', { id: longCase.id }), () => casePageQueries(plain, longCase.id));

  const monday = addDays(today, 1 - weekdayOf(today));
  const weekFrom = (run: number) => addDays(monday, -7 * (1 + ((run * 7) % 250)));
  const weekView = await figure(
    200,
    20,
    (run) => Promise.all([value('appointments.list', { from: weekFrom(run), to: addDays(weekFrom(run), 6) }), value('calendar.get', { from: weekFrom(run), to: addDays(weekFrom(run), 6) })]),
    (run) => appointmentsIn(plain, weekFrom(run), addDays(weekFrom(run), 6)),
  );
  const busiest = plain.prepare(`SELECT strftime('%Y-%m', start_minute * 60, 'unixepoch') AS month, count(*) AS n FROM appointments GROUP BY 1 ORDER BY n DESC LIMIT 1`).get() as { month: string; n: number };
  // The month grid's six weeks from the Monday on or before the busiest month's first day, as the calendar asks.
  const gridFrom = addDays(`${busiest.month}-01`, 1 - weekdayOf(`${busiest.month}-01`));
  const monthGrid = { from: gridFrom, to: addDays(gridFrom, monthGridDays - 1) };
  const monthView = await figure(
    30,
    50,
    () => Promise.all([value('appointments.days', monthGrid), value('calendar.get', monthGrid)]),
    () => listBookingDays(plain, daysInMinutes(monthGrid.from, monthGrid.to), monthDayBookings),
  );

  const kioskSubmit = await figure(200, 20, (run) => value('results.submit', { scaleId: 'PHQ-9', answers: [run % 4, 1, 2, 3, 0, 1, 2, 3, 1 + (run % 3)] }), null);

  const ledgerYear = Number(today.slice(0, 4)) - 5;
  const ledgerMonth = { from: `${ledgerYear}-06-01`, to: `${ledgerYear}-06-30` };
  const rawLedgers = ledgerMonthQueries(ledgerMonth);
  const ledgerMonths: Record<string, Figure> = {};
  for (const [name, [method, input]] of Object.entries(ledgerMonthLists(ledgerMonth))) {
    const raw = rawLedgers[name];
    ledgerMonths[name] = await figure(30, 50, () => value(method, input), raw ? () => raw(plain) : null);
  }
  plain.close();

  const periods = { month: lastMonth, year: String(Number(today.slice(0, 4)) - 1) };
  const report = await reportFigures(core, station, as, periods, tmp());
  const month = await value<{ figures: SetFigures }>('reports.preview', { period: periods.month });
  const district = await districtAggregation(month.figures, Number(periods.year));

  const backupFile = path.join(tmp(), 'large.xybak');
  const backupMs = await timed(() => value('backup.create', { file: backupFile }));
  const leaving = await value<{ id: number }>('users.create', { username: `likai${Date.now() % 100_000}`, displayName: '离职前台', role: 'reception', temporaryPassword: 'temporary-2026' });
  const keyRotationMs = await timed(() => value('users.setDisabled', { userId: leaving.id, disabled: true }));
  core.close();
  const screens = await screenFigures(dataDir, { login: { username: 'zhanzhang', password: demoPassword }, longCaseId: longCase.id, longClientId: longCase.clientId, busiestMonth: busiest.month });

  return {
    station: { dataDir, generationMs, ...counts, longCaseSessions: longCase.sessions, busiestMonth: busiest },
    unlock: { medianMs: unlock.unlockMs, kdfMs: unlock.kdfMs, restMs: unlock.restMs, restTargetMs: 300, quickCheckMs: unlock.quickCheckMs },
    clientSearch,
    casePage,
    longCasePage,
    weekView,
    monthView,
    kioskSubmit,
    ledgerMonths,
    screens,
    reports: { ...afterUnlock.figures, ...report },
    district,
    backupWithVerifyMs: round(backupMs, 0),
    keyRotationMs: round(keyRotationMs, 0),
  };
}
