import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { createStation, disposeWhenTestEnds } from '../helpers/station.js';

describe('group screening (普查)', () => {
  it('codes completed at the kiosk give a band distribution and a list of positives to follow up', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const liwei = await station.addUser('liwei', 'counsellor');
    const screening = await station.call(liwei, 'screenings.create', { name: '实验中学初二（3）班', scaleIds: ['PHQ-9', 'GAD-7'], codes: 3 });
    expect(screening.participantList).toHaveLength(3);
    expect(screening.participantList.every((participant) => /^[0-9A-HJKMNP-TV-Z]{6}$/.test(participant.code))).toBe(true);
    const opened = await station.call(liwei, 'kiosk.open', { scaleIds: ['PHQ-9', 'GAD-7'], pin: '2468' });
    const kiosk: CallContext = { scope: 'kiosk', transport: 'http', sessionToken: opened.sessionToken };
    const [a, b, c] = screening.participantList.map((participant) => participant.code);
    const submit = (respondent: string, scaleId: string, answers: number[]) => station.core.call(kiosk, 'kiosk.submit', { scaleId, version: 1, answers, respondent });
    await submit(a!.toLowerCase(), 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await submit(b!, 'PHQ-9', [2, 2, 2, 2, 2, 0, 0, 0, 0]);
    await submit(b!, 'GAD-7', [0, 0, 0, 0, 0, 0, 0]);
    await submit(c!, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await submit('小王', 'PHQ-9', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const detail = await station.call(liwei, 'screenings.get', { id: screening.id });
    expect(detail).toMatchObject({ participants: 3, completed: 3 });
    expect(detail.distribution[0]).toMatchObject({ scaleId: 'PHQ-9', unbanded: 0 });
    expect(detail.distribution[0]!.bands.map((band) => band.count)).toEqual([2, 0, 1, 0, 0]);
    expect(detail.positives.map((positive) => [positive.code, positive.scaleId, positive.critical])).toEqual([
      [b, 'PHQ-9', false],
      [c, 'PHQ-9', true],
    ]);
    await station.call(liwei, 'screenings.close', { id: screening.id });
    await submit(a!, 'GAD-7', [3, 3, 3, 3, 3, 3, 3]);
    // Only b's GAD-7 counts: a's came after the screening closed.
    const gad = (await station.call(liwei, 'screenings.get', { id: screening.id })).distribution[1]!;
    expect(gad.bands.reduce((total, band) => total + band.count, 0)).toBe(1);
  });

  it('takes a roster instead of codes, and refuses both or neither', async () => {
    const station = disposeWhenTestEnds(await createStation());
    const roster = await station.call(station.admin, 'screenings.create', { name: '社区老年人筛查', scaleIds: ['GDS-15'], roster: ['王奶奶', '李爷爷'] });
    expect(roster.participantList.map((participant) => participant.rosterName)).toEqual(['王奶奶', '李爷爷']);
    expect(await station.raw(station.admin, 'screenings.create', { name: '两者都有', scaleIds: ['GDS-15'], codes: 2, roster: ['x'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await station.raw(station.admin, 'screenings.create', { name: '都没有', scaleIds: ['GDS-15'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Residents answer alone: a scale shipped without its item text (licence) cannot be offered to them.
    for (const [method, input] of [
      ['screenings.create', { name: '产后筛查', scaleIds: ['EPDS'], codes: 2 }],
      ['kiosk.open', { scaleIds: ['PHQ-9', 'EPDS'], pin: '2468' }],
    ] as const) {
      expect(await station.raw(station.admin, method, input as never), method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('未包含题目文本') } });
    }
    expect(await station.raw(station.admin, 'screenings.create', { name: '未知量表', scaleIds: ['NOPE'], codes: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
