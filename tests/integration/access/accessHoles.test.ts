import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ipcChannels } from '../../../shared/api/methodNames.js';
import { bindIpc } from '../../../electron/main/ipc.js';
import { appOrigin } from '../../../electron/main/security.js';
import { startHttpHost } from '../../../electron/server/httpHost.js';
import { adult } from '../helpers/clients.js';
import { createStation, manualClock, type Station } from '../helpers/station.js';

/**
 * Issue 9 §3: what one counsellor (liwei) holds is not reachable by another (chen). One station for
 * the whole file: liwei's client 张三 with an open case, graded red; chen has no case of hers.
 */
let station: Station;
let liwei: string;
let chen: string;
let reception: string;
let chenId: number;
let clientId: number;
let caseId: number;
const time = manualClock();

beforeAll(async () => {
  station = await createStation({ clock: time.clock });
  liwei = await station.addUser('liwei', 'counsellor');
  chen = await station.addUser('chen', 'counsellor');
  reception = await station.addUser('qiantai', 'reception');
  chenId = (await station.call(station.admin, 'users.list', {})).find((user) => user.username === 'chen')!.id;
  const client = await station.call(reception, 'clients.register', { ...adult, address: '胜利路 8 号 3 单元', guardianName: '张父', guardianPhone: '13711112222', guardianRelation: '父亲' });
  clientId = client.id;
  caseId = (await station.call(liwei, 'cases.open', { clientId, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' })).id;
  await station.call(liwei, 'risk.grade', { clientId, level: 'red', reason: '有自伤念头', evidence: 'disclosure' });
});
afterAll(() => station.dispose());

async function auditRows(action: string) {
  return (await station.call(station.admin, 'audit.list', { action, pageSize: 200 })).rows;
}

describe('registration details of clients a counsellor does not reach (§3.3)', () => {
  it('are masked for another counsellor: no colour, masked ID number and phones, no address', async () => {
    const seen = await station.call(chen, 'clients.get', { id: clientId });
    // mayEdit is core's own line for 编辑 / 添加同意书, so the client page offers only what core accepts.
    expect(seen).toMatchObject({ name: '张三', riskLevel: null, idNumber: '110105********002X', phone: '138****5678', guardianPhone: '137****2222', address: '', mayEdit: false });
    expect(await station.raw(chen, 'clients.update', { id: clientId, client: adult })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = await station.call(liwei, 'clients.get', { id: clientId });
    expect(own).toMatchObject({ riskLevel: 'red', idNumber: adult.idNumber, phone: adult.phone, address: '胜利路 8 号 3 单元', mayEdit: true });
    // Reception registers, so it keeps the full registration (but never the colour).
    expect(await station.call(reception, 'clients.get', { id: clientId })).toMatchObject({ riskLevel: null, idNumber: adult.idNumber, mayEdit: true });
  });

  it('lists show no colour, and searching by colour does not find them', async () => {
    const byName = await station.call(chen, 'clients.search', { query: '张三' });
    expect(byName.rows[0]).toMatchObject({ id: clientId, riskLevel: null });
    expect(await station.call(chen, 'clients.search', { riskLevel: 'red' })).toEqual({ total: 0, rows: [] });
    expect((await station.call(liwei, 'clients.search', { riskLevel: 'red' })).rows.map((row) => row.id)).toEqual([clientId]);
  });

  it('the kiosk-result picker (reachedOnly) lists only clients a result may join: reached ones, all for the 站长, none for the front desk', async () => {
    const reached = (token: string) => station.call(token, 'clients.search', { query: '张三', reachedOnly: true });
    expect(await reached(chen)).toEqual({ total: 0, rows: [] });
    expect((await reached(liwei)).rows.map((row) => row.id)).toEqual([clientId]);
    expect((await reached(station.admin)).rows.map((row) => row.id)).toEqual([clientId]);
    expect(await reached(reception)).toEqual({ total: 0, rows: [] });
  });

  it('another counsellor cannot save over the record they see masked', async () => {
    const result = await station.raw(chen, 'clients.update', { id: clientId, client: { ...adult, phone: '13900000000' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await station.call(liwei, 'clients.get', { id: clientId })).idNumber).toBe(adult.idNumber);
  });

  it('a counsellor who registers a client sees it in full until someone opens a case', async () => {
    const mine = await station.call(chen, 'clients.register', { ...adult, name: '李四', idNumber: '', phone: '13600001111', address: '民主路 2 号' });
    expect(mine).toMatchObject({ phone: '13600001111', address: '民主路 2 号' });
  });
});

describe('a new case over another counsellor\'s closed one (§3.2)', () => {
  it('reaches the client\'s history only from its opening, until the earlier counsellor shares or the 站长 assigns', async () => {
    const other = await station.call(reception, 'clients.register', { ...adult, name: '王五', idNumber: '', phone: '13500003333' });
    await station.call(reception, 'clients.addConsent', { clientId: other.id, kind: 'sharing', signerName: '王五', signedOn: '2026-11-02' });
    const earlier = await station.call(liwei, 'cases.open', { clientId: other.id, problemCategories: ['emotion'], reason: '丧亲', openedOn: '2026-11-02' });
    await station.call(liwei, 'risk.grade', { clientId: other.id, level: 'yellow', reason: '丧亲后失眠', evidence: 'disclosure' });
    const result = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], clientId: other.id });
    const critical = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], clientId: other.id });
    await station.call(liwei, 'alerts.acknowledge', { id: critical.alertId!, actionNote: '已当面评估' });
    const referral = await station.call(liwei, 'referrals.create', { clientId: other.id, target: 'mental_health_centre', reason: '睡眠问题就医', sentOn: '2026-11-20' });
    const crisis = await station.call(liwei, 'crises.open', { clientId: other.id, summary: '深夜来电称想结束生命' });
    await station.call(liwei, 'crises.resolve', { crisisId: crisis.id, outcome: 'stabilized', outcomeNote: '已稳定', followUpPlan: '三日内回访' });
    await station.call(liwei, 'cases.close', { id: earlier.id, reason: '来访者搬离本社区', closedOn: '2026-11-23' });
    time.advance(3 * 86_400_000);

    const later = await station.call(chen, 'cases.open', { clientId: other.id, problemCategories: ['emotion'], reason: '再次来访', openedOn: '2026-11-26' });
    const page = await station.call(chen, 'cases.get', { id: later.id });
    expect(page.riskHistory).toEqual([]);
    expect(page.followUps.every((item) => item.status === 'due')).toBe(true);
    expect(await station.call(chen, 'results.list', { clientId: other.id })).toEqual([]);
    expect(await station.call(chen, 'referrals.list', { clientId: other.id })).toEqual([]);
    expect((await station.call(chen, 'alerts.list', { open: false })).map((alert) => alert.id)).not.toContain(critical.alertId);
    expect((await station.call(chen, 'crises.list', { status: 'all' })).map((item) => item.id)).not.toContain(crisis.id);
    for (const [method, input] of [
      ['results.get', { id: result.id }],
      ['crises.get', { id: crisis.id }],
      ['referrals.update', { id: referral.id, status: 'received', on: '2026-11-26' }],
      ['cases.get', { id: earlier.id }],
    ] as const) {
      const refused = await station.raw(chen, method, input as never);
      expect(refused, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(refused), method).not.toMatch(/丧亲|结束生命|睡眠问题/);
    }
    // What happens from the opening on is theirs.
    const graded = await station.call(chen, 'risk.grade', { clientId: other.id, level: 'yellow', reason: '情绪低落', evidence: 'disclosure' });
    expect(graded.history.map((grade) => grade.reason)).toEqual(['情绪低落']);

    // The earlier counsellor shares the earlier case: its whole history opens.
    await station.call(liwei, 'cases.share', { id: earlier.id, userId: chenId, shared: true });
    expect((await station.call(chen, 'cases.get', { id: later.id })).riskHistory.map((grade) => grade.reason)).toContain('丧亲后失眠');
    expect(await station.call(chen, 'results.get', { id: result.id })).toMatchObject({ id: result.id });
    expect((await station.call(chen, 'alerts.list', { open: false })).map((alert) => alert.id)).toContain(critical.alertId);
    await station.call(liwei, 'cases.share', { id: earlier.id, userId: chenId, shared: false });
    expect(await station.raw(chen, 'crises.get', { id: crisis.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The 站长 assigns the new case (hands it over to chen): the history opens too.
    await station.call(station.admin, 'cases.transfer', { id: later.id, counsellorId: chenId, reason: '站长分配' });
    expect(await station.call(chen, 'crises.get', { id: crisis.id })).toMatchObject({ id: crisis.id });
    expect((await station.call(chen, 'referrals.list', { clientId: other.id })).map((item) => item.id)).toEqual([referral.id]);
  });
});

describe('group screenings belong to their creator and the 站长 (§3.4)', () => {
  it('another counsellor neither lists, opens nor closes them', async () => {
    const screening = await station.call(liwei, 'screenings.create', { name: '实验中学初二（3）班', scaleIds: ['PHQ-9'], roster: ['王小明'] });
    expect((await station.call(chen, 'screenings.list', {})).map((item) => item.id)).not.toContain(screening.id);
    for (const method of ['screenings.get', 'screenings.close'] as const) {
      const result = await station.raw(chen, method, { id: screening.id });
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(result)).not.toContain('王小明');
    }
    expect((await station.call(station.admin, 'screenings.list', {})).map((item) => item.id)).toContain(screening.id);
    expect(await station.call(liwei, 'screenings.get', { id: screening.id })).toMatchObject({ status: 'open' });
    expect(await station.call(station.admin, 'screenings.close', { id: screening.id })).toMatchObject({ status: 'closed' });
  });
});

describe('audit of clinical reads (§3.6)', () => {
  it('a refused read of case content leaves a "denied" row naming the record, not its content', async () => {
    const refused = [
      ['cases.get', { id: caseId }, 'cases.view'],
      ['followUps.list', { scope: 'client', clientId }, 'followUps.list'],
      ['results.list', { clientId }, 'results.list'],
      ['referrals.list', { clientId }, 'referrals.list'],
    ] as const;
    const deniedRows = async (action: string) => (await auditRows(action)).filter((row) => row.result === 'denied' && row.actorId === chenId);
    for (const [method, input, action] of refused) {
      const before = (await deniedRows(action)).length;
      expect(await station.raw(chen, method, input as never), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const denied = await deniedRows(action);
      expect(denied.length - before, method).toBe(1);
      expect(JSON.stringify(denied)).not.toMatch(/张三|失眠|自伤/);
    }
    expect((await deniedRows('cases.view')).filter((row) => row.objectId === String(caseId))).toEqual([expect.objectContaining({ objectType: 'case' })]);
  });

  it('every list read of clinical data writes exactly one row per call', async () => {
    const lists = [
      ['cases.list', {}, 'cases.list'],
      ['alerts.list', {}, 'alerts.list'],
      ['followUps.list', { scope: 'due' }, 'followUps.list'],
      ['followUps.list', { scope: 'overdue' }, 'followUps.list'],
      ['clients.search', { riskLevel: 'red' }, 'clients.search'],
      ['screenings.list', {}, 'screenings.list'],
      ['appointments.noShows', { clientId }, 'appointments.noShows'],
      ['crises.list', {}, 'crises.list'],
      ['referrals.list', {}, 'referrals.list'],
      ['results.list', { clientId }, 'results.list'],
      ['dashboard.today', {}, 'dashboard.view'],
    ] as const;
    for (const [method, input, action] of lists) {
      const before = (await auditRows(action)).length;
      await station.call(liwei, method, input as never);
      expect((await auditRows(action)).length - before, method).toBe(1);
    }
    // The dashboard is one read: its lists inside do not add rows of their own.
    const crisesBefore = (await auditRows('crises.list')).length;
    await station.call(liwei, 'dashboard.today', {});
    expect((await auditRows('crises.list')).length).toBe(crisesBefore);
  });
});

/** An open Server-Sent Events stream: its text so far, a wait for some text, and its end. */
function listen(port: number, session: string) {
  let text = '';
  const waiters: Array<{ needle: string; done: () => void }> = [];
  let ended!: Promise<void>;
  const connected = new Promise<void>((resolve, reject) => {
    ended = new Promise<void>((endResolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/events', method: 'GET', headers: { 'x-xinyi-token': 'sse-token', 'x-xinyi-session': session } }, (res) => {
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          resolve();
          for (const waiter of waiters.filter((item) => text.includes(item.needle))) waiter.done();
        });
        res.on('end', () => endResolve());
      });
      req.on('error', reject);
      req.end();
    });
  });
  return {
    connected,
    ended,
    text: () => text,
    waitFor: (needle: string) => new Promise<void>((done) => (text.includes(needle) ? done() : waiters.push({ needle, done }))),
  };
}

const critical = [0, 0, 0, 0, 0, 0, 0, 0, 2];

describe('events check the session on every event (§3.5); this block disables chen, so it runs last', () => {
  it('an alert about a client reaches only staff who reach the client; an anonymous one all clinical staff; a disabled session\'s stream ends at once', async () => {
    const host = await startHttpHost({ core: station.core, staticDir: null, port: 0, token: 'sse-token' });
    onTestFinished(() => host.close());
    const ipc = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const bridge = bindIpc({ handle: (channel: string, handler: never) => ipc.set(channel, handler) } as never, station.core);
    const frame = { url: `${appOrigin}/` };
    const chenWindow: unknown[][] = [];
    bridge.forwardEvents({ id: 9, isDestroyed: () => false, send: (...args: unknown[]) => chenWindow.push(args) } as never);
    await ipc.get(ipcChannels.call)!({ senderFrame: frame, sender: { id: 9, mainFrame: frame } }, 'auth.me', {}, chen);

    const liweiStream = listen(host.port, liwei);
    const chenStream = listen(host.port, chen);
    const receptionStream = listen(host.port, reception);
    await Promise.all([liweiStream.connected, chenStream.connected, receptionStream.connected]);

    const aboutClient = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: critical, clientId });
    const anonymous = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: critical });
    await liweiStream.waitFor(`"alertId":${anonymous.alertId}`);
    await chenStream.waitFor(`"alertId":${anonymous.alertId}`);
    // Events keep their order on one stream: had chen been sent the first alert, it would be here by now.
    expect(liweiStream.text()).toContain(`"alertId":${aboutClient.alertId}`);
    expect(chenStream.text()).not.toContain(`"alertId":${aboutClient.alertId}`);
    const windowAlerts = chenWindow.filter((args) => args[1] === 'alert.raised').map((args) => (args[2] as { alertId: number }).alertId);
    expect(windowAlerts).toEqual([anonymous.alertId]);

    await station.call(station.admin, 'users.setDisabled', { userId: chenId, disabled: true });
    await chenStream.ended;
    expect(receptionStream.text()).not.toContain('alert.raised');
  });
});
