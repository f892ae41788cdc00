import { describe, expect, it } from 'vitest';
import { ruleTemplates } from '../../../shared/domain/ruleTemplates.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { districtTemplate } from '../helpers/checklistTemplates.js';
import { statementsDuring } from '../helpers/queryPlans.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** Records of the kinds the street template reads: two staff (one a qualified counsellor), a volunteer, two rules, a lecture, a visit. */
async function stationRecords(setup: Setup) {
  const { station } = setup;
  const ids = await userIds(setup);
  const person = { gender: 'male', phone: '', fte: null, organisation: '', position: '', userId: null, leftOn: null, note: '' } as const;
  const counsellor = await station.call(station.admin, 'people.create', { ...person, name: '李伟', employment: 'fulltime', joinedOn: '2025-03-01' });
  await station.call(station.admin, 'people.saveQualification', { personId: counsellor.id, kind: 'counsellor', level: '二级', expiresOn: null });
  await station.call(station.admin, 'people.create', { ...person, name: '陈静', employment: 'fulltime', joinedOn: '2025-03-01' });
  await station.call(station.admin, 'people.create', { ...person, name: '赵敏', employment: 'volunteer', joinedOn: '2025-05-01' });
  for (const code of ['appointment', 'emergency'] as const) {
    const template = ruleTemplates.find((entry) => entry.code === code)!;
    const rule = await station.call(station.admin, 'rules.create', { templateCode: code, title: template.title, body: template.body });
    await station.call(station.admin, 'rules.adopt', { ruleId: rule.id, adoptedOn: '2025-03-01' });
  }
  await station.call(setup.liwei, 'activities.create', { type: 'lecture', theme: '情绪管理', date: '2026-10-20', startTime: '14:00', endTime: '15:00', location: '社区活动室', staffIds: [ids.liwei!], participantCount: 40, status: 'done' });
  await station.call(setup.liwei, 'visits.create', { date: '2026-10-21', visitorIds: [ids.liwei!], area: '阳光小区 3 栋', companionRoles: ['grid_worker'], tags: ['elderly_alone'], observations: '独居老人' });
  return ids;
}

describe('the station checklist (issue 13)', () => {
  it('follows seed 003’s standard for its level until one is chosen; the figures come live from the records and score the items bound to them', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const before = await station.call(reception, 'checklist.get', {});
    expect([before.template.id, before.chosenAt, before.from, before.to]).toEqual(['yongchuan-street-station', null, '2025-11-24', '2026-11-23']);
    expect(before.score.items.find((item) => item.id === 'staff-counsellor')).toMatchObject({ score: 0, evidenceHolds: false });

    await stationRecords(setup);
    const after = await station.call(reception, 'checklist.get', {});
    const figures = Object.fromEntries(after.figures.map((figure) => [figure.id, figure.value]));
    expect(figures).toMatchObject({ staffWorking: 2, counsellorsQualified: 1, volunteersWorking: 1, rulesAdopted: 2, managementRulesAdopted: 2, outreachActivities: 1, screeningVisits: 1, clientFiles: 1, crisesClosedShare: null, daysSinceVerifiedBackup: null });
    const item = (id: string) => after.score.items.find((entry) => entry.id === id);
    expect(item('staff-counsellor')).toMatchObject({ score: 10, evidenceHolds: true });
    expect(item('staff-volunteers')).toMatchObject({ score: 10 });
    expect(item('duty-publicity')).toMatchObject({ score: 10 });
    // Nothing self-assessed yet: the ★ site items stand unmet and the checklist fails, whatever the records say.
    expect(after.score).toMatchObject({ passes: false, assessed: 6, total: 15 });
    expect(after.score.keyShort).toContain('venue-rooms');
    // A period of the caller's choosing counts its flows only.
    const earlier = await station.call(reception, 'checklist.get', { from: '2026-01-01', to: '2026-06-30' });
    expect(earlier.figures.find((figure) => figure.id === 'outreachActivities')!.value).toBe(0);
  });

  it('counts a year’s bookings not cancelled and follow-ups done with a care team from their indexes alone (migration 370)', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, reception } = setup;
    const db = station.database();
    const statements = await statementsDuring(db, () => station.call(reception, 'checklist.get', {}));
    const plans = (table: string) =>
      statements.filter((sql) => new RegExp(`FROM ${table}\\b`).test(sql)).flatMap((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((match) => [match[1], null]))) as Array<{ detail: string }>).map((line) => line.detail));
    // Each row of the year was otherwise read from the table after the index (the status, the participants): a ten-year
    // station's checklist took 16 ms, read again for each period a report shows.
    expect(plans('appointments')).toContainEqual(expect.stringMatching(/^SEARCH appointments USING INDEX appointments_not_cancelled \(start_minute>\? AND start_minute<\?\)$/));
    expect(plans('follow_ups')).toContainEqual(expect.stringMatching(/^SEARCH f USING COVERING INDEX follow_ups_done \(done_on>\? AND done_on<\?\)$/));
  });

  it('the 站长 fills the 自评 item by item: 达到/未达到, never a hand-typed result for an item scored by records; each write audited', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const key = { templateId: 'yongchuan-street-station', version: 1 };
    const view = await station.call(station.admin, 'checklist.assess', { ...key, itemId: 'venue-rooms', met: true, note: '平面图见附件，两间共 32m²' });
    expect(view.answers).toMatchObject([{ itemId: 'venue-rooms', met: true, level: null, note: '平面图见附件，两间共 32m²', assessedBy: { displayName: '王站长' } }]);
    expect(view.score.items.find((item) => item.id === 'venue-rooms')!.score).toBe(10);
    const changed = await station.call(station.admin, 'checklist.assess', { ...key, itemId: 'venue-rooms', met: false, note: '面积不足' });
    expect(changed.answers).toHaveLength(1);
    expect(changed.score.items.find((item) => item.id === 'venue-rooms')!.score).toBe(0);
    expect(await station.raw(station.admin, 'checklist.assess', { ...key, itemId: 'staff-counsellor', met: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '“心理咨询师”由本站记录中的数据计分，不能手填结果；可以填写说明。' } });
    expect(await station.raw(station.admin, 'checklist.assess', { ...key, itemId: 'venue-rooms', levelReached: 2 })).toMatchObject({ ok: false, error: { details: [{ path: 'levelReached' }] } });
    expect(await station.raw(station.admin, 'checklist.assess', { ...key, itemId: 'no-such-item', met: true })).toMatchObject({ ok: false, error: { details: [{ path: 'itemId' }] } });
    expect(await station.raw(station.admin, 'checklist.assess', { templateId: 'zongzhi-five-haves', version: 1, itemId: 'sign', met: true })).toMatchObject({ ok: false, error: { message: '本站使用的检查标准已更换，请刷新后再填写自评。' } });
    expect(await station.raw(liwei, 'checklist.assess', { ...key, itemId: 'venue-rooms', met: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The evidence (平面图, 照片) hangs on the saved 自评: the 站长 files it, counsellors read it, the front desk cannot open it.
    const answerId = changed.answers[0]!.id;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('FLOOR PLAN')]).toString('base64');
    await station.call(station.admin, 'attachments.add', { ownerType: 'checklistItem', ownerId: answerId, fileName: '平面图.png', mime: 'image/png', dataBase64: png });
    expect((await station.call(liwei, 'attachments.list', { ownerType: 'checklistItem', ownerId: answerId })).map((file) => file.fileName)).toEqual(['平面图.png']);
    expect(await station.raw(liwei, 'attachments.add', { ownerType: 'checklistItem', ownerId: answerId, fileName: 'x.png', mime: 'image/png', dataBase64: png })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '检查条目的材料由站长上传。' } });
    expect(await station.raw(setup.reception, 'attachments.list', { ownerType: 'checklistItem', ownerId: answerId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(station.admin, 'attachments.add', { ownerType: 'checklistItem', ownerId: answerId + 100, fileName: 'x.png', mime: 'image/png', dataBase64: png })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await auditRows(setup, 'checklist.assess')).map((row) => [row.detail.itemTitle, row.detail.assessment])).toEqual([
      ['房间与面积', '未达到'],
      ['房间与面积', '达到'],
    ]);
  });

  it('a district imports its own standard (every problem named, nothing stored in part; a version never replaced), the 站长 chooses it, and each standard keeps its own answers', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station } = setup;
    const broken = { ...districtTemplate(), passPercent: 120, sections: [{ ...districtTemplate().sections[0]!, items: [{ ...districtTemplate().sections[0]!.items[0]!, scoring: { model: 'levels', levels: [{ points: 2, text: '有' }, { points: 1, text: '多' }] } }] }] };
    const refused = await station.raw(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify(broken) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && (refused.error.details as Array<{ message: string }>).map((detail) => detail.message)).toEqual(['passPercent：合格线须在 0 到 100 之间（百分比）。']);
    expect(await station.raw(station.admin, 'checklist.importTemplate', { templateJson: '{"id": ' })).toMatchObject({ ok: false, error: { message: '模板文件不是有效的 JSON，请检查文件是否完整。' } });
    expect(await station.raw(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify({ ...districtTemplate(), id: 'yongchuan-street-station', version: 2 }) })).toMatchObject({ ok: false, error: { message: '编号 yongchuan-street-station 是随软件提供的标准，请为本区的标准另起编号。' } });
    expect((await station.call(station.admin, 'checklist.templates', {})).filter((entry) => !entry.builtin)).toEqual([]);

    const summary = await station.call(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify(districtTemplate()) });
    expect(summary).toMatchObject({ id: 'district-room-standard', version: 1, builtin: false, sourceKind: 'composite', items: 2 });
    expect(await station.raw(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify({ ...districtTemplate(), name: '改过的标准' }) })).toMatchObject({ ok: false, error: { message: expect.stringContaining('第 1 版已经存在') } });
    await station.call(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify({ ...districtTemplate(2), name: '某区社区心理服务室评估标准（2027 修订）' }) });
    expect((await station.call(setup.reception, 'checklist.templates', {})).filter((entry) => !entry.builtin).map((entry) => [entry.version, entry.name])).toEqual([
      [1, '某区社区心理服务室评估标准'],
      [2, '某区社区心理服务室评估标准（2027 修订）'],
    ]);

    await station.call(station.admin, 'checklist.assess', { templateId: 'yongchuan-street-station', version: 1, itemId: 'venue-rooms', met: true });
    const chosen = await station.call(station.admin, 'checklist.choose', { templateId: 'district-room-standard', version: 1 });
    expect([chosen.template.name, chosen.answers, chosen.chosenAt !== null]).toEqual(['某区社区心理服务室评估标准', [], true]);
    const levelled = await station.call(station.admin, 'checklist.assess', { templateId: 'district-room-standard', version: 1, itemId: 'areas', levelReached: 2 });
    // 两个功能区 = 3 of 5; the ★ staff item needs two staff and the station has none: 3 of 15, fails.
    expect(levelled.score).toMatchObject({ score: 3, max: 15, percent: 20, passes: false, keyShort: ['staff'] });
    expect(await station.raw(station.admin, 'checklist.assess', { templateId: 'district-room-standard', version: 1, itemId: 'areas', levelReached: 4 })).toMatchObject({ ok: false, error: { message: '“功能区”只有 4 档。' } });
    expect(await station.raw(station.admin, 'checklist.assess', { templateId: 'district-room-standard', version: 1, itemId: 'areas', met: true })).toMatchObject({ ok: false, error: { details: [{ path: 'met' }] } });
    const back = await station.call(station.admin, 'checklist.choose', { templateId: 'yongchuan-street-station', version: 1 });
    expect(back.answers.map((answer) => answer.itemId)).toEqual(['venue-rooms']);
    expect(await station.raw(station.admin, 'checklist.choose', { templateId: 'district-room-standard', version: 3 })).toMatchObject({ ok: false, error: { details: [{ path: 'templateId' }] } });
    expect(await station.raw(setup.liwei, 'checklist.importTemplate', { templateJson: JSON.stringify(districtTemplate(3)) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await auditRows(setup, 'checklist.importTemplate')).map((row) => row.detail.templateVersion)).toEqual([2, 1]);
  });
});
