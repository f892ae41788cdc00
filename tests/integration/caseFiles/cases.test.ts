import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import path from 'node:path';
import { adminPassword, createStaffedStation, databaseKeyOf, manualClock } from '../helpers/station.js';
import { adult } from '../helpers/clients.js';

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);
const note = { complaint: '近两周失眠、情绪低落', assessment: 'PHQ-9 中度', intervention: '情绪疏导、睡眠卫生指导', plan: '每周一次面询', freeText: '' };

describe('cases, sessions and access', () => {
  let station: Awaited<ReturnType<typeof staffed>>;
  let liwei: string;
  let chen: string;
  let reception: string;
  let clientId: number;
  const time = manualClock(new Date('2026-11-23T02:00:00Z'));

  // A copy of one staffed station per test (helpers/station.ts): each test starts fresh without creating accounts again.
  const staffed = () => createStaffedStation([['liwei', 'counsellor'], ['chen', 'counsellor'], ['qiantai', 'reception']], { clock: time.clock });
  beforeEach(async () => {
    station = await staffed();
    ({ liwei, chen, qiantai: reception } = station.staff);
    clientId = (await station.call(reception, 'clients.register', adult)).id;
  });
  afterEach(() => station.dispose());

  const openCase = (token: string) =>
    station.call(token, 'cases.open', { clientId, problemCategories: ['emotion', 'sleep'], reason: '自主来访，主诉失眠', openedOn: '2026-11-23' });

  it('a counsellor sees their own cases; another sees nothing until shared; reception never; the 站长 always', async () => {
    const opened = await openCase(liwei);
    expect(opened).toMatchObject({ counsellorName: 'liwei', status: 'open', problemCategories: ['emotion', 'sleep'] });
    expect(code(await station.raw(chen, 'cases.get', { id: opened.id }))).toBe('FORBIDDEN');
    expect(await station.call(chen, 'cases.list', {})).toEqual({ rows: [], total: 0 });
    expect(code(await station.raw(reception, 'cases.get', { id: opened.id }))).toBe('FORBIDDEN');
    expect((await station.call(station.admin, 'cases.get', { id: opened.id })).case.id).toBe(opened.id);
    expect(code(await station.raw(chen, 'cases.share', { id: opened.id, userId: 3, shared: true }))).toBe('FORBIDDEN');
    const chenId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'chen')!.id;
    await station.call(liwei, 'cases.share', { id: opened.id, userId: chenId, shared: true });
    expect((await station.call(chen, 'cases.get', { id: opened.id })).sharedWith).toEqual([{ id: chenId, displayName: 'chen' }]);
    const views = await station.call(station.admin, 'audit.list', { action: 'cases.view' });
    expect(views.rows.filter((row) => row.result === 'success').map((row) => row.actorName).sort()).toEqual(['admin', 'chen']);
    // chen's refused attempt is on record too (issue 9 §3.6); reception is stopped by its role before any read.
    expect(views.rows.filter((row) => row.result === 'denied').map((row) => row.actorName)).toEqual(['chen']);
    await station.call(station.admin, 'cases.transfer', { id: opened.id, counsellorId: chenId, reason: '咨询师调岗' });
    expect((await station.call(chen, 'cases.get', { id: opened.id })).case.counsellorName).toBe('chen');
    expect((await station.call(station.admin, 'audit.list', { action: 'cases.transfer' })).total).toBe(1);
  });

  it('refuses a case for a child under 14 without a guardian consent on record', async () => {
    const child = await station.call(reception, 'clients.register', {
      name: '小明',
      gender: 'male',
      birthDate: '2016-05-01',
      guardianName: '王芳',
      guardianPhone: '13700001111',
      guardianRelation: '母亲',
      source: 'school',
    });
    const refused = await station.raw(liwei, 'cases.open', { clientId: child.id, problemCategories: ['study'], reason: '学校转介', openedOn: '2026-11-23' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'GUARDIAN_CONSENT_REQUIRED' } });
    expect(await station.call(station.admin, 'cases.list', { status: 'all' })).toEqual({ rows: [], total: 0 });
    await station.call(reception, 'clients.addConsent', { clientId: child.id, kind: 'guardian', signerName: '王芳', signedOn: '2026-11-23' });
    expect((await station.call(liwei, 'cases.open', { clientId: child.id, problemCategories: ['study'], reason: '学校转介', openedOn: '2026-11-23' })).status).toBe('open');
  });

  it('session notes: drafts save over, signing locks (even against SQL), addenda are appended and signed', async () => {
    const opened = await openCase(liwei);
    const draftInput = { caseId: opened.id, heldOn: '2026-11-23', startTime: '09:30', durationMinutes: 50, modality: 'in_person' as const, kind: 'intake' as const, note };
    const draft = await station.call(liwei, 'sessions.saveDraft', draftInput);
    const saved = await station.call(liwei, 'sessions.saveDraft', { ...draftInput, id: draft.id, note: { ...note, plan: '每周一次面询，两周后复评' } });
    expect(saved.note.plan).toBe('每周一次面询，两周后复评');
    expect(code(await station.raw(chen, 'sessions.sign', { id: draft.id }))).toBe('FORBIDDEN');
    expect((await station.call(station.admin, 'dashboard.today', {})).unsignedSessions.map((row) => row.id)).toEqual([draft.id]);
    const signed = await station.call(liwei, 'sessions.sign', { id: draft.id });
    expect(signed.signedBy).toBe('liwei');
    expect(await station.raw(liwei, 'sessions.saveDraft', { ...draftInput, id: draft.id })).toMatchObject({ ok: false, error: { code: 'SIGNED_RECORD_FINAL' } });
    const withAddendum = await station.call(liwei, 'sessions.addAddendum', { sessionId: draft.id, text: '补充：来访者当晚来电表示情绪已平稳。' });
    expect(withAddendum.addenda).toEqual([expect.objectContaining({ signedBy: 'liwei', text: '补充：来访者当晚来电表示情绪已平稳。' })]);
    expect((await station.call(liwei, 'cases.get', { id: opened.id })).sessions).toHaveLength(1);
    // closes mid-test: the database is opened raw after close
    station.dispose();

    const key = await databaseKeyOf(station.dataDir, 'admin', adminPassword);
    const db = openEncryptedDatabase(path.join(station.dataDir, 'xinyi.db'), key);
    expect(() => db.prepare("UPDATE counselling_sessions SET plan = 'x' WHERE id = ?").run(draft.id)).toThrow(/final/);
    db.close();
  });

  it('only its counsellor or the 站长 closes a case or hands it over; a colleague it is shared with does neither (issue 9)', async () => {
    const opened = await openCase(liwei);
    const chenId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'chen')!.id;
    const liweiId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'liwei')!.id;
    await station.call(liwei, 'cases.share', { id: opened.id, userId: chenId, shared: true });
    const refused = await station.raw(chen, 'cases.close', { id: opened.id, reason: '目标达成', closedOn: '2026-11-23' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有负责该个案的咨询师或站长可以结案、转移或共享个案。' } });
    expect(code(await station.raw(chen, 'cases.transfer', { id: opened.id, counsellorId: chenId, reason: '我来接手' }))).toBe('FORBIDDEN');
    expect(code(await station.raw(liwei, 'cases.transfer', { id: opened.id, counsellorId: liweiId, reason: '原地转移' }))).toBe('INVALID_INPUT');
    // The 站长 assigning it to its own counsellor is not a no-op: it opens the client's earlier history (accessHoles).
    expect(code(await station.raw(station.admin, 'cases.transfer', { id: opened.id, counsellorId: liweiId, reason: '站长分配' }))).toBe('ok');
    // A counsellor going on leave hands their own case over.
    expect(await station.call(liwei, 'cases.transfer', { id: opened.id, counsellorId: chenId, reason: '本人休产假，交陈老师跟进' })).toMatchObject({ counsellorName: 'chen', status: 'open' });
    expect((await station.call(chen, 'cases.close', { id: opened.id, reason: '目标达成', closedOn: '2026-11-23' })).status).toBe('closed');
  });

  it('closes with a reason and a date in range', async () => {
    const opened = await openCase(liwei);
    expect(code(await station.raw(liwei, 'cases.close', { id: opened.id, reason: '', closedOn: '2026-11-23' }))).toBe('INVALID_INPUT');
    expect(code(await station.raw(liwei, 'cases.close', { id: opened.id, reason: '目标达成', closedOn: '2026-11-01' }))).toBe('INVALID_INPUT');
    expect((await station.call(liwei, 'cases.close', { id: opened.id, reason: '目标达成', closedOn: '2026-11-23' })).status).toBe('closed');
  });

  it('a draft leaves its writer’s 待签名 list once the case is transferred away (they could no longer sign it)', async () => {
    const opened = await openCase(liwei);
    const draft = await station.call(liwei, 'sessions.saveDraft', { caseId: opened.id, heldOn: '2026-11-23', startTime: '09:30', durationMinutes: 50, modality: 'in_person', kind: 'intake', note });
    const unsigned = async (token: string) => (await station.call(token, 'dashboard.today', {})).unsignedSessions.map((row) => row.id);
    expect(await unsigned(liwei)).toEqual([draft.id]);
    const chenId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'chen')!.id;
    await station.call(station.admin, 'cases.transfer', { id: opened.id, counsellorId: chenId, reason: '咨询师调岗' });
    expect(await unsigned(liwei)).toEqual([]);
    expect(code(await station.raw(liwei, 'sessions.sign', { id: draft.id }))).toBe('FORBIDDEN');
    // The 站长 still sees every unsigned note of the station: it is theirs to follow up.
    expect(await unsigned(station.admin)).toEqual([draft.id]);
  });

  it('lists cases a page at a time with their count, open ones before closed ones, and finds them by the client as the client search does', async () => {
    const register = async (name: string, phone: string) => (await station.call(reception, 'clients.register', { ...adult, name, phone, idNumber: undefined })).id;
    const open = async (client: number, openedOn: string) => (await station.call(liwei, 'cases.open', { clientId: client, problemCategories: ['emotion'], reason: '自主来访', openedOn })).id;
    const oldest = await open(clientId, '2026-11-01');
    await station.call(liwei, 'cases.close', { id: oldest, reason: '目标达成', closedOn: '2026-11-20' });
    const li = await open(await register('李四', '13900001111'), '2026-11-10');
    const wang = await open(await register('王五', '13700002222'), '2026-11-05');
    const ids = async (input: Record<string, unknown>) => {
      const page = await station.call(station.admin, 'cases.list', input);
      return { ids: page.rows.map((row) => row.id), total: page.total };
    };
    // A closed case never comes before an open one (it did: a capped list of 500 could show no open case at all).
    expect(await ids({ status: 'all', limit: 2 })).toEqual({ ids: [li, wang], total: 3 });
    expect(await ids({ status: 'all', limit: 2, offset: 2 })).toEqual({ ids: [oldest], total: 3 });
    expect(await ids({ status: 'open' })).toEqual({ ids: [li, wang], total: 2 });
    expect(await ids({ status: 'all', query: 'ls' })).toEqual({ ids: [li], total: 1 });
    expect(await ids({ status: 'all', query: '王' })).toEqual({ ids: [wang], total: 1 });
    expect(await ids({ status: 'all', query: '2222' })).toEqual({ ids: [wang], total: 1 });
    // A counsellor's page counts only the cases they reach.
    expect((await station.call(chen, 'cases.list', { status: 'all' })).total).toBe(0);
    expect(code(await station.raw(station.admin, 'cases.list', { limit: 201 }))).toBe('INVALID_INPUT');
  });
});
