import type { GroupRecord } from '../../../../shared/api/schemas/groups.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { expectedOn } from '../../../../shared/domain/groupRegister.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import type { DemoStaff } from './activitiesDemo.js';
import { weekday } from './demoCalendar.js';
import { between, chance, faker, pick } from './demoRandom.js';

type Plan = Readonly<{ name: string; targetGroup: string; goals: string; location: string; themes: readonly string[]; ages: readonly [number, number]; startsDaysAgo: number }>;

/** Two groups of the past year, run to the end, and one still running: the 团辅 a community station typically holds. */
const plans: readonly Plan[] = [
  {
    name: '“心晴”老年人心理支持小组',
    targetGroup: '社区独居、空巢老人',
    goals: '缓解孤独感，建立邻里支持，学会两种放松方法。',
    location: '团体辅导室',
    themes: ['相识与团体规则', '回忆往事，肯定自己', '孤独从何而来', '放松训练：腹式呼吸', '邻里互助计划', '总结与告别'],
    ages: [62, 80],
    startsDaysAgo: 270,
  },
  {
    name: '亲子沟通家长成长小组',
    targetGroup: '小学生家长',
    goals: '理解孩子的情绪，练习倾听与表达，减少亲子冲突。',
    location: '团体辅导室',
    themes: ['相识与期待', '孩子的情绪我看见', '积极倾听练习', '温和而坚定地表达', '总结与分享'],
    ages: [32, 45],
    startsDaysAgo: 150,
  },
  {
    name: '青少年情绪管理成长小组',
    targetGroup: '初中学生',
    goals: '认识情绪，学会识别身体信号和两种调节方法。',
    location: '团体辅导室',
    themes: ['相识与团体规则', '情绪的身体信号', '压力下的想法', '情绪调节工具箱', '我的支持系统', '总结与告别'],
    ages: [12, 15],
    startsDaysAgo: 24,
  },
];

const motives = ['最近常感到孤单，想多和人交流', '和孩子说话总吵起来', '考试前紧张、睡不好', '想学习调节情绪的方法', '家人建议来参加', '刚搬来社区，想认识邻居'];
const comments = ['', '', '学到了放松的方法', '大家很真诚，感觉被理解', '希望活动时间再长一点', '回家试了倾听练习，有用'];

/**
 * A year of 团体辅导 through the groups handlers, consistent with the calendar: each group signs up members (the front
 * desk takes some), admits them on the day they sign the agreement, meets weekly on a weekday afternoon, keeps each
 * register and a few anonymous feedback forms; the past groups close, one member of each withdraws or is not taken,
 * and the running group has meetings still ahead.
 */
export async function seedGroupsDemo(handlers: Handlers, admin: Session, staff: DemoStaff, today: string): Promise<number> {
  faker.seed(20261204);
  const leaders = staff.counsellorIds.length > 0 ? staff.counsellorIds : [staff.adminId];
  let meetings = 0;
  for (const [index, plan] of plans.entries()) {
    const start = weekday(addDays(today, -plan.startsDaysAgo));
    const leaderIds = [leaders[index % leaders.length]!];
    let group: GroupRecord = await handlers['groups.create']({ name: plan.name, targetGroup: plan.targetGroup, goals: plan.goals, location: plan.location, plannedSessions: plan.themes.length, capacity: 10, leaderIds }, admin);
    const signUpDay = addDays(start, -10);
    for (let person = 0; person < between(8, 10); person += 1) {
      const sex = pick(['male', 'female'] as const);
      group = await handlers['groups.signUp'](
        { groupId: group.id, name: faker.person.fullName({ sex }), gender: sex, age: between(...plan.ages), phone: `139${faker.string.numeric(8)}`, clientId: null, signedUpOn: addDays(signUpDay, between(0, 5)), motive: pick(motives) },
        admin,
      );
    }
    for (const [order, member] of group.members.entries()) {
      group = order === group.members.length - 1 ? await handlers['groups.leave']({ memberId: member.id, on: addDays(start, -2), reason: '时间与工作冲突，未能入组' }, admin) : await handlers['groups.admit']({ memberId: member.id, agreementSignedOn: addDays(start, -1) }, admin);
    }
    for (const [order, theme] of plan.themes.entries()) {
      group = await handlers['groups.addSession']({ groupId: group.id, date: addDays(start, order * 7), startTime: '15:00', endTime: '16:30', theme, location: '' }, admin);
    }
    for (const meeting of group.sessions.filter((item) => item.date < today)) {
      const expected = expectedOn(group.members, meeting.date);
      const attendance = expected.map((member, order) => ({ memberId: member.id, status: order === 0 || chance(0.85) ? ('present' as const) : pick(['excused', 'absent'] as const) }));
      group = await handlers['groups.recordAttendance']({ activityId: meeting.activityId, attendance, summary: `围绕“${meeting.theme}”开展团体活动，成员积极分享。` }, admin);
      const present = attendance.filter((row) => row.status === 'present').length;
      for (let form = 0; form < Math.min(present, between(2, 5)); form += 1) {
        const satisfaction = pick([3, 4, 4, 5, 5, 5]);
        group = await handlers['groups.addFeedback']({ activityId: meeting.activityId, satisfaction, helpfulness: Math.max(2, satisfaction - between(0, 1)), atmosphere: pick([4, 5]), recommend: satisfaction >= 4, comment: pick(comments) }, admin);
      }
      meetings += 1;
      // One member of each group stops coming half way and says so.
      if (meeting.number === 3) {
        const leaving = expectedOn(group.members, meeting.date).at(-1)!;
        group = await handlers['groups.leave']({ memberId: leaving.id, on: addDays(meeting.date, 1), reason: '家中有事，无法继续参加' }, admin);
      }
    }
    if (group.sessions.every((item) => item.status === 'done')) await handlers['groups.close']({ id: group.id }, admin);
  }
  return meetings;
}
