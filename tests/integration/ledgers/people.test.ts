import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { xinyi } from '../helpers/entries.js';
import { disposeWhenTestEnds, tempDir } from '../helpers/station.js';
import { readLedgerSheet, typedSheet } from '../helpers/workbook.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** The clock of caseFileStation stands at 2026-11-23 10:00 Beijing time. */
const partTimer: MethodInput<'people.create'> = {
  name: '李伟',
  gender: 'male',
  phone: '13900001111',
  employment: 'parttime',
  fte: 0.5,
  organisation: '区精神卫生中心',
  position: '驻站心理咨询师',
  userId: null,
  joinedOn: '2025-03-01',
  leftOn: null,
  note: '',
};
const volunteer: MethodInput<'people.create'> = { name: '赵敏', employment: 'volunteer', joinedOn: '2026-01-10', phone: '13700002222' };

async function userIds(setup: Setup): Promise<Record<string, number>> {
  const users = await setup.station.call(setup.station.admin, 'users.list', {});
  return Object.fromEntries(users.map((user) => [user.username, user.id]));
}

const refusal = (message: string) => ({ ok: false, error: expect.objectContaining({ message: expect.stringContaining(message) }) });

describe('people ledger (人员台账)', () => {
  it('the 站长 keeps the team: a part-timer linked to an account, a volunteer; edits are audited by the fields changed; everyone reads it', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const ids = await userIds(setup);
    const created = await station.call(station.admin, 'people.create', { ...partTimer, userId: ids.liwei! });
    expect(created).toMatchObject({ name: '李伟', employment: 'parttime', fte: 0.5, user: { id: ids.liwei, displayName: 'liwei' }, qualifications: [], trainings: [], serviceHours: [] });
    await station.call(station.admin, 'people.create', volunteer);

    const edited = await station.call(station.admin, 'people.update', { ...partTimer, userId: ids.liwei!, id: created.id, fte: 0.6, position: '心理咨询师' });
    expect(edited).toMatchObject({ fte: 0.6, position: '心理咨询师' });
    const [update] = (await station.call(station.admin, 'audit.list', { action: 'people.update' })).rows;
    expect(update).toMatchObject({ objectType: 'person', objectId: String(created.id), detail: { changedFields: '工作量折算、岗位/职务' } });

    const listed = await station.call(reception, 'people.list', {});
    expect(listed.map((person) => [person.name, person.employment])).toEqual([
      ['李伟', 'parttime'],
      ['赵敏', 'volunteer'],
    ]);
    expect((await station.call(reception, 'people.list', { employment: 'volunteer' })).map((person) => person.name)).toEqual(['赵敏']);
    expect(await station.raw(reception, 'people.create', volunteer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses what makes no sense, in Chinese and naming the field, and saves nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station } = setup;
    const ids = await userIds(setup);
    const admin = station.admin;
    expect(await station.raw(admin, 'people.create', { ...partTimer, fte: null })).toMatchObject(refusal('兼职人员须填写工作量折算'));
    expect(await station.raw(admin, 'people.create', { ...volunteer, fte: 0.5 })).toMatchObject(refusal('专职和志愿者不填'));
    expect(await station.raw(admin, 'people.create', { ...partTimer, joinedOn: '2026-12-01' })).toMatchObject(refusal('到岗日期 2026-12-01 晚于今天'));
    expect(await station.raw(admin, 'people.create', { ...partTimer, leftOn: '2024-01-01' })).toMatchObject(refusal('离岗日期不能早于到岗日期'));
    expect(await station.raw(admin, 'people.create', { ...partTimer, userId: 9999 })).toMatchObject(refusal('账号 #9999 不存在'));
    await station.call(admin, 'people.create', { ...partTimer, userId: ids.liwei! });
    expect(await station.raw(admin, 'people.create', { ...volunteer, userId: ids.liwei! })).toMatchObject(refusal('已对应人员台账中的另一人'));
    expect((await station.call(admin, 'people.list', { status: 'all' })).map((person) => person.name)).toEqual(['李伟']);
  });

  it('qualifications with scans and expiry reminders; trainings, supervision and volunteer hours counted for the period', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const admin = station.admin;
    const person = await station.call(admin, 'people.create', partTimer);
    const helper = await station.call(admin, 'people.create', volunteer);
    const leaver = await station.call(admin, 'people.create', { ...partTimer, name: '王芳', phone: '13600003333', joinedOn: '2024-01-01', leftOn: '2026-06-30' });

    let record = await station.call(admin, 'people.saveQualification', { personId: person.id, kind: 'counsellor', level: '二级', certificateNo: 'XL-2019-0042', issuedOn: '2019-06-01', expiresOn: '2026-12-23' });
    record = await station.call(admin, 'people.saveQualification', { personId: person.id, kind: 'social_worker', level: '中级', issuedOn: '2020-05-01', expiresOn: null });
    await station.call(admin, 'people.saveQualification', { personId: leaver.id, kind: 'counsellor', expiresOn: '2026-12-01' });
    await station.call(admin, 'people.saveQualification', { personId: helper.id, kind: 'teacher_c', expiresOn: '2026-10-31' });
    expect(record.qualifications.map((item) => [item.kind, item.expiresOn])).toEqual([
      ['counsellor', '2026-12-23'],
      ['social_worker', null],
    ]);
    // Within 60 days, or already expired; not the one of someone who has left.
    expect((await station.call(admin, 'people.expiring', {})).map((item) => [item.personName, item.kind, item.daysLeft])).toEqual([
      ['赵敏', 'teacher_c', -23],
      ['李伟', 'counsellor', 30],
    ]);
    expect(await station.raw(admin, 'people.saveQualification', { personId: person.id, kind: 'astrologer' })).toMatchObject(refusal('资质类别不在字典中'));
    expect(await station.raw(admin, 'people.saveQualification', { personId: person.id, kind: 'nurse', issuedOn: '2026-12-01' })).toMatchObject(refusal('发证日期 2026-12-01 晚于今天'));
    expect(await station.raw(admin, 'people.saveQualification', { personId: person.id, kind: 'nurse', issuedOn: '2020-01-01', expiresOn: '2019-01-01' })).toMatchObject(refusal('有效期须晚于发证日期'));

    const certificate = record.qualifications[0]!;
    const scan = { ownerType: 'qualification' as const, ownerId: certificate.id, fileName: '心理咨询师证.pdf', mime: 'application/pdf' as const, dataBase64: Buffer.from('%PDF-1.4 CERTIFICATE').toString('base64') };
    expect(await station.raw(liwei, 'attachments.add', scan)).toMatchObject(refusal('证书扫描件由站长保管'));
    await station.call(admin, 'attachments.add', scan);
    expect((await station.call(admin, 'people.get', { id: person.id })).qualifications[0]!.scans).toBe(1);
    expect(await station.raw(admin, 'people.removeQualification', { id: certificate.id })).toMatchObject(refusal('已附有证书扫描件，不能删除'));
    expect((await station.call(admin, 'people.removeQualification', { id: record.qualifications[1]!.id })).qualifications).toHaveLength(1);

    await station.call(admin, 'people.addTraining', { personId: person.id, kind: 'training', date: '2026-11-05', topic: '危机干预实务', provider: '区社会心理服务指导中心', hours: 6 });
    await station.call(admin, 'people.addTraining', { personId: person.id, kind: 'supervision', date: '2026-11-12', topic: '个案督导', provider: '王督导', hours: 1.5 });
    await station.call(admin, 'people.addTraining', { personId: person.id, kind: 'training', date: '2026-10-20', topic: '十月培训', hours: 3 });
    await station.call(admin, 'people.addServiceHours', { personId: helper.id, date: '2026-11-15', hours: 2.5, note: '讲座签到引导' });
    expect(await station.raw(admin, 'people.addServiceHours', { personId: person.id, date: '2026-11-15', hours: 2 })).toMatchObject(refusal('不是志愿者'));
    expect(await station.raw(admin, 'people.addTraining', { personId: person.id, kind: 'training', date: '2026-11-30', topic: '未来', hours: 2 })).toMatchObject(refusal('晚于今天'));
    expect(await station.raw(admin, 'people.addTraining', { personId: leaver.id, kind: 'training', date: '2026-07-01', topic: '离岗后', hours: 2 })).toMatchObject(refusal('晚于 王芳 的离岗日期 2026-06-30'));
    expect(await station.raw(admin, 'people.addTraining', { personId: person.id, kind: 'training', date: '2026-11-01', topic: '负数', hours: -1 })).toMatchObject(refusal('学时须大于 0'));

    expect(await station.call(setup.reception, 'people.counts', { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      fulltime: 0,
      parttime: 1,
      volunteers: 1,
      fte: 0.5,
      byQualification: [{ code: 'counsellor', label: '心理咨询师', people: 1 }],
      trainingHours: 6,
      supervisionHours: 1.5,
      volunteerHours: 2.5,
    });
    // In June the leaver still worked here: two part-timers.
    expect(await station.call(admin, 'people.counts', { from: '2026-06-01', to: '2026-06-30' })).toMatchObject({ parttime: 2, fte: 1, volunteers: 1 });
  });

  it('imports an existing staff list whole, or refuses it naming each bad row and imports nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station } = setup;
    const admin = station.admin;
    const template = await station.call(admin, 'people.importTemplate', {});
    const header = (await readLedgerSheet(template)).headers.map(String);
    expect(header).toEqual(['姓名', '性别', '联系电话', '类别', '工作量折算', '所在单位', '岗位/职务', '到岗日期', '资质', '证书编号', '发证日期', '有效期至']);

    const bad = await typedSheet('人员名单', header, [
      ['陈静', '女', '13800001234', '专职', '', '', '站长', '2024-02-30', '', '', '', ''],
      ['周强', '男', '13800005678', '合同工', '', '', '', '', '', '', '', ''],
      [],
      ['吴兰', '女', '13800009999', '兼职', '0.4', '社区卫生服务中心', '', '2024/3/1', '占星师', '', '', ''],
      ['吴兰', '女', '13800009999', '兼职', '0.4', '', '', '', '', '', '', ''],
      ['郑红', '', '', '兼职', '', '', '', '', '', '', '', ''],
    ]);
    const refused = await station.raw(admin, 'people.importStaffList', { dataBase64: bad });
    expect(refused).toMatchObject(refusal('人员名单有 5 行无法导入，整份未导入。'));
    const problems = (refused as { error: { details: { problems: Array<{ row: number; reason: string }> } } }).error.details.problems;
    expect(problems.map((problem) => problem.row)).toEqual([3, 4, 6, 7, 8]);
    expect(problems[0]!.reason).toContain('日期应写作');
    expect(problems[1]!.reason).toContain('类别“合同工”');
    expect(problems[2]!.reason).toContain('资质“占星师”不在资质类别字典中');
    expect(problems[4]!.reason).toContain('工作量折算');
    expect(await station.call(admin, 'people.list', { status: 'all' })).toEqual([]);

    const good = await typedSheet('人员名单', header, [
      ['陈静', '女', '13800001234', '专职', '', '街道办', '站长', new Date(Date.UTC(2024, 1, 1)), '社会工作者', 'SG-001', '2018-07-01', ''],
      ['吴兰', '女', '13800009999', '兼职', '0.4', '社区卫生服务中心', '心理咨询师', '2024/3/1', '心理咨询师', 'XL-77', '2017-01-01', '2027-01-01'],
      ['郑红', '', '13800007777', '志愿者', '', '', '', '', '', '', '', ''],
    ]);
    expect(await station.call(admin, 'people.importStaffList', { dataBase64: good })).toEqual({ imported: 3 });
    const people = await station.call(admin, 'people.list', {});
    expect(people.map((person) => [person.name, person.employment, person.joinedOn, person.qualifications.map((item) => item.kind)])).toEqual([
      ['陈静', 'fulltime', '2024-02-01', ['social_worker']],
      ['吴兰', 'parttime', '2024-03-01', ['counsellor']],
      ['郑红', 'volunteer', '2026-11-23', []],
    ]);
    // The same list again: everyone is already in the ledger, nothing is doubled.
    expect(await station.raw(admin, 'people.importStaffList', { dataBase64: good })).toMatchObject(refusal('陈静 已在人员台账中'));
    expect(await station.call(admin, 'people.list', {})).toHaveLength(3);
    expect(await station.raw(admin, 'people.importStaffList', { dataBase64: Buffer.from('not a workbook').toString('base64') })).toMatchObject(refusal('.xlsx 格式人员名单'));
    const [audit] = (await station.call(admin, 'audit.list', { action: 'people.importStaffList' })).rows;
    expect(audit).toMatchObject({ detail: { imported: 3 } });
  });

  it('exports the period’s team with qualifications and hours; xinyi export people writes it', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station } = setup;
    const person = await station.call(station.admin, 'people.create', partTimer);
    await station.call(station.admin, 'people.saveQualification', { personId: person.id, kind: 'counsellor', level: '二级', expiresOn: '2027-06-30' });
    await station.call(station.admin, 'people.addTraining', { personId: person.id, kind: 'training', date: '2026-11-05', topic: '危机干预实务', hours: 6 });
    const sheet = await readLedgerSheet(await station.call(station.admin, 'people.export', { from: '2026-11-01', to: '2026-11-30' }));
    expect(sheet.title).toContain('人员台账');
    expect(sheet.rows).toEqual([['李伟', '男', '兼职', 0.5, '区精神卫生中心', '驻站心理咨询师', '13900001111', '心理咨询师（二级）', '2027-06-30', '2025-03-01', null, 6, 0, 0]]);
    expect(await station.raw(setup.liwei, 'people.export', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const password = { XINYI_PASSWORD: 'cli-station-pass' };
    const dir = tempDir();
    expect(xinyi(['init', '--station-name', '测试街道社会心理服务站', '--level', 'street', '--region-code', '500118001', '--admin-user', 'admin', '--data-dir', dir], password).code).toBe(0);
    expect(xinyi(['call', 'people.create', '--input', '-', '--user', 'admin', '--data-dir', dir], password, JSON.stringify({ ...volunteer, joinedOn: '2025-01-01' })).code).toBe(0);
    const out = path.join(tempDir(), '人员台账.xlsx');
    const written = xinyi(['export', 'people', '--period', '2026', '--out', out, '--user', 'admin', '--data-dir', dir], password);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('已导出 1 行');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.getRow(3).getCell(1).value).toBe('赵敏');
  });
});
