import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { xinyi } from '../helpers/entries.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { readLedgerSheet } from '../helpers/workbook.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';

// The clock stands at Monday 2026-11-23 10:00 Beijing time.
const shift = (onDutyId: number, date = '2026-11-24'): MethodInput<'duty.addShift'> => ({ onDutyId, date, startTime: '09:00', endTime: '12:00', note: '' });
const log = (onDutyId: number): MethodInput<'duty.writeLog'> => ({
  onDutyId,
  date: '2026-11-23',
  startTime: '08:30',
  endTime: '09:45',
  visitorsReceived: 3,
  callsReceived: 2,
  events: '开门检查设备；接待预约咨询居民 3 人次。',
  incidents: '',
  handover: '下午有团体辅导，需提前布置场地。',
});

describe('duty roster (值班安排表)', () => {
  it('the 站长 keeps the roster; end before start and one person’s overlapping shifts are refused in Chinese and save nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const ids = await userIds(setup);
    const morning = await station.call(station.admin, 'duty.addShift', shift(ids.liwei!));
    expect(morning).toMatchObject({ onDuty: { id: ids.liwei, displayName: 'liwei' }, date: '2026-11-24', startTime: '09:00', endTime: '12:00' });
    // Another person at the same time, and the same person right after, are fine.
    await station.call(station.admin, 'duty.addShift', shift(ids.qiantai!));
    const afternoon = await station.call(station.admin, 'duty.addShift', { ...shift(ids.liwei!), startTime: '12:00', endTime: '17:30' });

    const bad: Array<[string, MethodInput<'duty.addShift'>, string]> = [
      ['end before start', { ...shift(ids.liwei!), startTime: '14:00', endTime: '13:00' }, '结束时间须晚于开始时间。'],
      ['overlap', { ...shift(ids.liwei!), startTime: '11:00', endTime: '13:00' }, 'liwei 在 2026-11-24 已有 09:00–12:00 的值班安排，与 11:00–13:00 重叠。'],
      ['nobody', shift(777), '值班人账号 #777 不存在。'],
      ['bad time', { ...shift(ids.liwei!), startTime: '9:00' }, '时间格式应为 HH:MM。'],
    ];
    for (const [name, input, message] of bad) {
      const result = await station.raw(station.admin, 'duty.addShift', input);
      expect(result.ok ? null : result.error.message, name).toContain(message);
    }
    const moved = await station.raw(station.admin, 'duty.updateShift', { ...shift(ids.liwei!), id: afternoon.id, startTime: '08:00', endTime: '10:00' });
    expect(moved.ok ? null : moved.error.message).toContain('重叠');
    const updated = await station.call(station.admin, 'duty.updateShift', { ...shift(ids.liwei!), id: morning.id, endTime: '11:30', note: '上午半天' });
    expect(updated).toMatchObject({ endTime: '11:30', note: '上午半天' });

    for (const who of [liwei, reception]) {
      const refused = await station.raw(who, 'duty.addShift', shift(ids.chen!));
      expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    }
    const month = await station.call(reception, 'duty.month', { month: '2026-11' });
    expect(month.shifts.map((item) => `${item.onDuty.displayName} ${item.startTime}-${item.endTime}`)).toEqual(['liwei 09:00-11:30', 'qiantai 09:00-12:00', 'liwei 12:00-17:30']);
    const day = month.days.find((entry) => entry.day === '2026-11-24')!;
    // 09:00–17:30 covered once although two people overlap in the morning; the settings' opening hours are 9–12 and 14–17:30.
    expect(day).toMatchObject({ weekday: 2, kind: 'normal', rosterMinutes: 510, openingMinutes: 390, actualMinutes: 0 });
    expect(month.days).toHaveLength(30);
    expect(month.totals).toMatchObject({ shifts: 3, logs: 0, rosterMinutes: 510, openingMinutes: 21 * 390 });

    await station.call(station.admin, 'duty.removeShift', { id: updated.id });
    expect((await station.call(reception, 'duty.month', { month: '2026-11' })).shifts).toHaveLength(2);
    expect((await auditRows(setup, 'duty.removeShift'))[0]).toMatchObject({ actorName: 'admin', objectType: 'dutyShift', detail: { dutyDate: '2026-11-24', onDuty: 'liwei' } });
    expect(await auditRows(setup, 'duty.addShift')).toHaveLength(3);
  });

  it('repeats a weekly pattern over a month, leaving out the holidays; a conflict anywhere refuses the whole month', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station } = setup;
    const ids = await userIds(setup);
    const pattern = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, onDutyId: ids.liwei!, startTime: '09:00', endTime: '12:00' },
      { weekday, onDutyId: ids.qiantai!, startTime: '14:00', endTime: '17:30' },
    ]);
    // 2026-10-15 already has liwei from 11:00: the whole month is refused and nothing is added.
    await station.call(station.admin, 'duty.addShift', { ...shift(ids.liwei!, '2026-10-15'), startTime: '11:00', endTime: '13:00' });
    const refused = await station.raw(station.admin, 'duty.repeatWeek', { month: '2026-10', pattern });
    expect(refused.ok ? null : refused.error.message).toBe('liwei 在 2026-10-15 已有 11:00–13:00 的值班安排，与 09:00–12:00 重叠。');
    expect((await station.call(station.admin, 'duty.month', { month: '2026-10' })).shifts).toHaveLength(1);
    await station.call(station.admin, 'duty.removeShift', { id: (await station.call(station.admin, 'duty.month', { month: '2026-10' })).shifts[0]!.id });

    // October 2026: 国庆 1–7 (five of them weekdays) are left out; Saturday the 10th is a 调休 working day on Monday's pattern.
    const made = await station.call(station.admin, 'duty.repeatWeek', { month: '2026-10', pattern });
    expect(made.created).toBe(36);
    expect(made.skippedDays.map((day) => day.day)).toEqual(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(made.skippedDays[0]!.name).toBe('国庆节');
    const october = await station.call(station.admin, 'duty.month', { month: '2026-10' });
    expect(october.shifts.filter((item) => item.date === '2026-10-10').map((item) => item.onDuty.displayName)).toEqual(['liwei', 'qiantai']);
    expect(october.shifts.some((item) => item.date === '2026-10-01' || item.date === '2026-10-17')).toBe(false);
    expect(october.days.find((day) => day.day === '2026-10-10')).toMatchObject({ kind: 'workday', openingMinutes: 390, rosterMinutes: 390 });
    expect(october.totals).toMatchObject({ shifts: 36, openingMinutes: 18 * 390, rosterMinutes: 18 * 390 });
    const [audit] = await auditRows(setup, 'duty.repeatWeek');
    expect(audit!.detail).toEqual({ month: '2026-10', shiftsCreated: 36, holidaysSkipped: 5 });

    const noLines = await station.raw(station.admin, 'duty.repeatWeek', { month: '2026-10', pattern: [] });
    expect(noLines.ok ? null : noLines.error.message).toContain('请至少填写一行每周排班。');
    const badMonth = await station.raw(station.admin, 'duty.repeatWeek', { month: '2026-13', pattern });
    expect(badMonth.ok ? null : badMonth.error.message).toContain('月份格式应为 YYYY-MM。');
  });
});

describe('duty log (值班记录)', () => {
  it('anyone on duty writes their own log, the front desk too; the 站长 corrects any; the month’s actual hours come from the logs', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception } = setup;
    const ids = await userIds(setup);
    const desk = await station.call(reception, 'duty.writeLog', log(ids.qiantai!));
    expect(desk).toMatchObject({ onDuty: { id: ids.qiantai, displayName: 'qiantai' }, visitorsReceived: 3, handover: '下午有团体辅导，需提前布置场地。', editable: true });
    const asOther = await station.raw(reception, 'duty.writeLog', { ...log(ids.liwei!), startTime: '07:00', endTime: '08:00' });
    expect(asOther.ok ? null : asOther.error.message).toBe('只能填写自己的值班记录；他人的记录请由本人或站长填写。');

    const byAdmin = await station.call(station.admin, 'duty.writeLog', { ...log(ids.liwei!), date: '2026-11-20', startTime: '14:00', endTime: '17:30' });
    // Counsellors read every log (a duty note, not clinical) and edit their own only.
    const seen = await station.call(chen, 'duty.logs', { from: '2026-11-01', to: '2026-11-30' });
    expect(seen.map((entry) => [entry.onDuty.displayName, entry.editable])).toEqual([['liwei', false], ['qiantai', false]]);
    const chenEdit = await station.raw(chen, 'duty.updateLog', { ...log(ids.liwei!), id: byAdmin.id });
    expect(chenEdit.ok ? null : chenEdit.error.code).toBe('FORBIDDEN');
    const own = await station.call(liwei, 'duty.updateLog', { ...log(ids.liwei!), id: byAdmin.id, date: '2026-11-20', startTime: '14:00', endTime: '17:00', incidents: '一名居民情绪激动，已安抚并报告站长。' });
    expect(own).toMatchObject({ endTime: '17:00', editable: true });
    const corrected = await station.call(station.admin, 'duty.updateLog', { ...log(ids.qiantai!), id: desk.id, callsReceived: 4 });
    expect(corrected.callsReceived).toBe(4);
    expect((await station.call(reception, 'duty.logs', { from: '2026-11-01', to: '2026-11-30', onDutyId: ids.liwei! })).map((entry) => entry.id)).toEqual([byAdmin.id]);

    const month = await station.call(reception, 'duty.month', { month: '2026-11' });
    expect(month.days.find((day) => day.day === '2026-11-23')!.actualMinutes).toBe(75);
    expect(month.totals).toMatchObject({ logs: 2, actualMinutes: 75 + 180 });
    expect((await auditRows(setup, 'duty.updateLog')).map((row) => [row.actorName, row.detail.onDuty])).toEqual([['admin', 'qiantai'], ['liwei', 'liwei']]);
  });

  it('refuses a log in the future, end before start, overlapping logs and negative counts, saving nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const ids = await userIds(setup);
    const kept = await station.call(reception, 'duty.writeLog', log(ids.qiantai!));
    const bad: Array<[string, MethodInput<'duty.writeLog'>, string, string]> = [
      ['later today', { ...log(ids.qiantai!), startTime: '09:45', endTime: '12:00' }, 'endTime', '值班结束时间 2026-11-23 12:00 还未到，不能填写值班记录。'],
      ['tomorrow', { ...log(ids.qiantai!), date: '2026-11-24' }, 'endTime', '值班结束时间 2026-11-24 09:45 还未到，不能填写值班记录。'],
      ['end before start', { ...log(ids.qiantai!), startTime: '09:00', endTime: '08:00' }, 'endTime', '结束时间须晚于开始时间。'],
      ['overlap', { ...log(ids.qiantai!), startTime: '08:00', endTime: '09:00' }, 'startTime', 'qiantai 在 2026-11-23 已有 08:30–09:45 的值班记录，与 08:00–09:00 重叠。'],
      ['negative visitors', { ...log(ids.qiantai!), date: '2026-11-20', visitorsReceived: -1 }, 'visitorsReceived', '接待来访人次不能为负数。'],
      ['fractional calls', { ...log(ids.qiantai!), date: '2026-11-20', callsReceived: 1.5 }, 'callsReceived', '接听来电次数须为整数。'],
      ['oversized note', { ...log(ids.qiantai!), date: '2026-11-20', events: '长'.repeat(1001) }, 'events', '值班情况不能超过 1000 个字符。'],
    ];
    for (const [name, input, field, message] of bad) {
      const result = await station.raw(reception, 'duty.writeLog', input);
      expect(result.ok ? null : result.error.message, name).toContain(message);
      expect(result.ok ? null : (result.error.details as Array<{ path: string }>).map((detail) => detail.path), name).toEqual([field]);
      // An edit of the same log does not overlap itself; every other rule holds for edits too.
      if (name === 'overlap') continue;
      const update = await station.raw(reception, 'duty.updateLog', { ...input, id: kept.id });
      expect(update.ok, `${name} (update)`).toBe(false);
    }
    expect(await station.call(reception, 'duty.logs', { from: '2026-11-01', to: '2026-11-30' })).toEqual([kept]);
    expect(await auditRows(setup, 'duty.writeLog')).toHaveLength(1);
  });

  it('exports the month day by day with its hours for any staff role, audited with the row count', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const ids = await userIds(setup);
    await station.call(station.admin, 'duty.addShift', { ...shift(ids.qiantai!, '2026-11-23'), startTime: '08:30', endTime: '12:00' });
    await station.call(reception, 'duty.writeLog', { ...log(ids.qiantai!), incidents: '停电 10 分钟，已报物业。' });
    const file = await station.call(reception, 'duty.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(file).toMatchObject({ fileName: '值班台账_2026年11月.xlsx', rows: 31 });
    const sheet = await readLedgerSheet(file);
    expect(sheet.title).toContain('值班台账 · 2026年11月');
    expect(sheet.headers).toEqual(['日期', '星期', '日别', '值班安排', '开放时间（小时）', '排班（小时）', '实际值班', '实际值班（小时）', '接待来访（人次）', '接听来电（次）', '突发事件', '交接班事项']);
    expect(sheet.rows[22]).toEqual(['2026-11-23', '一', '工作日', 'qiantai 08:30–12:00', 6.5, 3.5, 'qiantai 08:30–09:45', 1.3, 3, 2, '停电 10 分钟，已报物业。', '下午有团体辅导，需提前布置场地。']);
    expect(sheet.rows[0]!.slice(0, 3)).toEqual(['2026-11-01', '日', '周末']);
    expect(sheet.rows[30]).toEqual([null, null, '合计', '1 班', 136.5, 3.5, '1 条记录', 1.3, 3, 2]);
    const [row] = await auditRows(setup, 'duty.export');
    expect(row).toMatchObject({ actorName: 'qiantai', detail: { period: '2026-11-01~2026-11-30', count: 31 } });
  });
});

describe('xinyi export duty and visits', () => {
  it("writes the month's duty ledger and the period's screening visits with --period", async () => {
    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const me = JSON.parse(xinyi(['call', 'auth.me', '--user', 'admin', '--data-dir', dir], password).stdout) as { user: { id: number } };
    const call = (method: string, input: unknown) => xinyi(['call', method, '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify(input));
    expect(call('duty.addShift', { ...shift(me.user.id, '2026-11-05') }).code).toBe(0);
    expect(call('visits.create', { date: '2026-11-05', visitorIds: [me.user.id], area: '阳光小区 3 栋', tags: ['elderly_alone'] }).code).toBe(0);
    const folder = tempDir();
    for (const [list, file, rows] of [['duty', '值班台账.xlsx', 31], ['visits', '走访排查台账.xlsx', 1]] as const) {
      const out = path.join(folder, file);
      const written = xinyi(['export', list, '--period', '2026-11', '--out', out, '--user', 'admin', '--data-dir', dir], password);
      expect(written.code, written.stderr).toBe(0);
      expect(written.stdout).toContain(`已导出 ${rows} 行`);
    }
    expect(fs.readdirSync(folder).sort()).toEqual(['值班台账.xlsx', '走访排查台账.xlsx']);
  });
});
