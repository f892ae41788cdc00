import { describe, expect, it } from 'vitest';
import { adult } from '../helpers/clients.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

const setup = async () => disposeWhenTestEnds(await caseFileStation({ registrar: 'liwei' }));

describe('access to a client runs through cases', () => {
  it("a counsellor cannot open a case beside another counsellor's open case to reach the client; the 站长 can assign one", async () => {
    const { station, chen, clientId } = await setup();
    const refused = await station.raw(chen, 'cases.open', { clientId, problemCategories: ['sleep'], reason: '想查看测评记录', openedOn: '2026-11-23' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(chen, 'results.list', { clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const users = await station.call(station.admin, 'users.list', {});
    const chenId = users.find((user) => user.username === 'chen')!.id;
    expect((await station.call(station.admin, 'cases.open', { clientId, counsellorId: chenId, problemCategories: ['sleep'], reason: '站长分配：睡眠问题', openedOn: '2026-11-23' })).counsellorName).toBe('chen');
  });

  it("alerts about a client reach only those with the client's cases; anonymous ones reach all clinical staff", async () => {
    const { station, liwei, chen, clientId } = await setup();
    const named = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], clientId });
    const anonymous = await station.call(chen, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 2] });
    expect((await station.call(chen, 'alerts.list', {})).map((alert) => alert.id)).toEqual([anonymous.alertId]);
    expect((await station.call(liwei, 'alerts.list', {})).map((alert) => alert.id).sort()).toEqual([named.alertId, anonymous.alertId].sort());
    expect(await station.raw(chen, 'alerts.acknowledge', { id: named.alertId!, actionNote: '越权处理' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Said as it is (no case of theirs: open one first), not as a refusal about risk colours.
    expect(await station.raw(chen, 'results.linkClient', { resultId: anonymous.id, clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('请先开案') } });
  });

  it('list reads of clinical records are audited', async () => {
    const { station, liwei, clientId } = await setup();
    await station.call(liwei, 'results.list', { clientId });
    await station.call(liwei, 'crises.list', {});
    await station.call(liwei, 'referrals.list', { clientId });
    await station.call(liwei, 'followUps.list', { scope: 'client', clientId });
    const actions = (await station.call(station.admin, 'audit.list', { pageSize: 200 })).rows.map((row) => row.action);
    for (const action of ['results.list', 'crises.list', 'referrals.list', 'followUps.list']) expect(actions).toContain(action);
  });
});

describe('merging and follow-up dates', () => {
  it('a merge moves results, crises and referrals, keeps one pending follow-up and the newest colour, and inherits the ID number', async () => {
    const { station, time, liwei, clientId } = await setup();
    const other = await station.call(liwei, 'clients.register', { ...adult, idNumber: '440524188001010014', name: '张三（重复）', gender: 'male' });
    await station.call(liwei, 'cases.open', { clientId: other.id, problemCategories: ['family'], reason: '另一次登记', openedOn: '2026-11-23' });
    await station.call(liwei, 'risk.grade', { clientId, level: 'green', reason: '一般困扰', evidence: 'scale' });
    time.advance(60_000);
    await station.call(liwei, 'risk.grade', { clientId: other.id, level: 'red', reason: '表露轻生念头', evidence: 'disclosure' });
    await station.call(liwei, 'results.submit', { scaleId: 'GAD-7', answers: [1, 1, 1, 1, 1, 1, 1], clientId: other.id });
    await station.call(liwei, 'crises.open', { clientId: other.id, summary: '情绪失控' });
    const keptBefore = await station.call(liwei, 'clients.get', { id: clientId });
    expect(keptBefore.idNumber).toBe('11010519491231002X');
    await station.call(station.admin, 'clients.merge', { keepId: clientId, mergeId: other.id, reason: '同一人重复登记' });
    expect((await station.call(liwei, 'results.list', { clientId })).map((result) => result.scaleId)).toEqual(['GAD-7']);
    expect((await station.call(liwei, 'crises.list', { status: 'all' }))[0]?.clientId).toBe(clientId);
    const due = (await station.call(liwei, 'followUps.list', { scope: 'client', clientId })).filter((followUp) => followUp.status === 'due');
    expect(due).toHaveLength(1);
    expect((await station.call(liwei, 'clients.get', { id: clientId })).riskLevel).toBe('red');
  });

  it('the next follow-up counts from the day the follow-up was done, not the day it was typed', async () => {
    const { station, time, liwei, clientId } = await setup();
    const graded = await station.call(liwei, 'risk.grade', { clientId, level: 'red', reason: '表露轻生念头', evidence: 'disclosure' });
    time.advance(10 * 86_400_000);
    const after = await station.call(liwei, 'followUps.record', {
      followUpId: graded.followUps[0]!.id,
      doneOn: '2026-11-30',
      method: 'phone',
      findings: '情绪平稳，继续观察',
      reassessedLevel: 'red',
    });
    expect(after.find((followUp) => followUp.status === 'due')?.dueOn).toBe('2026-12-07');
  });
});
