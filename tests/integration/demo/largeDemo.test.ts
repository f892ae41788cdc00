import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay, localDayStartUtc } from '../../../shared/domain/dates.js';
import { ageOn } from '../../../shared/domain/idNumber.js';
import { createCore } from '../../../electron/core/createCore.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { largeDemo } from '../../../electron/core/services/demo/largeDemo.js';
import { Directory } from '../../../electron/core/repositories/reportDirectory.js';
import { readFacts } from '../../../electron/core/repositories/reportFactsRepo.js';
import { computeFigures } from '../../../shared/reports/compute.js';
import { factSources } from '../../../shared/reports/factSources.js';
import type { IndicatorSet } from '../../../shared/reports/indicatorSetSchema.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import { openDemoDatabase } from '../helpers/demoDatabase.js';
import { createStation, disposeWhenTestEnds, manualClock, tempDir } from '../helpers/station.js';

/**
 * `xinyi demo --size large` (issue 15), made here at 1 % of its volumes (the generator is the same; the CLI always
 * makes the whole station): ten years of case files with sessions, scales taken in them and grades whose follow-up
 * trails end with the case's contact, the calendar's past bookings, the ledgers, and the progress it reports.
 */
const now = new Date('2026-11-25T06:10:00Z');
const today = localDay(now);
const scale = 0.01;

describe('the large demo station (at 1 % of its volumes)', () => {
  let db: Db;
  const progress: Array<[string, number, number]> = [];
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    const dataDir = tempDir('xinyi-large-demo-');
    const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0, clock: manualClock(now).clock });
    try {
      const summary = await core.seedDemo({ size: 'large', scale, progress: (step, done, total) => progress.push([step, done, total]) });
      expect(summary.accounts).toHaveLength(12);
    } finally {
      core.close();
    }
    db = await openDemoDatabase(dataDir);
  });
  afterAll(() => db?.close());

  it('reports each step from its start to its end', () => {
    const steps = [...new Set(progress.map(([step]) => step))];
    expect(steps).toEqual(['来访者、个案、会谈与测评', '预约', '台账', '活动']);
    for (const step of steps) {
      const marks = progress.filter(([name]) => name === step);
      expect(marks[0]![1]).toBe(0);
      expect(marks.at(-1)![1]).toBe(marks.at(-1)![2]);
    }
    expect(progress.filter(([step]) => step === '来访者、个案、会谈与测评').map(([, done]) => done)).toEqual([0, 300]);
  });

  it('ends with every change trigger a new station has, though its bulk was written without them firing', async () => {
    const fresh = disposeWhenTestEnds(await createStation());
    const triggers = (of: Db) => of.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    expect(triggers(db).filter((trigger) => trigger.name.includes('_counted_')).length).toBeGreaterThan(100);
    expect(triggers(db)).toEqual(triggers(fresh.database()));
  });

  it('spreads ten counsellors’ case files over ten years, about fourteen sessions a case and a scale at nearly every one', () => {
    expect(count(`SELECT count(*) AS n FROM users WHERE role = 'counsellor'`)).toBe(10);
    expect(count('SELECT count(*) AS n FROM clients')).toBe(largeDemo.clients * scale);
    const cases = count('SELECT count(*) AS n FROM cases');
    const sessions = count('SELECT count(*) AS n FROM counselling_sessions');
    expect(cases).toBeGreaterThan(0.6 * 300);
    expect(sessions / cases).toBeGreaterThan(10);
    expect(count(`SELECT count(DISTINCT counsellor_id) AS n FROM cases`)).toBe(10);
    const first = (db.prepare('SELECT min(held_on) AS day FROM counselling_sessions').get() as { day: string }).day;
    expect(first < addDays(today, -8 * 365)).toBe(true);
    expect(count('SELECT count(*) AS n FROM scale_results')).toBeGreaterThan(0.9 * sessions);
  });

  it('keeps one client coming weekly for ten years: an open case of 500 sessions', () => {
    const longest = db.prepare('SELECT s.case_id AS caseId, count(*) AS n, min(s.held_on) AS first FROM counselling_sessions s GROUP BY s.case_id ORDER BY n DESC LIMIT 1').get() as { caseId: number; n: number; first: string };
    expect(longest.n).toBe(largeDemo.longCase);
    expect(longest.first < addDays(today, -9 * 365)).toBe(true);
    expect(count(`SELECT count(*) AS n FROM cases WHERE id = ${longest.caseId} AND closed_on IS NULL`)).toBe(1);
  });

  it('gives PHQ-9 only from 12 years old, and every critical answer an alert that was seen', () => {
    const taken = db
      .prepare(`SELECT c.birth_date AS birthDate, r.completed_at AS at FROM scale_results r JOIN clients c ON c.id = r.client_id WHERE r.scale_id = 'PHQ-9'`)
      .all() as Array<{ birthDate: string; at: string }>;
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.filter((row) => ageOn(row.birthDate, localDay(new Date(row.at))) < 12)).toEqual([]);
    expect(count(`SELECT count(*) AS n FROM scale_results r WHERE r.critical = 1 AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.result_id = r.id AND a.acknowledged_at IS NOT NULL)`)).toBe(0);
  });

  it('grades clients over the decade, an old grade’s follow-ups done and ended a season after the case’s last contact', () => {
    expect(count(`SELECT count(*) AS n FROM risk_grades WHERE graded_at < '${addDays(today, -3 * 365)}'`)).toBeGreaterThan(0);
    // No follow-up is left waiting since years ago: the old trails ended, every one done.
    expect(count(`SELECT count(*) AS n FROM follow_ups WHERE status = 'due' AND due_on < '${addDays(today, -365)}'`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM follow_ups WHERE status = 'done' AND done_on < '${addDays(today, -3 * 365)}'`)).toBeGreaterThan(0);
  });

  it('books the calendar’s past working days and keeps the ledgers, the team and the checklist', () => {
    expect(count('SELECT count(*) AS n FROM appointments')).toBeGreaterThanOrEqual(largeDemo.appointments * scale);
    // The ledgers' yearly rhythm (one year at this scale) and the busy station's outreach over the decade, all done.
    expect(count(`SELECT count(*) AS n FROM activities`)).toBeGreaterThan(largeDemo.activityVolume * scale + 20);
    expect(count(`SELECT count(*) AS n FROM activities WHERE status = 'done' AND held_on < '${addDays(today, -9 * 365)}'`)).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM people')).toBeGreaterThanOrEqual(12);
    expect(count('SELECT count(*) AS n FROM checklist_answers')).toBeGreaterThan(0);
  });

  it('counts its stocks grouped by their dimensions exactly as record by record, at three period ends of the decade', () => {
    const directory = Directory.read(db);
    const stocks = ['clientFiles', 'riskRegister', 'casesOpen'] as const;
    // Beside the shipped sets, a district's might split a stock by any of its dimensions, or count only the red.
    const monthly = builtinIndicatorSets.get('sps-monthly')!;
    const probe: IndicatorSet = {
      ...monthly,
      id: 'probe',
      indicators: stocks.map((source, index) => ({
        id: `PROBE${index}`,
        name: '分组核对',
        definition: '分组计数与逐条计数相同',
        type: 'stock',
        values: [
          { code: `PROBE${index}A`, name: '全部', unit: '人', fact: { source, measure: 'count', filters: [] } },
          { code: `PROBE${index}R`, name: '红色', unit: '人', fact: { source, measure: 'count', filters: [{ dimension: 'risk', in: ['red'] }] } },
        ],
        disaggregations: monthly.categories.filter((category) => (factSources[source].dimensions as readonly string[]).includes(category.dimension)).map((category) => category.code).slice(0, 6),
      })),
    };
    for (const to of [addDays(today, -6 * 365), addDays(today, -3 * 365), addDays(today, -1)]) {
      const from = `${to.slice(0, 7)}-01`;
      const period = { from, to, fromUtc: localDayStartUtc(from), toUtc: localDayStartUtc(to, 1) };
      const rows = (listed: boolean) => Object.fromEntries(stocks.map((source) => [source, readFacts(db, source, period, { abnormalBands: new Set(), directory }, listed)]));
      const grouped = rows(false);
      const listed = rows(true);
      expect(listed.clientFiles!.length).toBeGreaterThan(0);
      expect(grouped.clientFiles!.some((row) => (row.weight ?? 1) > 1)).toBe(true);
      for (const set of [...builtinIndicatorSets.values(), probe]) expect(computeFigures(set, grouped), `${set.id} on ${to}`).toEqual(computeFigures(set, listed));
    }
  });
});
