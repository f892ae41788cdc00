import { describe, expect, it } from 'vitest';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

const day = 86_400_000;
const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

const setup = async () => disposeWhenTestEnds(await caseFileStation());

describe('危机干预', () => {
  it('any counsellor may open a crisis; it grades the client red; steps are timestamped; resolving records the outcome', async () => {
    const { station, time, liwei, chen, clientId } = await setup();
    const crisis = await station.call(chen, 'crises.open', { clientId, location: '服务站咨询室', summary: '来访者情绪激动，表示想结束生命' });
    expect(crisis).toMatchObject({ status: 'active', clientName: '张三', counsellorName: 'chen' });
    const page = await station.call(liwei, 'cases.get', { id: (await station.call(liwei, 'cases.list', {})).rows[0]!.id });
    expect(page.riskHistory[0]).toMatchObject({ level: 'red', evidence: 'crisis' });
    expect(page.riskHistory[0]?.reason).toContain(`危机事件（编号 ${crisis.id}）`);

    await station.call(chen, 'crises.checkStep', { crisisId: crisis.id, step: 'safety_assessment', note: '有明确计划，无工具' });
    time.advance(5 * 60_000);
    await station.call(chen, 'crises.checkStep', { crisisId: crisis.id, step: 'not_left_alone' });
    await station.call(chen, 'crises.addContact', { crisisId: crisis.id, party: 'family', name: '张先生', phone: '13900000000', note: '已赶来' });
    const steps = (await station.call(liwei, 'crises.get', { id: crisis.id })).steps;
    expect(steps.map((step) => step.step)).toEqual(['safety_assessment', 'not_left_alone']);
    expect(Date.parse(steps[1]!.doneAt) - Date.parse(steps[0]!.doneAt)).toBe(5 * 60_000);
    expect((await station.call(station.admin, 'dashboard.today', {})).activeCrises).toEqual([expect.objectContaining({ id: crisis.id, who: '张三' })]);

    expect(code(await station.raw(chen, 'crises.resolve', { crisisId: crisis.id, outcome: 'family_pickup', outcomeNote: '', followUpPlan: '明日电话随访' }))).toBe('INVALID_INPUT');
    const resolved = await station.call(chen, 'crises.resolve', { crisisId: crisis.id, outcome: 'family_pickup', outcomeNote: '家属接回，情绪平稳', followUpPlan: '明日电话随访' });
    expect(resolved).toMatchObject({ status: 'resolved', outcome: 'family_pickup' });
    expect(code(await station.raw(chen, 'crises.checkStep', { crisisId: crisis.id, step: 'hotline_given' }))).toBe('INVALID_INPUT');
  });

  it('starts from an unknown person, and is hidden from counsellors with no part in it', async () => {
    const { station, chen } = await setup();
    const other = await station.addUser('zhou', 'counsellor');
    expect(code(await station.raw(chen, 'crises.open', { summary: '热线来电，情绪崩溃' }))).toBe('INVALID_INPUT');
    const crisis = await station.call(chen, 'crises.open', { unknownPerson: '男性来电者，约 30 岁', summary: '热线来电，情绪崩溃' });
    expect(crisis.clientId).toBeNull();
    expect(code(await station.raw(other, 'crises.get', { id: crisis.id }))).toBe('FORBIDDEN');
    expect(await station.call(other, 'crises.list', {})).toEqual([]);
  });
});

describe('转诊转介', () => {
  it('moves 已转出 → 已接收 → 已反馈, needs sharing consent to pass on information, and reminds after N days', async () => {
    const { station, time, liwei, reception, clientId, caseId } = await setup();
    const base = { clientId, caseId, target: 'mental_health_centre', targetDetail: '永川区精神卫生中心', reason: '持续失眠伴消极想法，需精神科评估', sentOn: '2026-11-23' };
    const refused = await station.raw(liwei, 'referrals.create', { ...base, sharedInfo: '咨询记录摘要、PHQ-9 结果' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '向转介机构提供来访者信息，须先登记“信息共享同意”。' } });
    await station.call(reception, 'clients.addConsent', { clientId, kind: 'sharing', signerName: '张三', signedOn: '2026-11-23' });
    const referral = await station.call(liwei, 'referrals.create', { ...base, sharedInfo: '咨询记录摘要、PHQ-9 结果' });
    expect(referral).toMatchObject({ status: 'sent', awaitingReceipt: false });

    time.advance(8 * day);
    expect((await station.call(liwei, 'dashboard.today', {})).referralsAwaitingReceipt.map((item) => item.id)).toEqual([referral.id]);
    expect(code(await station.raw(liwei, 'referrals.update', { id: referral.id, status: 'received', on: '2026-11-20' }))).toBe('INVALID_INPUT');
    await station.call(liwei, 'referrals.update', { id: referral.id, status: 'received', on: '2026-12-01' });
    expect((await station.call(liwei, 'dashboard.today', {})).referralsAwaitingReceipt).toEqual([]);
    const done = await station.call(liwei, 'referrals.update', { id: referral.id, status: 'feedback', on: '2026-12-01', feedback: '诊断为抑郁发作，已开始药物治疗' });
    expect(done).toMatchObject({ status: 'feedback', receivedOn: '2026-12-01', feedback: '诊断为抑郁发作，已开始药物治疗' });
    expect(code(await station.raw(liwei, 'referrals.update', { id: referral.id, status: 'received', on: '2026-12-01' }))).toBe('INVALID_INPUT');
  });

  it('the home page lists every referral past its reminder, however many newer ones are still sent', async () => {
    const { station, liwei, chen, clientId, caseId } = await setup();
    const userId = (name: string) => (station.database().prepare('SELECT id FROM users WHERE username = ?').get(name) as { id: number }).id;
    // Written straight into the file: a month-old referral without a receipt, then 500 sent today (not yet due).
    station.database().exec(`
      INSERT INTO referrals (client_id, case_id, target, target_detail, reason, shared_info, status, sent_on, created_by, created_at)
        VALUES (${clientId}, ${caseId}, 'mental_health_centre', '永川区精神卫生中心', '', '', 'sent', '2026-10-20', ${userId('liwei')}, '2026-10-20T02:00:00.000Z');
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
      INSERT INTO referrals (client_id, case_id, target, target_detail, reason, shared_info, status, sent_on, created_by, created_at)
        SELECT ${clientId}, ${caseId}, 'hospital', '', '', '', 'sent', '2026-11-23', ${userId('liwei')}, '2026-11-23T02:00:00.000Z' FROM n;
    `);
    for (const viewer of [station.admin, liwei]) {
      expect((await station.call(viewer, 'dashboard.today', {})).referralsAwaitingReceipt).toEqual([
        { id: expect.any(Number), clientId, clientName: '张三', sentOn: '2026-10-20', target: 'mental_health_centre' },
      ]);
    }
    // A counsellor with no part in the client's case sees none of them.
    expect((await station.call(chen, 'dashboard.today', {})).referralsAwaitingReceipt).toEqual([]);
  });
});

const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('SCAN-CONTENT-MARKER')]);

describe('attachments', () => {
  it('stores a scanned consent inside the encrypted database and audits opening it', async () => {
    const { station, reception, liwei, clientId } = await setup();
    const client = await station.call(reception, 'clients.addConsent', { clientId, kind: 'service', signerName: '张三', signedOn: '2026-11-23' });
    const consentId = client.consents[0]!.id;
    const list = await station.call(reception, 'attachments.add', { ownerType: 'consent', ownerId: consentId, fileName: '同意书.png', mime: 'image/png', dataBase64: pngBytes.toString('base64') });
    expect(list).toEqual([expect.objectContaining({ fileName: '同意书.png', size: pngBytes.length })]);
    const opened = await station.call(liwei, 'attachments.get', { id: list[0]!.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(pngBytes)).toBe(true);
    expect((await station.call(station.admin, 'audit.list', { action: 'attachments.open' })).total).toBe(1);
  });

  it.each([
    ['a renamed file', { mime: 'image/jpeg', dataBase64: Buffer.from('MZ-not-a-jpeg').toString('base64') }, '文件内容与类型不符'],
    ['an unsupported type', { mime: 'application/x-msdownload', dataBase64: pngBytes.toString('base64') }, '只能上传 JPG、PNG 图片或 PDF 文件'],
    ['an oversized scan', { mime: 'image/png', dataBase64: Buffer.alloc(800 * 1024, 1).toString('base64') }, '附件不能超过 700 KB'],
  ])('refuses %s with a clear message and stores nothing', async (_label, file, message) => {
    const { station, liwei, caseId } = await setup();
    const result = await station.raw(liwei, 'attachments.add', { ownerType: 'case', ownerId: caseId, fileName: 'x', ...file } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? '' : result.error.message + JSON.stringify(result.error.details ?? '')).toContain(message);
    expect(await station.call(liwei, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toEqual([]);
  });

  it('case attachments follow the case rule: reception and other counsellors cannot reach them', async () => {
    const { station, liwei, chen, reception, caseId } = await setup();
    await station.call(liwei, 'attachments.add', { ownerType: 'case', ownerId: caseId, fileName: '转介函.pdf', mime: 'application/pdf', dataBase64: Buffer.from('%PDF-1.7 test').toString('base64') });
    expect(code(await station.raw(chen, 'attachments.list', { ownerType: 'case', ownerId: caseId }))).toBe('FORBIDDEN');
    expect(code(await station.raw(reception, 'attachments.list', { ownerType: 'case', ownerId: caseId }))).toBe('FORBIDDEN');
  });
});
