import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ruleTemplates } from '../../../shared/domain/ruleTemplates.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { xinyi } from '../helpers/entries.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';

const appointmentTemplate = ruleTemplates.find((template) => template.code === 'appointment')!;
const pdf = Buffer.from('%PDF-1.4 rules').toString('base64');

describe('the station’s rules (制度)', () => {
  it('the 站长 writes a rule from its template, adopts it, revises it; earlier versions stay readable by every staff role', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    const created = await station.call(station.admin, 'rules.create', { templateCode: 'appointment', title: appointmentTemplate.title, body: appointmentTemplate.body });
    expect(created).toMatchObject({ templateCode: 'appointment', title: '预约服务制度', current: null, adoptedCount: 0, hasDraft: true, versions: [] });
    expect(created.draft).toMatchObject({ versionNo: null, body: appointmentTemplate.body, adoptedOn: null });
    // The draft is the 站长's work in progress: others see the rule, not its text.
    expect(await station.call(reception, 'rules.get', { id: created.id })).toMatchObject({ draft: null, versions: [], hasDraft: true });

    const first = await station.call(station.admin, 'rules.adopt', { ruleId: created.id, adoptedOn: '2025-03-01' });
    expect(first).toMatchObject({ current: { versionNo: 1, adoptedOn: '2025-03-01', adoptedBy: { displayName: '王站长' } }, adoptedCount: 1, hasDraft: false, draft: null });
    await station.call(station.admin, 'rules.saveDraft', { ruleId: created.id, title: '预约服务制度', body: `${appointmentTemplate.body}\n六、爽约两次以上的来访者，由咨询师电话回访后再预约。` });
    const early = await station.raw(station.admin, 'rules.adopt', { ruleId: created.id, adoptedOn: '2025-02-01' });
    expect(early.ok ? null : early.error).toMatchObject({ message: '通过日期不能早于现行第 1 版的通过日期（2025-03-01）。', details: [{ path: 'adoptedOn' }] });
    const ahead = await station.raw(station.admin, 'rules.adopt', { ruleId: created.id, adoptedOn: '2026-11-24' });
    expect(ahead.ok ? null : ahead.error.message).toBe('通过日期 2026-11-24 还未到，不能登记为已通过。');
    const revised = await station.call(station.admin, 'rules.adopt', { ruleId: created.id, adoptedOn: '2026-06-15' });
    expect(revised.versions.map((version) => [version.versionNo, version.adoptedOn])).toEqual([[2, '2026-06-15'], [1, '2025-03-01']]);

    for (const reader of [liwei, reception]) {
      const [listed] = await station.call(reader, 'rules.list', {});
      expect(listed).toMatchObject({ id: created.id, title: '预约服务制度', current: { versionNo: 2, adoptedOn: '2026-06-15' }, adoptedCount: 2, hasDraft: false });
      const detail = await station.call(reader, 'rules.get', { id: created.id });
      expect(detail.versions[0]!.body).toContain('爽约两次以上');
      expect(detail.versions[1]!.body).toBe(appointmentTemplate.body);
    }
    const audit = (await station.call(station.admin, 'audit.list', { action: 'rules.adopt', pageSize: 50 })).rows;
    expect(audit.map((row) => row.detail)).toEqual([{ versionNo: 2, adoptedOn: '2026-06-15' }, { versionNo: 1, adoptedOn: '2025-03-01' }]);
  });

  it('only the 站长 writes; a template is used once; an empty draft is not adopted; a draft may be dropped once a version exists', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, reception } = setup;
    for (const caller of [liwei, reception]) {
      const refused = await station.raw(caller, 'rules.create', { templateCode: null, title: '档案借阅制度', body: '一、……' });
      expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    }
    const own = await station.call(station.admin, 'rules.create', { templateCode: null, title: '档案借阅制度', body: '' });
    const empty = await station.raw(station.admin, 'rules.adopt', { ruleId: own.id, adoptedOn: '2026-11-01' });
    expect(empty.ok ? null : empty.error).toMatchObject({ message: '制度正文为空且没有上传制度文件：请填写正文或上传文件后再通过。', details: [{ path: 'body' }] });
    const noneYet = await station.raw(station.admin, 'rules.discardDraft', { id: own.id });
    expect(noneYet.ok ? null : noneYet.error.message).toContain('还没有通过的版本');

    await station.call(station.admin, 'rules.create', { templateCode: 'emergency', title: '应急处置制度', body: '一、……' });
    const twice = await station.raw(station.admin, 'rules.create', { templateCode: 'emergency', title: '应急处置制度（二）', body: '' });
    expect(twice.ok ? null : twice.error).toMatchObject({ message: '“应急处置制度”已建立，请打开它起草新版本。', details: [{ path: 'templateCode' }] });
    const badInput: Array<[unknown, RegExp]> = [
      [{ templateCode: 'fire', title: 'x', body: '' }, /请选择制度模板/],
      [{ templateCode: null, title: '', body: '' }, /请填写制度名称/],
      [{ templateCode: null, title: '制度', body: '长'.repeat(1801) }, /制度正文不能超过 1800 个字符/],
    ];
    for (const [input, message] of badInput) {
      const result = await station.raw(station.admin, 'rules.create', input as never);
      expect(result.ok ? null : result.error.message).toMatch(message);
    }
    expect((await station.call(reception, 'rules.list', {})).map((rule) => rule.title)).toEqual(['应急处置制度', '档案借阅制度']);

    // A version uploaded as a file: the 站长 attaches it to the draft, then adopts it.
    await station.call(station.admin, 'attachments.add', { ownerType: 'ruleVersion', ownerId: own.draft!.id, fileName: '档案借阅制度.pdf', mime: 'application/pdf', dataBase64: pdf });
    const adopted = await station.call(station.admin, 'rules.adopt', { ruleId: own.id, adoptedOn: '2026-11-01' });
    expect(adopted.versions[0]).toMatchObject({ versionNo: 1, body: '', fileCount: 1 });
    // Counsellors open it; the front desk, holding no clinical key, is told why; nobody adds to an adopted version.
    expect(await station.call(liwei, 'attachments.list', { ownerType: 'ruleVersion', ownerId: own.draft!.id })).toHaveLength(1);
    const atDesk = await station.raw(reception, 'attachments.list', { ownerType: 'ruleVersion', ownerId: own.draft!.id });
    expect(atDesk.ok ? null : atDesk.error.message).toContain('前台不能打开');
    const late = await station.raw(station.admin, 'attachments.add', { ownerType: 'ruleVersion', ownerId: own.draft!.id, fileName: 'x.pdf', mime: 'application/pdf', dataBase64: pdf });
    expect(late.ok ? null : late.error.message).toBe('已通过的制度版本不能再添加文件；请起草新版本。');

    const drafted = await station.call(station.admin, 'rules.saveDraft', { ruleId: own.id, title: '档案借阅制度', body: '修订稿' });
    await station.call(station.admin, 'attachments.add', { ownerType: 'ruleVersion', ownerId: drafted.draft!.id, fileName: '修订稿.pdf', mime: 'application/pdf', dataBase64: pdf });
    const byCounsellor = await station.raw(liwei, 'attachments.list', { ownerType: 'ruleVersion', ownerId: drafted.draft!.id });
    expect(byCounsellor.ok ? null : byCounsellor.error.code).toBe('FORBIDDEN');
    const dropped = await station.call(station.admin, 'rules.discardDraft', { id: own.id });
    expect(dropped).toMatchObject({ hasDraft: false, draft: null, adoptedCount: 1 });
    const gone = await station.raw(station.admin, 'attachments.list', { ownerType: 'ruleVersion', ownerId: drafted.draft!.id });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
  });

  it('exports the rules and their adopted versions as XLSX, and xinyi export rules writes it', async () => {
    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    const call = (method: string, input: unknown) => {
      const result = xinyi(['call', method, '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify(input));
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { id: number };
    };
    const rule = call('rules.create', { templateCode: 'appointment', title: appointmentTemplate.title, body: appointmentTemplate.body });
    call('rules.adopt', { ruleId: rule.id, adoptedOn: '2025-03-01' });
    call('rules.saveDraft', { ruleId: rule.id, title: appointmentTemplate.title, body: '第二版正文' });
    call('rules.adopt', { ruleId: rule.id, adoptedOn: '2026-01-10' });
    call('rules.saveDraft', { ruleId: rule.id, title: appointmentTemplate.title, body: '尚未通过的草稿' });
    const out = path.join(tempDir(), '制度.xlsx');
    const written = xinyi(['export', 'rules', '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 2 行');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    const row = (index: number) => (sheet.getRow(index).values as ExcelJS.CellValue[]).slice(1).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));
    expect(String(row(1)[0])).toContain('制度及版本');
    expect(row(2)).toEqual(['制度名称', '版本', '通过日期', '通过人', '现行版本', '上传文件数', '正文']);
    expect(row(3)).toEqual(['预约服务制度', 2, '2026-01-10', 'admin', '是', 0, '第二版正文']);
    expect(row(4).slice(0, 5)).toEqual(['预约服务制度', 1, '2025-03-01', 'admin', undefined]);
    expect(JSON.stringify(row(3)) + JSON.stringify(row(4))).not.toContain('尚未通过的草稿');
  });
});
