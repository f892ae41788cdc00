import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { readLedgerSheet } from '../helpers/workbook.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { xinyi } from '../helpers/entries.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';

/** A call taken on 2026-11-20 (the clock stands at 2026-11-23 10:00 Beijing time). */
const call = (takenBy: number): MethodInput<'calls.create'> => ({
  date: '2026-11-20',
  startTime: '21:15',
  durationMinutes: 25,
  takenBy,
  callerType: 'self',
  problemType: 'emotion',
  highRisk: false,
  difficult: false,
  repeatCaller: false,
  outcome: 'counselled',
  note: '失眠两周，情绪低落，给予倾听与放松指导。',
  clientId: null,
});

describe('hotline ledger (热线/电话咨询登记)', () => {
  it('a counsellor records a call, reads it back with its note, edits it; the edit is audited with the fields changed, never the note', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, clientId } = setup;
    const ids = await userIds(setup);
    const created = await station.call(liwei, 'calls.create', { ...call(ids.liwei!), clientId });
    expect(created).toMatchObject({ date: '2026-11-20', startTime: '21:15', durationMinutes: 25, takenBy: { id: ids.liwei, displayName: 'liwei' }, outcome: 'counselled', editable: true, crisisId: null });
    expect(created.note).toBe('失眠两周，情绪低落，给予倾听与放松指导。');
    expect(created.client).toEqual({ id: clientId, name: '张三' });
    expect(await station.call(liwei, 'calls.get', { id: created.id })).toEqual(created);

    const edited = await station.call(liwei, 'calls.update', { ...call(ids.liwei!), clientId, id: created.id, durationMinutes: 40, problemType: 'family', note: '补充：与配偶冲突。' });
    expect(edited).toMatchObject({ durationMinutes: 40, problemType: 'family', note: '补充：与配偶冲突。' });
    const [update] = await auditRows(setup, 'calls.update');
    expect(update).toMatchObject({ actorName: 'liwei', objectType: 'call', objectId: String(created.id), result: 'success' });
    expect(update!.detail.changedFields).toBe('时长、问题类型、备注');
    expect(JSON.stringify(await station.call(station.admin, 'audit.list', { pageSize: 200 }))).not.toContain('配偶');
    expect(await auditRows(setup, 'calls.create')).toHaveLength(1);
  });

  it('reception records a call and never reads a note back; lists carry no notes; reading one is audited', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception } = setup;
    const ids = await userIds(setup);
    const byDesk = await station.call(reception, 'calls.create', { ...call(ids.qiantai!), note: '来电者询问预约，情绪激动。' });
    expect(byDesk.note).toBeNull();
    expect(byDesk.editable).toBe(false);
    const byLiwei = await station.call(liwei, 'calls.create', call(ids.liwei!));
    const deskList = await station.call(reception, 'calls.list', { from: '2026-11-01', to: '2026-11-30' });
    expect(deskList.map((row) => row.note)).toEqual([null, null]);
    expect(JSON.stringify(deskList)).not.toContain('失眠');
    expect((await station.call(reception, 'calls.get', { id: byLiwei.id })).note).toBeNull();
    // The 站长 reads every note (reception's too, sealed while no clinical key was held); chen none he did not take.
    expect((await station.call(station.admin, 'calls.get', { id: byDesk.id })).note).toBe('来电者询问预约，情绪激动。');
    expect((await station.call(chen, 'calls.get', { id: byLiwei.id })).note).toBeNull();
    // Lists carry no note for anyone; reading one, call by call, is audited (who read which call, never the note).
    expect((await station.call(station.admin, 'calls.list', { from: '2026-11-01', to: '2026-11-30' })).map((row) => row.note)).toEqual([null, null]);
    const reads = await auditRows(setup, 'calls.view');
    expect(reads.map((row) => [row.actorName, row.objectId])).toEqual([['admin', String(byDesk.id)]]);
    expect(JSON.stringify(reads)).not.toContain('情绪激动');
    // Reception may not record a call as someone else's, nor edit one.
    const asLiwei = await station.raw(reception, 'calls.create', call(ids.liwei!));
    expect(asLiwei.ok ? null : asLiwei.error.message).toContain('只能登记自己接听的来电');
    const deskEdit = await station.raw(reception, 'calls.update', { ...call(ids.qiantai!), id: byDesk.id });
    expect(deskEdit.ok ? null : deskEdit.error.code).toBe('FORBIDDEN');
    // chen did not take liwei's call: may not edit it.
    const chenEdit = await station.raw(chen, 'calls.update', { ...call(ids.chen!), id: byLiwei.id });
    expect(chenEdit.ok ? null : chenEdit.error.code).toBe('FORBIDDEN');

  });

  it('a 高危 call opens a crisis record in one step, linked to the call; reception may not', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception, clientId } = setup;
    const ids = await userIds(setup);
    const ordinary = await station.call(liwei, 'calls.create', call(ids.liwei!));
    const notHighRisk = await station.raw(liwei, 'calls.openCrisis', { id: ordinary.id });
    expect(notHighRisk.ok ? null : notHighRisk.error.message).toBe('只有标记为“高危”的来电可以由此开启危机干预。');

    const urgent = await station.call(reception, 'calls.create', { ...call(ids.qiantai!), highRisk: true, outcome: 'police', note: '来电者称已准备药物。' });
    const byDesk = await station.raw(reception, 'calls.openCrisis', { id: urgent.id });
    expect(byDesk.ok ? null : byDesk.error.code).toBe('FORBIDDEN');

    const linked = await station.call(liwei, 'calls.openCrisis', { id: urgent.id });
    expect(linked.crisisId).not.toBeNull();
    const crisis = await station.call(liwei, 'crises.get', { id: linked.crisisId! });
    expect(crisis).toMatchObject({ status: 'active', clientId: null, location: '电话', unknownPerson: `热线来电者（来电记录 ${urgent.id}）` });
    expect(crisis.summary).toContain('热线来电（2026-11-20 21:15，25 分钟）标记为高危。');
    const again = await station.raw(liwei, 'calls.openCrisis', { id: urgent.id });
    expect(again.ok ? null : again.error.message).toContain('该来电已开启危机干预');

    // A call linked to a client: the crisis names the client and grades them red.
    const known = await station.call(liwei, 'calls.create', { ...call(ids.liwei!), highRisk: true, clientId });
    const withClient = await station.call(liwei, 'calls.openCrisis', { id: known.id, location: '来访者家中' });
    expect(await station.call(liwei, 'crises.get', { id: withClient.crisisId! })).toMatchObject({ clientId, location: '来访者家中' });
    const [opened] = await auditRows(setup, 'calls.openCrisis');
    expect(opened).toMatchObject({ actorName: 'liwei', objectId: String(known.id), detail: { crisisId: withClient.crisisId } });
    expect(await auditRows(setup, 'crises.open')).toHaveLength(2);
  });

  it('keeps a call at least three years: an earlier removal is refused, a later one by the 站长 is allowed', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, time } = setup;
    const ids = await userIds(setup);
    const young = await station.call(station.admin, 'calls.create', { ...call(ids.admin!), date: '2023-11-24' });
    const old = await station.call(station.admin, 'calls.create', { ...call(ids.admin!), date: '2023-11-23' });
    const refused = await station.raw(station.admin, 'calls.remove', { id: young.id, reason: '登记有误' });
    expect(refused.ok ? null : refused.error.message).toBe('热线来电记录须保存至少 3 年：2023-11-24 的来电要到 2026-11-24 起才能删除。');
    expect((await station.call(station.admin, 'calls.get', { id: young.id })).id).toBe(young.id);

    await station.call(station.admin, 'calls.remove', { id: old.id, reason: '超过保存期限' });
    const gone = await station.raw(station.admin, 'calls.get', { id: old.id });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');

    time.advance(86_400_000);
    await station.call(station.admin, 'calls.remove', { id: young.id, reason: '超过保存期限' });
    expect(await station.call(station.admin, 'calls.list', { from: '2023-01-01', to: '2023-12-31' })).toEqual([]);
    expect((await auditRows(setup, 'calls.remove')).map((row) => row.detail)).toEqual([{ callDate: '2023-11-24' }, { callDate: '2023-11-23' }]);
    const byCounsellor = await station.raw(setup.liwei, 'calls.remove', { id: young.id, reason: '超过保存期限' });
    expect(byCounsellor.ok ? null : byCounsellor.error.code).toBe('FORBIDDEN');
  });

  it('lists by month, problem type and the 高危 flag, and counts the month by problem type and outcome in SQL', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const ids = await userIds(setup);
    const base = call(ids.liwei!);
    await station.call(liwei, 'calls.create', { ...base, date: '2026-10-31' });
    await station.call(liwei, 'calls.create', { ...base, date: '2026-11-02', startTime: '08:00', highRisk: true, outcome: 'ambulance', durationMinutes: 50 });
    await station.call(liwei, 'calls.create', { ...base, date: '2026-11-02', startTime: '07:30', problemType: 'child_education', difficult: true, outcome: 'referred' });
    await station.call(liwei, 'calls.create', { ...base, date: '2026-11-21', problemType: 'child_education', repeatCaller: true, outcome: 'station_case' });
    const list = async (filter: Partial<MethodInput<'calls.list'>>) =>
      (await station.call(reception, 'calls.list', { from: '2026-11-01', to: '2026-11-30', ...filter })).map((row) => `${row.date} ${row.startTime} ${row.problemType}`);
    expect(await list({})).toEqual(['2026-11-02 07:30 child_education', '2026-11-02 08:00 emotion', '2026-11-21 21:15 child_education']);
    expect(await list({ problemType: 'child_education' })).toEqual(['2026-11-02 07:30 child_education', '2026-11-21 21:15 child_education']);
    expect(await list({ highRisk: true })).toEqual(['2026-11-02 08:00 emotion']);
    expect(await list({ highRisk: false, problemType: 'emotion' })).toEqual([]);

    const counts = await station.call(reception, 'calls.counts', { from: '2026-11-01', to: '2026-11-30' });
    const byProblem = Object.fromEntries(counts.byProblemType.map((row) => [row.label, row.calls]));
    expect(byProblem).toMatchObject({ 情绪: 1, 子女教育: 2, 家庭关系: 0, 其他: 0 });
    expect(counts.byOutcome).toEqual([
      { code: 'counselled', label: '疏导', calls: 0 },
      { code: 'referred', label: '转介', calls: 1 },
      { code: 'police', label: '报警', calls: 0 },
      { code: 'ambulance', label: '120', calls: 1 },
      { code: 'station_case', label: '转本站个案', calls: 1 },
    ]);
    expect(counts.total).toEqual({ calls: 3, minutes: 100, highRisk: 1, difficult: 1, repeatCaller: 1 });
  });

  it("lists one client's calls for those who reach the client: the case's counsellor and the 站长, never a colleague or reception", async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, clientId } = setup;
    const ids = await userIds(setup);
    const linked = await station.call(liwei, 'calls.create', { ...call(ids.liwei!), clientId });
    await station.call(liwei, 'calls.create', { ...call(ids.liwei!), startTime: '21:50' });
    await station.call(reception, 'calls.create', { ...call(ids.qiantai!), date: '2026-11-21', clientId });
    const period = { from: '2023-11-23', to: '2026-11-23', clientId };
    const mine = await station.call(liwei, 'calls.list', period);
    expect(mine.map((row) => [row.date, row.client?.name])).toEqual([
      ['2026-11-20', '张三'],
      ['2026-11-21', '张三'],
    ]);
    expect(mine.map((row) => row.note)).toEqual([null, null]);
    expect((await station.call(station.admin, 'calls.list', period)).map((row) => row.id)).toEqual(mine.map((row) => row.id));
    expect((await station.call(station.admin, 'calls.list', { ...period, to: '2026-11-20' })).map((row) => row.id)).toEqual([linked.id]);

    const colleague = await station.raw(chen, 'calls.list', period);
    expect(colleague.ok ? null : [colleague.error.code, colleague.error.message]).toEqual(['FORBIDDEN', '您没有该来访者的个案（未分配或共享给您），不能查看其热线来电。']);
    const desk = await station.raw(reception, 'calls.list', period);
    expect(desk.ok ? null : desk.error.code).toBe('FORBIDDEN');
    expect(desk.ok ? '' : desk.error.message).toMatch(/[\u4e00-\u9fa5]/);
    // Shared with chen, the client's calls are his to see too.
    await station.call(liwei, 'cases.share', { id: setup.caseId, userId: ids.chen!, shared: true });
    expect(await station.call(chen, 'calls.list', period)).toHaveLength(2);
  });

  it('refuses bad input with a Chinese message and saves nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const good = call(ids.liwei!);
    const kept = await station.call(liwei, 'calls.create', good);
    const bad: Array<[string, MethodInput<'calls.create'>, RegExp]> = [
      ['a future day', { ...good, date: '2026-11-24' }, /还未到，不能登记/],
      ['later today', { ...good, date: '2026-11-23', startTime: '10:30' }, /还未到/],
      ['zero minutes', { ...good, durationMinutes: 0 }, /通话时长至少 1 分钟/],
      ['negative minutes', { ...good, durationMinutes: -5 }, /通话时长至少 1 分钟/],
      ['fractional minutes', { ...good, durationMinutes: 2.5 }, /通话时长须为整数分钟/],
      ['unknown caller type', { ...good, callerType: 'alien' }, /来电者类型不在字典中：alien/],
      ['unknown problem type', { ...good, problemType: 'ufo' }, /问题类型不在字典中：ufo/],
      ['unknown outcome', { ...good, outcome: 'ignored' as never }, /请选择处理方式/],
      ['oversized note', { ...good, note: '长'.repeat(1001) }, /通话摘要不能超过 1000 个字符/],
      ['client that does not exist', { ...good, clientId: 9999 }, /来访者 #9999 不存在/],
      ['taker who does not exist', { ...good, takenBy: 777 }, /接听人账号 #777 不存在/],
      ['impossible date', { ...good, date: '2026-02-30' }, /日期/],
      ['bad time', { ...good, startTime: '25:00' }, /时间格式应为 HH:MM/],
    ];
    for (const [name, input, message] of bad) {
      const result = await station.raw(liwei, 'calls.create', input);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.message, name).toMatch(message);
      const update = await station.raw(liwei, 'calls.update', { ...input, id: kept.id });
      expect(update.ok, `${name} (update)`).toBe(false);
    }
    const fieldOf = async (input: MethodInput<'calls.create'>) => {
      const result = await station.raw(liwei, 'calls.create', input);
      return result.ok ? null : (result.error.details as Array<{ path: string }> | undefined)?.map((detail) => detail.path);
    };
    expect(await fieldOf({ ...good, date: '2026-11-24' })).toEqual(['date']);
    expect(await fieldOf({ ...good, problemType: 'ufo' })).toEqual(['problemType']);
    expect(await fieldOf({ ...good, takenBy: ids.chen! })).toEqual(['takenBy']);
    const reversed = await station.raw(liwei, 'calls.list', { from: '2026-11-30', to: '2026-11-01' });
    expect(reversed.ok ? null : reversed.error.message).toContain('开始日期不能晚于结束日期。');
    expect(await station.call(liwei, 'calls.list', { from: '2020-01-01', to: '2026-12-31' })).toEqual([{ ...kept, note: null }]);
    expect(await auditRows(setup, 'calls.update')).toEqual([]);
  });

  it('exports the month as XLSX without notes or names for any staff role, audited with the row count', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception, clientId } = setup;
    const ids = await userIds(setup);
    await station.call(liwei, 'calls.create', { ...call(ids.liwei!), clientId, highRisk: true, repeatCaller: true, outcome: 'referred' });
    await station.call(liwei, 'calls.create', { ...call(ids.liwei!), date: '2026-10-30' });
    const file = await station.call(reception, 'calls.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(file).toMatchObject({ fileName: '热线来电登记_2026年11月.xlsx', rows: 1 });
    const sheet = await readLedgerSheet(file);
    expect(sheet.title).toContain('热线来电登记 · 2026年11月');
    expect(sheet.headers).toEqual(['日期', '开始时间', '时长（分钟）', '接听人', '来电者', '问题类型', '高危', '困难', '反复来电', '处理方式', '已建档', '危机干预编号']);
    // A row's empty last cell (no crisis) is not written.
    expect(sheet.rows).toEqual([['2026-11-20', '21:15', 25, 'liwei', '本人', '情绪', '是', null, '是', '转介', '是']]);
    expect(JSON.stringify(sheet)).not.toMatch(/张三|失眠/);
    const [row] = await auditRows(setup, 'calls.export');
    expect(row).toMatchObject({ actorName: 'qiantai', detail: { period: '2026-11-01~2026-11-30', count: 1 } });
  });
});

describe('xinyi export calls', () => {
  it("writes the month's hotline ledger with --period", async () => {
    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const me = JSON.parse(xinyi(['call', 'auth.me', '--user', 'admin', '--data-dir', dir], password).stdout) as { user: { id: number } };
    const created = xinyi(['call', 'calls.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify({ ...call(me.user.id), date: '2026-11-05' }));
    expect(created.code, created.stderr).toBe(0);
    const out = path.join(tempDir(), '热线来电登记.xlsx');
    const written = xinyi(['export', 'calls', '--period', '2026-11', '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 1 行');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.getRow(3).getCell(6).value).toBe('情绪');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['热线来电登记.xlsx']);
  });
});
