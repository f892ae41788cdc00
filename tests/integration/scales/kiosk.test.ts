import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { adult } from '../helpers/clients.js';
import { adminPassword, createStation, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

async function setup() {
  const time = manualClock();
  const station = disposeWhenTestEnds(await createStation({ clock: time.clock }));
  const liwei = await station.addUser('liwei', 'counsellor');
  const opened = await station.call(liwei, 'kiosk.open', { scaleIds: ['PHQ-9', 'GAD-7'], pin: '2468' });
  const kiosk: CallContext = { scope: 'kiosk', transport: 'http', sessionToken: opened.sessionToken };
  const asKiosk = (method: string, input: unknown) => station.core.call(kiosk, method, input);
  return { station, time, liwei, opened, asKiosk };
}

describe('resident kiosk', () => {
  it('offers only the chosen scales, stores anonymous results, and hides scores unless the station allows them', async () => {
    const { station, liwei, opened, asKiosk } = await setup();
    expect(opened.path).toBe(`/kiosk?token=${encodeURIComponent(opened.token)}&session=${encodeURIComponent(opened.sessionToken)}`);
    expect(await asKiosk('kiosk.info', {})).toMatchObject({ ok: true, value: { stationName: '胜利路街道社会心理服务站', showScores: false, idleSeconds: 90, scales: [{ id: 'PHQ-9' }, { id: 'GAD-7' }] } });
    expect(await asKiosk('kiosk.definition', { scaleId: 'SCL-90' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const definition = (await asKiosk('kiosk.definition', { scaleId: 'GAD-7' })) as { ok: true; value: { json: string } };
    expect(JSON.parse(definition.value.json).items[0].text.zh).toBe('感觉紧张、焦虑或急切');
    expect(await asKiosk('kiosk.submit', { scaleId: 'GAD-7', version: 1, answers: [1, 1, 1, 1, 1, 1, 1], respondent: '小王' })).toEqual({ ok: true, value: { critical: false, result: null } });
    expect(await asKiosk('kiosk.submit', { scaleId: 'GAD-7', version: 1, answers: [1, 1, 1, 1, 1, 1, 1], respondent: '110105194912310' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const admin = (await station.call(station.admin, 'results.list', {}))[0]!;
    expect(admin).toMatchObject({ via: 'kiosk', respondent: '小王', clientId: null, administeredBy: null });
    expect(await station.call(liwei, 'kiosk.close', {})).toEqual({ ok: true });
    expect(await asKiosk('kiosk.info', {})).toMatchObject({ ok: false });
  });

  it('a critical answer at the kiosk alerts staff at once', async () => {
    const { station, asKiosk } = await setup();
    const heard: string[] = [];
    station.core.events.subscribe((event) => heard.push(event.name));
    expect(await asKiosk('kiosk.submit', { scaleId: 'PHQ-9', version: 1, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] })).toEqual({ ok: true, value: { critical: true, result: null } });
    expect(heard).toContain('alert.raised');
    expect((await station.call(station.admin, 'alerts.list', {}))[0]).toMatchObject({ who: '匿名来访者', scaleId: 'PHQ-9' });
  });

  it('keeps working when staff lock; leaving needs the PIN, and then the station locks fully', async () => {
    const { station, time, liwei, asKiosk } = await setup();
    await station.call(liwei, 'auth.lock', {});
    time.advance(60 * 60_000);
    station.core.checkIdle();
    expect(await station.raw(liwei, 'station.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await asKiosk('kiosk.submit', { scaleId: 'GAD-7', version: 1, answers: [0, 0, 0, 0, 0, 0, 0] })).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await asKiosk('kiosk.exit', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(await asKiosk('kiosk.exit', { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    time.advance(31_000);
    expect(await asKiosk('kiosk.exit', { pin: '2468' })).toEqual({ ok: true, value: { ok: true } });
    expect(await station.call(null, 'app.status', {})).toMatchObject({ phase: 'locked' });
  });

  it('opening the kiosk in a browser locks the workbench: every staff session ends and every screen hears why; the kiosk goes on', async () => {
    const { station, liwei, asKiosk } = await setup();
    const heard: unknown[] = [];
    station.core.events.subscribe((event) => heard.push(event));
    // A screen may ask for a manual or a kiosk lock only; the others are core's own.
    expect(await station.raw(liwei, 'auth.lock', { reason: 'idle' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await station.call(liwei, 'auth.lock', { reason: 'kiosk' })).toEqual({ ok: true });
    expect(heard).toEqual([{ name: 'session.locked', payload: { reason: 'kiosk' } }]);
    for (const session of [liwei, station.admin]) expect(await station.raw(session, 'station.get', {})).toMatchObject({ ok: false });
    expect(await asKiosk('kiosk.info', {})).toMatchObject({ ok: true });
    expect(await asKiosk('kiosk.submit', { scaleId: 'GAD-7', version: 1, answers: [0, 0, 0, 0, 0, 0, 0] })).toMatchObject({ ok: true });
    const again = await station.call(null, 'auth.unlock', { username: 'admin', password: adminPassword });
    expect((await station.call(again.sessionToken, 'audit.list', { action: 'auth.lock' })).rows[0]).toMatchObject({ actorName: 'liwei', detail: { reason: 'kiosk' } });
  });

  it('lists a day\'s kiosk results (today by default, unlinked ones) for clinical staff; linking one moves it out of the unlinked list', async () => {
    const { station, time, liwei, asKiosk } = await setup();
    const chen = await station.addUser('chen', 'counsellor');
    const qiantai = await station.addUser('qiantai', 'reception');
    // 2026-11-23, 09:00 Beijing: a moderate GAD-7 (below any critical line) and a counsellor's own administration.
    await asKiosk('kiosk.submit', { scaleId: 'GAD-7', version: 1, answers: [2, 2, 2, 2, 1, 1, 0], respondent: '王阿姨' });
    await station.call(liwei, 'results.submit', { scaleId: 'WHO-5', answers: [3, 3, 3, 3, 3] });
    time.advance(24 * 60 * 60_000);
    await asKiosk('kiosk.submit', { scaleId: 'PHQ-9', version: 1, answers: [1, 1, 0, 0, 0, 0, 0, 0, 0], respondent: '小李' });

    const today = await station.call(liwei, 'results.kioskList', {});
    expect(today.map((result) => result.respondent)).toEqual(['小李']);
    const yesterday = await station.call(liwei, 'results.kioskList', { date: '2026-11-23' });
    expect(yesterday).toMatchObject([{ respondent: '王阿姨', scaleId: 'GAD-7', via: 'kiosk', clientId: null, answers: [2, 2, 2, 2, 1, 1, 0], result: { total: 10, band: { id: 'moderate' }, critical: false }, alertId: null }]);
    // An anonymous walk-in's result is for every clinical colleague, never for the front desk.
    expect((await station.call(chen, 'results.kioskList', { date: '2026-11-23' })).map((result) => result.id)).toEqual([yesterday[0]!.id]);
    expect(await station.raw(qiantai, 'results.kioskList', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(liwei, 'results.kioskList', { date: '2026-13-40' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // 王阿姨 registers; her counsellor links the result to her file: it leaves the unlinked list and joins her record.
    const client = await station.call(liwei, 'clients.register', { ...adult, name: '王阿姨' });
    await station.call(liwei, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '焦虑', openedOn: '2026-11-23' });
    await station.call(liwei, 'results.linkClient', { resultId: yesterday[0]!.id, clientId: client.id });
    expect(await station.call(liwei, 'results.kioskList', { date: '2026-11-23' })).toEqual([]);
    expect(await station.call(liwei, 'results.kioskList', { date: '2026-11-23', unlinkedOnly: false })).toMatchObject([{ id: yesterday[0]!.id, clientId: client.id, clientName: '王阿姨' }]);
    expect((await station.call(liwei, 'results.list', { clientId: client.id })).map((result) => result.id)).toEqual([yesterday[0]!.id]);
    // Once linked it is reached like the client's other records: not by a colleague without her case.
    expect(await station.call(chen, 'results.kioskList', { date: '2026-11-23', unlinkedOnly: false })).toEqual([]);
    expect((await station.call(station.admin, 'results.kioskList', { date: '2026-11-23', unlinkedOnly: false })).map((result) => result.clientName)).toEqual(['王阿姨']);

    const audit = await station.call(station.admin, 'audit.list', { action: 'results.kioskList' });
    expect(audit.rows.find((row) => row.actorName === 'liwei' && row.detail.date === '2026-11-24')).toMatchObject({ detail: { unlinkedOnly: true } });
  });
});
