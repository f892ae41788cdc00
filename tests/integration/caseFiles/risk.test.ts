import { describe, expect, it } from 'vitest';
import { adult } from '../helpers/clients.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

const day = 86_400_000;
const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

const stationWithCase = async () => disposeWhenTestEnds(await caseFileStation({ registrar: 'liwei' }));

describe('三色预警 and 随访', () => {
  it('grading needs a reason and access; red schedules a follow-up in 7 days that becomes overdue', async () => {
    const { station, time, liwei, chen, clientId } = await stationWithCase();
    expect(code(await station.raw(liwei, 'risk.grade', { clientId, level: 'red', reason: '', evidence: 'disclosure' }))).toBe('INVALID_INPUT');
    expect(code(await station.raw(chen, 'risk.grade', { clientId, level: 'red', reason: '有自伤念头', evidence: 'disclosure' }))).toBe('FORBIDDEN');
    const graded = await station.call(liwei, 'risk.grade', { clientId, level: 'red', reason: '来访者表露自伤念头', evidence: 'disclosure' });
    expect(graded.history[0]).toMatchObject({ level: 'red', gradedBy: 'liwei', evidence: 'disclosure' });
    expect(graded.followUps[0]).toMatchObject({ dueOn: '2026-11-30', level: 'red', status: 'due' });
    expect((await station.call(liwei, 'clients.search', { query: 'zs' })).rows[0]?.riskLevel).toBe('red');

    expect((await station.call(liwei, 'followUps.list', { scope: 'due', withinDays: 7 })).map((f) => f.dueOn)).toEqual(['2026-11-30']);
    expect(await station.call(chen, 'followUps.list', { scope: 'due', withinDays: 7 })).toEqual([]);
    time.advance(9 * day);
    const overdue = await station.call(liwei, 'followUps.list', { scope: 'overdue' });
    expect(overdue).toEqual([expect.objectContaining({ clientName: '张三', overdueDays: 2 })]);
    expect((await station.call(station.admin, 'dashboard.today', {})).followUpsOverdue).toBe(1);
  });

  it('the home page counts every overdue follow-up and unsigned note, beyond the 500 and 100 rows its lists hold', async () => {
    const { station, liwei, chen, clientId, caseId } = await stationWithCase();
    // Ten years' backlog, written straight into the file: through the API this would be six hundred calls.
    station.database().exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 501)
      INSERT INTO follow_ups (client_id, due_on, level, status) SELECT ${clientId}, date('2026-11-22', '-' || (i % 300) || ' days'), 'yellow', 'due' FROM n;
      INSERT INTO follow_ups (client_id, due_on, level, status) VALUES (${clientId}, '2026-11-23', 'red', 'due'), (${clientId}, '2026-11-24', 'red', 'due');
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 101)
      INSERT INTO counselling_sessions (case_id, counsellor_id, held_on, start_time, duration_minutes, modality, kind, created_at, updated_at)
        SELECT id, counsellor_id, '2026-11-23', '09:00', 50, 'in_person', 'intake', '2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.000Z' FROM cases, n WHERE id = ${caseId};
    `);
    for (const viewer of [station.admin, liwei]) {
      const today = await station.call(viewer, 'dashboard.today', {});
      expect([today.followUpsDueToday, today.followUpsOverdue, today.unsignedSessionCount, today.unsignedSessions.length]).toEqual([1, 501, 101, 100]);
    }
    const others = await station.call(chen, 'dashboard.today', {});
    expect([others.followUpsDueToday, others.followUpsOverdue, others.unsignedSessionCount]).toEqual([0, 0, 0]);
  });

  it('a follow-up re-assesses the colour; lowering needs a reason; the next one follows the new colour', async () => {
    const { station, time, liwei, clientId } = await stationWithCase();
    const graded = await station.call(liwei, 'risk.grade', { clientId, level: 'red', reason: '来访者表露自伤念头', evidence: 'disclosure' });
    const followUpId = graded.followUps[0]!.id;
    time.advance(6 * day);
    const record = {
      followUpId,
      doneOn: '2026-11-29',
      method: 'home_visit' as const,
      participants: ['grid_worker', 'family'],
      findings: '情绪较前平稳，睡眠改善，家属陪伴。',
      reassessedLevel: 'yellow' as const,
    };
    expect(await station.raw(liwei, 'followUps.record', record)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '降低预警等级须填写理由。' } });
    const unknownPeople = { ...record, participants: ['grid_worker', '路人'], reason: '连续两周无自伤念头，家庭支持到位' };
    expect(await station.raw(liwei, 'followUps.record', unknownPeople)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '随访参与人员不在字典中：路人' } });
    const after = await station.call(liwei, 'followUps.record', { ...record, reason: '连续两周无自伤念头，家庭支持到位' });
    expect(after.find((f) => f.id === followUpId)).toMatchObject({ status: 'done', reassessedLevel: 'yellow', participants: ['grid_worker', 'family'] });
    expect(after.find((f) => f.status === 'due')).toMatchObject({ dueOn: '2026-12-13', level: 'yellow' });
    expect(await station.raw(liwei, 'followUps.record', { ...record, reason: '重复' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const page = await station.call(liwei, 'cases.get', { id: (await station.call(liwei, 'cases.list', {})).rows[0]!.id });
    expect(page.riskHistory.map((grade) => grade.level)).toEqual(['yellow', 'red']);
  });

  it('the station sets the follow-up plan per colour', async () => {
    const { station, liwei, clientId } = await stationWithCase();
    await station.call(station.admin, 'settings.update', { followUpDays: { red: 3, yellow: 10, green: 60 } });
    const graded = await station.call(liwei, 'risk.grade', { clientId, level: 'green', reason: '一般心理困扰', evidence: 'scale' });
    expect(graded.followUps[0]?.dueOn).toBe('2027-01-22');
  });
});

describe('dictionaries and merging', () => {
  it('a station adds its own entries and hides built-ins; hidden codes are refused for new records', async () => {
    const { station, liwei } = await stationWithCase();
    const added = await station.call(station.admin, 'dictionaries.add', { dictionary: 'populationTag', label: '退役军人' });
    expect(added).toMatchObject({ builtin: false, active: true, label: '退役军人' });
    const tags = await station.call(liwei, 'dictionaries.list', { dictionary: 'populationTag' });
    expect(tags.map((item) => item.label)).toContain('退役军人');
    const hidden = tags.find((item) => item.code === 'petitioner')!;
    await station.call(station.admin, 'dictionaries.setActive', { id: hidden.id, active: false });
    const refused = await station.raw(liwei, 'clients.register', { ...adult, idNumber: '', name: '钱七', tags: ['petitioner'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await station.call(liwei, 'clients.register', { ...adult, idNumber: '', name: '钱七', tags: [added.code] })).tags).toEqual([added.code]);
  });

  it('merging is explicit, moves the records and is audited', async () => {
    const { station, liwei, clientId } = await stationWithCase();
    const other = await station.call(liwei, 'clients.register', { ...adult, idNumber: '', name: '张三（小名）', tags: ['hardship'] });
    await station.call(liwei, 'cases.open', { clientId: other.id, problemCategories: ['family'], reason: '另一次登记', openedOn: '2026-11-23' });
    const merged = await station.call(station.admin, 'clients.merge', { keepId: clientId, mergeId: other.id, reason: '同一人重复登记' });
    expect(merged.tags).toEqual(['elderly_alone', 'hardship']);
    expect((await station.call(station.admin, 'cases.list', { clientId })).rows.length).toBe(2);
    expect(await station.raw(station.admin, 'clients.get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await station.call(station.admin, 'audit.list', { action: 'clients.merge' })).rows[0]?.detail).toEqual({ mergedId: other.id, reasonLength: '同一人重复登记'.length });
  });
});
