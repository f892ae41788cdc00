import { describe, expect, it } from 'vitest';
import { reportPreviews } from '../helpers/reportStation.js';

/**
 * Longer periods and drill-down over the hand-counted records of helpers/reportStation.ts (issue 14: "quarters and
 * years sum flows and take the last stock, never sum stocks"; "every number drills down to the list of records behind
 * it"). Monthly values, from reportFigures.test.ts: Sep · Oct · Nov · Dec.
 */
const report = reportPreviews(['2026-Q4', '2026-H2', '2026']);
const total = (code: string, period: string) => report.total(code, period);
const station = () => report.setup().station;
const drill = (value: string, category?: string, option?: string) =>
  station().call(station().admin, 'reports.drill', { range: { period: '2026-11' }, value, ...(category ? { category, option } : {}) });

describe('quarter, half-year and year', () => {
  it('flows add up the months: sessions, cases opened, results, referrals, calls, meetings, hours', () => {
    // SPS01 sessions 1 · 1 · 5 · 1; SPS03 cases 1 · 1 · 2 · 2; SPS07A results 0 · 1 · 3 · 1; SPS09B receipts 0 · 1 · 2 · 0;
    // SPS14B high-risk calls 0 · 1 · 2 · 1; SPS20 meetings 0 · 1 · 4 · 1; SPS17B training hours 0 · 1.5 · 8 · 3.
    const flows = ['SPS01', 'SPS03', 'SPS07A', 'SPS09B', 'SPS14B', 'SPS20', 'SPS17B'];
    expect(flows.map((code) => total(code, '2026-Q4'))).toEqual([7, 5, 5, 3, 4, 6, 12.5]);
    expect(flows.map((code) => total(code, '2026-H2'))).toEqual([8, 6, 5, 3, 4, 6, 12.5]);
    expect(flows.map((code) => total(code, '2026'))).toEqual([8, 6, 5, 3, 4, 6, 12.5]);
    // By option too: the quarter's 面询 are 林 Oct 31, 周 Nov 1, 王 Nov 20, 林 Dec 1.
    expect(report.figure('SPS01', '2026-Q4').breakdown.MOD).toEqual({ F2F: 4, TEL: 1, NET: 1, HOME: 1 });
  });

  it('distinct clients are counted over the whole period, never added up month by month', () => {
    // SPS02 months 1 · 1 · 3 · 1, but the quarter's clients are 林, 周, 王 and the year adds 赵 (September).
    expect(total('SPS02', '2026-Q4')).toBe(3);
    expect(total('SPS02', '2026')).toBe(4);
    // SPS10B: 林 and 周 in November, 林 again in December.
    expect(total('SPS10B', '2026-Q4')).toBe(2);
  });

  it('a client counts in one age band of a period: SPS02’s age breakdown adds up to its total', () => {
    // 林 turns 35 on Nov 30: her sessions of Oct 31 (34) and Nov 30, Dec 1 (35) are one client of the quarter, who can be
    // in one band only, or the district's sum over the bands (DHIS2 adds up a data element's disaggregations, and
    // complementary suppression subtracts cells from the total) reports more clients than were served.
    for (const period of ['2026-Q4', '2026']) {
      const { total: clients, breakdown } = report.figure('SPS02', period);
      const bandSum = (code: string) => Object.values(breakdown[code]!).reduce((sum, count) => sum + count, 0);
      expect({ period, SEX: bandSum('SEX'), AGE: bandSum('AGE') }).toEqual({ period, SEX: clients, AGE: clients });
    }
  });

  it('stocks are the last day’s value (December’s), never a sum and never the first month’s', () => {
    // SPS04 open cases: Oct 1 · Nov 2 · Dec 3 → 3 (a sum would be 6).
    expect(report.view('2026-Q4').figures.SPS04).toEqual({ total: 3, breakdown: { RISK: { RED: 1, YEL: 1, GRN: 0, NONE: 1 } } });
    // SPS12 graded clients: Oct 1 · Nov 3 · Dec 4 → 4. SPS16A staff 4 · 3 · 4 and SPS16B FTE 1.8 · 1.5 · 2.5 → 4 and 2.5.
    // SPS11C tagged files 2 · 3 · 4 → 4.
    for (const period of ['2026-Q4', '2026-H2', '2026']) {
      expect([total('SPS04', period), total('SPS12', period), total('SPS16A', period), total('SPS16B', period), total('SPS11C', period)]).toEqual([3, 4, 4, 2.5, 4]);
    }
    expect(report.figure('SPS12', '2026').breakdown.RISK).toEqual({ RED: 3, YEL: 1, GRN: 0, NONE: 0 });
  });

  it('a rate is recomputed from the summed parts, never averaged: SPS19 for the quarter is 3 of 4', () => {
    // November 2 of 3 (66.7 %), December 1 of 1 (100 %): the mean of the rates would be 83.3 %.
    expect([total('SPS19A', '2026-Q4'), total('SPS19B', '2026-Q4'), report.view('2026-Q4').ratios.SPS19]).toEqual([3, 4, 75]);
  });

  it('the quarter compares with Q3 and the year with nothing before it', () => {
    // Q3 holds 赵's September session alone: 7 against 1 is a rise beyond chance (a change of 6 > 5 and > 3√1).
    expect(report.view('2026-Q4').comparison.SPS01).toEqual({ previous: 1, lastYear: null, flag: 'rise' });
    expect(report.view('2026').comparison.SPS01).toEqual({ previous: null, lastYear: null, flag: null });
  });
});

describe('drill-down to the records behind a number', () => {
  it('SPS01 面询 lists exactly 王 Nov 20 and 周 Nov 1, newest first, masked, with their links', async () => {
    const { cases, sessions } = report.setup();
    expect(await drill('SPS01', 'MOD', 'F2F')).toEqual({
      label: '个体心理咨询（疏导）人次 · 个体咨询人次 · 咨询方式：面询',
      total: 2,
      rows: [
        { day: '2026-11-20', source: '个体咨询记录', client: '王**', link: `/cases/${cases.wangNov}/sessions/${sessions.wangNov20}` },
        { day: '2026-11-01', source: '个体咨询记录', client: '周**', link: `/cases/${cases.zhouNov}/sessions/${sessions.zhouNov1}` },
      ],
      truncated: false,
    });
  });

  it('SPS07B lists the anonymous yellow result of Nov 30 23:59 and 王’s critical item, not the Dec 1 00:00 result', async () => {
    const listed = await drill('SPS07B');
    expect(listed.total).toBe(2);
    expect(listed.rows).toEqual([
      { day: '2026-11-30', source: '量表测评结果', client: null, link: '/kiosk-results' },
      { day: '2026-11-10', source: '量表测评结果', client: '王**', link: `/clients/${report.setup().clients.wang}` },
    ]);
  });

  it('SPS12 黄色 is 王 alone, on the period’s last day; SPS02 counts the clients of its rows', async () => {
    expect((await drill('SPS12', 'RISK', 'YEL')).rows).toEqual([{ day: '2026-11-30', source: '期末风险分级在册', client: '王**', link: `/clients/${report.setup().clients.wang}` }]);
    // 王 has two sessions: two rows, one client.
    const elders = await drill('SPS02', 'GRP', 'ELDER');
    expect([elders.total, elders.rows.length]).toEqual([1, 2]);
  });

  it('every drill is audited with its count; an option the indicator is not broken down by is refused in Chinese', async () => {
    const before = (await station().call(station().admin, 'audit.list', { action: 'reports.drill' })).total;
    await drill('SPS09A', 'DEST', 'CIVIL');
    const rows = (await station().call(station().admin, 'audit.list', { action: 'reports.drill' })).rows;
    expect(rows.length).toBe(before + 1);
    expect(rows[0]!.detail).toMatchObject({ valueCode: 'SPS09A', option: '社工、民政、妇联', recordCount: 1 });
    const refused = await station().raw(station().admin, 'reports.drill', { range: { period: '2026-11' }, value: 'SPS01', category: 'RISK', option: 'RED' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('个体心理咨询（疏导）人次没有按') } });
  });
});
