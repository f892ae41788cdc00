import { describe, expect, it } from 'vitest';
import { builtinScales } from '../../../shared/scales/library.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { createStation, disposeWhenTestEnds } from '../helpers/station.js';

const setup = async () => disposeWhenTestEnds(await caseFileStation({ start: new Date('2026-11-23T01:00:00Z'), registrar: 'liwei' }));

describe('administering a scale', () => {
  it('stores answers, the result and the definition version; core scores with the shared engine', async () => {
    const { station, liwei, clientId, caseId } = await setup();
    const result = await station.call(liwei, 'results.submit', { scaleId: 'GAD-7', answers: [2, 2, 2, 2, 1, 1, 0], clientId, caseId, comment: '首次评估' });
    expect(result).toMatchObject({ scaleId: 'GAD-7', scaleVersion: 1, clientName: '张三', via: 'counsellor', administeredBy: 'liwei', alertId: null });
    expect(result.result).toMatchObject({ total: 10, band: { index: 2, id: 'moderate' }, critical: false });
    expect((await station.call(liwei, 'results.list', { clientId })).map((item) => item.id)).toEqual([result.id]);
  });

  it('a critical answer raises an alert at once, kept until acknowledged with an action note (audited)', async () => {
    const { station, liwei, clientId } = await setup();
    const heard: unknown[] = [];
    station.core.events.subscribe((event) => {
      if (event.name === 'alert.raised') heard.push(event.payload);
    });
    const result = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], clientId });
    expect(result.result.critical).toBe(true);
    expect(result.alertId).not.toBeNull();
    expect(heard).toEqual([{ alertId: result.alertId, scaleId: 'PHQ-9', messages: [expect.stringContaining('第 9 题')] }]);
    expect((await station.call(station.admin, 'dashboard.today', {})).openAlerts).toBe(1);
    expect(await station.raw(liwei, 'alerts.acknowledge', { id: result.alertId!, actionNote: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await station.call(liwei, 'alerts.acknowledge', { id: result.alertId!, actionNote: '已当面评估，无即刻风险，约定明日复访' })).toEqual([]);
    const all = await station.call(station.admin, 'alerts.list', { open: false });
    expect(all[0]).toMatchObject({ acknowledgedBy: 'liwei', actionNote: '已当面评估，无即刻风险，约定明日复访', who: '张三' });
    expect((await station.call(station.admin, 'audit.list', { action: 'alerts.acknowledge' })).total).toBe(1);
    // A critical result suggests a red grade; it never sets one.
    expect((await station.call(liwei, 'clients.get', { id: clientId })).riskLevel).toBeNull();
  });

  it('an old alert beyond the newest 200 can still be acknowledged', async () => {
    const { station, liwei } = await setup();
    const first = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 2] });
    for (let run = 0; run < 200; run += 1) await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect((await station.call(liwei, 'alerts.list', { open: true })).some((alert) => alert.id === first.alertId)).toBe(false);
    // The home page counts every open alert, not the list's 200.
    expect((await station.call(liwei, 'dashboard.today', {})).openAlerts).toBe(201);
    const left = await station.call(liwei, 'alerts.acknowledge', { id: first.alertId!, actionNote: '已电话联系，来访者安全' });
    expect(left).toHaveLength(200);
    expect((await station.call(station.admin, 'dashboard.today', {})).openAlerts).toBe(200);
  });

  it('bad answers store nothing; a counsellor without a case for the client cannot administer', async () => {
    const { station, liwei, chen, clientId } = await setup();
    expect(await station.raw(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0], clientId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'PHQ-9 有 9 道题，收到 2 个答案。' } });
    expect(await station.raw(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 7], clientId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await station.raw(liwei, 'results.submit', { scaleId: 'NOPE', answers: [], clientId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await station.raw(chen, 'results.submit', { scaleId: 'GAD-7', answers: [0, 0, 0, 0, 0, 0, 0], clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.call(liwei, 'results.list', { clientId })).toEqual([]);
  });

  it('an anonymous result can be linked to a client later', async () => {
    const { station, liwei, clientId } = await setup();
    const anonymous = await station.call(liwei, 'results.submit', { scaleId: 'WHO-5', answers: [3, 3, 3, 3, 3] });
    expect(anonymous.clientId).toBeNull();
    const linked = await station.call(liwei, 'results.linkClient', { resultId: anonymous.id, clientId });
    expect(linked.clientName).toBe('张三');
    expect(await station.raw(liwei, 'results.linkClient', { resultId: anonymous.id, clientId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('importing and exporting definitions', () => {
  const licensedEpds = () => {
    const definition = structuredClone(builtinScales.get('EPDS')!) as unknown as Record<string, unknown> & { items: Array<{ text: unknown }>; licence: Record<string, unknown> };
    definition.version = 2;
    definition.items.forEach((item, index) => (item.text = { zh: `（本站已获授权的第 ${index + 1} 题文字）` }));
    definition.licence.textIncluded = true;
    return definition;
  };

  it('exports any definition and imports a new version; the newest is used for new administrations', async () => {
    const { station, liwei, clientId } = await setup();
    const exported = await station.call(liwei, 'scales.get', { id: 'EPDS' });
    expect(JSON.parse(exported.json)).toMatchObject({ id: 'EPDS', version: 1, licence: { status: 'permission-required', textIncluded: false } });
    const summary = await station.call(station.admin, 'scales.import', { json: JSON.stringify(licensedEpds()) });
    expect(summary).toMatchObject({ id: 'EPDS', version: 2, builtin: false, textIncluded: true });
    const result = await station.call(liwei, 'results.submit', { scaleId: 'EPDS', answers: Array(10).fill(0), clientId });
    expect(result.scaleVersion).toBe(2);
    expect(await station.raw(station.admin, 'scales.import', { json: JSON.stringify(licensedEpds()) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'EPDS 第 2 版已有测评结果，不能替换；请使用新的版本号。' },
    });
  });

  it.each([
    ['not JSON', '{"format":', '定义文件不是有效的 JSON。'],
    ['a built-in version', JSON.stringify(builtinScales.get('PHQ-9')), 'PHQ-9 第 1 版为内置版本，不能替换'],
    ['a band without a source', JSON.stringify({ ...builtinScales.get('GAD-7'), version: 9, sources: [{ claim: 'other', source: 'x y z' }] }), '分级界值须注明来源'],
    ['bands out of order', JSON.stringify({ ...builtinScales.get('GAD-7'), version: 9, scoring: { ...builtinScales.get('GAD-7')!.scoring, bands: [...builtinScales.get('GAD-7')!.scoring.bands].reverse() } }), '分级须按分数从低到高排列'],
    ['a reference to a missing item', JSON.stringify({ ...builtinScales.get('PHQ-9'), version: 9, scoring: { ...builtinScales.get('PHQ-9')!.scoring, critical: [{ id: 'x', when: { item: 'q99', op: '>=', value: 1 }, message: { zh: 'x' } }] } }), '不存在的题目 q99'],
  ])('refuses %s with a precise message and stores nothing', async (_label, json, message) => {
    const station = disposeWhenTestEnds(await createStation());
    const result = await station.raw(station.admin, 'scales.import', { json });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? '' : result.error.message).toContain(message);
    expect((await station.call(station.admin, 'scales.list', {})).every((summary) => summary.builtin)).toBe(true);
  });
});
