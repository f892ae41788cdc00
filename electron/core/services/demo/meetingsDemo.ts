import type { MeetingInput } from '../../../../shared/api/schemas/meetings.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { ruleTemplates } from '../../../../shared/domain/ruleTemplates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import type { DemoStaff } from './activitiesDemo.js';
import { monthStart, weekday } from './demoCalendar.js';
import { chance, faker, pick } from './demoRandom.js';

type Decision = Readonly<{ text: string; responsibleId: number; afterDays: number }>;
type Plan = Readonly<{
  kind: string;
  day: string;
  times: readonly [string, string];
  location: string;
  staffIds: number[];
  outside: string[];
  agenda: string;
  minutes: string;
  decisions: Decision[];
  caseId?: number;
}>;

const supervisionTopics = ['咨询关系中的边界', '来访者阻抗的理解与回应', '危机评估的提问方式', '青少年个案中与家长的沟通', '老年来访者的哀伤辅导', '咨询师的自我照顾', '转介时机的把握', '短程焦点解决技术的运用', '家庭治疗视角下的亲子冲突', '睡眠问题的认知行为干预', '来访者脱落的原因分析', '团体辅导中的冲突处理'];
const staffTopics = ['寒暑假青少年服务安排', '心理体检组织分工', '热线值班排班', '重点人群排查进度', '宣传资料补充', '个案档案整理与自查', '迎检材料准备', '志愿者培训安排'];
const leaders = ['街道党工委委员（领导小组组长，演示）', '街道卫健办负责人（演示）', '街道平安办负责人（演示）', '司法所负责人（演示）', '社区卫生服务中心负责人（演示）'];

/**
 * A year of the meetings ledger up to today, as a community station keeps it: a 工作例会 and a 督导 every month, a
 * 领导小组会议 every half year (seeds/003 附件3: "每半年至少召开1次…领导小组会议"), a 联席会议 on the people at risk,
 * and a 个案研讨 linked to one of the first counsellor's cases; meetings that fall after today are plans without
 * minutes. Written through the same handlers and checks as the screens.
 */
export async function seedMeetingsDemo(handlers: Handlers, admin: Session, staff: DemoStaff, today: string): Promise<number> {
  faker.seed(20261202);
  const [first, second] = [staff.counsellorIds[0] ?? staff.adminId, staff.counsellorIds[1] ?? staff.adminId];
  const everyone = [staff.adminId, ...staff.counsellorIds, ...staff.receptionIds];
  const plans: Plan[] = [];
  for (let monthsBack = 11; monthsBack >= -1; monthsBack -= 1) {
    const month = monthStart(today, monthsBack);
    const topic = staffTopics[(monthsBack + 12) % staffTopics.length]!;
    plans.push({
      kind: 'staff',
      day: weekday(addDays(month, 2)),
      times: ['09:00', '10:00'],
      location: '咨询室会议角',
      staffIds: everyone,
      outside: [],
      agenda: `一、上月工作小结；二、本月预约与值班安排；三、${topic}`,
      minutes: `站长通报上月来访、热线和活动情况，各岗位汇报工作。围绕“${topic}”讨论分工，前台补充了预约登记中的问题。`,
      decisions: [{ text: `落实“${topic}”的分工安排`, responsibleId: pick(everyone), afterDays: 14 }],
    });
    plans.push({
      kind: 'supervision',
      day: weekday(addDays(month, 18)),
      times: ['14:00', '16:00'],
      location: '咨询室一',
      staffIds: [staff.adminId, first, second],
      outside: ['区社会心理服务中心督导师（演示）'],
      agenda: `个案督导：${supervisionTopics[(monthsBack + 12) % supervisionTopics.length]}`,
      minutes: '咨询师以化名汇报两个个案的进展，督导师就评估、干预方向和咨询师的感受逐一回应，建议对高风险个案增加随访频次。',
      decisions: chance(0.5) ? [{ text: '按督导意见调整咨询计划并记录', responsibleId: pick([first, second]), afterDays: 21 }] : [],
    });
  }
  for (const monthsBack of [10, 4]) plans.push(leadingGroup(weekday(addDays(monthStart(today, monthsBack), 12)), staff.adminId, first));
  plans.push({
    kind: 'joint',
    day: weekday(addDays(monthStart(today, 7), 8)),
    times: ['09:30', '11:00'],
    location: '街道综治中心会议室',
    staffIds: [staff.adminId, second],
    outside: ['辖区派出所社区民警（演示）', '街道民政办（演示）', '阳光社区居委会（演示）', '社区网格员代表（演示）'],
    agenda: '重点人群排查结果通报；红色、黄色预警人员的联络和转介流程',
    minutes: '通报本季度排查情况，明确网格员发现疑似心理行为问题人员后当日告知咨询室，咨询室三个工作日内联系；需要就医的由社区卫生服务中心协助转介。',
    decisions: [
      { text: '整理网格员联络名单并发至各网格', responsibleId: second, afterDays: 10 },
      { text: '起草重点人群转介流程图', responsibleId: staff.adminId, afterDays: 20 },
    ],
  });
  const discussed = await discussedCase(handlers, admin, first, addDays(today, -75));
  if (discussed) plans.push(caseDiscussion(weekday(addDays(today, -60)), [staff.adminId, first, second], first, discussed));

  let made = 0;
  for (const plan of plans.sort((a, b) => a.day.localeCompare(b.day))) {
    await handlers['meetings.create'](meetingInput(plan, today), admin);
    made += 1;
  }
  return made;
}

/** A plan as the form would send it: a meeting after today carries no minutes or decisions yet. */
function meetingInput(plan: Plan, today: string): MeetingInput {
  const held = plan.day <= today;
  return {
    kind: plan.kind,
    date: plan.day,
    startTime: plan.times[0],
    endTime: plan.times[1],
    location: plan.location,
    staffIds: plan.staffIds,
    outsideAttendees: plan.outside,
    agenda: plan.agenda,
    minutes: held ? plan.minutes : '',
    decisions: held
      ? plan.decisions.map((decision) => {
          const dueOn = addDays(plan.day, decision.afterDays);
          return { text: decision.text, responsibleId: decision.responsibleId, dueOn, done: dueOn < today && chance(0.85) };
        })
      : [],
    caseId: plan.caseId ?? null,
  };
}

function leadingGroup(day: string, adminId: number, first: number): Plan {
  return {
    kind: 'leading_group',
    day,
    times: ['15:00', '16:30'],
    location: '街道办事处三楼会议室',
    staffIds: [adminId],
    outside: leaders,
    agenda: '听取心理咨询室半年工作汇报；研究重点人群排查、经费和场地保障',
    minutes: '站长汇报半年来访、热线、宣传活动和危机干预情况。组长要求把心理服务纳入平安建设考评，各科室按职责分解表配合；平安办、司法所通报重点人员情况。',
    decisions: [
      { text: '补充心理健康宣传经费，报街道审批', responsibleId: adminId, afterDays: 30 },
      { text: '与司法所对接社区矫正人员心理评估', responsibleId: first, afterDays: 45 },
    ],
  };
}

/** The first counsellor's case opened before the day of the discussion, the one the demo's 个案研讨 is about. */
async function discussedCase(handlers: Handlers, admin: Session, counsellorId: number, openedBefore: string) {
  const cases = (await handlers['cases.list']({ status: 'all', query: '', limit: 200, offset: 0 }, admin)).rows;
  return cases.find((item) => item.counsellorId === counsellorId && item.openedOn <= openedBefore && (item.closedOn === null || item.closedOn >= openedBefore)) ?? null;
}

function caseDiscussion(day: string, staffIds: number[], counsellorId: number, discussed: { id: number; clientName: string }): Plan {
  return {
    kind: 'case_discussion',
    day,
    times: ['14:30', '16:00'],
    location: '咨询室一',
    staffIds,
    outside: ['区精神卫生中心医生（演示）'],
    agenda: '个案研讨：一名来访者近期风险评估与后续方案',
    minutes: `主责咨询师汇报${discussed.clientName}的个案进展：情绪低落加重，睡眠差。与会人员讨论风险评估结果，认为需要精神专科评估，同时增加随访频次并与家属建立联系。`,
    decisions: [
      { text: '与来访者沟通转介精神专科评估，取得同意后开具转介单', responsibleId: counsellorId, afterDays: 7 },
      { text: '随访频次调整为每周一次', responsibleId: counsellorId, afterDays: 3 },
    ],
    caseId: discussed.id,
  };
}

/** The one revision the demo station made: 预约服务 gained a clause on missed appointments. */
const appointmentRevision = '六、一个月内爽约两次以上的，由咨询师电话回访了解原因后再安排预约。';

/**
 * The station's eight 制度 of seeds/003, written from the templates and adopted on the station's opening two years
 * ago (its first cases date from then); 预约服务 revised ten months ago. Through the same handlers as the screens.
 */
export async function seedRulesDemo(handlers: Handlers, admin: Session, today: string): Promise<number> {
  const opening = weekday(monthStart(today, 25));
  for (const template of ruleTemplates) {
    const rule = await handlers['rules.create']({ templateCode: template.code, title: template.title, body: template.body }, admin);
    await handlers['rules.adopt']({ ruleId: rule.id, adoptedOn: opening }, admin);
    if (template.code !== 'appointment') continue;
    await handlers['rules.saveDraft']({ ruleId: rule.id, title: template.title, body: `${template.body}\n${appointmentRevision}` }, admin);
    await handlers['rules.adopt']({ ruleId: rule.id, adoptedOn: weekday(addDays(monthStart(today, 10), 5)) }, admin);
  }
  return ruleTemplates.length;
}
