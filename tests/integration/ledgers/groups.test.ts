import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { readLedgerSheet } from '../helpers/workbook.js';
import { xinyi } from '../helpers/entries.js';
import { adminPassword, disposeWhenTestEnds, tempDir } from '../helpers/station.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

// The clock stands at 2026-11-23 10:00 Beijing time.
const groupOf = (leaderIds: number[]): MethodInput<'groups.create'> => ({
  name: '青少年情绪管理成长小组',
  targetGroup: '初中学生',
  goals: '认识情绪，学会两种调节方法。',
  location: '团体辅导室',
  plannedSessions: 4,
  capacity: 3,
  leaderIds,
});
const signUp = (groupId: number, name: string, extra: Partial<MethodInput<'groups.signUp'>> = {}): MethodInput<'groups.signUp'> => ({
  groupId,
  name,
  gender: 'female',
  age: 14,
  phone: '13900001111',
  signedUpOn: '2026-11-02',
  motive: '考试前紧张、睡不好',
  ...extra,
});
const meeting = (groupId: number, date: string, theme = '相识与团体规则'): MethodInput<'groups.addSession'> => ({ groupId, date, startTime: '15:00', endTime: '16:30', theme });

/** liwei's group with three sign-ups, two admitted (agreements signed on the 5th), and two meetings: the 16th and the 30th. */
async function runningGroup(setup: Setup) {
  const { station, liwei, reception } = setup;
  const ids = await userIds(setup);
  const made = await station.call(liwei, 'groups.create', groupOf([ids.liwei!]));
  await station.call(reception, 'groups.signUp', signUp(made.id, '林晓', { motive: '' }));
  await station.call(liwei, 'groups.signUp', signUp(made.id, '周敏', { phone: '13900002222' }));
  const signedUp = await station.call(liwei, 'groups.signUp', signUp(made.id, '吴迪', { phone: '', gender: 'male' }));
  const [lin, zhou, wu] = signedUp.members;
  await station.call(liwei, 'groups.admit', { memberId: lin!.id, agreementSignedOn: '2026-11-05' });
  await station.call(liwei, 'groups.admit', { memberId: zhou!.id, agreementSignedOn: '2026-11-05' });
  await station.call(liwei, 'groups.addSession', meeting(made.id, '2026-11-16'));
  const group = await station.call(liwei, 'groups.addSession', meeting(made.id, '2026-11-30', '情绪的身体信号'));
  return { ids, group, lin: lin!, zhou: zhou!, wu: wu!, first: group.sessions[0]!, second: group.sessions[1]! };
}

describe('group counselling (团体辅导)', () => {
  it('signs up, admits on a signed agreement, holds a meeting with a full register; the meeting is one 团体辅导 activity of the ledger with 参与人数 = present', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const { group, lin, zhou, wu, first, ids } = await runningGroup(setup);
    expect(group).toMatchObject({ status: 'open', admitted: 2, waiting: 1, plannedSessions: 4, sessionsHeld: 0, leaders: [{ id: ids.liwei, displayName: 'liwei' }], editable: true });
    expect(group.members.map((member) => [member.name, member.status, member.agreementSignedOn])).toEqual([
      ['林晓', 'admitted', '2026-11-05'],
      ['周敏', 'admitted', '2026-11-05'],
      ['吴迪', 'signedUp', null],
    ]);
    expect(group.members[1]!.motive).toBe('考试前紧张、睡不好');
    expect(group.sessions.map((item) => [item.number, item.date, item.status])).toEqual([
      [1, '2026-11-16', 'planned'],
      [2, '2026-11-30', 'planned'],
    ]);

    const held = await station.call(liwei, 'groups.recordAttendance', {
      activityId: first.activityId,
      attendance: [
        { memberId: lin.id, status: 'present' },
        { memberId: zhou.id, status: 'excused' },
      ],
      summary: '建立团体规则，成员自我介绍。',
    });
    expect(held.sessions[0]).toMatchObject({ status: 'done', present: 1, excused: 1, absent: 0 });
    expect(held.sessionsHeld).toBe(1);
    expect(held.attendance).toEqual([
      { activityId: first.activityId, memberId: lin.id, status: 'present' },
      { activityId: first.activityId, memberId: zhou.id, status: 'excused' },
    ]);
    const activity = await station.call(station.admin, 'activities.get', { id: first.activityId });
    expect(activity).toMatchObject({ type: 'group_counselling', status: 'done', participantCount: 1, summary: '建立团体规则，成员自我介绍。', location: '团体辅导室', group: { id: group.id, name: '青少年情绪管理成长小组' }, staff: [{ id: ids.liwei }] });
    const counts = await station.call(station.admin, 'activities.counts', { from: '2026-11-01', to: '2026-11-30' });
    expect(counts.byType.find((row) => row.code === 'group_counselling')).toMatchObject({ activities: 1, participants: 1 });

    // Corrected register: both came after all.
    const corrected = await station.call(liwei, 'groups.recordAttendance', { activityId: first.activityId, attendance: [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'present' }] });
    expect(corrected.sessions[0]).toMatchObject({ present: 2, excused: 0 });
    expect((await station.call(liwei, 'activities.get', { id: first.activityId })).participantCount).toBe(2);
    expect((await auditRows(setup, 'groups.recordAttendance')).map((row) => row.detail.present)).toEqual([2, 1]);
    expect(wu.status).toBe('signedUp');
  });

  it('refuses a register that leaves out an expected member, names someone not yet in the group, has nobody present or comes before the meeting; nothing saved', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const { lin, zhou, wu, first, second } = await runningGroup(setup);
    const register = (activityId: number, attendance: MethodInput<'groups.recordAttendance'>['attendance']) => station.raw(liwei, 'groups.recordAttendance', { activityId, attendance });
    expect(await register(first.activityId, [{ memberId: lin.id, status: 'present' }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '出席名单缺少：周敏。', details: [{ path: 'attendance' }] } });
    expect(await register(first.activityId, [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'present' }, { memberId: wu.id, status: 'present' }])).toMatchObject({
      ok: false,
      error: { message: '吴迪 在 2026-11-16 未签署协议入组或已退出，不能登记出席。' },
    });
    expect(await register(first.activityId, [{ memberId: lin.id, status: 'absent' }, { memberId: zhou.id, status: 'excused' }])).toMatchObject({ ok: false, error: { message: '至少须有一名组员出席；无人出席的活动请改期或删除。' } });
    expect(await register(second.activityId, [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'present' }])).toMatchObject({
      ok: false,
      error: { message: '该次活动（2026-11-30 15:00）还未开始，不能登记出席或反馈。' },
    });
    expect(await register(first.activityId, [{ memberId: lin.id, status: 'present' }, { memberId: lin.id, status: 'absent' }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '输入内容有误：出席名单中有重复的组员。' } });
    const group = await station.call(liwei, 'groups.get', { id: (await station.call(liwei, 'groups.list', {}))[0]!.id });
    expect(group.sessions.map((item) => item.status)).toEqual(['planned', 'planned']);
    expect(group.attendance).toEqual([]);
    // The ledger's own edit paths leave a group's meeting to its page.
    expect(await station.raw(liwei, 'activities.markDone', { id: first.activityId, participantCount: 9 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('请在该小组的页面') } });
    expect(await station.raw(station.admin, 'activities.remove', { id: first.activityId, reason: '误录' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('请在该小组的页面') } });
  });

  it('keeps places, dates and departures honest: full group, agreement before sign-up, future days, leaving before the last meeting attended', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const { group, lin, zhou, wu, first } = await runningGroup(setup);
    const leaders = group.leaders.map((leader) => leader.id);
    await station.call(liwei, 'groups.admit', { memberId: wu.id, agreementSignedOn: '2026-11-06' });
    const zheng = (await station.call(liwei, 'groups.signUp', signUp(group.id, '郑好', { phone: '13900003333', signedUpOn: '2026-11-07' }))).members.at(-1)!;
    expect(await station.raw(liwei, 'groups.admit', { memberId: zheng.id, agreementSignedOn: '2026-11-08' })).toMatchObject({ ok: false, error: { message: '小组已满（人数上限 3 人）；如需增加名额请先修改人数上限。' } });
    expect(await station.raw(liwei, 'groups.update', { ...groupOf(leaders), id: group.id, capacity: 2 })).toMatchObject({ ok: false, error: { details: [{ path: 'capacity' }], message: '人数上限（2）不能少于已入组的人数（3）。' } });
    expect(await station.raw(liwei, 'groups.update', { ...groupOf(leaders), id: group.id, plannedSessions: 1 })).toMatchObject({ ok: false, error: { details: [{ path: 'plannedSessions' }], message: '计划次数（1）不能少于已安排的活动次数（2）。' } });
    expect(await station.raw(liwei, 'groups.admit', { memberId: zheng.id, agreementSignedOn: '2026-11-06' })).toMatchObject({ ok: false, error: { details: [{ path: 'agreementSignedOn' }], message: '协议签署日期不能早于报名日期（2026-11-07）。' } });
    expect(await station.raw(liwei, 'groups.admit', { memberId: lin.id, agreementSignedOn: '2026-11-06' })).toMatchObject({ ok: false, error: { message: '林晓 当前为“已入组”，不能再办理入组。' } });
    await station.call(liwei, 'groups.update', { ...groupOf(leaders), id: group.id, capacity: 4 });
    expect(await station.raw(liwei, 'groups.admit', { memberId: zheng.id, agreementSignedOn: '2026-11-24' })).toMatchObject({ ok: false, error: { details: [{ path: 'agreementSignedOn' }], message: '协议签署日期（2026-11-24）不能晚于今天。' } });
    expect(await station.raw(liwei, 'groups.signUp', signUp(group.id, '林晓', { motive: '' }))).toMatchObject({ ok: false, error: { details: [{ path: 'name' }], message: '“林晓”（13900001111）已在报名名单中。' } });
    expect(await station.raw(liwei, 'groups.signUp', signUp(group.id, '钱多', { signedUpOn: '2026-11-24' }))).toMatchObject({ ok: false, error: { details: [{ path: 'signedUpOn' }] } });
    expect(await station.raw(liwei, 'groups.signUp', signUp(group.id, '钱多', { phone: 'abc' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('联系电话只能包含数字') } });

    await station.call(liwei, 'groups.recordAttendance', {
      activityId: first.activityId,
      attendance: [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'present' }, { memberId: wu.id, status: 'absent' }],
    });
    expect(await station.raw(liwei, 'groups.leave', { memberId: zhou.id, on: '2026-11-16', reason: '课业忙' })).toMatchObject({ ok: false, error: { details: [{ path: 'on' }], message: '周敏 在 2026-11-16 仍出席了活动，退出日期须晚于这一天。' } });
    await station.call(liwei, 'groups.leave', { memberId: zhou.id, on: '2026-11-20', reason: '课业忙' });
    const declined = await station.call(liwei, 'groups.leave', { memberId: zheng.id, on: '2026-11-20', reason: '时间不合适' });
    expect(declined.members.map((member) => [member.name, member.status, member.leftOn, member.leftReason])).toEqual([
      ['林晓', 'admitted', null, null],
      ['周敏', 'withdrawn', '2026-11-20', '课业忙'],
      ['吴迪', 'admitted', null, null],
      ['郑好', 'declined', '2026-11-20', '时间不合适'],
    ]);
    expect(declined.admitted).toBe(2);
    // A withdrawn member stays on the first meeting's register and is not expected at later ones.
    expect(declined.attendance.filter((row) => row.memberId === zhou.id)).toHaveLength(1);
    expect(await station.raw(liwei, 'groups.leave', { memberId: zhou.id, on: '2026-11-21', reason: '再次' })).toMatchObject({ ok: false, error: { message: '周敏 已是“已退出”。' } });
  });

  it('roles: the front desk signs up without a client link and reads names and phones, never motives; another counsellor reads names only and runs nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, clientId } = setup;
    const { group, zhou } = await runningGroup(setup);
    expect(await station.raw(reception, 'groups.signUp', signUp(group.id, '郑好', { clientId }))).toMatchObject({ ok: false, error: { details: [{ path: 'clientId' }], message: '前台登记报名时不能关联来访者档案；如需关联请由带领者操作。' } });
    expect(await station.raw(chen, 'groups.signUp', signUp(group.id, '郑好'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'groups.signUp', signUp(group.id, '郑好', { clientId }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const linked = await station.call(liwei, 'groups.signUp', signUp(group.id, '张三', { clientId, phone: '13700000000' }));
    expect(linked.members.at(-1)).toMatchObject({ name: '张三', client: { id: clientId, name: '张三' } });

    const atDesk = await station.call(reception, 'groups.get', { id: group.id });
    expect(atDesk.editable).toBe(false);
    expect(atDesk.members.find((member) => member.id === zhou.id)).toMatchObject({ name: '周敏', phone: '13900002222', motive: null, client: null });
    expect(atDesk.members.at(-1)!.client).toBeNull();
    const byChen = await station.call(chen, 'groups.get', { id: group.id });
    expect(byChen.members.find((member) => member.id === zhou.id)).toMatchObject({ name: '周敏', phone: '', motive: null });
    expect(byChen.members.at(-1)!.client).toBeNull();
    for (const refused of [
      station.raw(chen, 'groups.admit', { memberId: zhou.id, agreementSignedOn: '2026-11-06' }),
      station.raw(chen, 'groups.addSession', meeting(group.id, '2026-12-07')),
      station.raw(chen, 'groups.close', { id: group.id }),
      station.raw(reception, 'groups.addSession', meeting(group.id, '2026-12-07')),
    ]) {
      expect(await refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await station.raw(reception, 'groups.create', groupOf([]))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ids = await userIds(setup);
    expect(await station.raw(station.admin, 'groups.create', groupOf([ids.qiantai!]))).toMatchObject({ ok: false, error: { details: [{ path: 'leaderIds' }], message: '“qiantai”是前台账号，不能担任团体辅导带领者。' } });
    expect(await station.raw(chen, 'groups.create', groupOf([ids.liwei!]))).toMatchObject({ ok: false, error: { details: [{ path: 'leaderIds' }] } });
    // Every read that shows members is audited, never the names themselves.
    const views = await auditRows(setup, 'groups.view');
    expect(views.map((row) => [row.actorName, row.detail.namesShown, row.detail.motivesShown])).toEqual([
      ['chen', 4, 0],
      ['qiantai', 4, 0],
    ]);
  });

  it('feedback forms: anonymous, only after the register, never more than those present; counted per period with the meetings (SPS05, SPS19)', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const { group, lin, zhou, first } = await runningGroup(setup);
    const form = (satisfaction: number, extra: Partial<MethodInput<'groups.addFeedback'>> = {}): MethodInput<'groups.addFeedback'> => ({ activityId: first.activityId, satisfaction, helpfulness: 4, atmosphere: 5, recommend: true, comment: '', ...extra });
    expect(await station.raw(liwei, 'groups.addFeedback', form(5))).toMatchObject({ ok: false, error: { details: [{ path: 'activityId' }], message: '请先登记该次活动的出席情况，再录入反馈表。' } });
    await station.call(liwei, 'groups.recordAttendance', { activityId: first.activityId, attendance: [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'present' }] });
    await station.call(liwei, 'groups.addFeedback', form(5, { comment: '学到了深呼吸' }));
    const withTwo = await station.call(liwei, 'groups.addFeedback', form(3, { recommend: false }));
    expect(withTwo.sessions[0]!.feedback).toEqual({ forms: 2, satisfied: 1, satisfaction: 4, helpfulness: 4, atmosphere: 5, recommend: 1 });
    expect(await station.raw(liwei, 'groups.addFeedback', form(4))).toMatchObject({ ok: false, error: { message: '反馈表份数不能多于出席人数（2 人）。' } });
    expect(await station.raw(liwei, 'groups.addFeedback', form(6))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'satisfaction' }], message: '输入内容有误：总体满意度不能大于 5。' } });
    const forms = await station.call(liwei, 'groups.feedback', { activityId: first.activityId });
    expect(forms.map((entry) => [entry.satisfaction, entry.comment])).toEqual([
      [5, '学到了深呼吸'],
      [3, ''],
    ]);
    expect(await station.raw(reception, 'groups.feedback', { activityId: first.activityId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const afterRemoval = await station.call(liwei, 'groups.removeFeedback', { id: forms[1]!.id });
    expect(afterRemoval.sessions[0]!.feedback.forms).toBe(1);

    expect(await station.call(reception, 'groups.counts', { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      groups: 1,
      sessions: 1,
      attendances: 2,
      members: 2,
      feedback: { forms: 1, satisfied: 1, satisfaction: 5, helpfulness: 4, atmosphere: 5, recommend: 1 },
    });
    expect((await station.call(reception, 'groups.counts', { from: '2026-12-01', to: '2026-12-31' })).sessions).toBe(0);
    const sheet = await readLedgerSheet(await station.call(reception, 'groups.export', { from: '2026-11-01', to: '2026-11-30' }));
    expect(sheet.headers).toEqual(['日期', '时间', '小组', '第几次', '本次主题', '应到', '实到', '反馈表', '满意（4–5 分）']);
    expect(sheet.rows).toEqual([['2026-11-16', '15:00-16:30', '青少年情绪管理成长小组', 1, '相识与团体规则', 2, 2, 1, 1]]);
    expect(JSON.stringify(sheet)).not.toMatch(/林晓|周敏|紧张/);
    expect((await station.call(liwei, 'groups.get', { id: group.id })).sessions[0]!.feedback.forms).toBe(1);
  });

  it('meetings: planned up to the planned number, moved, removed with a reason; closing waits for planned meetings; a closed group takes no sign-ups', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const { group, lin, zhou, first, second } = await runningGroup(setup);
    expect(await station.raw(liwei, 'groups.addSession', meeting(group.id, '2026-11-30'))).toMatchObject({ ok: false, error: { details: [{ path: 'startTime' }], message: '该小组在 2026-11-30 15:00 已安排了活动。' } });
    await station.call(liwei, 'groups.addSession', meeting(group.id, '2026-12-07'));
    await station.call(liwei, 'groups.addSession', meeting(group.id, '2026-12-14'));
    expect(await station.raw(liwei, 'groups.addSession', meeting(group.id, '2026-12-21'))).toMatchObject({ ok: false, error: { message: '已安排 4 次活动，达到计划次数；如需增加请先修改计划次数。' } });
    const moved = await station.call(liwei, 'groups.updateSession', { activityId: second.activityId, date: '2026-12-01', startTime: '16:00', endTime: '17:00', theme: '情绪的身体信号', location: '' });
    expect(moved.sessions[1]).toMatchObject({ number: 2, date: '2026-12-01', startTime: '16:00', location: '团体辅导室' });
    expect(await station.raw(liwei, 'groups.close', { id: group.id })).toMatchObject({ ok: false, error: { message: '还有 4 次计划中的活动：请先登记出席，或删除不再开展的活动，再结束小组。' } });

    await station.call(liwei, 'groups.recordAttendance', { activityId: first.activityId, attendance: [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'absent' }] });
    expect(await station.raw(liwei, 'groups.updateSession', { activityId: first.activityId, date: '2026-11-24', startTime: '15:00', endTime: '16:30', theme: '相识', location: '' })).toMatchObject({ ok: false, error: { details: [{ path: 'activityId' }] } });
    expect(await station.raw(liwei, 'groups.removeSession', { activityId: first.activityId, reason: '误录' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '已开展的团体辅导活动是台账记录，只有站长可以删除。' } });
    let current = await station.call(liwei, 'groups.get', { id: group.id });
    for (const planned of current.sessions.filter((item) => item.status === 'planned')) {
      current = await station.call(liwei, 'groups.removeSession', { activityId: planned.activityId, reason: '学生期末考试，活动取消' });
    }
    expect(current.sessions).toHaveLength(1);
    const closed = await station.call(liwei, 'groups.close', { id: group.id });
    expect(closed).toMatchObject({ status: 'closed', sessionsHeld: 1 });
    expect(await station.raw(liwei, 'groups.signUp', signUp(group.id, '郑好'))).toMatchObject({ ok: false, error: { message: '团体辅导小组“青少年情绪管理成长小组”已结束，不能再报名或安排活动。' } });
    expect((await station.call(liwei, 'groups.list', { status: 'closed' })).map((item) => item.id)).toEqual([group.id]);
    expect(await station.call(liwei, 'groups.list', { status: 'open' })).toEqual([]);
    const removed = await station.call(station.admin, 'activities.list', { from: '2026-11-01', to: '2026-12-31', type: 'group_counselling' });
    expect(removed.map((item) => item.date)).toEqual(['2026-11-16']);
  });

  it('`xinyi export groups --period` writes the meetings held in the month', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const { lin, zhou, first } = await runningGroup(setup);
    await station.call(liwei, 'groups.recordAttendance', { activityId: first.activityId, attendance: [{ memberId: lin.id, status: 'present' }, { memberId: zhou.id, status: 'absent' }] });
    // closes mid-test: the CLI opens the same folder
    station.dispose();
    const out = path.join(tempDir(), '团体辅导台账.xlsx');
    const written = xinyi(['export', 'groups', '--period', '2026-11', '--out', out, '--user', 'admin', '--data-dir', station.dataDir], { XINYI_PASSWORD: adminPassword });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 1 行');
    const sheet = await readLedgerSheet({ fileName: '', rows: 1, dataBase64: fs.readFileSync(out).toString('base64') });
    expect(sheet.rows).toEqual([['2026-11-16', '15:00-16:30', '青少年情绪管理成长小组', 1, '相识与团体规则', 2, 1, 0, 0]]);
  });
});
