import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { additiveOverTime, computeFigures, isStock } from '../../../shared/reports/compute.js';
import { combineMonths, monthCompleteness, sumStations } from '../../../shared/reports/district.js';
import type { FactRow } from '../../../shared/reports/factSources.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';

/**
 * The district's arithmetic (issue 14: "property test that district sums of additive indicators equal the indicator
 * over the union of records"): stations' figures added up equal the figures of all their records together, a longer
 * period sums flows and takes the last stocks, and completeness counts what DHIS2 counts.
 */
const set = builtinIndicatorSets.get('sps-monthly')!;
const values = set.indicators.flatMap((item) => item.values);

const sessionRow = fc.record({
  clientId: fc.integer({ min: 1, max: 30 }),
  sex: fc.constantFrom('male', 'female', 'unknown'),
  age: fc.option(fc.integer({ min: 3, max: 95 }), { nil: null }),
  group: fc.subarray(['youth', 'elderly_alone', 'disabled', 'petitioner', 'veteran']),
  topic: fc.subarray(['emotion', 'family', 'dispute', 'sleep']),
  modality: fc.constantFrom('in_person', 'phone', 'online', 'home_visit', 'group'),
  station: fc.integer({ min: 0, max: 3 }),
});
const callRow = fc.record({ problem: fc.constantFrom('emotion', 'family', 'other', 'unlisted'), highRisk: fc.boolean(), station: fc.integer({ min: 0, max: 3 }) });

describe('district totals', () => {
  it('equal the figures over the union of the stations’ records, for every value and every breakdown cell', () => {
    fc.assert(
      fc.property(fc.array(sessionRow, { maxLength: 60 }), fc.array(callRow, { maxLength: 30 }), (sessions, calls) => {
        // Each station's clients are its own people: a station-qualified id keeps them apart in the union too.
        const sessionFacts = sessions.map((row, index): FactRow & { station: number } => ({
          station: row.station,
          id: index + 1,
          link: '',
          clientId: row.station * 1000 + row.clientId,
          day: '2026-11-10',
          dims: { sex: row.sex, age: row.age, group: row.group, topic: row.topic, modality: row.modality },
        }));
        const callFacts = calls.map((row, index): FactRow & { station: number } => ({ station: row.station, id: index + 1, link: '', clientId: null, day: '2026-11-10', dims: { callProblem: row.problem }, flags: { highRisk: row.highRisk } }));
        const perStation = [0, 1, 2, 3].map((station) => computeFigures(set, { sessions: sessionFacts.filter((row) => row.station === station), calls: callFacts.filter((row) => row.station === station) }));
        expect(sumStations(set, perStation)).toEqual(computeFigures(set, { sessions: sessionFacts, calls: callFacts }));
      }),
      { numRuns: 60 },
    );
  });

  it('over several months sum the flows that add up over time and take the last month’s stocks', () => {
    const month = (day: string, sessions: number, openCases: number) =>
      computeFigures(set, {
        sessions: Array.from({ length: sessions }, (_, index) => ({ id: index + 1, link: '', clientId: 1, day, dims: { sex: 'female', age: 40, group: [], topic: [], modality: 'phone' } })),
        casesOpen: Array.from({ length: openCases }, (_, index) => ({ id: index + 1, link: '', clientId: index + 1, day, dims: { sex: 'male', age: 40, group: [], topic: [], risk: 'yellow' } })),
      });
    const quarter = combineMonths(set, [month('2026-10-31', 3, 10), month('2026-11-30', 2, 12), month('2026-12-31', 4, 7)]);
    expect(quarter.SPS01!.total).toBe(9);
    expect(quarter.SPS01!.breakdown.MOD!.TEL).toBe(9);
    expect(quarter.SPS04!.total).toBe(7);
    expect(quarter.SPS04!.breakdown.RISK!.YEL).toBe(7);
    // One client in each month: three person-months, not three people (the station's own quarter report says 1).
    expect(quarter.SPS02!.total).toBe(3);
    expect(values.filter((value) => isStock(value)).map((value) => value.code)).toContain('SPS12');
    expect(values.filter((value) => !additiveOverTime(value) && !isStock(value)).map((value) => value.code)).toEqual(['SPS02', 'SPS10B', 'SPS17C']);
  });
});

describe('completeness and timeliness of a month', () => {
  const stations = [
    { id: 1, name: '甲', regionCode: '1', establishedOn: '2024-01-01', withdrawnOn: null },
    { id: 2, name: '乙', regionCode: '2', establishedOn: '2024-01-01', withdrawnOn: null },
    { id: 3, name: '丙', regionCode: '3', establishedOn: '2026-12-01', withdrawnOn: null },
    { id: 4, name: '丁', regionCode: '4', establishedOn: '2024-01-01', withdrawnOn: '2026-11-15' },
    { id: 5, name: '戊', regionCode: '5', establishedOn: '2024-01-01', withdrawnOn: null },
  ];
  const november = { key: '2026-11', from: '2026-11-01', to: '2026-11-30' };

  it('expects only stations open through the month, and counts on time by the first version’s local day', () => {
    const receipts = [
      // 10 December 23:30 Beijing: the last on-time day of a 10-day deadline.
      { stationId: 1, period: '2026-11', generatedAt: '2026-12-10T15:30:00Z' },
      // Its correction later does not make it late.
      { stationId: 1, period: '2026-11', generatedAt: '2026-12-20T02:00:00Z' },
      // 11 December 00:30 Beijing (still 10 December in UTC): late.
      { stationId: 2, period: '2026-11', generatedAt: '2026-12-10T16:30:00Z' },
      { stationId: 5, period: '2026-05', generatedAt: '2026-06-02T02:00:00Z' },
    ];
    const result = monthCompleteness(stations, receipts, november, 10);
    expect(result).toMatchObject({ expected: 3, received: 2, onTime: 1, late: 1, missing: 1, rate: 66.7, onTimeRate: 33.3, strong: false });
    expect(result.stations.map((row) => [row.stationId, row.status, row.silentSixMonths])).toEqual([
      [1, 'onTime', false],
      [2, 'late', false],
      [3, 'notExpected', false],
      [4, 'notExpected', false],
      // Its last report was for May: June to November silent.
      [5, 'missing', true],
    ]);
    expect(monthCompleteness(stations, receipts, november, 0).onTime).toBe(2);
  });

  it('calls 90 % of the expected reports strong', () => {
    const many = Array.from({ length: 10 }, (_, index) => ({ id: index + 1, name: `站${index}`, regionCode: String(index), establishedOn: '2024-01-01', withdrawnOn: null }));
    const receipts = many.slice(0, 9).map((station) => ({ stationId: station.id, period: '2026-11', generatedAt: '2026-12-02T02:00:00Z' }));
    expect(monthCompleteness(many, receipts, november, 10)).toMatchObject({ rate: 90, strong: true });
    expect(monthCompleteness(many, receipts.slice(1), november, 10)).toMatchObject({ rate: 80, strong: false });
  });
});
