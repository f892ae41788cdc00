import { minuteToClock, clockToMinute } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import type { DemoStaff } from './activitiesDemo.js';
import { monthStart } from './demoCalendar.js';
import { between, chance, faker, pick } from './demoRandom.js';

const events = [
  '开门检查设备与场地，整理预约登记。',
  '接待居民咨询预约流程，发放心理健康宣传资料。',
  '接听咨询电话，登记预约需求。',
  '协助咨询师准备咨询室，整理来访登记表。',
  '整理宣传资料与书籍借阅登记。',
  '核对本周预约，电话提醒来访者。',
];
const incidents = ['一名居民在候访区情绪激动，已安抚并报告站长。', '咨询室空调故障，已报物业维修。', '停电约 20 分钟，已登记并检查设备。'];
const handovers = ['下午有预约来访，请提前开启咨询室。', '宣传资料余量不多，需补印。', '明日团体辅导，请提前布置团辅室。', '咨询电话已转接值班手机。', ''];

/** A time a few minutes off the rostered one, as people really come and go (never before 08:00 nor past 18:00). */
const jitter = (clock: string, range: number) => minuteToClock(Math.min(Math.max(clockToMinute(clock) + between(-range, range), 480), 1080));

/**
 * The duty ledger of a year up to today's month (station-work-and-reporting.md §1.3 值班安排表, 值班记录): each month's
 * roster from a weekly pattern (mornings 9–12 and afternoons 14–17:30 on working days, the station calendar's
 * holidays left out), the four staff taking turns, the front desk among them; a log for almost every past shift,
 * with the visitors and calls received and now and then an incident. Written through the duty handlers.
 */
export async function seedDutyDemo(handlers: Handlers, admin: Session, staff: DemoStaff, today: string): Promise<number> {
  faker.seed(20261202);
  const people = [staff.adminId, ...staff.counsellorIds, ...staff.receptionIds];
  let logs = 0;
  for (let monthsBack = 11; monthsBack >= 0; monthsBack -= 1) {
    const month = monthStart(today, monthsBack).slice(0, 7);
    const pattern = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, onDutyId: people[(weekday + monthsBack) % people.length]!, startTime: '09:00', endTime: '12:00' },
      { weekday, onDutyId: people[(weekday + monthsBack + 2) % people.length]!, startTime: '14:00', endTime: '17:30' },
    ]);
    await handlers['duty.repeatWeek']({ month, pattern, skipHolidays: true }, admin);
    const { shifts } = await handlers['duty.month']({ month }, admin);
    for (const shift of shifts.filter((item) => item.date < today)) {
      // Now and then a log is not written: the actual hours fall a little short of the roster.
      if (chance(0.03)) continue;
      await handlers['duty.writeLog'](
        {
          onDutyId: shift.onDuty.id,
          date: shift.date,
          startTime: jitter(shift.startTime, 10),
          endTime: jitter(shift.endTime, 10),
          visitorsReceived: between(0, 6),
          callsReceived: between(0, 4),
          events: pick(events),
          incidents: chance(0.04) ? pick(incidents) : '',
          handover: pick(handovers),
        },
        admin,
      );
      logs += 1;
    }
  }
  return logs;
}
