import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/api/schemas/exports.js';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { adult } from '../helpers/clients.js';
import { createStation, manualClock, stationInput, type Station } from '../helpers/station.js';

/** A produced workbook as the station will open it: the title row, the header row, the data rows as text. */
async function open(file: ExportFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rowValues = (index: number) => (sheet.getRow(index).values as ExcelJS.CellValue[]).slice(1);
  const text = (value: ExcelJS.CellValue) => (value instanceof Date ? value.toISOString().slice(0, 16).replace('T', ' ').replace(/ 00:00$/, '') : value === null || value === undefined ? '' : String(value));
  const headers = rowValues(2).map(text);
  const rows = Array.from({ length: sheet.rowCount - 2 }, (_, index) => headers.map((_header, column) => text(rowValues(index + 3)[column])));
  return { sheet, title: text(rowValues(1)[0]!), headers, rows, column: (header: string) => rows.map((row) => row[headers.indexOf(header)]) };
}

const note = { complaint: '近两周失眠、情绪低落', assessment: 'PHQ-9 中度', intervention: '情绪疏导', plan: '每周一次', freeText: '' };
const november = { from: '2026-11-01', to: '2026-11-30' };

describe('XLSX exports of the station lists', () => {
  let station: Station;
  let liwei: string;
  let chen: string;
  let reception: string;
  let screeningId: number;

  beforeAll(async () => {
    station = await createStation({ clock: manualClock(new Date('2026-11-23T02:00:00Z')).clock });
    liwei = await station.addUser('liwei', 'counsellor');
    chen = await station.addUser('chen', 'counsellor');
    reception = await station.addUser('qiantai', 'reception');
    const zhang = (await station.call(reception, 'clients.register', adult)).id;
    const li = (await station.call(reception, 'clients.register', { name: '李四', gender: 'male', birthDate: '1980-05-01', phone: '13900001111', source: 'walk_in' })).id;
    const zhangCase = await station.call(liwei, 'cases.open', { clientId: zhang, problemCategories: ['emotion'], reason: '自主来访，主诉失眠', openedOn: '2026-10-15' });
    const liCase = await station.call(chen, 'cases.open', { clientId: li, problemCategories: ['family'], reason: '家庭矛盾', openedOn: '2026-11-01' });
    const session = (caseId: number, heldOn: string) => ({ caseId, heldOn, startTime: '09:30', durationMinutes: 50, modality: 'in_person' as const, kind: 'follow_up_session' as const, note });
    await station.call(liwei, 'sessions.saveDraft', session(zhangCase.id, '2026-10-20'));
    const signed = await station.call(liwei, 'sessions.saveDraft', session(zhangCase.id, '2026-11-05'));
    await station.call(liwei, 'sessions.sign', { id: signed.id });
    await station.call(chen, 'sessions.saveDraft', session(liCase.id, '2026-11-10'));
    await station.call(liwei, 'risk.grade', { clientId: zhang, level: 'red', reason: '有自伤念头，需密切关注', evidence: 'disclosure' });
    await station.call(chen, 'risk.grade', { clientId: li, level: 'yellow', reason: '家庭冲突持续', evidence: 'disclosure' });
    await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [2, 2, 2, 2, 1, 1, 0, 0, 0], clientId: zhang, comment: '首次评估很紧张' });
    await station.call(chen, 'results.submit', { scaleId: 'GAD-7', answers: [1, 1, 1, 1, 0, 0, 0], clientId: li });
    const screening = await station.call(chen, 'screenings.create', { name: '实验中学初二（3）班', scaleIds: ['PHQ-9'], codes: 2 });
    screeningId = screening.id;
    const kiosk = await station.call(chen, 'kiosk.open', { scaleIds: ['PHQ-9'], pin: '2468' });
    const context: CallContext = { scope: 'kiosk', transport: 'http', sessionToken: kiosk.sessionToken };
    await station.core.call(context, 'kiosk.submit', { scaleId: 'PHQ-9', version: 1, answers: [2, 2, 2, 2, 2, 0, 0, 0, 0], respondent: screening.participantList[0]!.code });
    await station.call(chen, 'kiosk.close', {});
    // Four accounts' key derivations (real scrypt) on a shared machine.
  }, 180_000);
  afterAll(() => station.dispose());

  it('sessions of a period: the station and period in the title, Chinese headers, frozen header, no note text', async () => {
    const file = await station.call(station.admin, 'sessions.export', november);
    expect(file.fileName).toBe('咨询记录_2026年11月.xlsx');
    const book = await open(file);
    expect(book.title).toBe(`${stationInput.name} · 咨询记录 · 2026年11月`);
    expect(book.headers).toEqual(['日期', '开始时间', '时长（分钟）', '方式', '类型', '来访者', '个案编号', '问题类别', '咨询师', '签名', '签名时间']);
    expect(book.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(book.rows.map((row) => [row[0], row[3], row[4], row[5], row[9]])).toEqual([
      ['2026-11-05', '面询', '复访', '张三', '已签名'],
      ['2026-11-10', '面询', '复访', '李四', '未签名'],
    ]);
    expect(book.sheet.getCell('C3').value).toBe(50);
    expect(JSON.stringify(book.rows)).not.toContain('失眠');
    // A counsellor's export holds the sessions of the cases they reach: a colleague's client is absent.
    expect((await open(await station.call(liwei, 'sessions.export', november))).column('来访者')).toEqual(['张三']);
    expect((await open(await station.call(chen, 'sessions.export', { from: '2026-10-01', to: '2026-11-30' }))).column('来访者')).toEqual(['李四']);
  });

  it('clients: masked by default, unmasked only for the 站长, no clinical column for reception, colour only where reached', async () => {
    const masked = await open(await station.call(station.admin, 'clients.export', {}));
    expect(masked.title).toBe(`${stationInput.name} · 来访者名单`);
    expect(masked.column('身份证号')).toEqual(['110105********002X', '']);
    expect(masked.column('联系电话')).toEqual(['138****5678', '139****1111']);
    expect(masked.headers).not.toContain('出生日期');
    expect(masked.column('预警等级')).toEqual(['红', '黄']);

    const full = await open(await station.call(station.admin, 'clients.export', { unmasked: true }));
    expect(full.column('身份证号')).toEqual(['11010519491231002X', '']);
    expect(full.column('联系电话')).toEqual(['13812345678', '13900001111']);
    expect(full.column('出生日期')).toEqual(['1949-12-31', '1980-05-01']);

    const desk = await open(await station.call(reception, 'clients.export', {}));
    expect(desk.headers).not.toContain('预警等级');
    expect(desk.column('姓名')).toEqual(['张三', '李四']);
    expect(desk.column('联系电话')).toEqual(['138****5678', '139****1111']);
    expect((await open(await station.call(liwei, 'clients.export', {}))).column('预警等级')).toEqual(['红', '']);

    const refused = await station.raw(liwei, 'clients.export', { unmasked: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有站长可以导出完整的身份证号和电话。' } });
    const denied = await station.call(station.admin, 'audit.list', { action: 'clients.export' });
    expect(denied.rows.find((row) => row.result === 'denied')).toMatchObject({ actorName: 'liwei', detail: { unmasked: true } });
  });

  it('follow-ups and scale results of a period, as the caller reaches them; answers and comments stay out', async () => {
    // A yellow grade's follow-up falls due in December: November holds the red one only.
    expect((await open(await station.call(station.admin, 'followUps.export', november))).column('来访者')).toEqual(['张三']);
    const all = await open(await station.call(station.admin, 'followUps.export', { from: '2026-11-01', to: '2026-12-31' }));
    expect(all.headers).toEqual(['来访者', '预警等级', '应随访日期', '状态', '完成日期', '随访方式', '复评等级', '逾期天数']);
    expect(all.rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ['张三', '红', '待随访'],
      ['李四', '黄', '待随访'],
    ]);
    expect((await open(await station.call(liwei, 'followUps.export', november))).column('来访者')).toEqual(['张三']);

    const results = await open(await station.call(station.admin, 'results.export', november));
    expect(results.headers).toEqual(['完成时间', '量表', '来访者', '总分', '结果分级', '危急条目', '施测方式', '施测人', '普查']);
    expect(results.rows.map((row) => [row[2], row[3], row[6]])).toEqual([
      ['张三', '10', '咨询师施测'],
      ['李四', '4', '咨询师施测'],
      [expect.any(String), '10', '自助终端'],
    ]);
    expect(results.column('普查')[2]).toBe('实验中学初二（3）班');
    expect(JSON.stringify(results.rows)).not.toContain('紧张');
    // liwei reaches 张三 only; the anonymous answer belongs to chen's screening.
    expect((await open(await station.call(liwei, 'results.export', november))).column('来访者')).toEqual(['张三']);
    expect((await open(await station.call(chen, 'results.export', november))).rows).toHaveLength(2);
  });

  it("a screening's results for its creator and the 站长 only", async () => {
    const book = await open(await station.call(chen, 'screenings.export', { id: screeningId }));
    expect(book.title).toBe(`${stationInput.name} · 普查结果 · 实验中学初二（3）班`);
    expect(book.rows.map((row) => [row[3], row[4]])).toEqual([
      ['已完成', '10'],
      ['未完成', ''],
    ]);
    expect(await station.raw(liwei, 'screenings.export', { id: screeningId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await station.call(station.admin, 'screenings.export', { id: screeningId })).rows).toBe(2);
  });

  it('the audit log of a date range for the 站长; every export is audited with its count, never its content', async () => {
    expect(await station.raw(liwei, 'audit.export', november)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(reception, 'sessions.export', november)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const file = await station.call(station.admin, 'audit.export', november);
    const book = await open(file);
    expect(book.headers).toEqual(['序号', '时间', '操作人', '账号', '操作', '对象', '对象编号', '结果', '说明']);
    // In the words the 审计日志 screen uses, not the action codes (issue 11 field test of the export).
    expect(book.column('操作')).toContain('导出咨询记录');
    expect(book.column('操作')).toContain('新建账号');
    expect(book.column('操作')).not.toContain('sessions.export');
    expect(book.column('对象')).toContain('用户');
    expect(book.column('结果')).toContain('成功');
    expect(book.column('说明')).toContain('条数：2；期间：2026-11-01~2026-11-30；量表：—');
    expect(book.column('说明').join('\n')).toMatch(/角色：心理咨询师\/社工/);
    expect(book.column('操作人')).toContain('王站长');
    const exports = await station.call(station.admin, 'audit.list', { action: 'sessions.export' });
    expect(exports.rows.map((row) => [row.actorName, row.detail])).toEqual([
      ['chen', { period: '2026-10-01~2026-11-30', count: 1 }],
      ['liwei', { period: '2026-11-01~2026-11-30', count: 1 }],
      ['admin', { period: '2026-11-01~2026-11-30', count: 2 }],
    ]);
    const audited = await station.call(station.admin, 'audit.list', { action: 'audit.export' });
    expect(audited.rows[0]).toMatchObject({ actorName: 'admin', result: 'success', detail: { count: file.rows } });
    expect(JSON.stringify((await station.call(station.admin, 'audit.list', { pageSize: 200 })).rows)).not.toMatch(/张三|李四|13812345678/);
  });

  it('a bad period is refused in Chinese and writes nothing', async () => {
    const before = (await station.call(station.admin, 'audit.list', {})).total;
    expect(await station.raw(station.admin, 'sessions.export', { from: '2026-12-01', to: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '输入内容有误：开始日期不能晚于结束日期。' },
    });
    expect(await station.raw(station.admin, 'audit.export', { from: '2025-01-01', to: '2026-11-30' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '输入内容有误：一次导出的期间不能超过 366 天。' },
    });
    expect(await station.raw(station.admin, 'followUps.export', { from: '2026-11', to: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Only the second look at the trail itself was added.
    expect((await station.call(station.admin, 'audit.list', {})).total).toBe(before + 1);
  });
});
