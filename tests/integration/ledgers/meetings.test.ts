import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { adult } from '../helpers/clients.js';
import { xinyi } from '../helpers/entries.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

async function userIds(setup: Setup): Promise<Record<string, number>> {
  const users = await setup.station.call(setup.station.admin, 'users.list', {});
  return Object.fromEntries(users.map((user) => [user.username, user.id]));
}

/** A 工作例会 held on 2026-11-20 (the clock stands at 2026-11-23 10:00 Beijing time) with one decision. */
const meeting = (staffIds: number[], responsibleId: number): MethodInput<'meetings.create'> => ({
  kind: 'staff',
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '15:30',
  location: '站内会议室',
  staffIds,
  outsideAttendees: ['社区居委会 王主任'],
  agenda: '一、十一月工作小结；二、十二月宣传安排',
  minutes: '本月接待来访 32 人次，热线 18 次。讨论了寒假前的青少年讲座安排。',
  decisions: [{ text: '联系胜利路小学确定讲座时间', responsibleId, dueOn: '2026-12-05', done: false }],
  caseId: null,
});

async function auditRows(setup: Setup, action: string) {
  return (await setup.station.call(setup.station.admin, 'audit.list', { action, pageSize: 200 })).rows;
}

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('SIGN')]).toString('base64');
const attach = (ownerId: number) => ({ ownerType: 'meeting' as const, ownerId, fileName: '签到表.png', mime: 'image/png' as const, dataBase64: png });

describe('meetings ledger (会议记录)', () => {
  it('a counsellor records a meeting they attended with a decision; reception reads it without minutes or decisions; edits are audited by field', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception } = setup;
    const ids = await userIds(setup);
    const created = await station.call(liwei, 'meetings.create', meeting([ids.liwei!, ids.chen!], ids.chen!));
    expect(created).toMatchObject({
      kind: 'staff',
      date: '2026-11-20',
      planned: false,
      minutesRecorded: true,
      decisionCount: 1,
      decisionsOpen: 1,
      hidden: null,
      case: null,
      caseHidden: false,
      editable: true,
      recordedBy: { id: ids.liwei, displayName: 'liwei' },
      outsideAttendees: ['社区居委会 王主任'],
    });
    expect(created.staff.map((member) => member.displayName)).toEqual(['liwei', 'chen']);
    expect(created.minutes).toContain('青少年讲座');
    expect(created.decisions).toEqual([{ id: expect.any(Number), text: '联系胜利路小学确定讲座时间', responsible: { id: ids.chen, displayName: 'chen' }, dueOn: '2026-12-05', done: false }]);

    const atDesk = await station.call(reception, 'meetings.get', { id: created.id });
    expect(atDesk).toMatchObject({ minutes: null, decisions: null, hidden: 'reception', minutesRecorded: true, decisionCount: 1, editable: false, agenda: created.agenda });
    expect(JSON.stringify(await station.call(reception, 'meetings.list', { from: '2026-11-01', to: '2026-11-30' }))).not.toMatch(/青少年讲座|胜利路小学/);
    // Lists carry no minutes for anyone.
    expect((await station.call(station.admin, 'meetings.list', { from: '2026-11-01', to: '2026-11-30' }))[0]).toMatchObject({ minutes: null, decisions: null, hidden: null });

    const done = await station.call(chen, 'meetings.update', { ...meeting([ids.liwei!, ids.chen!], ids.chen!), id: created.id, decisions: [{ text: '联系胜利路小学确定讲座时间', responsibleId: ids.chen!, dueOn: '2026-12-05', done: true }], location: '二楼会议室' });
    expect(done).toMatchObject({ decisionsOpen: 0, location: '二楼会议室' });
    const [update] = await auditRows(setup, 'meetings.update');
    expect(update).toMatchObject({ actorName: 'chen', objectType: 'meeting', objectId: String(created.id), detail: { changedFields: '地点、决议事项' } });
    expect(JSON.stringify(await station.call(station.admin, 'audit.list', { pageSize: 200 }))).not.toMatch(/青少年讲座|胜利路小学/);

    // A counsellor records only meetings they attended, and edits only those.
    const notThere = await station.raw(chen, 'meetings.create', meeting([ids.liwei!], ids.liwei!));
    expect(notThere.ok ? null : notThere.error).toMatchObject({ message: expect.stringContaining('咨询师只能登记自己参加的会议'), details: [{ path: 'staffIds' }] });
    const liweiOnly = await station.call(liwei, 'meetings.create', meeting([ids.liwei!], ids.liwei!));
    const chenEdit = await station.raw(chen, 'meetings.update', { ...meeting([ids.chen!, ids.liwei!], ids.chen!), id: liweiOnly.id });
    expect(chenEdit.ok ? null : chenEdit.error.code).toBe('FORBIDDEN');
    expect((await station.call(chen, 'meetings.get', { id: liweiOnly.id })).editable).toBe(false);
    const deskCreate = await station.raw(reception, 'meetings.create', meeting([ids.qiantai!], ids.qiantai!));
    expect(deskCreate.ok ? null : deskCreate.error.code).toBe('FORBIDDEN');
  });

  it('a 个案研讨 names no client unless linked to the case; then only those reaching the case read the minutes and the link', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, caseId } = setup;
    const ids = await userIds(setup);
    const discussion = { ...meeting([ids.liwei!, ids.chen!], ids.liwei!), kind: 'case_discussion', agenda: '个案研讨：一名中年来访者的睡眠问题', minutes: '张三近两周睡眠差，讨论转介精神专科评估。', decisions: [] };
    const unlinked = await station.raw(liwei, 'meetings.create', discussion);
    expect(unlinked.ok ? null : unlinked.error).toMatchObject({ message: '未关联个案的个案研讨纪要和决议不能写来访者姓名（张三）：请改用化名，或关联所研讨的个案。', details: [{ path: 'minutes' }] });
    const inDecision = await station.raw(liwei, 'meetings.create', { ...discussion, minutes: '来访者甲睡眠差。', decisions: [{ text: '约张三复诊', responsibleId: ids.liwei!, dueOn: '2026-11-30', done: false }] });
    expect(inDecision.ok ? null : inDecision.error.details).toEqual([{ path: 'decisions', message: expect.stringContaining('张三') }]);
    const inAgenda = await station.raw(liwei, 'meetings.create', { ...discussion, caseId, agenda: '研讨张三个案' });
    expect(inAgenda.ok ? null : inAgenda.error.details).toEqual([{ path: 'agenda', message: expect.stringContaining('议程全站可见') }]);
    // A staff member's name is not a client's, even where a client shares it.
    await station.call(reception, 'clients.register', { ...adult, name: 'chen', idNumber: undefined, phone: '13900000001' });
    const anonymous = await station.call(liwei, 'meetings.create', { ...discussion, minutes: '来访者甲近两周睡眠差，chen 建议转介评估。' });
    expect(anonymous.case).toBeNull();
    expect((await station.call(chen, 'meetings.get', { id: anonymous.id })).minutes).toContain('来访者甲');

    // chen does not reach liwei's case: he may not link it.
    const chenLinks = await station.raw(chen, 'meetings.create', { ...discussion, caseId });
    expect(chenLinks.ok ? null : chenLinks.error).toMatchObject({ message: '只能关联您负责或共享给您的个案。', details: [{ path: 'caseId' }] });

    const linked = await station.call(liwei, 'meetings.create', { ...discussion, caseId });
    expect(linked).toMatchObject({ case: { id: caseId, clientName: '张三' }, caseHidden: false, hidden: null });
    expect(linked.minutes).toContain('张三');
    const forChen = await station.call(chen, 'meetings.get', { id: linked.id });
    expect(forChen).toMatchObject({ minutes: null, decisions: null, hidden: 'case', case: null, caseHidden: true, editable: false, agenda: discussion.agenda });
    expect(JSON.stringify(forChen)).not.toContain('张三');
    expect(await station.call(reception, 'meetings.get', { id: linked.id })).toMatchObject({ hidden: 'reception', case: null, caseHidden: true });
    const chenEdits = await station.raw(chen, 'meetings.update', { ...discussion, caseId, id: linked.id });
    expect(chenEdits.ok ? null : chenEdits.error.code).toBe('FORBIDDEN');
    expect((await station.call(station.admin, 'meetings.get', { id: linked.id })).minutes).toContain('张三');
    // Reading a case-linked meeting's minutes is audited (who read which meeting), never its content.
    const reads = await auditRows(setup, 'meetings.view');
    expect(reads.map((row) => row.actorName)).toEqual(['admin']);

    // Its files follow the minutes: chen and reception are refused, liwei adds one.
    expect((await station.raw(chen, 'attachments.list', { ownerType: 'meeting', ownerId: linked.id })).ok).toBe(false);
    const deskFiles = await station.raw(reception, 'attachments.list', { ownerType: 'meeting', ownerId: anonymous.id });
    expect(deskFiles.ok ? null : deskFiles.error.message).toContain('前台不能查看');
    expect(await station.call(liwei, 'attachments.add', attach(linked.id))).toHaveLength(1);
    // chen attended the unlinked one and reads its files; he did not attend liwei's own meeting, so he adds none there.
    await station.call(chen, 'attachments.add', attach(anonymous.id));
    const own = await station.call(liwei, 'meetings.create', meeting([ids.liwei!], ids.liwei!));
    const chenAdds = await station.raw(chen, 'attachments.add', attach(own.id));
    expect(chenAdds.ok ? null : chenAdds.error.message).toContain('只有站长或参加该会议的咨询师');
    expect(await station.call(chen, 'attachments.list', { ownerType: 'meeting', ownerId: own.id })).toEqual([]);
  });

  it('a meeting dated ahead is a plan: no minutes or decisions until it is held; lists filter by period and kind', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const ids = await userIds(setup);
    const base = meeting([ids.liwei!], ids.liwei!);
    const ahead = await station.raw(liwei, 'meetings.create', { ...base, date: '2026-11-24', decisions: [] });
    expect(ahead.ok ? null : ahead.error).toMatchObject({ message: '会议日期 2026-11-24 在今天之后，只能登记为计划中的会议：会议纪要和决议请在会后填写。', details: [{ path: 'minutes' }] });
    const decisionsAhead = await station.raw(liwei, 'meetings.create', { ...base, date: '2026-12-24', minutes: '', decisions: [{ text: '准备材料', responsibleId: ids.liwei!, dueOn: '2026-12-30', done: false }] });
    expect(decisionsAhead.ok ? null : decisionsAhead.error.details).toEqual([{ path: 'decisions', message: expect.stringContaining('计划中的会议') }]);
    const planned = await station.call(liwei, 'meetings.create', { ...base, kind: 'leading_group', date: '2026-12-15', minutes: '', decisions: [], agenda: '下半年领导小组会议：听取工作汇报' });
    expect(planned).toMatchObject({ planned: true, minutesRecorded: false, decisionCount: 0 });
    // Today's meeting may be written up the same day.
    expect((await station.call(liwei, 'meetings.create', { ...base, date: '2026-11-23' })).planned).toBe(false);
    await station.call(liwei, 'meetings.create', { ...base, kind: 'supervision', date: '2026-10-15', decisions: [] });
    await station.call(liwei, 'meetings.create', { ...base, kind: 'supervision', date: '2026-11-10', minutes: '', decisions: [] });

    const list = async (filter: Partial<MethodInput<'meetings.list'>>) =>
      (await station.call(reception, 'meetings.list', { from: '2026-11-01', to: '2026-12-31', ...filter })).map((row) => `${row.date} ${row.kind}${row.planned ? ' 计划' : ''}${row.minutesRecorded ? '' : ' 待补'}`);
    expect(await list({})).toEqual(['2026-11-10 supervision 待补', '2026-11-23 staff', '2026-12-15 leading_group 计划 待补']);
    expect(await list({ kind: 'supervision' })).toEqual(['2026-11-10 supervision 待补']);
    expect(await list({ from: '2026-10-01', kind: 'supervision' })).toEqual(['2026-10-15 supervision', '2026-11-10 supervision 待补']);
    const reversed = await station.raw(reception, 'meetings.list', { from: '2026-12-01', to: '2026-11-01' });
    expect(reversed.ok ? null : reversed.error.message).toContain('开始日期不能晚于结束日期。');
  });

  it('refuses bad input with a Chinese message naming the field, and saves nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const good = meeting([ids.liwei!], ids.liwei!);
    const kept = await station.call(liwei, 'meetings.create', good);
    const decision = good.decisions![0]!;
    const bad: Array<[string, MethodInput<'meetings.create'>, RegExp, string]> = [
      ['end before start', { ...good, endTime: '13:00' }, /结束时间须晚于开始时间/, 'endTime'],
      ['end equals start', { ...good, endTime: '14:00' }, /结束时间须晚于开始时间/, 'endTime'],
      ['unknown kind', { ...good, kind: 'party' }, /会议类型不在字典中：party/, 'kind'],
      ['no staff', { ...good, staffIds: [] }, /请至少选择一名参会的本站人员/, 'staffIds'],
      ['unknown staff', { ...good, staffIds: [ids.liwei!, 777] }, /参会人员账号 #777 不存在/, 'staffIds'],
      ['unknown responsible', { ...good, decisions: [{ ...decision, responsibleId: 778 }] }, /决议负责人账号 #778 不存在/, 'decisions'],
      ['due before the meeting', { ...good, decisions: [{ ...decision, dueOn: '2026-11-19' }] }, /第 1 项决议的完成期限不能早于会议日期/, 'decisions.0.dueOn'],
      ['empty decision', { ...good, decisions: [{ ...decision, text: ' ' }] }, /请填写决议事项/, 'decisions.0.text'],
      ['no agenda', { ...good, agenda: '' }, /请填写会议议程/, 'agenda'],
      ['no place', { ...good, location: '' }, /请填写会议地点/, 'location'],
      ['oversized minutes', { ...good, minutes: '长'.repeat(5001) }, /会议纪要不能超过 5000 个字符/, 'minutes'],
      ['missing case', { ...good, caseId: 9999 }, /个案 #9999 不存在/, 'caseId'],
      ['impossible date', { ...good, date: '2026-02-30' }, /日期/, 'date'],
      ['bad time', { ...good, startTime: '25:00' }, /时间格式应为 HH:MM/, 'startTime'],
    ];
    for (const [name, input, message, field] of bad) {
      const result = await station.raw(liwei, 'meetings.create', input);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.message, name).toMatch(message);
      expect((result.error.details as Array<{ path: string }>).map((detail) => detail.path), name).toContain(field);
      const update = await station.raw(liwei, 'meetings.update', { ...input, id: kept.id });
      expect(update.ok, `${name} (update)`).toBe(false);
    }
    expect(await station.call(liwei, 'meetings.list', { from: '2020-01-01', to: '2026-12-31' })).toEqual([{ ...kept, minutes: null, decisions: null }]);
    expect(await auditRows(setup, 'meetings.update')).toEqual([]);
  });

  it('only the 站长 removes a meeting, with a reason; it leaves the ledger', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const held = await station.call(liwei, 'meetings.create', meeting([ids.liwei!], ids.liwei!));
    const byCounsellor = await station.raw(liwei, 'meetings.remove', { id: held.id, reason: '登记重复' });
    expect(byCounsellor.ok ? null : byCounsellor.error.code).toBe('FORBIDDEN');
    const noReason = await station.raw(station.admin, 'meetings.remove', { id: held.id, reason: '' });
    expect(noReason.ok ? null : noReason.error.message).toContain('删除原因');
    await station.call(station.admin, 'meetings.remove', { id: held.id, reason: '登记重复' });
    expect((await station.raw(liwei, 'meetings.get', { id: held.id })).ok).toBe(false);
    expect(await station.call(liwei, 'meetings.list', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    expect((await auditRows(setup, 'meetings.remove')).map((row) => row.detail)).toEqual([{ meetingKind: 'staff', meetingDate: '2026-11-20' }]);
  });

  it('exports the period as XLSX without minutes or decision texts for any staff role, audited with the row count', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const ids = await userIds(setup);
    await station.call(liwei, 'meetings.create', meeting([ids.liwei!, ids.chen!], ids.chen!));
    await station.call(liwei, 'meetings.create', { ...meeting([ids.liwei!], ids.liwei!), kind: 'leading_group', date: '2026-12-10', minutes: '', decisions: [] });
    const file = await station.call(reception, 'meetings.export', { from: '2026-11-01', to: '2026-12-31' });
    expect(file).toMatchObject({ rows: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = (index: number) => (sheet.getRow(index).values as ExcelJS.CellValue[]).slice(1).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));
    expect(String(row(1)[0])).toContain('会议台账');
    expect(row(2)).toEqual(['日期', '时间', '会议类型', '地点', '本站参会人员', '外单位参会人员', '议程', '纪要', '决议事项', '未完成决议']);
    expect(row(3)).toEqual(['2026-11-20', '14:00–15:30', '工作例会', '站内会议室', 'liwei、chen', '社区居委会 王主任', meeting([], 0).agenda, '已记录', 1, 1]);
    expect(row(4).slice(2, 10)).toEqual(['领导小组会议', '站内会议室', 'liwei', '社区居委会 王主任', meeting([], 0).agenda, '计划中', 0, 0]);
    expect(JSON.stringify(row(3))).not.toMatch(/青少年讲座|胜利路小学/);
    const [audited] = await auditRows(setup, 'meetings.export');
    expect(audited).toMatchObject({ actorName: 'qiantai', detail: { period: '2026-11-01~2026-12-31', count: 2 } });
  });
});

describe('xinyi export meetings', () => {
  it("writes the period's meetings ledger with --period", async () => {
    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const me = JSON.parse(xinyi(['call', 'auth.me', '--user', 'admin', '--data-dir', dir], password).stdout) as { user: { id: number } };
    const input = { ...meeting([me.user.id], me.user.id), date: '2026-06-05', decisions: [{ text: '修订预约服务制度', responsibleId: me.user.id, dueOn: '2026-06-30', done: true }] };
    const created = xinyi(['call', 'meetings.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify(input));
    expect(created.code, created.stderr).toBe(0);
    const out = path.join(tempDir(), '会议台账.xlsx');
    const written = xinyi(['export', 'meetings', '--period', '2026', '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 1 行');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.getRow(3).getCell(3).value).toBe('工作例会');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['会议台账.xlsx']);
  });
});
