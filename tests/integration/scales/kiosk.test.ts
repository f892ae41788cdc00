import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { createStation, manualClock } from '../helpers/station.js';

async function setup() {
  const time = manualClock();
  const station = await createStation({ clock: time.clock });
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
    station.dispose();
  });

  it('a critical answer at the kiosk alerts staff at once', async () => {
    const { station, asKiosk } = await setup();
    const heard: string[] = [];
    station.core.events.subscribe((event) => heard.push(event.name));
    expect(await asKiosk('kiosk.submit', { scaleId: 'PHQ-9', version: 1, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] })).toEqual({ ok: true, value: { critical: true, result: null } });
    expect(heard).toContain('alert.raised');
    expect((await station.call(station.admin, 'alerts.list', {}))[0]).toMatchObject({ who: '匿名来访者', scaleId: 'PHQ-9' });
    station.dispose();
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
    station.dispose();
  });
});
