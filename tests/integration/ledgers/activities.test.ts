import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { readLedgerSheet } from '../helpers/workbook.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { xinyi } from '../helpers/entries.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** The station's users by username, for staff ids. */
async function userIds(setup: Setup): Promise<Record<string, number>> {
  const users = await setup.station.call(setup.station.admin, 'users.list', {});
  return Object.fromEntries(users.map((user) => [user.username, user.id]));
}

/** A 讲座 held at a school on 2026-11-20 (the clock stands at 2026-11-23 10:00 Beijing time). */
const lecture = (staffIds: number[]): MethodInput<'activities.create'> => ({
  type: 'lecture',
  outreachTargets: ['school'],
  theme: '青春期情绪管理',
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '15:30',
  location: '实验中学报告厅',
  partnerUnits: ['实验中学'],
  staffIds,
  volunteers: ['赵老师'],
  participantCount: 120,
  outputs: { materials: 150, displays: 2, consultDesk: true, householdVisits: 0, onlineReach: null, onlineReachEstimated: false },
  summary: '讲解情绪识别与调节方法，现场答疑。',
  status: 'done',
});

async function auditRows(setup: Setup, action: string) {
  return (await setup.station.call(setup.station.admin, 'audit.list', { action, pageSize: 200 })).rows;
}


describe('activities ledger (活动台账)', () => {
  it('the front desk can be listed as having run an activity: the activity form picks from everyone, not only those who counsel', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const ids = await userIds(setup);
    const names = async (input: MethodInput<'users.directory'>) => (await station.call(reception, 'users.directory', input)).map((user) => user.displayName).sort();
    expect(await names({})).toEqual(['chen', 'liwei', '王站长']);
    expect(await names({ scope: 'everyone' })).toEqual(['chen', 'liwei', 'qiantai', '王站长']);
    const ran = await station.call(station.admin, 'activities.create', { ...lecture([ids.qiantai!]), type: 'publicity', theme: '世界精神卫生日宣传' });
    expect(ran.staff).toEqual([{ id: ids.qiantai, displayName: 'qiantai' }]);
    await station.call(station.admin, 'users.setDisabled', { userId: ids.chen!, disabled: true });
    expect(await names({ scope: 'everyone' })).toEqual(['liwei', 'qiantai', '王站长']);
  });

  it('a counsellor records a done lecture, reads it back, edits it; each write is audited with the fields changed', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const created = await station.call(liwei, 'activities.create', lecture([ids.liwei!]));
    expect(created).toMatchObject({ type: 'lecture', outreachTargets: ['school'], participantCount: 120, status: 'done', editable: true, staff: [{ id: ids.liwei, displayName: 'liwei' }] });
    expect(created.outputs).toEqual({ materials: 150, displays: 2, consultDesk: true, householdVisits: 0, onlineReach: null, onlineReachEstimated: false });
    expect(await station.call(liwei, 'activities.get', { id: created.id })).toEqual(created);

    const edited = await station.call(liwei, 'activities.update', { ...lecture([ids.liwei!, ids.chen!]), id: created.id, theme: '青春期情绪管理（二）', participantCount: 130 });
    expect(edited).toMatchObject({ theme: '青春期情绪管理（二）', participantCount: 130 });
    expect(edited.staff.map((member) => member.id)).toEqual([ids.liwei, ids.chen]);

    const [update] = await auditRows(setup, 'activities.update');
    expect(update).toMatchObject({ actorName: 'liwei', objectType: 'activity', objectId: String(created.id), result: 'success' });
    expect(update!.detail.changedFields).toBe('活动主题、参与人数、工作人员');
    expect(JSON.stringify(update!.detail)).not.toContain('青春期');
    expect(await auditRows(setup, 'activities.create')).toHaveLength(1);
  });

  it('plans an activity ahead, refuses to mark it done before it starts, then marks it done with the count', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, time } = setup;
    const ids = await userIds(setup);
    const planned = await station.call(liwei, 'activities.create', { ...lecture([ids.liwei!]), date: '2026-11-25', participantCount: null, status: 'planned' });
    expect(planned).toMatchObject({ status: 'planned', participantCount: null });

    const early = await station.raw(liwei, 'activities.markDone', { id: planned.id, participantCount: 40 });
    expect(early.ok ? null : early.error.message).toContain('还未到');
    time.advance(3 * 86_400_000);
    const done = await station.call(liwei, 'activities.markDone', { id: planned.id, participantCount: 40, summary: '按计划开展。' });
    expect(done).toMatchObject({ status: 'done', participantCount: 40, summary: '按计划开展。' });
    const again = await station.raw(liwei, 'activities.markDone', { id: planned.id, participantCount: 41 });
    expect(again.ok ? null : again.error.message).toBe('该活动已标记为已开展。');
    const back = await station.raw(liwei, 'activities.update', { ...lecture([ids.liwei!]), id: planned.id, status: 'planned', participantCount: null });
    expect(back.ok ? null : back.error.message).toBe('已开展的活动不能改回“计划中”。');
    expect((await auditRows(setup, 'activities.markDone')).map((row) => row.detail)).toEqual([{ participantCount: 40 }]);
  });

  it('lists by period, type, "五进" target and status, oldest first, and leaves removed entries out', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const base = lecture([ids.liwei!]);
    const october = await station.call(liwei, 'activities.create', { ...base, date: '2026-10-31', theme: '十月讲座' });
    const desk = await station.call(liwei, 'activities.create', { ...base, type: 'consult_desk', outreachTargets: ['community', 'village'], date: '2026-11-01', theme: '社区咨询台' });
    const lastDay = await station.call(liwei, 'activities.create', { ...base, date: '2026-11-30', theme: '月末讲座', participantCount: null, status: 'planned' });
    const first = await station.call(liwei, 'activities.create', { ...base, date: '2026-11-10', theme: '学校讲座' });
    const themes = async (filter: Partial<MethodInput<'activities.list'>>) =>
      (await station.call(liwei, 'activities.list', { from: '2026-11-01', to: '2026-11-30', ...filter })).map((activity) => activity.theme);

    expect(await themes({})).toEqual(['社区咨询台', '学校讲座', '月末讲座']);
    expect(await themes({ from: '2026-10-31', to: '2026-10-31' })).toEqual(['十月讲座']);
    expect(await themes({ type: 'lecture' })).toEqual(['学校讲座', '月末讲座']);
    expect(await themes({ outreachTarget: 'village' })).toEqual(['社区咨询台']);
    expect(await themes({ status: 'planned' })).toEqual(['月末讲座']);
    expect((await station.call(liwei, 'activities.get', { id: desk.id })).outreachTargets).toEqual(['village', 'community']);

    await station.call(liwei, 'activities.remove', { id: lastDay.id, reason: '场地冲突，活动取消' });
    expect(await themes({})).toEqual(['社区咨询台', '学校讲座']);
    const gone = await station.raw(liwei, 'activities.get', { id: lastDay.id });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    // A done activity is ledger evidence: its counsellor may not remove it, the 站长 may.
    const refused = await station.raw(liwei, 'activities.remove', { id: first.id, reason: '误登记' });
    expect(refused.ok ? null : refused.error.message).toContain('只有站长');
    await station.call(station.admin, 'activities.remove', { id: first.id, reason: '误登记' });
    expect(await themes({})).toEqual(['社区咨询台']);
    expect(october.id).toBeGreaterThan(0);
    expect((await auditRows(setup, 'activities.remove')).map((row) => row.actorName).sort()).toEqual(['admin', 'liwei']);
  });

  it('counts done activities of a period by type and by "五进" target in SQL, with the outputs totalled', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const base = lecture([ids.liwei!]);
    await station.call(liwei, 'activities.create', base);
    await station.call(liwei, 'activities.create', { ...base, date: '2026-11-02', participantCount: 80, outreachTargets: ['school', 'community'], outputs: { materials: 50, displays: 1, onlineReach: 3000, onlineReachEstimated: true } });
    await station.call(liwei, 'activities.create', { ...base, type: 'consult_desk', outreachTargets: ['village'], participantCount: 35, outputs: { consultDesk: true, householdVisits: 12 } });
    // Outside the period, planned, or removed: not counted as held.
    await station.call(liwei, 'activities.create', { ...base, date: '2026-10-31' });
    await station.call(liwei, 'activities.create', { ...base, date: '2026-11-28', participantCount: null, status: 'planned' });
    const removed = await station.call(liwei, 'activities.create', { ...base, participantCount: 999 });
    await station.call(station.admin, 'activities.remove', { id: removed.id, reason: '重复登记' });
    // A type hidden from the dictionary still counts where it was used.
    const online = await station.call(liwei, 'activities.create', { ...base, type: 'online_post', outreachTargets: [], participantCount: 0, outputs: { onlineReach: 500 } });
    const item = (await station.call(station.admin, 'dictionaries.list', { dictionary: 'activityType' })).find((entry) => entry.code === 'online_post')!;
    await station.call(station.admin, 'dictionaries.setActive', { id: item.id, active: false });
    const training = (await station.call(station.admin, 'dictionaries.list', { dictionary: 'activityType' })).find((entry) => entry.code === 'training')!;
    await station.call(station.admin, 'dictionaries.setActive', { id: training.id, active: false });

    const counts = await station.call(setup.reception, 'activities.counts', { from: '2026-11-01', to: '2026-11-30' });
    const byType = Object.fromEntries(counts.byType.map((row) => [row.code, [row.activities, row.participants]]));
    expect(byType).toMatchObject({ lecture: [2, 200], consult_desk: [1, 35], group_counselling: [0, 0], online_post: [1, 0] });
    expect(byType.training, 'a hidden type without activities is left out').toBeUndefined();
    expect(counts.byType[0]).toMatchObject({ code: 'lecture', label: '讲座' });
    const byTarget = Object.fromEntries(counts.byOutreachTarget.map((row) => [row.label, [row.activities, row.participants]]));
    expect(byTarget).toEqual({ 进学校: [2, 200], 进企业: [0, 0], 进农村: [1, 35], 进社区: [1, 80], 进机关: [0, 0] });
    expect(counts.total).toEqual({ activities: 4, participants: 235, materials: 200, displays: 3, consultDesks: 2, householdVisits: 12, onlineReach: 3500, onlineReachEstimated: true });
    expect(counts.planned).toBe(1);
    expect(online.status).toBe('done');
    const december = await station.call(liwei, 'activities.counts', { from: '2026-12-01', to: '2026-12-31' });
    expect(december.total.activities).toBe(0);
    expect(december.byType.every((row) => row.activities === 0 && row.participants === 0)).toBe(true);
  });

  it('roles: reception reads without the roster and may not write; a counsellor edits only what they ran and sees only the names of their clients', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, clientId } = setup;
    const ids = await userIds(setup);
    const group = { ...lecture([ids.liwei!]), type: 'group_counselling', participantCount: 8, rosterClientIds: [clientId] };
    const created = await station.call(liwei, 'activities.create', group);
    expect(created.roster).toEqual({ shown: [{ clientId, name: '张三' }], hidden: 0 });

    const seenByDesk = await station.call(reception, 'activities.get', { id: created.id });
    expect(seenByDesk.roster).toBeNull();
    expect(JSON.stringify(await station.call(reception, 'activities.list', { from: '2026-11-01', to: '2026-11-30' }))).not.toContain('张三');
    for (const [method, input] of [
      ['activities.create', group],
      ['activities.update', { ...group, id: created.id }],
      ['activities.markDone', { id: created.id, participantCount: 9 }],
      ['activities.remove', { id: created.id, reason: '前台删除' }],
    ] as const) {
      const result = await station.raw(reception, method, input as never);
      expect(result.ok ? 'ok' : result.error.code, method).toBe('FORBIDDEN');
    }

    // chen did not run it: reads it, the roster's name hidden; may not edit it.
    const seenByChen = await station.call(chen, 'activities.get', { id: created.id });
    expect(seenByChen).toMatchObject({ roster: { shown: [], hidden: 1 }, editable: false });
    const chenEdit = await station.raw(chen, 'activities.update', { ...group, id: created.id, staffIds: [ids.chen!] });
    expect(chenEdit.ok ? null : chenEdit.error.code).toBe('FORBIDDEN');
    // chen may not record an activity without himself, nor put liwei's client on a roster.
    const notHis = await station.raw(chen, 'activities.create', group);
    expect(notHis.ok ? null : notHis.error.message).toContain('须把自己列为工作人员');
    const notHisClient = await station.raw(chen, 'activities.create', { ...group, staffIds: [ids.chen!] });
    expect(notHisClient.ok ? null : notHisClient.error.message).toContain('不在您负责或共享的个案中');

    // Once the 站长 lists chen as staff, chen edits it; liwei's client stays on the roster he cannot see.
    await station.call(station.admin, 'activities.update', { ...group, id: created.id, staffIds: [ids.liwei!, ids.chen!] });
    const chenSaves = await station.call(chen, 'activities.update', { ...group, id: created.id, staffIds: [ids.liwei!, ids.chen!], rosterClientIds: [], theme: '情绪团体' });
    expect(chenSaves).toMatchObject({ theme: '情绪团体', roster: { shown: [], hidden: 1 }, editable: true });
    expect((await station.call(station.admin, 'activities.get', { id: created.id })).roster).toEqual({ shown: [{ clientId, name: '张三' }], hidden: 0 });
    expect((await station.call(liwei, 'activities.get', { id: created.id })).roster?.shown).toHaveLength(1);

    // Reads that show a client's name are audited (who read which activity's names, never the names); reads
    // that show none (the desk, chen) are not.
    await station.call(liwei, 'activities.list', { from: '2026-11-01', to: '2026-11-30' });
    const views = await station.call(station.admin, 'audit.list', { action: 'activities.view' });
    expect(views.rows.map((row) => [row.actorName, row.objectId, row.detail])).toEqual([
      ['liwei', String(created.id), { namesShown: 1 }],
      ['admin', String(created.id), { namesShown: 1 }],
    ]);
    const lists = await station.call(station.admin, 'audit.list', { action: 'activities.list' });
    expect(lists.rows.map((row) => [row.actorName, row.detail])).toEqual([['liwei', { count: 1, namesShown: 1 }]]);
    expect(JSON.stringify([views.rows, lists.rows])).not.toContain('张三');
  });

  it('a merged client stays on the roster once, as the kept record', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception, clientId } = setup;
    const ids = await userIds(setup);
    const twin = await station.call(reception, 'clients.register', { name: '张三', gender: 'female', phone: '13812345678', source: 'walk_in' });
    const both = await station.call(station.admin, 'activities.create', { ...lecture([ids.liwei!]), participantCount: 2, rosterClientIds: [clientId, twin.id] });
    const twinOnly = await station.call(station.admin, 'activities.create', { ...lecture([ids.liwei!]), participantCount: 1, rosterClientIds: [twin.id] });
    await station.call(station.admin, 'clients.merge', { keepId: clientId, mergeId: twin.id, reason: '同一人重复登记' });
    expect((await station.call(station.admin, 'activities.get', { id: both.id })).roster).toEqual({ shown: [{ clientId, name: '张三' }], hidden: 0 });
    expect((await station.call(liwei, 'activities.get', { id: twinOnly.id })).roster).toEqual({ shown: [{ clientId, name: '张三' }], hidden: 0 });
  });

  it('refuses bad input with a Chinese message and changes nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, clientId } = setup;
    const ids = await userIds(setup);
    const good = lecture([ids.liwei!]);
    const kept = await station.call(liwei, 'activities.create', good);
    const auditBefore = (await station.call(station.admin, 'audit.list', { pageSize: 1 })).total;

    const bad: Array<[string, MethodInput<'activities.create'>, RegExp]> = [
      ['done in the future', { ...good, date: '2026-11-24' }, /还未到，不能登记为已开展/],
      ['done later today', { ...good, date: '2026-11-23', startTime: '10:30', endTime: '11:00' }, /还未到/],
      ['negative count', { ...good, participantCount: -1 }, /参与人数不能为负数/],
      ['negative output', { ...good, outputs: { materials: -5 } }, /资料份数不能为负数/],
      ['fractional count', { ...good, participantCount: 2.5 }, /参与人数须为整数/],
      ['end before start', { ...good, startTime: '15:00', endTime: '14:00' }, /结束时间须晚于开始时间/],
      ['end equals start', { ...good, endTime: '14:00' }, /结束时间须晚于开始时间/],
      ['unknown type', { ...good, type: 'dance' }, /活动类型不在字典中：dance/],
      ['unknown target', { ...good, outreachTargets: ['mars'] }, /“五进”对象不在字典中：mars/],
      ['roster client that does not exist', { ...good, rosterClientIds: [9999] }, /参与来访者 #9999 不存在/],
      ['fewer participants than the roster', { ...good, participantCount: 0, rosterClientIds: [clientId] }, /参与人数不能少于名单中的来访者人数/],
      ['done without a count', { ...good, participantCount: null }, /已开展的活动须填写参与人数/],
      ['no staff', { ...good, staffIds: [] }, /请至少选择一名开展活动的工作人员/],
      ['staff who does not exist', { ...good, staffIds: [ids.liwei!, 777] }, /工作人员账号 #777 不存在/],
      ['an estimate without a reach', { ...good, outputs: { onlineReachEstimated: true } }, /未填写线上覆盖人次时不能标为估算/],
      ['no theme', { ...good, theme: '  ' }, /请填写活动主题/],
      ['impossible date', { ...good, date: '2026-02-30' }, /日期/],
    ];
    for (const [name, input, message] of bad) {
      const result = await station.raw(liwei, 'activities.create', input);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.message, name).toMatch(message);
      const update = await station.raw(liwei, 'activities.update', { ...input, id: kept.id });
      expect(update.ok, `${name} (update)`).toBe(false);
    }
    // Core's own refusals (clock, dictionary, accounts, roster) name their field, as the schema's do: the form shows each on its input.
    const fieldOf = async (input: MethodInput<'activities.create'>) => {
      const result = await station.raw(liwei, 'activities.create', input);
      return result.ok ? null : (result.error.details as Array<{ path: string }> | undefined)?.map((detail) => detail.path);
    };
    expect(await fieldOf({ ...good, date: '2026-11-24' })).toEqual(['date']);
    expect(await fieldOf({ ...good, type: 'dance' })).toEqual(['type']);
    expect(await fieldOf({ ...good, outreachTargets: ['mars'] })).toEqual(['outreachTargets']);
    expect(await fieldOf({ ...good, staffIds: [ids.liwei!, 777] })).toEqual(['staffIds']);
    expect(await fieldOf({ ...good, staffIds: [ids.chen!] })).toEqual(['staffIds']);
    expect(await fieldOf({ ...good, rosterClientIds: [9999] })).toEqual(['rosterClientIds']);
    const backToPlanned = await station.raw(liwei, 'activities.update', { ...good, id: kept.id, status: 'planned', participantCount: null });
    expect(backToPlanned.ok ? null : backToPlanned.error.details).toEqual([{ path: 'status', message: '已开展的活动不能改回“计划中”。' }]);
    const markDoneBadCount = await station.raw(liwei, 'activities.markDone', { id: kept.id, participantCount: -3 });
    expect(markDoneBadCount.ok ? null : markDoneBadCount.error.message).toMatch(/参与人数不能为负数/);
    const reversed = await station.raw(liwei, 'activities.list', { from: '2026-11-30', to: '2026-11-01' });
    expect(reversed.ok ? null : reversed.error.message).toContain('开始日期不能晚于结束日期。');

    expect(await station.call(liwei, 'activities.list', { from: '2026-01-01', to: '2026-12-31' })).toEqual([kept]);
    expect((await station.call(station.admin, 'audit.list', { pageSize: 1 })).total).toBe(auditBefore + 1); // the audit.list call itself
  });

  it('exports the month as an XLSX ledger for any staff role, audited with the row count', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception, clientId } = setup;
    const ids = await userIds(setup);
    await station.call(liwei, 'activities.create', { ...lecture([ids.liwei!]), rosterClientIds: [clientId] });
    await station.call(liwei, 'activities.create', { ...lecture([ids.liwei!]), date: '2026-11-30', type: 'online_post', outreachTargets: [], theme: '睡眠科普推文', participantCount: null, status: 'planned', outputs: { onlineReach: 2000, onlineReachEstimated: true } });
    await station.call(liwei, 'activities.create', { ...lecture([ids.liwei!]), date: '2026-12-01', participantCount: null, status: 'planned' });

    const file = await station.call(reception, 'activities.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(file).toMatchObject({ fileName: '活动台账_2026年11月.xlsx', rows: 2 });
    const sheet = await readLedgerSheet(file);
    expect(sheet.title).toContain('活动台账 · 2026年11月');
    expect(sheet.headers).toEqual(['日期', '时间', '活动类型', '“五进”', '主题', '地点', '合作单位', '工作人员', '志愿者/外请人员', '参与人数', '其中已建档来访者', '资料份数', '横幅/展板', '咨询台', '入户数', '线上覆盖人次', '覆盖人次为估算', '状态', '活动小结']);
    expect(sheet.rows[0]).toEqual(['2026-11-20', '14:00–15:30', '讲座', '进学校', '青春期情绪管理', '实验中学报告厅', '实验中学', 'liwei', '赵老师', 120, 1, 150, 2, '有', 0, null, null, '已开展', '讲解情绪识别与调节方法，现场答疑。']);
    expect(sheet.rows[1]!.slice(2, 5)).toEqual(['线上科普推文', null, '睡眠科普推文']);
    expect(sheet.rows[1]!.slice(15, 18)).toEqual([2000, '是', '计划中']);
    expect(JSON.stringify(sheet.rows)).not.toContain('张三');
    const [row] = await auditRows(setup, 'activities.export');
    expect(row).toMatchObject({ actorName: 'qiantai', detail: { period: '2026-11-01~2026-11-30', count: 2 } });
  });
});

describe('photos of an activity (现场照片)', () => {
  it('are added and opened by its staff and the 站长 through the encrypted attachments path; the front desk is told why not', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const ids = await userIds(setup);
    const activity = await station.call(liwei, 'activities.create', lecture([ids.liwei!]));
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('LECTURE-PHOTO-MARKER')]);
    const photo = { ownerType: 'activity' as const, ownerId: activity.id, fileName: '讲座现场.jpg', mime: 'image/jpeg' as const, dataBase64: jpeg.toString('base64') };
    const listed = await station.call(liwei, 'attachments.add', photo);
    expect(listed).toEqual([expect.objectContaining({ fileName: '讲座现场.jpg', size: jpeg.length })]);
    const opened = await station.call(station.admin, 'attachments.get', { id: listed[0]!.id });
    expect(Buffer.from(opened.dataBase64, 'base64')).toEqual(jpeg);
    const refused = await station.raw(reception, 'attachments.list', { ownerType: 'activity', ownerId: activity.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('只有站长和咨询师') } });
    expect(await station.raw(liwei, 'attachments.add', { ...photo, ownerId: activity.id + 100 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该活动记录。' } });
    expect((await station.call(station.admin, 'audit.list', { action: 'attachments.add' })).rows[0]).toMatchObject({ objectType: 'activity', objectId: String(activity.id) });
  });
});

describe('xinyi export activities', () => {
  it('writes the month\'s activity ledger with --period', async () => {
    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const me = JSON.parse(xinyi(['call', 'auth.me', '--user', 'admin', '--data-dir', dir], password).stdout) as { user: { id: number } };
    const activity = { ...lecture([me.user.id]), date: '2026-11-05' };
    const created = xinyi(['call', 'activities.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify(activity));
    expect(created.code, created.stderr).toBe(0);
    const out = path.join(tempDir(), '活动台账.xlsx');
    const written = xinyi(['export', 'activities', '--period', '2026-11', '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 1 行');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.getRow(3).getCell(5).value).toBe('青春期情绪管理');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['活动台账.xlsx']);
  });
});
