import { addDays } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import type { DemoStaff } from './activitiesDemo.js';
import { monthStart } from './demoCalendar.js';

/**
 * The demo station's team in the people ledger (人员台账): its four accounts, a psychiatrist seconded one morning a
 * week, and two residents who volunteer. One certificate expires within the reminder window, so the 站长's home page
 * shows the reminder; monthly supervision for the counsellors, trainings each quarter, volunteers' hours at the
 * month's 讲座. Written through the same handlers and checks as the screens.
 */
export async function seedPeopleDemo(handlers: Handlers, admin: Session, staff: DemoStaff, today: string): Promise<void> {
  const [first, second] = staff.counsellorIds;
  const opened = addDays(today, -400);
  const team = [
    { name: '王海燕', gender: 'female', employment: 'fulltime', organisation: '胜利路街道办事处', position: '站长', userId: staff.adminId, qualification: ['social_worker', '中级', null] },
    { name: '李明', gender: 'male', employment: 'parttime', fte: 0.6, organisation: '永川区精神卫生中心', position: '驻站心理咨询师', userId: first ?? null, qualification: ['counsellor', '二级', addDays(today, 40)] },
    { name: '陈静', gender: 'female', employment: 'fulltime', organisation: '阳光社区居委会', position: '社工', userId: second ?? null, qualification: ['social_worker', '初级', null] },
    { name: '刘芳', gender: 'female', employment: 'fulltime', organisation: '阳光社区居委会', position: '前台接待', userId: staff.receptionIds[0] ?? null, qualification: null },
    { name: '周建国', gender: 'male', employment: 'parttime', fte: 0.1, organisation: '永川区人民医院精神科', position: '精神科医师（每周一上午坐诊）', userId: null, qualification: ['psychiatrist', '主治医师', addDays(today, 900)] },
    { name: '张桂兰', gender: 'female', employment: 'volunteer', organisation: '阳光社区', position: '心理志愿者', userId: null, qualification: null },
    { name: '何晓东', gender: 'male', employment: 'volunteer', organisation: '重庆文理学院', position: '大学生志愿者', userId: null, qualification: null },
  ] as const;
  const ids: number[] = [];
  for (const [index, member] of team.entries()) {
    const { qualification, ...person } = member;
    const phone = `1380000${String(1000 + index * 37).padStart(4, '0')}`;
    const created = await handlers['people.create']({ fte: null, leftOn: null, note: '', ...person, phone, joinedOn: opened }, admin);
    ids.push(created.id);
    if (qualification) {
      const [kind, level, expiresOn] = qualification;
      await handlers['people.saveQualification']({ personId: created.id, kind, level, certificateNo: `演示-${1000 + index}`, issuedOn: addDays(opened, -800), expiresOn }, admin);
    }
  }
  const [, liming, chenjing, , , zhang, he] = ids as [number, number, number, number, number, number, number];
  const lectures = await handlers['activities.list']({ from: addDays(today, -366), to: today, type: 'lecture' }, admin);
  for (let index = 0; index < 12; index += 1) {
    const month = monthStart(today, 11 - index);
    const day = addDays(month, 14);
    if (day > today || day < opened) continue;
    for (const counsellor of [liming, chenjing]) {
      await handlers['people.addTraining']({ personId: counsellor, kind: 'supervision', date: day, topic: '个案督导（团体）', provider: '区社会心理服务指导中心督导组', hours: 2 }, admin);
    }
    if (index % 3 === 0) {
      await handlers['people.addTraining']({ personId: chenjing, kind: 'training', date: addDays(day, 3), topic: ['危机干预与自杀风险评估', '社区心理服务规范', '常用心理量表的使用'][index / 3] ?? '心理健康科普技巧', provider: '区卫生健康委', hours: 6 }, admin);
    }
    const lecture = lectures.find((activity) => activity.date.slice(0, 7) === month.slice(0, 7) && activity.status === 'done');
    if (lecture) {
      await handlers['people.addServiceHours']({ personId: index % 2 === 0 ? zhang : he, date: lecture.date, hours: 3, activityId: lecture.id, note: '讲座签到与引导' }, admin);
    }
  }
}
