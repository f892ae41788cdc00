import { describe, expect, it } from 'vitest';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { districtTemplate } from '../helpers/checklistTemplates.js';
import { addInspector, openInspection } from '../helpers/inspector.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

const today = '2026-11-23';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
const dayMs = 24 * 3600_000;

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** The station follows the district's two-item standard (levels 0/1/3/5; ★ 在岗人员 ≥ 2 from the 人员台账) with its 自评 of 三个功能区. */
async function districtStation(): Promise<Setup> {
  const setup = disposeWhenTestEnds(await caseFileStation());
  const { station } = setup;
  await station.call(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify(districtTemplate()) });
  await station.call(station.admin, 'checklist.choose', { templateId: 'district-room-standard', version: 1 });
  await station.call(station.admin, 'checklist.assess', { templateId: 'district-room-standard', version: 1, itemId: 'areas', levelReached: 3, note: '接待、咨询、团辅三区' });
  return setup;
}

async function addStaff(setup: Setup, names: string[]) {
  const person = { gender: 'female', phone: '', fte: null, organisation: '', position: '', userId: null, leftOn: null, note: '', employment: 'fulltime', joinedOn: '2025-03-01' } as const;
  for (const name of names) await setup.station.call(setup.station.admin, 'people.create', { ...person, name });
}

describe('inspections of the checklist (issue 13)', () => {
  it('验收: snapshot → inspector scores and finds → ★ short refuses 通过 → 整改 to a counsellor → closed with a photo → 复查 closes it', async () => {
    const setup = await districtStation();
    const { station, liwei, reception } = setup;
    const opened = await openInspection(station, today);
    expect(opened).toMatchObject({ status: 'open', inspector: null, mayEvaluate: true, mayManage: true });
    expect(opened.snapshot.template.id).toBe('district-room-standard');
    expect(opened.snapshot.answers.map((answer) => [answer.itemId, answer.level])).toEqual([['areas', 3]]);
    expect(opened.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);

    // The inspector is let in: from now on the 站长 only watches; the inspector alone evaluates.
    const inspector = await addInspector(station, opened.id, 'jiancha', '2026-11-30');
    const ids = await userIds(setup);
    const seen = await station.call(station.admin, 'inspections.get', { inspectionId: opened.id });
    expect(seen).toMatchObject({ mayEvaluate: false, inspector: { username: 'jiancha', accessUntil: '2026-11-30', disabled: false } });
    expect(await station.raw(station.admin, 'inspections.score', { inspectionId: opened.id, itemId: 'areas', levelReached: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有本次检查的检查人员（检查员jiancha）可以评分。' } });

    // Records change after the snapshot: the inspection keeps what the 站长 applied with.
    await station.call(station.admin, 'checklist.assess', { templateId: 'district-room-standard', version: 1, itemId: 'areas', levelReached: 0, note: '' });
    const mine = await station.call(inspector, 'inspections.get', { inspectionId: opened.id });
    expect(mine.snapshot.answers[0]).toMatchObject({ itemId: 'areas', level: 3 });
    expect(mine.mayEvaluate).toBe(true);

    // A levelled item takes a level; the figure item is scored from the snapshot's figures (no staff then: 0 of 10).
    expect(await station.raw(inspector, 'inspections.score', { inspectionId: opened.id, itemId: 'areas', met: true })).toMatchObject({ ok: false, error: { details: [{ path: 'met' }] } });
    expect(await station.raw(inspector, 'inspections.conclude', { inspectionId: opened.id, verdict: 'fail', opinion: '功能区未评' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('还有 1 项未评分：功能区') } });
    const scored = await station.call(inspector, 'inspections.score', { inspectionId: opened.id, itemId: 'areas', levelReached: 2, note: '团辅区兼作会议室' });
    expect(scored.evaluation).toMatchObject({ score: 3, max: 15, keyShort: ['staff'], passes: false });
    expect(scored.snapshot.score.score).toBe(5);

    const withFinding = await station.call(inspector, 'inspections.addFinding', { inspectionId: opened.id, itemId: 'staff', point: '在岗人员', requirement: '专职人员不少于 2 名', location: '服务室', observedOn: today, problem: '人员台账中没有在岗人员' });
    const findingId = withFinding.findings[0]!.id;
    expect(await station.raw(inspector, 'inspections.conclude', { inspectionId: opened.id, verdict: 'pass', opinion: '基本达标' })).toMatchObject({ ok: false, error: { message: '★ 关键项“人员”未得满分，按检查标准结论不能为“通过”。' } });
    const concluded = await station.call(inspector, 'inspections.conclude', { inspectionId: opened.id, verdict: 'fail', opinion: '关键项未达标，限期整改。' });
    expect(concluded).toMatchObject({ status: 'concluded', verdict: 'fail', percent: 20, mayEvaluate: false, mayRecheck: true });
    expect(await station.raw(inspector, 'inspections.score', { inspectionId: opened.id, itemId: 'areas', levelReached: 3 })).toMatchObject({ ok: false, error: { message: '检查已作出结论，不能再评分。' } });

    // 整改通知: to one of the station's staff (never the inspector itself), for a finding of this inspection.
    const task = { inspectionId: opened.id, findingId, task: '录入两名专职人员并上传聘用材料', dueOn: '2026-12-20' };
    expect(await station.raw(inspector, 'inspections.addRectification', { ...task, assigneeId: ids.jiancha! })).toMatchObject({ ok: false, error: { details: [{ path: 'assigneeId' }] } });
    expect(await station.raw(inspector, 'inspections.addRectification', { ...task, assigneeId: ids.liwei!, dueOn: '2026-11-01' })).toMatchObject({ ok: false, error: { details: [{ path: 'dueOn' }] } });
    const issued = await station.call(inspector, 'inspections.addRectification', { ...task, assigneeId: ids.liwei! });
    const rectificationId = issued.rectifications[0]!.id;
    expect(issued.openRectifications).toBe(1);
    expect(await station.raw(inspector, 'inspections.removeFinding', { findingId })).toMatchObject({ ok: false });

    // The owner closes it with a photo; the front desk neither submits nor reads it; the inspector cannot submit for the station.
    expect(await station.raw(reception, 'inspections.submitRectification', { rectificationId, closureNote: '已补录' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(setup.chen, 'inspections.submitRectification', { rectificationId, closureNote: '已补录' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有站长或整改责任人（liwei）可以提交整改情况。' } });
    expect(await station.raw(setup.chen, 'inspections.score', { inspectionId: opened.id, itemId: 'areas', levelReached: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(inspector, 'inspections.submitRectification', { rectificationId, closureNote: '已补录' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(inspector, 'inspections.recheck', { rectificationId, accepted: true, recheckNote: '提前复查' })).toMatchObject({ ok: false, error: { message: '站点尚未提交该任务的整改情况，暂不能复查。' } });
    await station.call(liwei, 'attachments.add', { ownerType: 'rectification', ownerId: rectificationId, fileName: '聘用合同.png', mime: 'image/png', dataBase64: png });
    expect(await station.raw(reception, 'attachments.list', { ownerType: 'rectification', ownerId: rectificationId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await addStaff(setup, ['李伟', '陈静']);
    const submitted = await station.call(liwei, 'inspections.submitRectification', { rectificationId, closureNote: '已录入两名专职人员，附聘用合同。' });
    expect(submitted.rectifications[0]).toMatchObject({ status: 'submitted', fileCount: 1, submittedBy: { id: ids.liwei } });
    expect(await station.raw(liwei, 'attachments.add', { ownerType: 'rectification', ownerId: rectificationId, fileName: '补充.png', mime: 'image/png', dataBase64: png })).toMatchObject({ ok: false });

    // The inspector reads the evidence, refuses once, then passes it: the last task passed closes the inspection.
    const files = await station.call(inspector, 'attachments.list', { ownerType: 'rectification', ownerId: rectificationId });
    expect((await station.call(inspector, 'attachments.get', { id: files[0]!.id })).dataBase64).toBe(png);
    const refused = await station.call(inspector, 'inspections.recheck', { rectificationId, accepted: false, recheckNote: '缺少资格证书' });
    expect(refused.rectifications[0]).toMatchObject({ status: 'open', recheckNote: '缺少资格证书' });
    await station.call(liwei, 'inspections.submitRectification', { rectificationId, closureNote: '补充了资格证书。' });
    const closed = await station.call(inspector, 'inspections.recheck', { rectificationId, accepted: true, recheckNote: '整改到位' });
    expect(closed).toMatchObject({ status: 'closed', openRectifications: 0, rectifications: [{ status: 'accepted', recheckedBy: { id: ids.jiancha } }] });
    expect((await auditRows(setup, 'inspections.close'))[0]).toMatchObject({ actorName: 'jiancha' });
    expect(await station.raw(station.admin, 'inspections.addInspector', { inspectionId: opened.id, username: 'jiancha2', displayName: '检查员', temporaryPassword: 'temporary-2026', accessUntil: '2026-11-30' })).toMatchObject({ ok: false, error: { message: '检查已办结，不能再开通检查账号。' } });
  });

  it('an inspector reaches its own inspection, the checklist and its evidence only; record samples show no note and mask names', async () => {
    const setup = await districtStation();
    const { station, liwei, clientId, caseId } = setup;
    const first = await openInspection(station, today);
    const other = await openInspection(station, today, 'supervision');
    const inspector = await addInspector(station, first.id, 'jiancha', '2026-11-24');

    expect((await station.call(inspector, 'inspections.list', {})).map((entry) => entry.id)).toEqual([first.id]);
    expect((await station.call(station.admin, 'inspections.list', {})).length).toBe(2);
    expect(await station.raw(inspector, 'inspections.get', { inspectionId: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await station.raw(inspector, 'inspections.score', { inspectionId: other.id, itemId: 'areas', levelReached: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await station.raw(inspector, 'clients.get', { id: clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(inspector, 'users.directory', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await station.call(inspector, 'checklist.get', {})).template.id).toBe('district-room-standard');

    // Evidence of the checklist opens; a case's files do not, whatever the owner's own rule would say.
    const answerId = (await station.call(station.admin, 'checklist.get', {})).answers[0]!.id;
    await station.call(station.admin, 'attachments.add', { ownerType: 'checklistItem', ownerId: answerId, fileName: '平面图.png', mime: 'image/png', dataBase64: png });
    await station.call(liwei, 'attachments.add', { ownerType: 'case', ownerId: caseId, fileName: '量表.png', mime: 'image/png', dataBase64: png });
    expect(await station.call(inspector, 'attachments.list', { ownerType: 'checklistItem', ownerId: answerId })).toHaveLength(1);
    expect(await station.raw(inspector, 'attachments.list', { ownerType: 'case', ownerId: caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '检查人员只能查看检查材料和整改材料。' } });
    const caseFile = (await station.call(liwei, 'attachments.list', { ownerType: 'case', ownerId: caseId }))[0]!;
    expect(await station.raw(inspector, 'attachments.get', { id: caseFile.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Sampling: the case opened on the day, metadata only and the name masked; the front desk may not sample.
    const sample = await station.call(inspector, 'inspections.sample', { inspectionId: first.id, kind: 'cases', sampleSize: 5 });
    expect(sample).toMatchObject({ kind: 'cases', total: 1, records: [{ id: caseId, date: today, state: 'open', staff: 'liwei' }] });
    expect(sample.records[0]!.client).toMatch(/^张\*+$/);
    expect(Object.keys(sample.records[0]!).sort()).toEqual(['client', 'date', 'id', 'staff', 'state', 'type']);
    expect(await station.raw(setup.reception, 'inspections.sample', { inspectionId: first.id, kind: 'cases', sampleSize: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(inspector, 'inspections.sample', { inspectionId: first.id, kind: 'cases', sampleSize: 51 })).toMatchObject({ ok: false, error: { details: [{ path: 'sampleSize' }] } });
    expect((await auditRows(setup, 'inspections.sample'))[0]).toMatchObject({ actorName: 'jiancha' });
  });

  it('an inspector account ends with its last day: its session stops, its login is refused; it never becomes staff', async () => {
    const setup = await districtStation();
    const { station, time } = setup;
    const inspection = await openInspection(station, today);
    expect(await station.raw(station.admin, 'inspections.addInspector', { inspectionId: inspection.id, username: 'jiancha', displayName: '检查员', temporaryPassword: 'temporary-2026', accessUntil: '2027-01-23' })).toMatchObject({ ok: false, error: { details: [{ path: 'accessUntil' }] } });
    const inspector = await addInspector(station, inspection.id, 'jiancha', today);
    expect(await station.raw(station.admin, 'inspections.addInspector', { inspectionId: inspection.id, username: 'jiancha2', displayName: '检查员', temporaryPassword: 'temporary-2026', accessUntil: today })).toMatchObject({ ok: false, error: { message: '本次检查已开通检查账号“jiancha”，每次检查只开通一个。' } });
    expect((await station.call(station.admin, 'users.directory', { scope: 'everyone' })).map((user) => user.displayName)).not.toContain('检查员jiancha');
    expect(await station.raw(station.admin, 'users.update', { userId: (await userIds(setup)).jiancha!, displayName: '检查员', role: 'counsellor' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Beijing midnight after the last day (16:00 UTC): the open session ends and the password no longer opens the station.
    time.advance(14 * 3600_000);
    expect(await station.raw(inspector, 'inspections.get', { inspectionId: inspection.id })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXPIRED' } });
    expect(await station.raw(null, 'auth.unlock', { username: 'jiancha', password: 'jiancha-pass-2026' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXPIRED' } });
    time.advance(dayMs);
    expect((await station.call(station.admin, 'inspections.get', { inspectionId: inspection.id })).inspector).toMatchObject({ accessUntil: today });

    // The 复查 comes later: the 站长 moves the last day (within two months), and the same password opens the station again.
    expect(await station.raw(station.admin, 'inspections.extendInspector', { inspectionId: inspection.id, accessUntil: '2027-03-01' })).toMatchObject({ ok: false, error: { details: [{ path: 'accessUntil' }] } });
    await station.call(station.admin, 'inspections.extendInspector', { inspectionId: inspection.id, accessUntil: '2026-12-10' });
    const again = await station.call(null, 'auth.unlock', { username: 'jiancha', password: 'jiancha-pass-2026' });
    expect((await station.call(again.sessionToken, 'inspections.list', {})).map((entry) => entry.id)).toEqual([inspection.id]);
  });

  it('an item scored from records the station does not have yet (no backup verified) counts nothing and does not hold the verdict up', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station } = setup;
    const withBackup = districtTemplate();
    withBackup.sections[0]!.items.push({ id: 'backup', title: '备份', requirement: '最近 7 天内有校验通过的备份', scoring: { model: 'formula', points: 5, figure: 'daysSinceVerifiedBackup', comparison: 'atMost', threshold: 7 }, methods: ['records'], evidence: {} } as never);
    await station.call(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify(withBackup) });
    await station.call(station.admin, 'checklist.choose', { templateId: 'district-room-standard', version: 1 });
    const own = await openInspection(station, today, 'self');
    expect(own.evaluation.items.find((item) => item.id === 'backup')?.score).toBeNull();
    await station.call(station.admin, 'inspections.score', { inspectionId: own.id, itemId: 'areas', levelReached: 3 });
    expect(await station.call(station.admin, 'inspections.conclude', { inspectionId: own.id, verdict: 'fail', opinion: '人员和备份未达标。' })).toMatchObject({ status: 'concluded', evaluation: { score: 5, max: 20 } });
  });

  it('a 自查 is evaluated by the 站长; counsellors read it; a passed inspection without tasks is 办结 by the 站长', async () => {
    const setup = await districtStation();
    const { station, liwei } = setup;
    await addStaff(setup, ['李伟', '陈静']);
    const own = await openInspection(station, today, 'self');
    expect(await station.raw(liwei, 'inspections.score', { inspectionId: own.id, itemId: 'areas', levelReached: 3 })).toMatchObject({ ok: false, error: { message: '只有站长可以评分。' } });
    await station.call(station.admin, 'inspections.score', { inspectionId: own.id, itemId: 'areas', levelReached: 3 });
    const passed = await station.call(station.admin, 'inspections.conclude', { inspectionId: own.id, verdict: 'pass', opinion: '自查达标。' });
    expect(passed).toMatchObject({ verdict: 'pass', percent: 100, grade: '优秀', evaluation: { passes: true } });
    expect((await station.call(liwei, 'inspections.get', { inspectionId: own.id })).mayManage).toBe(false);
    expect(await station.raw(liwei, 'inspections.close', { inspectionId: own.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.call(station.admin, 'inspections.close', { inspectionId: own.id })).toMatchObject({ status: 'closed' });
    expect(await station.raw(station.admin, 'inspections.create', { kind: 'self', title: '下月自查', inspectingBody: '本站', plannedOn: today, from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: false, error: { details: [{ path: 'to' }] } });
  });
});
