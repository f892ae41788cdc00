import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/api/events.js';
import { adult } from '../helpers/clients.js';
import { createStation, manualClock, type Station } from '../helpers/station.js';

/** Issue 11, "Records that must be right": the core rules behind a signed note, a red grade and a colleague's client. */
const code = (result: { ok: boolean; error?: { code: string; message: string } }) => (result.ok ? 'ok' : result.error?.code);
const emptyNote = { complaint: '', assessment: '', intervention: '', plan: '', freeText: '' };

let station: Station;
let liwei: string;
let chen: string;
let reception: string;
let clientId: number;
let caseId: number;
const heard: AppEvent[] = [];

beforeAll(async () => {
  station = await createStation({ clock: manualClock(new Date('2026-11-23T02:00:00Z')).clock });
  liwei = await station.addUser('liwei', 'counsellor');
  chen = await station.addUser('chen', 'counsellor');
  reception = await station.addUser('qiantai', 'reception');
  clientId = (await station.call(liwei, 'clients.register', adult)).id;
  caseId = (await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉情绪低落', openedOn: '2026-11-23' })).id;
  station.core.events.subscribe((event) => heard.push(event));
});
afterAll(() => station.dispose());

const draft = (note: typeof emptyNote) =>
  station.call(liwei, 'sessions.saveDraft', { caseId, heldOn: '2026-11-23', startTime: '09:30', durationMinutes: 50, modality: 'in_person', kind: 'intake', note });

describe('signing a session note', () => {
  it('refuses a note with neither 主诉 nor 评估 (blank counts as empty), in Chinese, and changes nothing', async () => {
    const empty = await draft({ ...emptyNote, plan: '下周复访', complaint: '   \n' });
    const refused = await station.raw(liwei, 'sessions.sign', { id: empty.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '签名前须填写主诉或评估。' } });
    const page = await station.call(liwei, 'cases.get', { id: caseId });
    expect(page.sessions.find((session) => session.id === empty.id)).toMatchObject({ signedAt: null, signedBy: null });
    expect((await station.call(station.admin, 'audit.list', { action: 'sessions.sign' })).total).toBe(0);
    // Still a draft: it can be completed and then signed.
    expect(code(await station.raw(liwei, 'sessions.saveDraft', { caseId, id: empty.id, heldOn: '2026-11-23', startTime: '09:30', durationMinutes: 50, modality: 'in_person', kind: 'intake', note: { ...emptyNote, assessment: '轻度抑郁' } }))).toBe('ok');
    expect((await station.call(liwei, 'sessions.sign', { id: empty.id })).signedBy).toBe('liwei');
  });

  it('signs a note with only 主诉, or only 评估', async () => {
    const complaintOnly = await draft({ ...emptyNote, complaint: '失眠两周' });
    expect((await station.call(liwei, 'sessions.sign', { id: complaintOnly.id })).signedAt).not.toBeNull();
    const assessmentOnly = await draft({ ...emptyNote, assessment: 'PHQ-9 中度' });
    expect((await station.call(liwei, 'sessions.sign', { id: assessmentOnly.id })).signedAt).not.toBeNull();
  });
});

describe("a colleague's client", () => {
  it('refuses the case list of a client whose cases are all a colleague\'s (audited as denied), and lists none for a client without cases', async () => {
    const refused = await station.raw(chen, 'cases.list', { clientId, status: 'all' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('无权查看') } });
    const denied = await station.call(station.admin, 'audit.list', { action: 'cases.list' });
    expect(denied.rows.filter((row) => row.result === 'denied').map((row) => row.actorName)).toEqual(['chen']);
    const newcomer = await station.call(reception, 'clients.register', { name: '李四', gender: 'male', birthDate: '1980-05-01', phone: '13900001111', source: 'walk_in' });
    expect((await station.call(chen, 'cases.list', { clientId: newcomer.id, status: 'all' })).rows).toEqual([]);
    expect((await station.call(liwei, 'cases.list', { clientId, status: 'all' })).rows.map((item) => item.id)).toEqual([caseId]);
  });
});

describe('a red grade and the protocol\'s next steps', () => {
  it('grading red schedules one follow-up in 7 days and starts nothing else by itself', async () => {
    const graded = await station.call(liwei, 'risk.grade', { clientId, level: 'red', reason: '来访者表露自伤念头', evidence: 'disclosure' });
    expect(graded.followUps.filter((item) => item.status === 'due')).toEqual([expect.objectContaining({ dueOn: '2026-11-30', level: 'red' })]);
    expect(await station.call(liwei, 'crises.list', { status: 'active' })).toEqual([]);
    expect(await station.call(liwei, 'referrals.list', { clientId })).toEqual([]);
    expect(heard.filter((event) => event.name === 'risk.managerNotified')).toEqual([]);
  });

  it('telling the 站长 is the counsellor\'s choice: audited, heard by the 站长 only', async () => {
    expect(code(await station.raw(chen, 'risk.notifyManager', { clientId }))).toBe('FORBIDDEN');
    expect(code(await station.raw(reception, 'risk.notifyManager', { clientId }))).toBe('FORBIDDEN');
    expect(heard.filter((event) => event.name === 'risk.managerNotified')).toEqual([]);

    expect(await station.call(liwei, 'risk.notifyManager', { clientId })).toEqual({ notifiedAt: '2026-11-23T02:00:00.000Z' });
    const notices = heard.filter((event) => event.name === 'risk.managerNotified');
    expect(notices).toEqual([{ name: 'risk.managerNotified', payload: { clientId, clientName: '张三', by: 'liwei' } }]);
    expect(station.core.mayReceive(station.admin, notices[0]!)).toBe(true);
    expect(station.core.mayReceive(liwei, notices[0]!)).toBe(false);
    expect(station.core.mayReceive(reception, notices[0]!)).toBe(false);
    const audit = await station.call(station.admin, 'audit.list', { action: 'risk.notifyManager' });
    expect(audit.rows.map((row) => ({ actor: row.actorName, result: row.result, objectId: row.objectId }))).toEqual([{ actor: 'liwei', result: 'success', objectId: String(clientId) }]);
  });

  it('refuses to report a client who is not red now, and changes nothing', async () => {
    await station.call(liwei, 'risk.grade', { clientId, level: 'yellow', reason: '情绪好转，仍需关注', evidence: 'follow_up' });
    const before = heard.length;
    expect(await station.raw(liwei, 'risk.notifyManager', { clientId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '该来访者当前不是红色预警，无需报告站长。' } });
    expect(heard.length).toBe(before);
    expect((await station.call(station.admin, 'audit.list', { action: 'risk.notifyManager' })).total).toBe(1);
  });
});
