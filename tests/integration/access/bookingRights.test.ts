import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { adult } from '../helpers/clients.js';
import { createStation, manualClock, type Station } from '../helpers/station.js';

type Booking = MethodInput<'appointments.create'>;
const masked = { who: '（其他咨询师的来访者）', clientId: null, notes: '' };

/** Issue 9 §3.1: changing a booking is held to the same line as seeing it. One station for the file. */
describe('booking rights', () => {
  let station: Station;
  let liwei: string;
  let chen: string;
  let reception: string;
  let liweiId: number;
  let chenId: number;
  let clientId: number;
  let base: Booking;

  beforeAll(async () => {
    // Monday 2026-11-23, so the bookings in December stay in the future whenever this runs.
    station = await createStation({ clock: manualClock().clock });
    [liwei, chen, reception] = [await station.addUser('liwei', 'counsellor'), await station.addUser('chen', 'counsellor'), await station.addUser('qiantai', 'reception')];
    const staff = await station.call(station.admin, 'users.directory', {});
    [liweiId, chenId] = ['liwei', 'chen'].map((name) => staff.find((user) => user.displayName === name)!.id) as [number, number];
    const roomId = (await station.call(station.admin, 'rooms.add', { name: '咨询室一', kind: 'counselling' }))[0]!.id;
    clientId = (await station.call(reception, 'clients.register', adult)).id;
    await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' });
    base = { clientId, counsellorId: liweiId, roomId, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual', notes: '自伤风险，需陪同' };
  });
  afterAll(() => station.dispose());

  it('another counsellor can neither change a booking nor read its client through the answer; its counsellor, reception and the 站长 can', async () => {
    const booking = await station.call(reception, 'appointments.create', base);
    const series = await station.call(reception, 'appointments.createSeries', { appointment: { ...base, start: '2026-12-14T09:00' }, everyWeeks: 1, count: 3 });
    const walkIn = await station.call(reception, 'appointments.create', { ...base, clientId: undefined, walkIn: { name: '赵临时', phone: '13900001111' }, start: '2026-12-08T09:00' });
    const attempts = [
      ['appointments.move', { id: booking.id, start: '2026-12-07T14:00' }],
      ['appointments.setStatus', { id: booking.id, status: 'arrived' }],
      ['appointments.cancel', { id: booking.id, reason: '改期' }],
      ['appointments.updateSeries', { id: series.created[0]!.id, scope: 'all', startTime: '15:00', durationMinutes: 50, roomId: base.roomId, counsellorId: base.counsellorId }],
      ['appointments.linkClient', { id: walkIn.id, clientId }],
      ['appointments.create', { ...base, start: '2026-12-09T09:00' }],
    ] as const;
    for (const [method, input] of attempts) {
      const result = await station.raw(chen, method, input as never);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(result), method).not.toContain('张三');
    }
    // Nothing changed.
    expect((await station.call(liwei, 'appointments.list', { from: '2026-12-07', to: '2026-12-07' }))[0]).toMatchObject({ start: '2026-12-07T09:00', status: 'booked' });
    // The booking's own counsellor, reception and the 站长 keep their calendar rights.
    // The client file's phone comes with the booking (the front desk's day sheet prints it).
    expect(await station.call(liwei, 'appointments.move', { id: booking.id, start: '2026-12-07T14:00' })).toMatchObject({ who: '张三', phone: adult.phone, start: '2026-12-07T14:00' });
    expect(await station.call(reception, 'appointments.setStatus', { id: booking.id, status: 'arrived' })).toMatchObject({ status: 'arrived' });
    expect(await station.call(station.admin, 'appointments.cancel', { id: series.created[2]!.id, reason: '改期' })).toHaveLength(1);
    // A counsellor's own booking with a client they do not reach: allowed, and the answer is theirs.
    const own = await station.call(chen, 'appointments.create', { ...base, counsellorId: chenId, start: '2026-12-10T09:00' });
    expect(own).toMatchObject({ who: '张三' });
  });

  it('answers are masked like the calendar: a booking moved onto a colleague\'s calendar shows as occupied', async () => {
    const mine = await station.call(chen, 'appointments.create', { ...base, clientId: undefined, walkIn: { name: '钱七', phone: '13900002222' }, counsellorId: chenId, start: '2026-12-07T10:00' });
    expect(mine).toMatchObject({ who: '钱七', walkInPhone: '13900002222', phone: '13900002222' });
    const moved = await station.call(chen, 'appointments.move', { id: mine.id, start: '2026-12-07T11:00', counsellorId: liweiId });
    expect(moved).toMatchObject({ ...masked, walkInPhone: '', phone: '', counsellorId: liweiId, start: '2026-12-07T11:00' });
  });

  it('a counsellor closes waiting-list entries for themselves, for anyone, or for clients they reach only', async () => {
    const list = await station.call(reception, 'waitlist.add', { clientId, counsellorId: liweiId, note: '希望周末' });
    const entry = list[0]!;
    expect(await station.raw(chen, 'waitlist.close', { id: entry.id, status: 'removed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.call(liwei, 'waitlist.close', { id: entry.id, status: 'booked' })).toHaveLength(0);
  });

  it('booking a follow-up of a client the counsellor does not reach is refused alike, whatever the follow-up\'s state', async () => {
    await station.call(liwei, 'risk.grade', { clientId, level: 'yellow', reason: '睡眠差', evidence: 'disclosure' });
    const due = async () => (await station.call(liwei, 'followUps.list', { scope: 'client', clientId })).find((item) => item.status === 'due')!.id;
    const recorded = await due();
    await station.call(liwei, 'followUps.record', { followUpId: recorded, doneOn: '2026-11-23', method: 'phone', participants: [], findings: '情况稳定', reassessedLevel: 'yellow' });
    const booked = await due();
    await station.call(liwei, 'appointments.bookFollowUp', { followUpId: booked });
    // The answer to a colleague is the same refusal for a recorded and a booked follow-up: it tells nothing of them.
    for (const followUpId of [recorded, booked]) {
      expect(await station.raw(chen, 'appointments.bookFollowUp', { followUpId }), `follow-up ${followUpId}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Its own counsellor still hears why it cannot be booked.
    expect(await station.raw(liwei, 'appointments.bookFollowUp', { followUpId: recorded })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
