import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { adult } from '../helpers/clients.js';
import type { Clock } from '../../../electron/core/clock.js';
import { statementsDuring } from '../helpers/queryPlans.js';
import { createStaffedStation, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

/** Monday 2026-11-23, 09:00 in Beijing: tests never depend on the day they run. */
const monday = () => manualClock(new Date('2026-11-23T01:00:00Z')).clock;

async function setup(options: { clock?: Clock } = {}) {
  const station = disposeWhenTestEnds(await createStaffedStation([['liwei', 'counsellor'], ['chen', 'counsellor'], ['qiantai', 'reception']], { clock: monday(), ...options }));
  const { liwei, chen, qiantai: reception } = station.staff;
  const users = await station.call(station.admin, 'users.list', {});
  const id = (name: string) => users.find((user) => user.username === name)!.id;
  const rooms = await station.call(station.admin, 'rooms.add', { name: '咨询室一', kind: 'counselling' });
  const withSand = await station.call(station.admin, 'rooms.add', { name: '沙盘室', kind: 'sandplay' });
  const client = await station.call(reception, 'clients.register', adult);
  return { station, liwei, chen, reception, liweiId: id('liwei'), chenId: id('chen'), roomA: rooms[0]!.id, roomB: withSand[1]!.id, clientId: client.id };
}

type Booking = MethodInput<'appointments.create'>;

describe('the 2026 official calendar (国务院办公厅 2026 年部分节假日安排)', () => {
  it('knows holidays and 调休 working days, and says which years have no data yet', async () => {
    const { station, reception } = await setup();
    const calendar = await station.call(reception, 'calendar.get', { from: '2026-09-15', to: '2026-10-12' });
    const kind = (day: string) => calendar.days.find((entry) => entry.day === day);
    expect(kind('2026-09-25')).toMatchObject({ kind: 'holiday', name: '中秋', source: 'official' });
    expect(kind('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(kind('2026-10-07')).toMatchObject({ kind: 'holiday' });
    expect(kind('2026-09-20')).toMatchObject({ kind: 'workday' });
    expect(kind('2026-10-10')).toMatchObject({ kind: 'workday' });
    expect(kind('2026-10-08')).toBeUndefined();
    const spring = await station.call(reception, 'calendar.get', { from: '2026-02-14', to: '2026-02-28' });
    expect(spring.days.filter((entry) => entry.kind === 'holiday').map((entry) => entry.day)).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((day) => `2026-02-${day}`),
    );
    expect(spring.days.filter((entry) => entry.kind === 'workday').map((entry) => entry.day)).toEqual(['2026-02-14', '2026-02-28']);
    expect((await station.call(reception, 'calendar.get', { from: '2026-12-01', to: '2027-01-31' })).yearsWithoutData).toEqual([2027]);
    await station.call(station.admin, 'calendar.setDay', { day: '2027-01-01', kind: 'holiday', name: '元旦' });
    const entered = await station.call(reception, 'calendar.get', { from: '2026-12-01', to: '2027-01-31' });
    expect(entered.yearsWithoutData).toEqual([]);
    expect(entered.days).toContainEqual({ day: '2027-01-01', kind: 'holiday', name: '元旦', source: 'station' });
    await station.call(station.admin, 'calendar.removeDay', { day: '2027-01-01' });
    expect((await station.call(reception, 'calendar.get', { from: '2027-01-01', to: '2027-01-01' })).days).toEqual([]);
    const official = await station.raw(station.admin, 'calendar.removeDay', { day: '2026-10-01' });
    expect(official).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '2026-10-01 没有本站录入的安排；国家法定安排不能删除。' } });
    expect((await station.call(reception, 'calendar.get', { from: '2026-10-01', to: '2026-10-01' })).days).toHaveLength(1);
  });
});

describe('booking rules', () => {
  it('refuses a clash on the counsellor, the room or the client, naming the clashing booking; cancelled ones do not count', async () => {
    const { station, reception, liweiId, chenId, roomA, roomB, clientId } = await setup();
    const base: Booking = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' };
    const first = await station.call(reception, 'appointments.create', base);
    expect(first).toMatchObject({ who: '张三', start: '2026-12-07T09:00', end: '2026-12-07T09:50', status: 'booked' });
    const other = await station.call(reception, 'clients.register', { ...adult, name: '李四', idNumber: '', phone: '13900000001' });
    const clashes: Array<[Partial<Booking>, string]> = [
      [{ clientId: other.id, roomId: roomB, start: '2026-12-07T09:30' }, '咨询师在该时段已有预约：2026-12-07 09:00–09:50 张三'],
      [{ clientId: other.id, counsellorId: chenId, start: '2026-12-07T09:49' }, '房间在该时段已有预约'],
      [{ counsellorId: chenId, roomId: roomB, start: '2026-12-07T08:30' }, '来访者在该时段已有预约'],
    ];
    for (const [change, message] of clashes) {
      const result = await station.raw(reception, 'appointments.create', { ...base, ...change });
      expect(result).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_CONFLICT' } });
      expect(result.ok ? '' : result.error.message).toContain(message);
    }
    expect(await station.raw(reception, 'appointments.create', { ...base, clientId: other.id, roomId: roomB, start: '2026-12-07T09:50' })).toMatchObject({ ok: true });
    await station.call(reception, 'appointments.cancel', { id: first.id, reason: '来访者临时有事' });
    expect(await station.raw(reception, 'appointments.create', { ...base, start: '2026-12-07T09:00', durationMinutes: 40 })).toMatchObject({ ok: true });
  });

  it('looks for a clash among the bookings ending after the slot starts, not the counsellor’s and the room’s whole past (issue 15)', async () => {
    const { station, reception, liweiId, roomA, clientId } = await setup();
    const db = station.database();
    const statements = await statementsDuring(db, () => station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' }));
    const clash = statements.find((sql) => /a\.counsellor_id = @counsellorId OR a\.room_id = @roomId/.test(sql))!;
    const params = { counsellorId: 1, roomId: 1, clientId: 1, startMinute: 0, endMinute: 50, ignore: '[]' };
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${clash}`).all(params) as Array<{ detail: string }>).map((line) => line.detail).filter((detail) => /appointments/.test(detail));
    // Each of the three searches is bounded by the end of the bookings; a search by start alone would read the past.
    expect(plan).toEqual(expect.arrayContaining([expect.stringMatching(/counsellor_id=\? AND end_minute>\?/), expect.stringMatching(/room_id=\? AND end_minute>\?/), expect.stringMatching(/client_id=\? AND end_minute>\?/)]));
    expect(plan.filter((detail) => /start_minute<\?\)/.test(detail))).toEqual([]);
  });

  it('a range reads the bookings starting less than a day before it: an overnight booking shows on its second day; the file refuses a longer one', async () => {
    const { station, reception, liweiId, roomA, clientId } = await setup();
    const db = station.database();
    const overnight = await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T20:00', durationMinutes: 480, type: 'crisis', overrideReason: '夜间危机陪伴' });
    expect((await station.call(reception, 'appointments.list', { from: '2026-12-08', to: '2026-12-08' })).map((item) => item.id)).toEqual([overnight.id]);
    expect((await station.call(reception, 'appointments.list', { from: '2026-12-09', to: '2026-12-09' })).map((item) => item.id)).toEqual([]);
    const statements = await statementsDuring(db, () => station.call(reception, 'appointments.list', { from: '2026-12-08', to: '2026-12-14' }));
    const list = statements.find((sql) => /INDEXED BY appointments_time/.test(sql))!;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${list}`).all({ fromMinute: 0, toMinute: 1, counsellorId: null, roomId: null, clientId: null }) as Array<{ detail: string }>).map((line) => line.detail);
    expect(plan).toContainEqual(expect.stringMatching(/appointments_time \(start_minute>\? AND start_minute<\?\)/));
    expect(() => db.prepare('UPDATE appointments SET end_minute = start_minute + 1441 WHERE id = ?').run(overnight.id)).toThrow(/at most a day/);
  });

  it('counts a move to another start as 改约 (not a longer session), refuses a move onto a clash, links a registered walk-in, records who cancelled', async () => {
    const { station, reception, liweiId, chenId, roomA, roomB, clientId } = await setup();
    const booked = await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' });
    expect(booked.rescheduleCount).toBe(0);
    expect(await station.call(reception, 'appointments.move', { id: booked.id, start: '2026-12-07T09:00', durationMinutes: 60, roomId: roomB })).toMatchObject({ rescheduleCount: 0, end: '2026-12-07T10:00' });
    expect(await station.call(reception, 'appointments.move', { id: booked.id, start: '2026-12-08T10:00' })).toMatchObject({ rescheduleCount: 1, end: '2026-12-08T11:00' });
    expect(await station.call(reception, 'appointments.move', { id: booked.id, start: '2026-12-09T10:00' })).toMatchObject({ rescheduleCount: 2 });
    const other = await station.call(reception, 'appointments.create', { walkIn: { name: '赵临时', phone: '' }, counsellorId: liweiId, roomId: roomA, start: '2026-12-10T10:00', durationMinutes: 50, type: 'individual' });
    const onto = await station.raw(reception, 'appointments.move', { id: booked.id, start: '2026-12-10T10:30' });
    expect(onto).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_CONFLICT', message: expect.stringContaining('赵临时') } });
    expect((await station.call(reception, 'appointments.list', { from: '2026-12-09', to: '2026-12-09' }))[0]).toMatchObject({ id: booked.id, start: '2026-12-09T10:00', rescheduleCount: 2 });
    // The walk-in registers (登记建档) and the booking joins the record; a clash for the client is refused.
    expect(await station.raw(reception, 'appointments.linkClient', { id: other.id, clientId })).toMatchObject({ ok: true, value: { clientId, who: '张三' } });
    expect(await station.raw(reception, 'appointments.linkClient', { id: other.id, clientId })).toMatchObject({ ok: false, error: { message: '该预约已关联来访者。' } });
    const walkIn = await station.call(reception, 'appointments.create', { walkIn: { name: '钱七', phone: '' }, counsellorId: chenId, roomId: roomA, start: '2026-12-09T10:30', durationMinutes: 50, type: 'individual', overrideReason: '测试' });
    expect(await station.raw(reception, 'appointments.linkClient', { id: walkIn.id, clientId })).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_CONFLICT' } });
    expect((await station.call(reception, 'appointments.cancel', { id: walkIn.id, reason: '来访者临时有事' }))[0]).toMatchObject({ cancelledBy: 'qiantai', cancelReason: '来访者临时有事' });
  });

  it('asks for a reason outside opening hours or availability, and a confirmation on a holiday', async () => {
    const { station, reception, liwei, liweiId, roomA, clientId } = await setup();
    const base: Booking = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T12:30', durationMinutes: 50, type: 'individual' };
    expect(await station.raw(reception, 'appointments.create', base)).toMatchObject({ ok: false, error: { code: 'NEEDS_REASON', message: '不在本站开放时间内，请填写原因。' } });
    expect(await station.raw(reception, 'appointments.create', { ...base, overrideReason: '来访者只能午休时间来' })).toMatchObject({ ok: true, value: { overrideReason: '来访者只能午休时间来' } });
    await station.call(liwei, 'availability.set', { userId: liweiId, slots: [{ weekday: 2, start: '09:00', end: '12:00' }] });
    expect(await station.raw(reception, 'appointments.create', { ...base, start: '2026-12-07T09:00' })).toMatchObject({ ok: false, error: { code: 'NEEDS_REASON', message: '不在该咨询师的可预约时间内，请填写原因。' } });
    await station.call(liwei, 'availability.addException', { userId: liweiId, fromDay: '2026-12-08', toDay: '2026-12-09', kind: 'leave', note: '年假' });
    expect(await station.raw(reception, 'appointments.create', { ...base, start: '2026-12-08T09:00' })).toMatchObject({ ok: false, error: { code: 'NEEDS_REASON', message: '该咨询师当天请假，请填写原因。' } });
    const other = await station.addUser('wang', 'counsellor');
    const leave = (await station.call(liwei, 'availability.get', { id: liweiId })).exceptions[0]!;
    expect(await station.raw(other, 'availability.removeException', { id: leave.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await station.call(liwei, 'availability.removeException', { id: leave.id })).exceptions).toEqual([]);
    expect(await station.raw(reception, 'appointments.create', { ...base, start: '2026-12-08T09:00' })).toMatchObject({ ok: true });
    const holiday = { ...base, start: '2026-10-01T09:00', confirmPast: true };
    expect(await station.raw(reception, 'appointments.create', holiday)).toMatchObject({ ok: false, error: { code: 'HOLIDAY_CONFIRMATION' } });
    expect(await station.raw(reception, 'appointments.create', { ...holiday, confirmHoliday: true, overrideReason: '危机随访' })).toMatchObject({ ok: true });
  });

  it('asks for a confirmation before booking a start that has passed (补登), and names the field of a bad input in Chinese', async () => {
    const { station, reception, liweiId, roomA, clientId } = await setup();
    const past = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-11-20T09:00', durationMinutes: 50, type: 'individual' } as const;
    expect(await station.raw(reception, 'appointments.create', past)).toMatchObject({ ok: false, error: { code: 'PAST_CONFIRMATION', message: '预约时间 2026-11-20 09:00 已经过去，请确认是补登已发生的预约。' } });
    expect(await station.raw(reception, 'appointments.createSeries', { appointment: past, everyWeeks: 1, count: 3 })).toMatchObject({ ok: false, error: { code: 'PAST_CONFIRMATION' } });
    expect(await station.call(reception, 'appointments.list', { from: '2026-11-01', to: '2026-12-31' })).toEqual([]);
    expect(await station.raw(reception, 'appointments.create', { ...past, confirmPast: true })).toMatchObject({ ok: true });
    // Later today is not the past: no question asked.
    expect(await station.raw(reception, 'appointments.create', { ...past, start: '2026-11-23T14:00' })).toMatchObject({ ok: true });
    const empty = await station.raw(reception, 'appointments.create', { counsellorId: 0, roomId: 0, start: '', durationMinutes: 0, type: 'individual' } as unknown as Booking);
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '输入内容有误：请选择咨询师。' } });
    const details = (empty as { error: { details: Array<{ path: string; message: string }> } }).error.details;
    expect(details).toEqual(expect.arrayContaining([{ path: 'roomId', message: '请选择房间。' }, { path: 'durationMinutes', message: '时长至少 5 分钟。' }]));
  });

  it.each([
    [{ durationMinutes: 0 }, 'INVALID_INPUT'],
    [{ durationMinutes: -30 }, 'INVALID_INPUT'],
    [{ start: '2026-12-07 09:00' }, 'INVALID_INPUT'],
    [{ roomId: 999 }, 'INVALID_INPUT'],
    [{ clientId: 999 }, 'INVALID_INPUT'],
  ])('refuses %j and saves nothing', async (change, code) => {
    const { station, reception, liweiId, roomA, clientId } = await setup();
    const result = await station.raw(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual', ...change } as Booking);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await station.call(reception, 'appointments.list', { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });
});

describe('recurring series', () => {
  it('checks every occurrence, skips holidays and clashes with a summary, and edits this-and-later or all', async () => {
    const { station, reception, chenId, liweiId, roomA, roomB, clientId } = await setup();
    const other = await station.call(reception, 'clients.register', { ...adult, name: '王五', idNumber: '', phone: '13900000002' });
    await station.call(reception, 'appointments.create', { clientId: other.id, counsellorId: liweiId, roomId: roomB, start: '2026-09-24T14:00', durationMinutes: 60, type: 'individual', confirmPast: true });
    const series = await station.call(reception, 'appointments.createSeries', {
      appointment: { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-09-10T14:00', durationMinutes: 50, type: 'individual', confirmPast: true },
      everyWeeks: 1,
      count: 6,
    });
    expect(series.created.map((item) => item.start.slice(0, 10))).toEqual(['2026-09-10', '2026-09-17', '2026-10-08', '2026-10-15']);
    expect(series.skipped.map((item) => [item.start.slice(0, 10), item.reason.slice(0, 6)])).toEqual([
      ['2026-09-24', '咨询师在该时'],
      ['2026-10-01', '2026-1'],
    ]);
    const third = series.created[2]!;
    const moved = await station.call(reception, 'appointments.updateSeries', { id: third.id, scope: 'following', startTime: '15:00', durationMinutes: 50, roomId: roomA, counsellorId: chenId });
    expect(moved.map((item) => `${item.start} ${item.counsellorName}`)).toEqual(['2026-10-08T15:00 chen', '2026-10-15T15:00 chen']);
    const all = await station.call(reception, 'appointments.list', { from: '2026-09-01', to: '2026-10-31', clientId });
    expect(all.map((item) => item.start)).toEqual(['2026-09-10T14:00', '2026-09-17T14:00', '2026-10-08T15:00', '2026-10-15T15:00']);
    const clash = await station.raw(reception, 'appointments.updateSeries', { id: series.created[0]!.id, scope: 'all', startTime: '14:00', durationMinutes: 600, roomId: roomA, counsellorId: liweiId });
    expect(clash).toMatchObject({ ok: false });
    expect((await station.call(reception, 'appointments.list', { from: '2026-09-01', to: '2026-10-31', clientId })).map((item) => item.start)).toEqual(all.map((item) => item.start));
    const cancelled = await station.call(reception, 'appointments.cancel', { id: third.id, scope: 'following', reason: '来访者结案' });
    expect(cancelled).toHaveLength(2);
  });
});

describe('statuses', () => {
  it('check-in → complete creates the prefilled session in the open case; no-shows are counted', async () => {
    const { station, reception, liwei, liweiId, roomA, clientId } = await setup();
    const opened = await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    const booked = await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-11-16T10:00', durationMinutes: 45, type: 'individual', notes: '复访', confirmPast: true });
    expect((await station.call(reception, 'appointments.setStatus', { id: booked.id, status: 'arrived' })).status).toBe('arrived');
    expect(await station.raw(reception, 'appointments.complete', { id: booked.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await station.call(liwei, 'appointments.complete', { id: booked.id });
    expect(done.appointment.status).toBe('completed');
    const page = await station.call(liwei, 'cases.get', { id: opened.id });
    expect(page.sessions[0]).toMatchObject({ id: done.sessionId, heldOn: '2026-11-16', startTime: '10:00', durationMinutes: 45, signedAt: null });
    const missed = await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-11-17T10:00', durationMinutes: 45, type: 'individual', confirmPast: true });
    await station.call(reception, 'appointments.setStatus', { id: missed.id, status: 'no_show' });
    expect(await station.call(reception, 'appointments.noShows', { clientId })).toEqual({ clientId, noShows: 1 });
  });
});

describe('完成 is offered where it is accepted (issue 9: no button core refuses)', () => {
  it('mayComplete: a live booking of a client with an open case of its counsellor that the viewer reaches', async () => {
    const { station, reception, liwei, chen, liweiId, chenId, roomA, clientId } = await setup();
    const base: Booking = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' };
    const first = await station.call(reception, 'appointments.create', base);
    const day = { from: '2026-12-07', to: '2026-12-07' };
    const seenBy = async (token: string) => (await station.call(token, 'appointments.list', day)).map((row) => ({ id: row.id, mayComplete: row.mayComplete }));
    // No case yet (first intake): the case comes first, for everyone.
    expect(await seenBy(liwei)).toEqual([{ id: first.id, mayComplete: false }]);
    expect(await station.raw(liwei, 'appointments.complete', { id: first.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    // chen's own booking of liwei's client: chen changes it (own booking) but has no case to write the note into.
    const chens = await station.call(reception, 'appointments.create', { ...base, counsellorId: chenId, start: '2026-12-07T14:00' });
    expect(await seenBy(liwei)).toEqual([{ id: first.id, mayComplete: true }, { id: chens.id, mayComplete: false }]);
    expect(await seenBy(station.admin)).toEqual([{ id: first.id, mayComplete: true }, { id: chens.id, mayComplete: false }]);
    expect(await seenBy(reception)).toEqual([{ id: first.id, mayComplete: false }, { id: chens.id, mayComplete: false }]);
    expect(await seenBy(chen)).toEqual([{ id: first.id, mayComplete: false }, { id: chens.id, mayComplete: false }]);
    expect((await station.call(chen, 'appointments.list', day))[1]).toMatchObject({ mayChange: true });
    expect(await station.raw(chen, 'appointments.complete', { id: chens.id })).toMatchObject({ ok: false });
    // Every true above is accepted.
    expect((await station.call(station.admin, 'appointments.complete', { id: first.id })).appointment).toMatchObject({ status: 'completed', mayComplete: false });
  });
});

describe('waiting list (候补)', () => {
  it('keeps registered and walk-in residents in order until booked or removed, once', async () => {
    const { station, reception, chen, liweiId, clientId } = await setup();
    await station.call(reception, 'waitlist.add', { clientId, counsellorId: liweiId, note: '只能周末' });
    const list = await station.call(reception, 'waitlist.add', { walkIn: { name: '钱七', phone: '13900000009' } });
    expect(list).toMatchObject([
      { clientId, counsellorId: liweiId, who: '张三', counsellorName: 'liwei', note: '只能周末' },
      { clientId: null, counsellorId: null, who: '钱七', phone: '13900000009', counsellorName: null },
    ]);
    expect(await station.raw(reception, 'waitlist.add', { note: '无人' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Another counsellor sees that someone waits for 李伟, not who; a walk-in waiting for anyone stays visible.
    // mayChange is the booking rule the screen follows: chen may book 钱七 (waiting for anyone), not 李伟's client.
    expect(await station.call(chen, 'waitlist.list', {})).toMatchObject([
      { clientId: null, who: '（其他咨询师的来访者）', phone: '', note: '', mayChange: false },
      { who: '钱七', phone: '13900000009', mayChange: true },
    ]);
    expect(await station.raw(chen, 'waitlist.close', { id: list[0]!.id, status: 'removed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.call(reception, 'waitlist.close', { id: list[0]!.id, status: 'booked' })).toMatchObject([{ who: '钱七' }]);
    expect(await station.raw(reception, 'waitlist.close', { id: list[0]!.id, status: 'removed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await station.call(reception, 'waitlist.close', { id: list[1]!.id, status: 'removed' })).toEqual([]);
  });
});

describe('预约随访 from the follow-up list', () => {
  it('books the first free slot with the case counsellor from the due day, once, and shows it on the follow-up', async () => {
    // Monday 2026-11-23 09:00 in Beijing.
    const { station, reception, liwei, liweiId, roomA, clientId } = await setup();
    await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    await station.call(liwei, 'risk.grade', { clientId, level: 'yellow', reason: '睡眠差，情绪低落两周', evidence: 'disclosure' });
    const [due] = await station.call(liwei, 'followUps.list', { scope: 'due', withinDays: 30 });
    expect(due).toMatchObject({ dueOn: '2026-12-07', bookedFor: null });
    await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' });
    expect(await station.raw(reception, 'appointments.bookFollowUp', { followUpId: due!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const booked = await station.call(liwei, 'appointments.bookFollowUp', { followUpId: due!.id });
    expect(booked).toMatchObject({ start: '2026-12-07T10:00', end: '2026-12-07T10:30', type: 'follow_up', counsellorId: liweiId, roomId: roomA, status: 'booked' });
    expect(await station.raw(liwei, 'appointments.bookFollowUp', { followUpId: due!.id })).toMatchObject({ ok: false, error: { message: '该随访已有预约：2026-12-07 10:00。' } });
    expect((await station.call(liwei, 'followUps.list', { scope: 'due', withinDays: 30 }))[0]).toMatchObject({ bookedFor: '2026-12-07T10:00' });
    await station.call(reception, 'appointments.cancel', { id: booked.id, reason: '来访者改电话随访' });
    expect((await station.call(liwei, 'followUps.list', { scope: 'due', withinDays: 30 }))[0]).toMatchObject({ bookedFor: null });
  });

  it('books after 结案 with the counsellor of the closed case; recording the follow-up settles its booking and refuses another', async () => {
    const { station, liwei, liweiId, clientId } = await setup();
    const opened = await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    await station.call(liwei, 'risk.grade', { clientId, level: 'red', reason: '有自伤念头，需密切随访', evidence: 'disclosure' });
    await station.call(liwei, 'cases.close', { id: opened.id, reason: '转介至专科医院，本站继续随访', closedOn: '2026-11-20' });
    const [due] = await station.call(station.admin, 'followUps.list', { scope: 'due', withinDays: 30 });
    const booked = await station.call(station.admin, 'appointments.bookFollowUp', { followUpId: due!.id });
    expect(booked).toMatchObject({ start: '2026-11-30T09:00', counsellorId: liweiId });
    await station.call(liwei, 'followUps.record', { followUpId: due!.id, doneOn: '2026-11-23', method: 'phone', participants: [], findings: '情绪平稳，按时服药', reassessedLevel: 'red' });
    const refused = await station.raw(liwei, 'appointments.bookFollowUp', { followUpId: due!.id });
    expect(refused).toMatchObject({ ok: false, error: { message: '该随访已记录或已取消，不能再预约。' } });
    // Recorded by phone before the visit: the booking made for it is cancelled, naming why and who.
    expect(await station.call(liwei, 'appointments.list', { from: '2026-11-01', to: '2027-02-01', counsellorId: liweiId })).toEqual([
      expect.objectContaining({ id: booked.id, status: 'cancelled', cancelReason: '随访已记录，无需再到访', cancelledBy: 'liwei' }),
    ]);
  });
});

describe('status rules and reach', () => {
  it('final statuses stay final; no-show only after the start; completion only by someone reaching the case', async () => {
    const { station, reception, liwei, chen, liweiId, roomA, clientId } = await setup();
    await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    const base: Booking = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-11-16T10:00', durationMinutes: 50, type: 'individual' };
    const missed = await station.call(reception, 'appointments.create', { ...base, confirmPast: true });
    await station.call(reception, 'appointments.setStatus', { id: missed.id, status: 'no_show' });
    for (const [method, input] of [
      ['appointments.setStatus', { id: missed.id, status: 'no_show' }],
      ['appointments.move', { id: missed.id, start: '2026-11-18T10:00' }],
      ['appointments.cancel', { id: missed.id, reason: '改期' }],
      ['appointments.complete', { id: missed.id }],
    ] as const) {
      expect(await station.raw(liwei, method, input as never), method).toMatchObject({ ok: false, error: { message: '该预约当前为“爽约”，不能进行此操作。' } });
    }
    expect(await station.call(reception, 'appointments.noShows', { clientId })).toEqual({ clientId, noShows: 1 });
    // A 爽约 frees its slot for someone else.
    const walkIn = await station.call(reception, 'appointments.create', { ...base, clientId: undefined, walkIn: { name: '赵临时', phone: '' }, start: '2026-11-16T10:20', confirmPast: true });
    await station.call(reception, 'appointments.setStatus', { id: walkIn.id, status: 'arrived' });
    expect(await station.raw(reception, 'appointments.setStatus', { id: walkIn.id, status: 'no_show' })).toMatchObject({ ok: false });
    const future = await station.call(reception, 'appointments.create', { ...base, start: '2026-12-08T10:00' });
    expect(await station.raw(reception, 'appointments.setStatus', { id: future.id, status: 'no_show' })).toMatchObject({ ok: false, error: { message: '预约时间还没到，不能记为爽约。' } });
    expect(await station.raw(chen, 'appointments.complete', { id: future.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await station.call(liwei, 'appointments.list', { from: '2026-12-08', to: '2026-12-08' }))[0]).toMatchObject({ status: 'booked' });
  });

  it('a counsellor sees other counsellors\' bookings as occupied only, and cannot read another client\'s bookings', async () => {
    const { station, reception, liwei, chen, liweiId, chenId, roomA, clientId } = await setup();
    await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'crisis', notes: '自伤风险，需陪同' });
    const seen = (await station.call(chen, 'appointments.list', { from: '2026-12-07', to: '2026-12-07' }))[0];
    // The screens offer check-in, 改约 and cancel only where core allows them: `mayChange` is that same line.
    expect(seen).toMatchObject({ who: '（其他咨询师的来访者）', clientId: null, notes: '', roomId: roomA, start: '2026-12-07T09:00', mayChange: false });
    expect(await station.raw(chen, 'appointments.setStatus', { id: seen!.id, status: 'arrived' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await station.call(liwei, 'appointments.list', { from: '2026-12-07', to: '2026-12-07' }))[0]).toMatchObject({ who: '张三', notes: '自伤风险，需陪同', mayChange: true });
    expect((await station.call(reception, 'appointments.list', { from: '2026-12-07', to: '2026-12-07' }))[0]).toMatchObject({ mayChange: true });
    const clash = await station.raw(chen, 'appointments.create', { walkIn: { name: '钱七', phone: '' }, counsellorId: chenId, roomId: roomA, start: '2026-12-07T09:30', durationMinutes: 50, type: 'individual' });
    expect(clash).toMatchObject({ ok: false, error: { message: '房间在该时段已有预约：2026-12-07 09:00–09:50 （其他咨询师的来访者）（liwei，咨询室一）' } });
    expect(await station.raw(chen, 'appointments.list', { from: '2026-12-01', to: '2026-12-31', clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'appointments.noShows', { clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.call(reception, 'appointments.list', { from: '2026-12-01', to: '2026-12-31', clientId })).toHaveLength(1);
    const audit = await station.call(station.admin, 'audit.list', { action: 'appointments.list' });
    expect(audit.rows.length).toBeGreaterThan(0);
  });

  it('a counsellor booked with a client who has no case yet sees the no-show count (a first intake); a colleague does not', async () => {
    const { station, reception, liwei, chen, liweiId, roomA, clientId } = await setup();
    await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' });
    expect(await station.call(liwei, 'appointments.noShows', { clientId })).toEqual({ clientId, noShows: 0 });
    expect(await station.raw(chen, 'appointments.noShows', { clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the month grid (appointments.days)', () => {
  it('gives each day with live bookings its first six in time order and its count; filters, masks and bounds like the list', async () => {
    const { station, reception, chen, liweiId, chenId, roomA, roomB } = await setup();
    const book = (start: string, counsellorId: number, roomId: number, name: string, overrideReason?: string) =>
      station.call(reception, 'appointments.create', { walkIn: { name, phone: '' }, counsellorId, roomId, start, durationMinutes: 20, type: 'individual', ...(overrideReason ? { overrideReason } : {}) });
    // Booked out of time order: the grid orders a day by its start.
    const times = ['10:40', '09:00', '11:20', '09:20', '09:40', '11:00', '10:00', '10:20'];
    const booked = [];
    for (const [index, time] of times.entries()) booked.push(await book(`2026-12-08T${time}`, liweiId, roomA, `来访者${index + 1}`));
    const early = await book('2026-12-08T08:00', liweiId, roomA, '已取消者', '来访者只能上班前来');
    await station.call(reception, 'appointments.cancel', { id: early.id, reason: '来访者改期' });
    await book('2026-12-09T09:00', chenId, roomB, '陈的来访者');

    const days = await station.call(reception, 'appointments.days', { from: '2026-12-07', to: '2027-01-17' });
    expect(days.map((day) => [day.day, day.total, day.bookings.length])).toEqual([
      ['2026-12-08', 8, 6],
      ['2026-12-09', 1, 1],
    ]);
    expect(days[0]!.bookings.map((item) => item.start.slice(11))).toEqual(['09:00', '09:20', '09:40', '10:00', '10:20', '10:40']);
    expect(days[0]!.bookings[0]).toMatchObject({ who: '来访者2', mayChange: true });

    const chens = await station.call(station.admin, 'appointments.days', { from: '2026-12-07', to: '2026-12-13', counsellorId: chenId });
    expect(chens.map((day) => [day.day, day.total])).toEqual([['2026-12-09', 1]]);
    expect((await station.call(reception, 'appointments.days', { from: '2026-12-07', to: '2026-12-13', roomId: roomB })).map((day) => day.day)).toEqual(['2026-12-09']);
    // A counsellor sees another counsellor's bookings as occupied only, as in the list.
    const seen = await station.call(chen, 'appointments.days', { from: '2026-12-08', to: '2026-12-09' });
    expect(seen[0]!.bookings[0]).toMatchObject({ who: '（其他咨询师的来访者）', walkInPhone: '', mayChange: false });
    expect(seen[1]!.bookings[0]).toMatchObject({ who: '陈的来访者', mayChange: true });

    const tooLong = await station.raw(reception, 'appointments.days', { from: '2026-12-07', to: '2027-01-18' });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('按天汇总的预约一次最多 42 天') } });
    // A malformed day is refused in Chinese, not thrown at while the range is measured (found by the contract fuzz).
    expect(await station.raw(reception, 'appointments.days', { from: '2026-02-30', to: '<script>' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('counts a booking on the day it starts, up to its last minute, and masks another counsellor’s registered client', async () => {
    const { station, reception, chen, liweiId, roomA, clientId } = await setup();
    const late = (start: string) => ({ walkIn: { name: '夜间来访者', phone: '' }, counsellorId: liweiId, roomId: roomA, start, durationMinutes: 20, type: 'crisis' as const, overrideReason: '危机来电后约见' });
    await station.call(reception, 'appointments.create', late('2026-12-10T23:30'));
    await station.call(reception, 'appointments.create', late('2026-12-11T00:00'));
    await station.call(reception, 'appointments.create', { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-10T09:00', durationMinutes: 50, type: 'individual' });
    const tenth = await station.call(reception, 'appointments.days', { from: '2026-12-10', to: '2026-12-10' });
    expect(tenth.map((day) => [day.day, day.total, day.bookings.map((item) => item.start)])).toEqual([['2026-12-10', 2, ['2026-12-10T09:00', '2026-12-10T23:30']]]);
    expect(tenth[0]!.bookings[0]).toMatchObject({ who: '张三', clientId });
    const seen = await station.call(chen, 'appointments.days', { from: '2026-12-10', to: '2026-12-10' });
    expect(seen[0]!.bookings[0]).toMatchObject({ who: '（其他咨询师的来访者）', clientId: null, phone: '', mayChange: false });
  });
});

describe('more bad input', () => {
  it('refuses impossible dates, a 24:00 start, unknown follow-ups and counsellors, and series end dates out of range', async () => {
    const { station, reception, liweiId, roomA, clientId } = await setup();
    const base: Booking = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' };
    expect(await station.raw(reception, 'appointments.create', { ...base, start: '2026-02-31T09:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('日期不存在') } });
    expect(await station.raw(reception, 'appointments.create', { ...base, start: '2026-13-01T09:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await station.raw(reception, 'appointments.create', { ...base, followUpId: 999 })).toMatchObject({ ok: false, error: { message: '找不到该来访者的这条随访。' } });
    expect(await station.raw(reception, 'waitlist.add', { clientId, counsellorId: 999 })).toMatchObject({ ok: false, error: { message: '请选择启用中的咨询师。' } });
    const series = { appointment: base, everyWeeks: 1 as const };
    expect(await station.raw(reception, 'appointments.createSeries', { ...series, until: '2026-12-01' })).toMatchObject({ ok: false, error: { message: '截止日期不能早于第一次预约。' } });
    expect(await station.raw(reception, 'appointments.createSeries', { ...series, until: '2028-12-31' })).toMatchObject({ ok: false, error: { message: '截止日期过远：一个系列最多 52 次。' } });
    const one = await station.call(reception, 'appointments.createSeries', { ...series, count: 2 });
    expect(await station.raw(reception, 'appointments.updateSeries', { id: one.created[0]!.id, scope: 'all', startTime: '24:00', durationMinutes: 50, roomId: roomA, counsellorId: liweiId, overrideReason: '测试' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await station.call(reception, 'appointments.list', { from: '2026-01-01', to: '2026-12-31' })).toHaveLength(2);
  });

  it('asks once for the reason of a series outside opening hours; back-to-back opening ranges join', async () => {
    const { station, reception, liweiId, roomA, clientId } = await setup();
    const evening: Booking = { clientId, counsellorId: liweiId, roomId: roomA, start: '2026-12-07T18:00', durationMinutes: 50, type: 'individual' };
    expect(await station.raw(reception, 'appointments.createSeries', { appointment: evening, everyWeeks: 1, count: 3 })).toMatchObject({ ok: false, error: { code: 'NEEDS_REASON' } });
    expect((await station.call(reception, 'appointments.createSeries', { appointment: { ...evening, overrideReason: '来访者白天上班' }, everyWeeks: 1, count: 3 })).created).toHaveLength(3);
    const { openingHours } = await station.call(station.admin, 'settings.get', {});
    await station.call(station.admin, 'settings.update', { openingHours: [...openingHours, { weekday: 3, start: '12:00', end: '14:00' }] });
    expect(await station.raw(reception, 'appointments.create', { ...evening, start: '2026-12-09T11:30', durationMinutes: 60 })).toMatchObject({ ok: true });
  });
});

describe('property: accepted bookings never overlap', () => {
  it('for any sequence of booking attempts, no two live bookings share a counsellor, room or client at once', async () => {
    const { station, reception, liweiId, chenId, roomA, roomB, clientId } = await setup();
    const second = await station.call(reception, 'clients.register', { ...adult, name: '赵六', idNumber: '', phone: '13900000003' });
    const attempt = fc.record({
      counsellor: fc.constantFrom(liweiId, chenId),
      room: fc.constantFrom(roomA, roomB),
      client: fc.constantFrom(clientId, second.id),
      slot: fc.integer({ min: 0, max: 40 }),
      duration: fc.constantFrom(15, 30, 45, 60, 90),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { minLength: 5, maxLength: 25 }), async (attempts) => {
        const live = await station.call(reception, 'appointments.list', { from: '2026-12-14', to: '2026-12-14' });
        for (const item of live) if (item.status !== 'cancelled') await station.call(reception, 'appointments.cancel', { id: item.id, reason: '清理测试数据' });
        for (const a of attempts) {
          const minute = 9 * 60 + a.slot * 15;
          const start = `2026-12-14T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          await station.raw(reception, 'appointments.create', { clientId: a.client, counsellorId: a.counsellor, roomId: a.room, start, durationMinutes: a.duration, type: 'individual', overrideReason: '属性测试' });
        }
        const booked = (await station.call(reception, 'appointments.list', { from: '2026-12-14', to: '2026-12-14' })).filter((item) => item.status !== 'cancelled');
        for (const x of booked) {
          for (const y of booked) {
            if (x.id >= y.id || !(x.start < y.end && y.start < x.end)) continue;
            expect(x.counsellorId === y.counsellorId || x.roomId === y.roomId || x.clientId === y.clientId).toBe(false);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
