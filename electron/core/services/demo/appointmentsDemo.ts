import type { Session } from '../../auth/sessionStore.js';
import { AppError } from '../../errors.js';
import type { Handlers } from '../../handlerTable.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { toMinute, weekdayOf } from '../../../../shared/domain/localTime.js';
import type { Db } from '../../db/driver.js';
import { insertAppointment } from '../../repositories/appointmentsRepo.js';

const demoRooms = [
  { name: '个体咨询室一（演示）', kind: 'counselling' },
  { name: '个体咨询室二（演示）', kind: 'counselling' },
  { name: '沙盘室（演示）', kind: 'sandplay' },
] as const;

/** Mon–Fri mornings and afternoons, as the demo station's opening hours say. */
const workingSlots = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '14:00', end: '17:30' },
]);

const dailyTimes = ['09:00', '10:30', '14:30'];

/**
 * Two weeks of bookings (this week and next) for each counsellor's open cases, made through the
 * same handlers and checks as the calendar: holidays and clashes are skipped, not forced. Bookings
 * already past are closed the way a station would: most completed into a session draft, some 爽约.
 */
export async function seedAppointmentsDemo(handlers: Handlers, admin: Session, counsellorIds: readonly number[], today: string): Promise<number> {
  let rooms = [] as Array<{ id: number }>;
  for (const room of demoRooms) rooms = await handlers['rooms.add']({ ...room }, admin);
  for (const userId of counsellorIds) await handlers['availability.set']({ userId, slots: workingSlots }, admin);

  const openCases = (await handlers['cases.list']({ status: 'open', query: '', limit: 200, offset: 0 }, admin)).rows;
  const monday = addDays(today, 1 - weekdayOf(today));
  let made = 0;
  for (const [index, counsellorId] of counsellorIds.entries()) {
    const clients = openCases.filter((item) => item.counsellorId === counsellorId).map((item) => item.clientId);
    let next = 0;
    for (let offset = 0; offset < 12; offset += 1) {
      const day = addDays(monday, offset);
      if (weekdayOf(day) > 5) continue;
      for (const time of dailyTimes) {
        const clientId = clients[next++ % Math.max(clients.length, 1)];
        if (clientId === undefined) continue;
        const start = `${day}T${time}`;
        const booked = await bookQuietly(handlers, admin, { clientId, counsellorId, roomId: rooms[index % rooms.length]!.id, start });
        if (!booked) continue;
        made += 1;
        if (day >= today) continue;
        if (next % 7 === 0) await handlers['appointments.setStatus']({ id: booked, status: 'no_show' }, admin);
        else await handlers['appointments.complete']({ id: booked }, admin);
      }
    }
  }
  return made;
}

async function bookQuietly(handlers: Handlers, admin: Session, slot: { clientId: number; counsellorId: number; roomId: number; start: string }): Promise<number | null> {
  try {
    const record = await handlers['appointments.create']({ ...slot, durationMinutes: 50, type: 'individual', notes: '', overrideReason: '', confirmHoliday: false, confirmPast: true }, admin);
    return record.id;
  } catch (error) {
    // Official holidays and a client already booked elsewhere are simply left free in the demo.
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * The benchmark's busy station: `count` bookings on working days going back from `today`, spread
 * over the given counsellors and rooms, written straight to the table in one transaction (the
 * checks are what the benchmark measures, so they are not used to build its data).
 */
export function seedAppointmentVolume(db: Db, scale: { count: number; counsellorIds: readonly number[]; roomIds: readonly number[]; today: string; createdBy: number; at: string }): number {
  const perDay = scale.counsellorIds.length * dailyVolumeTimes.length;
  let day = scale.today;
  let made = 0;
  while (made < scale.count) {
    day = addDays(day, -1);
    if (weekdayOf(day) > 5) continue;
    for (let slot = 0; slot < perDay && made < scale.count; slot += 1, made += 1) {
      const startMinute = toMinute(`${day}T${dailyVolumeTimes[slot % dailyVolumeTimes.length]!}`);
      const lane = Math.floor(slot / dailyVolumeTimes.length);
      insertAppointment(
        db,
        {
          seriesId: null,
          clientId: null,
          walkInName: `来访者${made % 5000}`,
          walkInPhone: '',
          counsellorId: scale.counsellorIds[lane]!,
          roomId: scale.roomIds[lane % scale.roomIds.length]!,
          startMinute,
          endMinute: startMinute + 50,
          type: 'individual',
          notes: '',
          overrideReason: '',
          followUpId: null,
        },
        scale.createdBy,
        scale.at,
      );
    }
  }
  return made;
}

const dailyVolumeTimes = ['08:30', '09:30', '10:30', '11:30', '14:00', '15:00', '16:00', '17:00'];
