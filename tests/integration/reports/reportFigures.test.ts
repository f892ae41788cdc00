import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../electron/core/repositories/inspectionSamplesRepo.js';
import { adult } from '../helpers/clients.js';
import { reportPreviews } from '../helpers/reportStation.js';
import { createStation, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

/**
 * November 2026's report against the hand-counted records of helpers/reportStation.ts (issue 14: "each indicator
 * against hand-counted fixtures, including period edges at midnight Beijing time and month ends"). Each literal says
 * which records make it; names are the fixture's clients (林 35 on Nov 30, 周 34 until Dec 1, 王 66, 赵 sex and age
 * unknown, 李 registered Nov 30 23:59). Instants are Beijing time.
 */
const report = reportPreviews(['2026-10', '2026-11', '2026-12']);
const figure = (code: string, period = '2026-11') => report.figure(code, period);
const total = (code: string, period = '2026-11') => report.total(code, period);

/** Every option of a category, zero unless counted: the literals below name only the options that hold records. */
const optionCodes = {
  SEX: ['M', 'F', 'U'],
  AGE: ['A0_13', 'A14_17', 'A18_34', 'A35_59', 'A60', 'AUNK'],
  GRP: ['YOUTH', 'ELDER', 'PERI', 'DISAB', 'CORR', 'SSYP', 'PETI', 'HARD', 'SMIF', 'DISP', 'OTHER', 'NONE'],
  TOPIC: ['EMO', 'FAM', 'STUDY', 'REL', 'TRAUMA', 'SUIC', 'DISP', 'MENT', 'OTHER', 'NONE'],
  INSTR: ['PHQ9', 'GAD7', 'SCL90', 'OTHER'],
  RISK: ['RED', 'YEL', 'GRN', 'NONE'],
  OUTC: ['STAB', 'MED', 'POL', 'FAM', 'OTHER', 'ONGO'],
  DEST: ['PSYH', 'GENH', 'PHC', 'CIVIL', 'JUST', 'SCHOOL', 'OTHER'],
  FUM: ['TEL', 'HOME', 'VISIT', 'NET'],
  CALLP: ['EMO', 'FAM', 'LOVE', 'EDU', 'REL', 'STRESS', 'MENT', 'HEALTH', 'SEX', 'OTHER'],
  QUAL: ['PSYC', 'SW', 'PSYD', 'OTHER', 'NONE'],
  EVT: ['LECT', 'PUB', 'ONLINE', 'DESK', 'OTHER'],
  FIVE: ['SCHOOL', 'ENTER', 'VILL', 'COMM', 'GOV', 'OTHER', 'NONE'],
  MEET: ['LEAD', 'JOINT', 'SUPV', 'STAFF', 'OTHER'],
} as const;
type Category = keyof typeof optionCodes;
type Counts<C extends Category> = Partial<Record<(typeof optionCodes)[C][number], number>>;
const options = <C extends Category>(category: C, counts: Counts<C>) =>
  Object.fromEntries(optionCodes[category].map((code) => [code, (counts as Record<string, number>)[code] ?? 0]));
/** The breakdowns of a record by its client: sex, age band and population group. */
const person = (sex: Counts<'SEX'>, age: Counts<'AGE'>, group: Counts<'GRP'>) => ({
  SEX: options('SEX', sex),
  AGE: options('AGE', age),
  GRP: options('GRP', group),
});

describe('November 2026 counted by hand', () => {
  it('SPS01/SPS02: one-to-one sessions of Nov 1–30, a group session left out, one client twice, ages on the day of each session', () => {
    // 周 Nov 1 (面询), 王 Nov 6 (上门) and Nov 20 (面询), 林 Nov 30 (电话), 周 Nov 30 (网络); 王's Nov 27 group session is
    // no one-to-one session; 林 Oct 31 and Dec 1 fall outside.
    expect(figure('SPS01')).toEqual({
      total: 5,
      breakdown: {
        MOD: { F2F: 2, TEL: 1, NET: 1, HOME: 1 },
        // 周 is 34 on Nov 1 and Nov 30 (birthday Dec 1); 林 is 35 on her birthday, Nov 30; 王 is 66.
        ...person({ M: 2, F: 3 }, { A18_34: 2, A35_59: 1, A60: 2 }, { ELDER: 2, PETI: 1, NONE: 2 }),
      },
    });
    // 周, 王, 林: each once, however many sessions.
    expect(figure('SPS02')).toEqual({
      total: 3,
      breakdown: person({ M: 1, F: 2 }, { A18_34: 1, A35_59: 1, A60: 1 }, { ELDER: 1, PETI: 1, NONE: 1 }),
    });
    // October: 林 Oct 31 only; December: 林 Dec 1 only.
    expect([total('SPS01', '2026-10'), total('SPS02', '2026-10'), total('SPS01', '2026-12'), total('SPS02', '2026-12')]).toEqual([1, 1, 1, 1]);
  });

  it('SPS13 counts one-to-one sessions about a dispute: 王 Nov 6 and Nov 20, not her Nov 27 group session', () => {
    // The indicator's definition: "问题类别为“矛盾纠纷心理疏导”的一对一咨询人次"; 王's case is the only dispute case.
    expect(figure('SPS13')).toEqual({ total: 2, breakdown: { GRP: options('GRP', { ELDER: 2 }) } });
  });

  it('SPS03/SPS04: cases opened in November; open at the end of Nov 30 — closed on Nov 30 is out, closed on Dec 1 is in', () => {
    // 周's (family, opened Nov 1) and 王's (dispute, opened Nov 5).
    expect(figure('SPS03')).toEqual({
      total: 2,
      breakdown: {
        ...person({ M: 1, F: 1 }, { A18_34: 1, A60: 1 }, { ELDER: 1, NONE: 1 }),
        TOPIC: options('TOPIC', { FAM: 1, DISP: 1 }),
      },
    });
    // 林's (opened Oct 15, green since Nov 10) and 王's (closed Dec 1, yellow on Nov 30); 周's closed Nov 30; 赵's closed Oct 20.
    expect(figure('SPS04')).toEqual({ total: 2, breakdown: { RISK: options('RISK', { YEL: 1, GRN: 1 }) } });
    // Oct 31: 林's only (赵's closed Oct 20). Dec 31: 林's (yellow after the Dec 3 follow-ups), 李's (never graded), 周's
    // second (red), all three open; 王's closed Dec 1.
    expect(total('SPS04', '2026-10')).toBe(1);
    expect(figure('SPS04', '2026-12')).toEqual({ total: 3, breakdown: { RISK: options('RISK', { RED: 1, YEL: 1, NONE: 1 }) } });
    expect(total('SPS03', '2026-10')).toBe(1);
    expect(total('SPS03', '2026-12')).toBe(2);
  });

  it('SPS07: results completed from Nov 1 00:00 up to Nov 30 23:59; abnormal by a yellow/red band or a critical item', () => {
    // Nov 1 00:00 GAD-7 0 (周, normal), Nov 10 PHQ-9 1 with item 9 (王, critical), Nov 30 23:59 PHQ-9 12 (anonymous,
    // 中度 yellow); Oct 31 23:59 (周, GAD-7 15) is October's, Dec 1 00:00 (林, GAD-7 0) December's.
    expect(figure('SPS07A')).toEqual({
      total: 3,
      breakdown: {
        INSTR: options('INSTR', { PHQ9: 2, GAD7: 1 }),
        ...person({ M: 1, F: 1, U: 1 }, { A18_34: 1, A60: 1, AUNK: 1 }, { ELDER: 1, NONE: 2 }),
      },
    });
    // 王's critical item and the anonymous yellow band.
    expect(figure('SPS07B')).toEqual({
      total: 2,
      breakdown: {
        INSTR: options('INSTR', { PHQ9: 2 }),
        ...person({ F: 1, U: 1 }, { A60: 1, AUNK: 1 }, { ELDER: 1, NONE: 1 }),
      },
    });
    // October: 周's red band at 23:59; December: 林's normal result at 00:00.
    expect([total('SPS07A', '2026-10'), total('SPS07B', '2026-10'), total('SPS07A', '2026-12'), total('SPS07B', '2026-12')]).toEqual([1, 1, 1, 0]);
  });

  it('SPS08: crises begun in November — Nov 30 23:59 is in, Dec 1 00:00 is December’s', () => {
    // Nov 10 (an unknown man, still being handled) and Nov 30 23:59 (周, taken home by family).
    expect(figure('SPS08')).toEqual({ total: 2, breakdown: { OUTC: options('OUTC', { FAM: 1, ONGO: 1 }) } });
    // 赵's at Dec 1 00:00, stabilised.
    expect(figure('SPS08', '2026-12')).toEqual({ total: 1, breakdown: { OUTC: options('OUTC', { STAB: 1 }) } });
    expect(total('SPS08', '2026-10')).toBe(0);
  });

  it('SPS09: referrals sent in November and, of them, those received or answered', () => {
    // 王 → 精神卫生中心 Nov 5 (received Nov 8), 王 → 医院心理科 Nov 12 (feedback Nov 18), 林 → 社区卫生 Nov 30 (nothing
    // yet), 周 → 民政 Nov 20 (not received); 周 → 法律援助 Oct 31 is October's though received Nov 2.
    expect(figure('SPS09A')).toEqual({ total: 4, breakdown: { DEST: options('DEST', { PSYH: 1, GENH: 1, PHC: 1, CIVIL: 1 }) } });
    expect(figure('SPS09B')).toEqual({ total: 2, breakdown: { DEST: options('DEST', { PSYH: 1, GENH: 1 }) } });
    expect([total('SPS09A', '2026-10'), total('SPS09B', '2026-10'), total('SPS09A', '2026-12'), total('SPS09B', '2026-12')]).toEqual([1, 1, 1, 0]);
  });

  it('SPS10: follow-ups done in November, by method and by the colour they were scheduled at', () => {
    // 林 Nov 20 (phone; scheduled by her green grade), 林 Nov 25 (video; scheduled green by the Nov 20 one), 周 Nov 30
    // (visit; scheduled red by his crisis); 林 Dec 1 (home) is December's.
    expect(figure('SPS10A')).toEqual({ total: 3, breakdown: { FUM: options('FUM', { TEL: 1, VISIT: 1, NET: 1 }), RISK: options('RISK', { RED: 1, GRN: 2 }) } });
    // 林 and 周, each once, by their latest follow-up of the month: 林's Nov 25 (video, green), 周's Nov 30 (visit, red).
    expect(figure('SPS10B')).toEqual({ total: 2, breakdown: { FUM: options('FUM', { VISIT: 1, NET: 1 }), RISK: options('RISK', { RED: 1, GRN: 1 }) } });
    expect(figure('SPS10A', '2026-12')).toEqual({ total: 1, breakdown: { FUM: options('FUM', { HOME: 1 }), RISK: options('RISK', { YEL: 1 }) } });
  });

  it('SPS12: each client’s latest grade before Dec 1 00:00 — 王 yellow since October though red at Dec 1 00:30', () => {
    // 林 green (Nov 10), 周 red (his crisis, Nov 30 23:59), 王 yellow (Oct 12; her red came Dec 1 00:30); 赵's red came with
    // her crisis at Dec 1 00:00; the follow-ups typed in on Dec 3 re-grade after the month.
    expect(figure('SPS12')).toEqual({
      total: 3,
      breakdown: {
        RISK: options('RISK', { RED: 1, YEL: 1, GRN: 1 }),
        ...person({ M: 1, F: 2 }, { A18_34: 1, A35_59: 1, A60: 1 }, { ELDER: 1, PETI: 1, NONE: 1 }),
      },
    });
    // Oct 31: 王 yellow alone. Dec 31: 周 red (Dec 3), 王 red, 赵 red, 林 yellow (her last follow-up of Dec 3).
    expect(figure('SPS12', '2026-10').breakdown.RISK).toEqual(options('RISK', { YEL: 1 }));
    expect(figure('SPS12', '2026-12').breakdown.RISK).toEqual(options('RISK', { RED: 3, YEL: 1 }));
  });

  it('SPS14: November calls, with the high-risk, difficult and repeat flags', () => {
    // Nov 1 (emotion, high risk), Nov 15 (emotion, repeat), Nov 30 (family, high risk and difficult); Oct 31 and Dec 1 outside.
    expect(figure('SPS14A')).toEqual({ total: 3, breakdown: { CALLP: options('CALLP', { EMO: 2, FAM: 1 }) } });
    expect(figure('SPS14B')).toEqual({ total: 2, breakdown: { CALLP: options('CALLP', { EMO: 1, FAM: 1 }) } });
    expect([total('SPS14C'), total('SPS14D')]).toEqual([1, 1]);
    expect([total('SPS14A', '2026-10'), total('SPS14B', '2026-10'), total('SPS14A', '2026-12'), total('SPS14B', '2026-12')]).toEqual([1, 1, 1, 1]);
  });

  it('SPS16: staff at work on Nov 30 and their full-time equivalent (a part-timer at 0.5, a volunteer none)', () => {
    // 陈 (full time, 心理咨询师), 刘 (part time 0.5, 社工 certificate valid through Nov 30), 吴 (volunteer); 郑 left Nov 30,
    // 冯 came Dec 1.
    expect(figure('SPS16A')).toEqual({ total: 3, breakdown: { STAFF: { FT: 1, PT: 1, VOL: 1 }, QUAL: options('QUAL', { PSYC: 1, SW: 1, NONE: 1 }) } });
    expect(total('SPS16B')).toBe(1.5);
    expect(figure('SPS16B').breakdown.STAFF).toEqual({ FT: 1, PT: 0.5, VOL: 0 });
    // Oct 31: 陈, 刘, 吴 and 郑 (0.3) = 1.8. Dec 31: 陈, 刘, 吴, 冯; 刘's certificate has expired.
    expect([total('SPS16A', '2026-10'), total('SPS16B', '2026-10')]).toEqual([4, 1.8]);
    expect(figure('SPS16A', '2026-12')).toEqual({ total: 4, breakdown: { STAFF: { FT: 2, PT: 1, VOL: 1 }, QUAL: options('QUAL', { PSYC: 1, NONE: 3 }) } });
    expect(total('SPS16B', '2026-12')).toBe(2.5);
  });

  it('SPS05/SPS19/SPS20 and the ledgers: group meetings and their feedback, activities done, meetings kept, training, volunteer hours, new files', () => {
    // Group meetings Nov 16 and Nov 30, both members present; Dec 1's is December's.
    expect([total('SPS05A'), total('SPS05B')]).toEqual([2, 4]);
    // Feedback: Nov 16 rated 5 and 3, Nov 30 rated 4 → 2 satisfied of 3; December: one 5 of one; October none.
    expect([total('SPS19A'), total('SPS19B'), report.view('2026-11').ratios.SPS19]).toEqual([2, 3, 66.7]);
    expect(report.view('2026-12').ratios.SPS19).toBe(100);
    expect(report.view('2026-10').ratios.SPS19).toBeNull();
    // 领导小组 Nov 3, 联席 Nov 30, 工作例会 Nov 30, 业务培训 Nov 12 (其他); Oct 31 and Dec 1 outside.
    expect(figure('SPS20')).toEqual({ total: 4, breakdown: { MEET: options('MEET', { LEAD: 1, JOINT: 1, STAFF: 1, OTHER: 1 }) } });
    // Lecture Nov 20 (school, 120), online post Nov 10 (reach 500), publicity Nov 29 marked done (community, 40); the
    // consult desk of Nov 25 is still planned.
    expect(figure('SPS06A')).toEqual({ total: 3, breakdown: { EVT: options('EVT', { LECT: 1, PUB: 1, ONLINE: 1 }), FIVE: options('FIVE', { SCHOOL: 1, COMM: 1, NONE: 1 }) } });
    expect([total('SPS06B'), total('SPS06C')]).toEqual([160, 500]);
    // Training Nov 10 (6 h) and supervision Nov 30 (2 h); volunteer service Nov 1 (2 h) and Nov 20 (3.5 h).
    expect([total('SPS17A'), total('SPS17B'), total('SPS18A'), total('SPS18B')]).toEqual([2, 8, 2, 5.5]);
    // 李 registered Nov 30 23:59 (青少年) is November's new file; 孙 at Dec 1 00:00 December's. Files on record with a
    // population tag at the end of Nov 30: 林, 王, 李.
    expect(figure('SPS11B').breakdown.GRP!.YOUTH).toBe(1);
    expect([total('SPS11B'), total('SPS11C'), total('SPS11B', '2026-12'), total('SPS11C', '2026-12')]).toEqual([1, 3, 1, 4]);
  });

  it('the checklist’s figures count Beijing days as the report does: 孙’s file and 赵’s crisis, both of Dec 1 00:00, are December’s', async () => {
    const { station } = report.setup();
    const { figures } = await station.call(station.admin, 'checklist.get', { from: '2026-11-01', to: '2026-11-30' });
    const value = (id: string) => figures.find((entry) => entry.id === id)!.value;
    // 林, 周, 王, 赵 and 李 (Nov 30 23:59); not 孙, registered Dec 1 00:00 (still Nov 30 in UTC).
    expect(value('clientFiles')).toBe(5);
    // November's crises: the unknown man's (open) and 周's (resolved); not 赵's, begun Dec 1 00:00.
    expect(value('crisesClosedShare')).toBe(50);
  });

  it('an inspector’s sample of November’s crises shows Beijing days and leaves out 赵’s, begun Dec 1 00:00', () => {
    const { total, rows } = sampleRecords(report.setup().station.database(), 'crises', { from: '2026-11-01', to: '2026-11-30' }, 10);
    expect(total).toBe(2);
    expect(rows.map((row) => row.date)).toEqual(['2026-11-10', '2026-11-30']);
  });

  it('no validation rule fires on November’s records; October is the previous period and nothing a year earlier', () => {
    const november = report.view('2026-11');
    expect(november.violations).toEqual([]);
    expect(november.frozen).toBe(false);
    expect(november.version).toBeNull();
    // SPS01: 1 in October, none recorded in November 2025 (a period with no records is no zero).
    expect(november.comparison.SPS01).toEqual({ previous: 1, lastYear: null, flag: null });
    // SPS06B: 50 in October → 160, a rise far beyond chance (110 > 3√50).
    expect(november.comparison.SPS06B).toEqual({ previous: 50, lastYear: null, flag: 'rise' });
  });
});

describe('the client stocks after a merge', () => {
  it('SPS11C and SPS12 count a client merged into another once: the kept file only', async () => {
    const station = disposeWhenTestEnds(await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock }));
    const call = <M extends Parameters<typeof station.call>[1]>(method: M, input: Parameters<typeof station.call<M>>[2]) => station.call(station.admin, method, input);
    const kept = await call('clients.register', { ...adult, idNumber: undefined, phone: undefined, name: '钱甲' });
    const twin = await call('clients.register', { ...adult, idNumber: undefined, phone: undefined, name: '钱甲乙' });
    for (const client of [kept, twin]) await call('risk.grade', { clientId: client.id, level: 'yellow', reason: '评估后分级', evidence: 'disclosure' });
    const stocks = async () => {
      const { figures } = await call('reports.preview', { period: '2026-12' });
      return [figures.SPS11C!.total, figures.SPS12!.total];
    };
    expect(await stocks()).toEqual([2, 2]);
    await call('clients.merge', { keepId: kept.id, mergeId: twin.id, reason: '同一人重复登记' });
    expect(await stocks()).toEqual([1, 1]);
  });
});
