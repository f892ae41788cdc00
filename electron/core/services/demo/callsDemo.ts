import type { CallOutcome } from '../../../../shared/api/schemas/calls.js';
import type { DutyShift } from '../../../../shared/api/schemas/duty.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import { clockToMinute, minuteToClock } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import { monthStart } from './demoCalendar.js';
import { between, chance, faker, pick } from './demoRandom.js';

/** `callers`: who rings about it (本人 unless said): a parent about a child, a family member about an illness. */
type Topic = Readonly<{ problemType: string; notes: readonly string[]; callers?: readonly string[] }>;

/** What residents call a community station about, roughly as often as the 热线工作报表's columns see them (§2.1). */
const topics: readonly Topic[] = [
  { problemType: 'emotion', notes: ['近两周情绪低落、睡眠差，倾听后情绪稍缓，告知咨询室开放时间。', '因琐事烦躁易怒，想了解如何调节，介绍了放松方法。', '独自在家感到空虚，聊天后心情好转，约定需要时再来电。'] },
  { problemType: 'emotion', notes: ['考试前后焦虑心慌，给予情绪疏导，建议预约面询。', '失眠一月余，担心“得了抑郁”，解释就医指征并建议到医院睡眠门诊。'] },
  { problemType: 'family', notes: ['与儿媳相处不睦，倾诉委屈，帮助梳理沟通方式。', '照顾卧床老人身心俱疲，告知社区喘息服务与互助资源。'] },
  { problemType: 'love_marriage', notes: ['夫妻常为家务争吵，考虑分居，给予疏导并建议夫妻共同面询。', '失恋后反复回想，影响工作，倾听并建议预约咨询。'] },
  { problemType: 'child_education', callers: ['family'], notes: ['孩子沉迷手机、不愿上学，家长焦虑，讲解沟通要点并建议联系学校心理老师。', '孩子升初中后情绪波动大，家长咨询如何陪伴。'] },
  { problemType: 'interpersonal', notes: ['与同事关系紧张，感到被孤立，帮助分析可尝试的做法。', '与邻居因噪音起纠纷，情绪激动，疏导后告知人民调解渠道。'] },
  { problemType: 'study_work_stress', notes: ['工作压力大、加班多，身心疲惫，介绍减压方法并建议预约面询。', '待业半年，自觉没用，倾听并告知就业服务站信息。'] },
  { problemType: 'mental_illness', callers: ['family'], notes: ['家属询问亲人疑似精神疾病如何就医，告知区精神卫生中心门诊与 12356 热线。', '精神障碍患者家属照护压力大，告知家属支持小组与社区随访安排。'] },
  { problemType: 'physical_health', notes: ['慢病多年，担心拖累家人，情绪低落，给予支持并建议与医生沟通治疗。'] },
  { problemType: 'sexuality', notes: ['对性取向感到困惑，不愿面谈，电话中给予接纳与科普，提供可信资源。'] },
  { problemType: 'emotion', callers: ['friend', 'colleague'], notes: ['担心朋友近来情绪低落、闭门不出，询问如何劝其求助，讲解陪伴要点与求助渠道。'] },
  { problemType: 'other', callers: ['self', 'family', 'other'], notes: ['咨询心理咨询室的预约方式与费用，已说明免费并登记预约意向。', '询问心理测评能否出具证明，说明测评用途与范围。'] },
];

/** A registered client who calls the station they already know, told as a note that fits any age. */
const knownNotes = ['本站来访者来电，近日情绪波动，疏导后约定下次面询时间。', '本站来访者来电诉说近况，情绪平稳，提醒按时复诊。', '本站来访者来电询问咨询师排班，顺带倾诉压力，已转告其咨询师。'];
const difficultNotes = ['来电者情绪激动，反复指责他人，多次打断，耐心倾听后情绪缓和。', '来电者要求接线员替其“讨说法”，说明服务范围后仍反复纠缠，按困难来电规范处理。'];

/** Older 高危 calls: what the person on the line did, recorded as the call's outcome (the crisis protocol then ran outside the app). */
const highRiskPast: ReadonlyArray<readonly [CallOutcome, string]> = [
  ['police', '来电者称已写好遗书、身处楼顶，持续通话稳定情绪，同时报警，民警到场后结束通话。'],
  ['ambulance', '来电者称已服下大量药物，问清地址后拨打 120，陪伴通话至救护车到达。'],
  ['referred', '来电者近期有轻生念头、无具体计划，评估后转介区精神卫生中心急诊，次日电话回访已就诊。'],
  ['counselled', '来电者一时冲动说“不想活了”，深入评估无计划与工具，疏导后情绪平复，约定次日回访并告知 12356。'],
];
const highRiskNow = '来电者称连日失眠、觉得活着没有意义，已想好轻生方式，持续通话稳定情绪并问清其所在位置，同时报警，并请社区网格员陪同民警上门。';

/** A time within the shift for a call of `minutes`, on the five minutes the form offers. */
function startWithin(shift: Readonly<{ startTime: string; endTime: string }>, minutes: number): string {
  const latest = Math.max(clockToMinute(shift.startTime), clockToMinute(shift.endTime) - minutes);
  return minuteToClock(Math.floor(between(clockToMinute(shift.startTime), latest) / 5) * 5);
}

/**
 * A year of 热线/电话咨询登记 up to yesterday, consistent with the duty roster (seed the duty ledger first): about three
 * calls a week, each taken by whoever was on duty in that shift (the front desk included) and written through the
 * calls handlers. A few callers are registered clients, two of them calling again and again (反复来电); some calls are
 * 困难来电; a 高危 call every couple of months records what was done (报警/120/转介/疏导). With `opensCrisis`, the latest
 * 高危 call falls in the last working days and its crisis record is opened through calls.openCrisis — as it would be,
 * now; an older one would get a crisis dated today, out of time, so the older ones keep only their outcome.
 */
export async function seedCallsDemo(
  handlers: Handlers,
  admin: Session,
  today: string,
  options: Readonly<{ opensCrisis: boolean; registered: (ids: readonly number[]) => ReadonlyMap<number, string> }>,
): Promise<number> {
  faker.seed(20261205);
  const adults = (await handlers['clients.search']({ query: '', reachedOnly: false, limit: 100, offset: 0 }, admin)).rows.filter((row) => (row.age ?? 0) >= 18).map((row) => row.id);
  const since = options.registered(adults);
  const known = (day: string) => adults.filter((id) => localDay(new Date(since.get(id) ?? '')) < day);
  const repeatCallers = adults.slice(0, 2);
  const shifts: DutyShift[] = [];
  for (let monthsBack = 11; monthsBack >= 0; monthsBack -= 1) {
    const { shifts: month } = await handlers['duty.month']({ month: monthStart(today, monthsBack).slice(0, 7) }, admin);
    shifts.push(...month.filter((shift) => shift.date < today && shift.date >= addDays(today, -365)));
  }
  // The latest 高危 call: on one of the last few shifts, so a crisis opened for it now is opened in time; the others
  // come a week or more before it, as the rare calls they are.
  const crisisShift = shifts.at(-between(1, 4));
  const quietFrom = addDays(today, -7);
  const called = new Set<number>();
  let made = 0;
  for (const shift of shifts) {
    const highRisk = shift === crisisShift || (shift.date < quietFrom && chance(0.012));
    if (!highRisk && !chance(0.3)) continue;
    // A 高危 caller is a stranger on the line (the crisis record names them by the call); others may be known.
    const pool = highRisk ? [] : known(shift.date);
    const repeat = repeatCallers.find((id) => pool.includes(id) && chance(0.15));
    const clientId = repeat ?? (pool.length > 0 && chance(0.08) ? pick(pool) : null);
    const topic = pick(topics);
    const difficult = !highRisk && chance(0.07);
    const [outcome, note] =
      shift === crisisShift ? (['police', highRiskNow] as const)
      : highRisk ? pick(highRiskPast)
      : difficult ? (['counselled', pick(difficultNotes)] as const)
      : clientId !== null ? ([pick(['counselled', 'station_case'] as const), pick(knownNotes)] as const)
      : ([chance(0.85) ? 'counselled' : 'referred', pick(topic.notes)] as const);
    const durationMinutes = highRisk ? between(35, 90) : difficult ? between(20, 50) : between(8, 40);
    const call = await handlers['calls.create'](
      {
        date: shift.date,
        startTime: startWithin(shift, durationMinutes),
        durationMinutes,
        takenBy: shift.onDuty.id,
        callerType: clientId !== null || highRisk ? 'self' : pick(topic.callers ?? ['self']),
        problemType: highRisk ? 'emotion' : clientId !== null ? pick(['emotion', 'interpersonal', 'other']) : topic.problemType,
        highRisk,
        difficult,
        repeatCaller: repeat !== undefined && called.has(repeat),
        outcome,
        note,
        clientId,
      },
      admin,
    );
    if (repeat !== undefined) called.add(repeat);
    if (shift === crisisShift && options.opensCrisis) await handlers['calls.openCrisis']({ id: call.id, location: '' }, admin);
    made += 1;
  }
  return made;
}
