import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { typedSheet } from '../helpers/workbook.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** A 讲座 liwei held on 2026-11-20 (the clock stands at 2026-11-23), with 2 participants written down so far. */
async function heldLecture(setup: Setup) {
  const users = await setup.station.call(setup.station.admin, 'users.list', {});
  const liweiId = users.find((user) => user.username === 'liwei')!.id;
  const input: MethodInput<'activities.create'> = {
    type: 'lecture',
    outreachTargets: ['community'],
    theme: '老年人情绪健康讲座',
    date: '2026-11-20',
    startTime: '14:30',
    endTime: '16:00',
    location: '阳光社区活动室',
    partnerUnits: [],
    staffIds: [liweiId],
    volunteers: [],
    participantCount: 2,
    rosterClientIds: [],
    outputs: { materials: 0, displays: 0, consultDesk: false, householdVisits: 0, onlineReach: null, onlineReachEstimated: false },
    summary: '',
    status: 'done',
  };
  return setup.station.call(setup.liwei, 'activities.create', input);
}

/** A sheet as a station types it: a title row, the header, then the rows given (cells in header order). */
const sheet = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>, header = ['序号', '姓名', '性别', '单位/社区', '联系电话']) => typedSheet('阳光社区老年人情绪健康讲座 签到表', header, rows);

describe('activity sign-in sheets (签到表)', () => {
  it('the template, filled in, imports whole at the front desk; a held activity’s 参与人数 rises to those who signed in', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception, liwei } = setup;
    const activity = await heldLecture(setup);

    const template = await station.call(reception, 'activities.signInTemplate', { id: activity.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.dataBase64, 'base64') as unknown as ArrayBuffer);
    const page = workbook.worksheets[0]!;
    expect(String(page.getRow(1).getCell(1).value)).toContain('2026-11-20 老年人情绪健康讲座');
    expect(page.getRow(2).values).toEqual([undefined, '序号', '姓名', '性别', '单位/社区', '联系电话', '签名']);
    // Filled in on the day: three lines of thirty; the numbered blank lines stay blank.
    page.getRow(3).getCell(2).value = '张桂英';
    page.getRow(3).getCell(3).value = '女';
    page.getRow(3).getCell(4).value = '阳光社区 3 栋';
    page.getRow(3).getCell(5).value = 13800001111;
    page.getRow(4).getCell(2).value = '李国强';
    page.getRow(5).getCell(2).value = '王秀兰';
    page.getRow(5).getCell(5).value = '023-49881234';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

    const imported = await station.call(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: filled });
    expect(imported).toMatchObject({ imported: 3, participantCountRaised: true, activity: { signInCount: 3, participantCount: 3 } });
    expect(await station.call(liwei, 'activities.signIns', { id: activity.id })).toEqual([
      { row: 3, name: '张桂英', gender: 'female', unit: '阳光社区 3 栋', phone: '13800001111' },
      { row: 4, name: '李国强', gender: null, unit: '', phone: '' },
      { row: 5, name: '王秀兰', gender: null, unit: '', phone: '023-49881234' },
    ]);
    // Everyone who signed in took part: a smaller count is refused from now on.
    const lowered = await station.raw(liwei, 'activities.update', { ...(await activityInputOf(setup, activity.id)), participantCount: 2 });
    expect(lowered).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不能少于签到表上的人数（3）') } });
    const audit = await station.call(station.admin, 'audit.list', { action: 'activities.importSignIns' });
    expect(audit.rows[0]).toMatchObject({ actorName: 'qiantai', objectId: String(activity.id), detail: { signIns: 3, participantCount: 3 } });
    expect((await station.call(station.admin, 'audit.list', { action: 'activities.signIns' })).rows).toHaveLength(1);
  });

  it('refuses a sheet with bad rows, naming each by its row and reason, and keeps the list imported before', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const activity = await heldLecture(setup);
    await station.call(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: await sheet([[1, '张桂英', '女', '', '13800001111']]) });

    const bad = await sheet([
      [1, '赵建国', '男', '石桥村', '13900002222'],
      [2, '钱丽', 'F', '', ''],
      [3, '孙涛', '', '', 'abc123'],
      [null, null, null, null, null],
      [5, '赵建国', '', '石桥村', '13900002222'],
      [6, '', '女', '阳光社区', '13700003333'],
    ]);
    const refused = await station.raw(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const error = (refused as { error: { message: string; details: { problems: Array<{ row: number; reason: string }> } } }).error;
    expect(error.message).toContain('签到表有 4 行无法导入，整份未导入');
    // Row numbers as Excel shows them: the title is row 1, the header row 2, the blank row 6 is skipped.
    expect(error.details.problems).toEqual([
      { row: 4, reason: '性别“F”应为“男”或“女”（或留空）' },
      { row: 5, reason: '联系电话“abc123”格式不对' },
      { row: 7, reason: '与第 3 行是同一人（姓名和电话相同）' },
      { row: 8, reason: '姓名为空' },
    ]);
    expect((await station.call(reception, 'activities.signIns', { id: activity.id })).map((entry) => entry.name)).toEqual(['张桂英']);

    const notXlsx = await station.raw(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: Buffer.from('姓名,电话\n张三,138').toString('base64') });
    expect(notXlsx).toMatchObject({ ok: false, error: { message: expect.stringContaining('.xlsx 格式') } });
    const noNames = await station.raw(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: await sheet([[1, '13800001111']], ['序号', '电话']) });
    expect(noNames).toMatchObject({ ok: false, error: { message: expect.stringContaining('找不到“姓名”列') } });
    const empty = await station.raw(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: await sheet([]) });
    expect(empty).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有签到记录') } });
    const oversized = await station.raw(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: 'A'.repeat(1_000_000) });
    expect(oversized).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('签到表文件过大') } });
    expect((await station.call(reception, 'activities.signIns', { id: activity.id })).map((entry) => entry.name)).toEqual(['张桂英']);
  });

  it('takes a sheet of 10,000 residents; a counsellor who did not run the activity may not import or read its list', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception, chen } = setup;
    const activity = await heldLecture(setup);
    const crowd = Array.from({ length: 10_000 }, (_, index) => [index + 1, `居民${index + 1}`, index % 2 ? '男' : '女', `阳光社区 ${index % 40} 栋`, `138${String(index).padStart(8, '0')}`]);
    const big = await sheet(crowd);
    expect((await station.call(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: big })).imported).toBe(10_000);
    expect(await station.raw(chen, 'activities.importSignIns', { activityId: activity.id, dataBase64: big })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'activities.signIns', { id: activity.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const tooMany = await sheet([...crowd, [10_001, '居民10001', '', '', '']]);
    expect(await station.raw(reception, 'activities.importSignIns', { activityId: activity.id, dataBase64: tooMany })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('签到表最多 10000 行') },
    });
  });
});

/** An activity as the edit form sends it back. */
async function activityInputOf(setup: Setup, id: number): Promise<MethodInput<'activities.update'>> {
  const record = await setup.station.call(setup.liwei, 'activities.get', { id });
  return {
    id,
    type: record.type,
    outreachTargets: record.outreachTargets,
    theme: record.theme,
    date: record.date,
    startTime: record.startTime,
    endTime: record.endTime,
    location: record.location,
    partnerUnits: record.partnerUnits,
    staffIds: record.staff.map((member) => member.id),
    volunteers: record.volunteers,
    participantCount: record.participantCount,
    rosterClientIds: [],
    outputs: record.outputs,
    summary: record.summary,
    status: record.status,
  };
}
