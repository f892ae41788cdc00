import type { ActivityOutputs } from '../../../../shared/api/schemas/activities.js';
import { addDays } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import type { Handlers } from '../../handlerTable.js';
import { insertActivity, replaceActivityLinks } from '../../repositories/activitiesRepo.js';
import { monthStart, weekday } from './demoCalendar.js';
import { between, faker, pick } from './demoRandom.js';

export type DemoStaff = Readonly<{ adminId: number; counsellorIds: readonly number[]; receptionIds: readonly number[] }>;

type Plan = Readonly<{
  type: string;
  targets: string[];
  theme: string;
  location: string;
  partners: string[];
  times: readonly [string, string];
  staff: number[];
  /** Participants and outputs once held. */
  held: () => { participantCount: number; outputs: ActivityOutputs };
}>;

/** Where a 讲座 goes, by "五进" target (seeds/003): the place, the unit that hosts it and themes that fit its audience. */
const lectureVenues = [
  { target: 'school', location: '胜利路小学多功能厅', partner: '胜利路小学（演示）', themes: ['小学生情绪管理', '考前压力调适', '如何与孩子谈手机使用'] },
  { target: 'enterprise', location: '工业园区职工之家', partner: '园区工会（演示）', themes: ['职场压力与睡眠', '新市民的城市适应', '班组长的沟通技巧'] },
  { target: 'village', location: '石桥村村民活动室', partner: '石桥村村委会（演示）', themes: ['留守老人的心理关爱', '识别抑郁，及早求助', '家庭和睦与代际沟通'] },
  { target: 'community', location: '阳光社区服务中心二楼', partner: '阳光社区居委会（演示）', themes: ['更年期的身心变化', '隔代养育的烦恼', '居家养老与情绪健康'] },
  { target: 'government', location: '街道办事处会议室', partner: '胜利路街道办事处（演示）', themes: ['基层干部心理减压', '信访接待中的情绪沟通'] },
] as const;

const postThemes = ['春节返乡的家庭相处', '开学季的分离焦虑', '睡不好怎么办', '5·25 心理健康日：学会求助', '高考前的陪伴', '暑期亲子相处', '秋季情绪低落的识别', '10·10 世界精神卫生日', '年终压力自查'];

const noOutputs: ActivityOutputs = { materials: 0, displays: 0, consultDesk: false, householdVisits: 0, onlineReach: null, onlineReachEstimated: false };

/**
 * A year of the activities ledger up to today, as a community station keeps it (station-work-and-reporting.md
 * §1.3; seeds/003 "五进"): a 讲座 every month rotating through the five targets, 团体辅导 and 沙盘体验 now and then,
 * a 心理体检 at the industrial park each quarter, a 线上科普推文 a month (reach estimated), 宣传 and a 咨询台 on
 * 5·25 and 10·10, and the next weeks' plans. Written through the same handlers and checks as the screens.
 */
export async function seedActivitiesDemo(handlers: Handlers, admin: Session, staff: DemoStaff, today: string): Promise<number> {
  faker.seed(20261201);
  const [first, second] = [staff.counsellorIds[0] ?? staff.adminId, staff.counsellorIds[1] ?? staff.adminId];
  const desk = [staff.adminId, ...staff.receptionIds];
  const plans: Array<Readonly<{ day: string; plan: Plan }>> = [];
  for (let monthsBack = 11; monthsBack >= 0; monthsBack -= 1) {
    const month = monthStart(today, monthsBack);
    const monthNumber = Number(month.slice(5, 7));
    const venue = lectureVenues[(12 - monthsBack) % lectureVenues.length]!;
    plans.push({ day: weekday(addDays(month, between(10, 20))), plan: lecture(venue, monthsBack % 2 === 0 ? first : second) });
    plans.push({
      day: weekday(addDays(month, 7)),
      plan: {
        type: 'online_post',
        targets: [],
        theme: postThemes[(monthNumber - 1) % postThemes.length]!,
        location: '社区微信公众号',
        partners: [],
        times: ['10:00', '10:30'],
        staff: [second],
        held: () => ({ participantCount: 0, outputs: { ...noOutputs, onlineReach: between(300, 1800), onlineReachEstimated: true } }),
      },
    });
    if (monthsBack % 2 === 1) plans.push({ day: weekday(addDays(month, 24)), plan: groupCounselling(first, second) });
    if (monthNumber % 3 === 0) plans.push({ day: weekday(addDays(month, 16)), plan: checkup(first, second) });
    if (monthNumber === 5) plans.push({ day: weekday(`${month.slice(0, 8)}25`), plan: mentalHealthDay('5·25 心理健康日宣传', desk) });
    if (monthNumber === 10) plans.push({ day: weekday(`${month.slice(0, 8)}10`), plan: mentalHealthDay('世界精神卫生日宣传咨询', desk) });
  }
  plans.push({ day: weekday(addDays(today, 9)), plan: { ...groupCounselling(first, second), theme: '亲子沟通工作坊（第 1 次）' } });
  plans.push({ day: weekday(addDays(today, 16)), plan: sandplayDay(first) });

  let made = 0;
  for (const { day, plan } of plans.sort((a, b) => a.day.localeCompare(b.day))) {
    const held = day < today;
    await handlers['activities.create'](
      {
        type: plan.type,
        outreachTargets: plan.targets,
        theme: plan.theme,
        date: day,
        startTime: plan.times[0],
        endTime: plan.times[1],
        location: plan.location,
        partnerUnits: plan.partners,
        staffIds: plan.staff,
        volunteers: [],
        rosterClientIds: [],
        summary: held ? '活动按计划开展，现场秩序良好，发放资料并解答居民咨询。' : '',
        status: held ? 'done' : 'planned',
        ...(held ? plan.held() : { participantCount: null, outputs: noOutputs }),
      },
      admin,
    );
    made += 1;
  }
  return made;
}

function lecture(venue: (typeof lectureVenues)[number], speaker: number): Plan {
  return {
    type: 'lecture',
    targets: [venue.target],
    theme: pick(venue.themes),
    location: venue.location,
    partners: [venue.partner],
    times: ['14:30', '16:00'],
    staff: [speaker],
    held: () => ({ participantCount: between(25, 110), outputs: { ...noOutputs, materials: between(40, 150), displays: 1 } }),
  };
}

function groupCounselling(first: number, second: number): Plan {
  return {
    type: 'group_counselling',
    targets: ['community'],
    theme: pick(['情绪管理团体辅导', '单亲妈妈支持小组', '老年人生命回顾团体']),
    location: '阳光社区服务中心团体辅导室',
    partners: [],
    times: ['09:30', '11:00'],
    staff: [first, second],
    held: () => ({ participantCount: between(6, 12), outputs: noOutputs }),
  };
}

function checkup(first: number, second: number): Plan {
  return {
    type: 'checkup',
    targets: ['enterprise'],
    theme: '职工心理健康体检',
    location: '工业园区职工之家',
    partners: ['园区工会（演示）'],
    times: ['09:00', '11:30'],
    staff: [first, second],
    held: () => ({ participantCount: between(40, 90), outputs: { ...noOutputs, materials: between(40, 90) } }),
  };
}

function mentalHealthDay(theme: string, desk: number[]): Plan {
  return {
    type: 'publicity',
    targets: ['community'],
    theme,
    location: '阳光社区广场',
    partners: ['阳光社区居委会（演示）', '社区卫生服务站（演示）'],
    times: ['09:00', '11:30'],
    staff: desk,
    held: () => ({ participantCount: between(120, 300), outputs: { ...noOutputs, materials: between(200, 500), displays: 3, consultDesk: true, householdVisits: between(0, 20) } }),
  };
}

function sandplayDay(first: number): Plan {
  return {
    type: 'sandplay',
    targets: ['school'],
    theme: '小学生沙盘体验日',
    location: '阳光社区服务中心沙盘室',
    partners: ['胜利路小学（演示）'],
    times: ['14:00', '16:00'],
    staff: [first],
    held: () => ({ participantCount: between(10, 20), outputs: noOutputs }),
  };
}

/**
 * A busy station's outreach beside the ledger's yearly rhythm (issue 15's large demo: 5,000 activities in ten years, about
 * two a working day): 讲座 through the five targets, 心理体检, 沙盘体验 and 宣传咨询 days, done on weekdays spread over the
 * years before `today`, written straight into the ledger's tables (the handlers would take minutes for thousands).
 */
export function seedActivityVolume(db: Db, volume: Readonly<{ count: number; years: number; today: string; staff: DemoStaff; at: string }>): number {
  faker.seed(20261202);
  const [first, second] = [volume.staff.counsellorIds[0] ?? volume.staff.adminId, volume.staff.counsellorIds[1] ?? volume.staff.adminId];
  const desk = [volume.staff.adminId, ...volume.staff.receptionIds];
  const days = volume.years * 365;
  for (let index = 0; index < volume.count; index += 1) {
    const venue = lectureVenues[index % lectureVenues.length]!;
    const plan: Plan =
      index % 4 === 0
        ? lecture(venue, index % 8 === 0 ? first : second)
        : index % 4 === 1
          ? checkup(first, second)
          : index % 4 === 2
            ? sandplayDay(first)
            : mentalHealthDay('社区心理健康宣传咨询', desk);
    const day = weekday(addDays(volume.today, -1 - Math.floor(((index + 0.5) * days) / volume.count)));
    const id = insertActivity(
      db,
      {
        type: plan.type,
        theme: plan.theme,
        date: day < volume.today ? day : addDays(day, -7),
        startTime: plan.times[0],
        endTime: plan.times[1],
        location: plan.location,
        partnerUnits: plan.partners,
        volunteers: [],
        summary: '活动按计划开展，现场秩序良好，发放资料并解答居民咨询。',
        status: 'done',
        ...plan.held(),
      },
      volume.staff.adminId,
      volume.at,
    );
    replaceActivityLinks(db, id, { outreachTargets: plan.targets, staffIds: plan.staff, rosterClientIds: [] });
  }
  return volume.count;
}
