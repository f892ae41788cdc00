import { describe, expect, it } from 'vitest';
import { createStaffedStation, disposeWhenTestEnds, manualClock } from '../helpers/station.js';

/**
 * A report's life (issue 14): 草稿 → 待审核 once the period has ended and every validation result is explained;
 * submitted figures frozen while the records change; a correction a new version with its reason. The station holds
 * one 团体辅导 activity in November recorded as held with 0 participants, so SPS05B (0) < SPS05A (1) and rule R08 fires.
 */
const header = { preparedBy: '王站长', contactPhone: '023-49881234' };
const explanation = '该次团体辅导组员均请假，活动照常开展并已登记。';

async function stationWithEmptyGroupActivity() {
  // Nov 20, 10:00 Beijing.
  const time = manualClock(new Date('2026-11-20T02:00:00Z'));
  const setTo = (instant: string) => time.advance(Date.parse(instant) - time.clock.now().getTime());
  const station = disposeWhenTestEnds(await createStaffedStation([], { clock: time.clock }));
  const adminId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'admin')!.id;
  // A 团体辅导 typed straight into the activities ledger as held, its attendance left at 0 (R08: "参与人次少于场次说明有活动未登记参与人数").
  await station.call(station.admin, 'activities.create', {
    type: 'group_counselling',
    theme: '亲子沟通团体辅导',
    date: '2026-11-20',
    startTime: '09:00',
    endTime: '09:45',
    location: '团体辅导室',
    staffIds: [adminId],
    participantCount: 0,
    status: 'done',
  });
  return { station, setTo, adminId };
}

describe('submitting, freezing and correcting a period', () => {
  it('submit waits for the end of Nov 30 Beijing time and for a note on each violation; then the figures are frozen', async () => {
    const { station, setTo, adminId } = await stationWithEmptyGroupActivity();
    const admin = station.admin;
    const draft = await station.call(admin, 'reports.saveDraft', { period: '2026-11', header });
    expect(draft.version).toMatchObject({ version: 1, state: 'draft', header, notes: {}, correctionReason: null });
    // One group activity held, nobody counted.
    expect([draft.figures.SPS05A!.total, draft.figures.SPS05B!.total]).toEqual([1, 0]);
    expect(draft.violations).toEqual([expect.objectContaining({ ruleId: 'R08', left: 0, operator: 'greater_than_or_equal_to', right: 1 })]);

    // Nov 20, and Nov 30 23:59: November has not ended.
    const notEnded = { ok: false, error: { code: 'INVALID_INPUT', message: '2026年11月尚未结束，结束后才能提交。' } };
    expect(await station.raw(admin, 'reports.submit', { period: '2026-11' })).toMatchObject(notEnded);
    setTo('2026-11-30T15:59:00Z');
    expect(await station.raw(admin, 'reports.submit', { period: '2026-11' })).toMatchObject(notEnded);

    // Dec 1 00:00: ended, but R08 is not explained.
    setTo('2026-11-30T16:00:00Z');
    expect(await station.raw(admin, 'reports.submit', { period: '2026-11' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('团体辅导参与人次不少于场次'), details: [{ path: 'notes.R08', message: '请说明“团体辅导参与人次不少于场次”的原因。' }] },
    });
    expect((await station.call(admin, 'reports.preview', { period: '2026-11' })).version).toMatchObject({ state: 'draft', submittedAt: null });
    // A blank note explains nothing.
    await station.call(admin, 'reports.saveDraft', { period: '2026-11', header, notes: { R08: '   ' } });
    expect(await station.raw(admin, 'reports.submit', { period: '2026-11' })).toMatchObject({ ok: false, error: { details: [{ path: 'notes.R08' }] } });

    await station.call(admin, 'reports.saveDraft', { period: '2026-11', header, notes: { R08: explanation } });
    const submitted = await station.call(admin, 'reports.submit', { period: '2026-11' });
    expect(submitted).toMatchObject({ frozen: true, recordsChanged: false, version: { version: 1, state: 'review', notes: { R08: explanation }, submittedAt: '2026-11-30T16:00:00.000Z' } });
    expect(submitted.violations.map((violation) => violation.ruleId)).toEqual(['R08']);
    expect(await station.raw(admin, 'reports.submit', { period: '2026-11' })).toMatchObject({ ok: false, error: { message: '2026年11月的报表已提交（第 1 版）。' } });
    expect(await station.raw(admin, 'reports.saveDraft', { period: '2026-11', header, notes: {} })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // A call of Nov 25 typed in afterwards: the submitted figures stay, the view says the records now count differently.
    setTo('2026-12-02T02:00:00Z');
    await station.call(admin, 'calls.create', { date: '2026-11-25', startTime: '19:00', durationMinutes: 15, takenBy: adminId, callerType: 'self', problemType: 'emotion', highRisk: true, outcome: 'counselled' });
    const after = await station.call(admin, 'reports.preview', { period: '2026-11' });
    expect(after).toMatchObject({ frozen: true, recordsChanged: true, version: { version: 1, state: 'review' } });
    expect([after.figures.SPS14A!.total, after.figures.SPS14B!.total]).toEqual([0, 0]);
    expect(after.figures).toEqual(submitted.figures);
    // The same days as a custom range are always the live records.
    const live = await station.call(admin, 'reports.preview', { from: '2026-11-01', to: '2026-11-30' });
    expect([live.frozen, live.figures.SPS14A!.total, live.figures.SPS14B!.total]).toEqual([false, 1, 1]);
  });

  it('a correction is version 2 with its reason, on the live records; version 1 stays as submitted', async () => {
    const { station, setTo, adminId } = await stationWithEmptyGroupActivity();
    const admin = station.admin;
    expect(await station.raw(admin, 'reports.correct', { period: '2026-11', reason: '补登漏记来电' })).toMatchObject({ ok: false, error: { message: '2026年11月的报表还没有提交过，直接修改草稿即可。' } });
    await station.call(admin, 'reports.saveDraft', { period: '2026-11', header, notes: { R08: explanation } });
    setTo('2026-12-01T02:00:00Z');
    const first = await station.call(admin, 'reports.submit', { period: '2026-11' });
    await station.call(admin, 'calls.create', { date: '2026-11-30', startTime: '23:30', durationMinutes: 20, takenBy: adminId, callerType: 'family', problemType: 'family', outcome: 'counselled' });

    expect(await station.raw(admin, 'reports.correct', { period: '2026-11', reason: '补登' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const corrected = await station.call(admin, 'reports.correct', { period: '2026-11', reason: '补登11月30日漏记的热线来电' });
    // The new draft carries the header and the notes; its figures are the records' again.
    expect(corrected).toMatchObject({ frozen: false, recordsChanged: false, version: { version: 2, state: 'draft', correctionReason: '补登11月30日漏记的热线来电', header, notes: { R08: explanation }, submittedAt: null } });
    expect([first.figures.SPS14A!.total, corrected.figures.SPS14A!.total]).toEqual([0, 1]);
    expect((await station.call(admin, 'audit.list', { action: 'reports.correct' })).rows[0]!.detail).toMatchObject({ reportVersion: 2, correctionReason: '补登11月30日漏记的热线来电' });

    const resubmitted = await station.call(admin, 'reports.submit', { period: '2026-11' });
    expect(resubmitted).toMatchObject({ frozen: true, version: { version: 2, state: 'review' } });
    expect(resubmitted.figures.SPS14A!.total).toBe(1);
    const versions = (await station.call(admin, 'reports.list', {})).versions.filter((version) => version.period === '2026-11');
    expect(versions.map((version) => [version.version, version.state, version.correctionReason]).sort()).toEqual([
      [1, 'review', null],
      [2, 'review', '补登11月30日漏记的热线来电'],
    ]);
  });
});
