import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract/index.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { adult } from '../helpers/clients.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { readLedgerSheet } from '../helpers/workbook.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

// The clock stands at 2026-11-23 10:00 Beijing time.
const visit = (visitorIds: number[], clientId: number | null = null): MethodInput<'visits.create'> => ({
  date: '2026-11-20',
  visitorIds,
  clientId,
  area: clientId === null ? '阳光小区 3 栋' : '',
  companionRoles: ['grid_worker'],
  companionNames: '网格员赵红',
  tags: ['elderly_alone'],
  observations: '独居老人，近期失眠，情绪低落。',
  followUpNeeded: true,
});

describe('screening visits (走访排查)', () => {
  it('a counsellor records a client’s visit; its observations are clinical: never in lists, never to reception or another counsellor; reading one is audited', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, clientId } = setup;
    const ids = await userIds(setup);
    const made = await station.call(liwei, 'visits.create', visit([ids.liwei!], clientId));
    expect(made).toMatchObject({ visitors: [{ id: ids.liwei, displayName: 'liwei' }], client: { id: clientId, name: '张三' }, registered: true, observations: '独居老人，近期失眠，情绪低落。', clientHasOpenCase: true, editable: true, mayRegister: false });
    expect((await station.call(liwei, 'visits.list', { from: '2026-11-01', to: '2026-11-30' })).map((row) => row.observations)).toEqual([null]);
    const atDesk = await station.call(reception, 'visits.get', { id: made.id });
    expect(atDesk).toMatchObject({ observations: null, editable: false, clientHasOpenCase: null });
    const byChen = await station.call(chen, 'visits.get', { id: made.id });
    expect(byChen).toMatchObject({ observations: null, client: null, clientHidden: true, editable: false });
    expect((await station.call(station.admin, 'visits.get', { id: made.id })).observations).toBe('独居老人，近期失眠，情绪低落。');
    expect((await auditRows(setup, 'visits.view')).map((row) => row.actorName)).toEqual(['admin']);

    const edited = await station.call(liwei, 'visits.update', { ...visit([ids.liwei!], clientId), id: made.id, tags: ['elderly_alone', 'hardship'], observations: '补充：子女在外地。' });
    expect(edited).toMatchObject({ tags: ['elderly_alone', 'hardship'], observations: '补充：子女在外地。' });
    const [update] = await auditRows(setup, 'visits.update');
    expect(update!.detail.changedFields).toBe('重点人群标签、走访情况');
    expect(JSON.stringify(await station.call(station.admin, 'audit.list', { pageSize: 200 }))).not.toMatch(/失眠|子女在外地/);
    const chenEdit = await station.raw(chen, 'visits.update', { ...visit([ids.chen!]), id: made.id });
    expect(chenEdit.ok ? null : chenEdit.error.code).toBe('FORBIDDEN');
    const deskEdit = await station.raw(reception, 'visits.update', { ...visit([ids.qiantai!]), id: made.id });
    expect(deskEdit.ok ? null : deskEdit.error.code).toBe('FORBIDDEN');
  });

  it('reception records an anonymous household and files it (建档): the client file exists, prefilled, linked to the visit', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, clientId } = setup;
    const ids = await userIds(setup);
    const withClient = await station.raw(reception, 'visits.create', visit([ids.qiantai!], clientId));
    expect(withClient.ok ? null : withClient.error.message).toContain('前台只能登记未建档住户的走访');
    const household = await station.call(reception, 'visits.create', visit([ids.qiantai!, ids.liwei!]));
    expect(household).toMatchObject({ client: null, registered: false, area: '阳光小区 3 栋', observations: null, mayRegister: true, editable: false });
    expect((await station.call(chen, 'visits.get', { id: household.id })).mayRegister).toBe(false);
    const byChen = await station.raw(chen, 'visits.registerClient', { visitId: household.id, client: { ...adult, name: '李奶奶', idNumber: '' } });
    expect(byChen.ok ? null : byChen.error.code).toBe('FORBIDDEN');

    const filed = await station.call(reception, 'visits.registerClient', { visitId: household.id, client: { ...adult, name: '李奶奶', idNumber: '', phone: '', address: '阳光小区 3 栋', tags: ['elderly_alone'] } });
    expect(await station.call(reception, 'clients.get', { id: filed.id })).toMatchObject({ name: '李奶奶', address: '阳光小区 3 栋', tags: ['elderly_alone'] });
    const linked = await station.call(liwei, 'visits.get', { id: household.id });
    expect(linked).toMatchObject({ client: { id: filed.id, name: '李奶奶' }, filedFromVisit: true, mayRegister: false, clientHasOpenCase: false });
    const again = await station.raw(reception, 'visits.registerClient', { visitId: household.id, client: { ...adult, name: '王大爷', idNumber: '' } });
    expect(again.ok ? null : again.error.message).toBe('该走访已关联来访者档案，无需再建档。');
    // A refused registration (an unknown tag) registers nobody and leaves the visit anonymous.
    const other = await station.call(reception, 'visits.create', { ...visit([ids.qiantai!]), area: '阳光小区 5 栋' });
    const refused = await station.raw(reception, 'visits.registerClient', { visitId: other.id, client: { ...adult, name: '周阿姨', idNumber: '', tags: ['ufo'] } });
    expect(refused.ok ? null : refused.error.message).toContain('重点人群标签不在字典中：ufo');
    expect((await station.call(reception, 'visits.get', { id: other.id })).registered).toBe(false);
    expect((await station.call(reception, 'clients.search', { query: '周阿姨' })).total).toBe(0);
    // The counsellor opens the new client's case through the case files' own rule.
    await station.call(liwei, 'cases.open', { clientId: filed.id, problemCategories: ['emotion'], reason: '走访发现失眠', openedOn: '2026-11-23' });
    expect((await station.call(liwei, 'visits.get', { id: household.id })).clientHasOpenCase).toBe(true);
    expect((await auditRows(setup, 'visits.registerClient'))[0]).toMatchObject({ actorName: 'qiantai', objectId: String(household.id), detail: { clientId: filed.id } });
  });

  it('refuses bad input with a Chinese message on its field and saves nothing', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei } = setup;
    const ids = await userIds(setup);
    const good = visit([ids.liwei!]);
    const kept = await station.call(liwei, 'visits.create', good);
    const bad: Array<[string, MethodInput<'visits.create'>, string, string]> = [
      ['a future day', { ...good, date: '2026-11-24' }, 'date', '走访日期 2026-11-24 还未到，不能登记。'],
      ['household without area', { ...good, area: '' }, 'area', '未建档的住户请填写走访地址（小区/楼栋，不写姓名）。'],
      ['no visitor', { ...good, visitorIds: [] }, 'visitorIds', '请至少选择一名走访人员。'],
      ['not among the visitors', { ...good, visitorIds: [ids.chen!] }, 'visitorIds', '只能登记自己参加的走访'],
      ['visitor who does not exist', { ...good, visitorIds: [ids.liwei!, 777] }, 'visitorIds', '走访人员账号 #777 不存在。'],
      ['unknown tag', { ...good, tags: ['ufo'] }, 'tags', '重点人群标签不在字典中：ufo'],
      ['unknown companion', { ...good, companionRoles: ['alien'] }, 'companionRoles', '同行人员类别不在字典中：alien'],
      ['client that does not exist', { ...good, clientId: 9999 }, 'clientId', '来访者 #9999 不存在'],
      ['oversized observations', { ...good, observations: '长'.repeat(501) }, 'observations', '走访情况不能超过 500 个字符。'],
    ];
    for (const [name, input, field, message] of bad) {
      const result = await station.raw(liwei, 'visits.create', input);
      expect(result.ok ? null : result.error.message, name).toContain(message);
      expect(result.ok ? null : (result.error.details as Array<{ path: string }>).map((detail) => detail.path), name).toEqual([field]);
      const update = await station.raw(liwei, 'visits.update', { ...input, id: kept.id });
      expect(update.ok, `${name} (update)`).toBe(false);
    }
    expect(await station.call(liwei, 'visits.list', { from: '2020-01-01', to: '2026-12-31' })).toEqual([{ ...kept, observations: null }]);
    expect(await auditRows(setup, 'visits.update')).toEqual([]);
  });

  it('lists by period, tag and visitor, counts the period by 重点人群 tag in SQL, and exports it without observations or names', async () => {
    const setup = disposeWhenTestEnds(await caseFileStation());
    const { station, liwei, chen, reception, clientId } = setup;
    const ids = await userIds(setup);
    await station.call(liwei, 'visits.create', { ...visit([ids.liwei!], clientId), tags: ['elderly_alone', 'hardship'], followUpNeeded: false });
    await station.call(chen, 'visits.create', { ...visit([ids.chen!]), date: '2026-11-02', tags: ['youth'], companionRoles: ['grid_worker', 'police'] });
    await station.call(chen, 'visits.create', { ...visit([ids.chen!]), date: '2026-10-30' });
    const list = async (filter: Partial<MethodInput<'visits.list'>>) =>
      (await station.call(reception, 'visits.list', { from: '2026-11-01', to: '2026-11-30', ...filter })).map((row) => `${row.date} ${row.visitors.map((visitor) => visitor.displayName).join('')}`);
    expect(await list({})).toEqual(['2026-11-02 chen', '2026-11-20 liwei']);
    expect(await list({ tag: 'hardship' })).toEqual(['2026-11-20 liwei']);
    expect(await list({ visitorId: ids.chen! })).toEqual(['2026-11-02 chen']);
    expect(await list({ tag: 'youth', visitorId: ids.liwei! })).toEqual([]);

    const counts = await station.call(reception, 'visits.counts', { from: '2026-11-01', to: '2026-11-30' });
    expect(Object.fromEntries(counts.byTag.map((row) => [row.label, row.visits]))).toMatchObject({ '老年人（独居）': 1, 困难群众: 1, 青少年: 1, 残疾人: 0 });
    expect(counts.total).toEqual({ visits: 2, households: 1, clients: 1, followUps: 1, filed: 0 });

    const file = await station.call(reception, 'visits.export', { from: '2026-11-01', to: '2026-11-30' });
    expect(file).toMatchObject({ fileName: '走访排查台账_2026年11月.xlsx', rows: 2 });
    const sheet = await readLedgerSheet(file);
    expect(sheet.headers).toEqual(['日期', '走访人员', '对象', '走访地址（小区/楼栋）', '同行人员', '同行人员姓名', '重点人群', '需要跟进']);
    expect(sheet.rows).toEqual([
      ['2026-11-02', 'chen', '未建档住户', '阳光小区 3 栋', '网格员、社区民警', '网格员赵红', '青少年', '是'],
      ['2026-11-20', 'liwei', '已建档来访者', null, '网格员', '网格员赵红', '老年人（独居）、困难群众'],
    ]);
    expect(JSON.stringify(sheet)).not.toMatch(/张三|失眠/);
    const [row] = await auditRows(setup, 'visits.export');
    expect(row).toMatchObject({ actorName: 'qiantai', detail: { period: '2026-11-01~2026-11-30', count: 2 } });

    const removed = await station.raw(liwei, 'visits.remove', { id: 1, reason: '重复登记' });
    expect(removed.ok ? null : removed.error.code).toBe('FORBIDDEN');
    await station.call(station.admin, 'visits.remove', { id: 1, reason: '重复登记' });
    expect(await list({})).toEqual(['2026-11-02 chen']);
  });
});
