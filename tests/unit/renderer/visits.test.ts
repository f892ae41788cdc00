import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { DictionaryItem } from '../../../shared/api/schemas/dictionaries.js';
import type { VisitCounts, VisitRecord } from '../../../shared/api/schemas/visits.js';
import { localDay } from '../../../shared/domain/dates.js';
import { parsePeriod } from '../../../shared/domain/periods.js';
import VisitDialog from '../../../renderer/src/features/ledgers/components/VisitDialog.vue';
import VisitLedgerPrint from '../../../renderer/src/features/ledgers/print/VisitLedgerPrint.vue';
import VisitsView from '../../../renderer/src/features/ledgers/views/VisitsView.vue';
import VisitView from '../../../renderer/src/features/ledgers/views/VisitView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { useDictionaryStore } from '../../../renderer/src/shared/stores/dictionaries.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 走访排查 screens ask core what the filters say, and offer only what core lets this user do. */
const entries = (name: 'populationTag' | 'visitCompanionRole' | 'clientSource', list: Array<[string, string]>, offset: number): DictionaryItem[] =>
  list.map(([code, label], index) => ({ id: offset + index, dictionary: name, code, label, active: true, builtin: true }));
const visitDictionaries: DictionaryItem[] = [
  ...entries('populationTag', [['elderly_alone', '老年人（独居）'], ['youth', '青少年']], 1),
  ...entries('visitCompanionRole', [['grid_worker', '网格员'], ['police', '社区民警']], 100),
  ...entries('clientSource', [['screening', '排查发现']], 200),
];

/** An anonymous household 李伟 visited with the 网格员, its observations as the 站长 and 李伟 read them. */
const household: VisitRecord = {
  id: 5,
  date: '2026-01-14',
  visitors: [{ id: 2, displayName: '李伟' }],
  client: null,
  clientHidden: false,
  registered: false,
  area: '阳光小区 3 栋',
  companionRoles: ['grid_worker'],
  companionNames: '网格员赵红',
  tags: ['elderly_alone'],
  observations: '独居，近来失眠。',
  followUpNeeded: true,
  filedFromVisit: false,
  clientHasOpenCase: null,
  createdAt: '2026-01-14T03:00:00.000Z',
  updatedAt: '2026-01-14T03:00:00.000Z',
  editable: true,
  mayRegister: true,
};
const clientVisit: VisitRecord = { ...household, id: 6, date: '2026-01-20', client: { id: 40, name: '张三' }, registered: true, area: '', tags: ['youth'], followUpNeeded: false, mayRegister: false, clientHasOpenCase: false, observations: '学业压力大。' };
const januaryCounts: VisitCounts = {
  from: '2026-01-01',
  to: '2026-01-31',
  byTag: [
    { code: 'elderly_alone', label: '老年人（独居）', visits: 1 },
    { code: 'youth', label: '青少年', visits: 1 },
    { code: 'disabled', label: '残疾人', visits: 0 },
  ],
  total: { visits: 2, households: 1, clients: 1, followUps: 1, filed: 0 },
};

function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'dictionaries.list': () => visitDictionaries,
    'users.directory': () => [{ ...ledgerUsers.admin, role: 'admin' }, { ...ledgerUsers.counsellor, role: 'counsellor' }, { ...ledgerUsers.reception, role: 'reception' }],
    'visits.list': () => [household, clientVisit],
    'visits.counts': (input) => ({ ...januaryCounts, ...input }),
    ...extra,
  });
}

describe('the screening-visit list', () => {
  it('asks for this month first, then for exactly what the filters say; the totals are the month’s by tag', async () => {
    const api = station();
    const { wrapper } = await mountScreen(VisitsView, { api, pattern: '/visits', path: '/visits', pinia: loggedInAs('reception') });
    const month = parsePeriod(localDay(new Date()).slice(0, 7))!;
    expect(api.inputsOf('visits.list')).toEqual([{ from: month.from, to: month.to }]);
    selectByTestid(wrapper, 'visits-tag').vm.$emit('update:modelValue', 'youth');
    await flushPromises();
    selectByTestid(wrapper, 'visits-visitor').vm.$emit('update:modelValue', 2);
    await flushPromises();
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', '2026-01');
    await flushPromises();
    expect(api.inputsOf('visits.list').slice(1)).toEqual([
      { from: month.from, to: month.to, tag: 'youth' },
      { from: month.from, to: month.to, tag: 'youth', visitorId: 2 },
      { from: '2026-01-01', to: '2026-01-31', tag: 'youth', visitorId: 2 },
    ]);
    const rows = wrapper.findAll('[data-testid="visits-table"] .el-table__body tbody tr');
    expect(rows[0]!.text()).toContain('未建档住户（阳光小区 3 栋）');
    expect(rows[0]!.text()).toContain('网格员');
    expect(rows[1]!.text()).toContain('张三');
    const totals = wrapper.find('[data-testid="visits-totals"]').text();
    expect(totals).toContain('走访 2 次：未建档住户 1，已建档来访者 1；需要跟进 1；走访后建档 0');
    expect(totals).toContain('老年人（独居） 1；青少年 1');
    expect(totals).not.toContain('残疾人');
    expect(wrapper.text()).not.toMatch(/失眠|学业压力/);
  });
});

describe('one visit', () => {
  async function open(role: Exclude<Role, 'kiosk'>, record: VisitRecord, extra: FakeHandlers = {}) {
    const api = station({ 'visits.get': () => record, ...extra });
    const { wrapper } = await mountScreen(VisitView, { api, pattern: '/visits/:id', path: `/visits/${record.id}`, pinia: loggedInAs(role) });
    return { api, wrapper };
  }
  const buttons = (wrapper: VueWrapper) => ['visit-edit', 'visit-register', 'visit-open-case'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());

  it('offers what core allows: 建档 for a household, 开案 for a client without an open case; reception never reads observations', async () => {
    const cases: Array<[Exclude<Role, 'kiosk'>, VisitRecord, string[]]> = [
      ['reception', { ...household, observations: null, editable: false }, ['visit-register']],
      ['counsellor', household, ['visit-edit', 'visit-register']],
      ['counsellor', clientVisit, ['visit-edit', 'visit-open-case']],
      ['counsellor', { ...clientVisit, clientHasOpenCase: true }, ['visit-edit']],
      ['reception', { ...clientVisit, observations: null, editable: false, clientHasOpenCase: null }, []],
    ];
    for (const [role, record, offered] of cases) {
      const { wrapper } = await open(role, record);
      expect({ role, id: record.id, buttons: buttons(wrapper) }).toEqual({ role, id: record.id, buttons: offered });
      wrapper.unmount();
    }
    const desk = await open('reception', { ...clientVisit, observations: null, editable: false, clientHasOpenCase: null });
    expect(desk.wrapper.find('[data-testid="visit-observations"]').text()).toBe('走访情况属于咨询内容，仅站长和参加走访的咨询师可见');
    desk.wrapper.unmount();
    const own = await open('counsellor', household);
    expect(own.wrapper.find('[data-testid="visit-observations"]').text()).toBe('独居，近来失眠。');
  });

  it('建档 sends the registration form prefilled with the household’s area and tags, through visits.registerClient', async () => {
    const filed = { ...household, client: { id: 41, name: '李奶奶' }, registered: true, filedFromVisit: true, mayRegister: false };
    let answered = household;
    const { api, wrapper } = await open('reception', household, {
      'visits.get': () => answered,
      'visits.registerClient': () => {
        answered = filed;
        return {} as never;
      },
    });
    await wrapper.find('[data-testid="visit-register"]').trigger('click');
    await flushPromises();
    const name = document.querySelector<HTMLInputElement>('input[data-testid="client-name"]')!;
    name.value = '李奶奶';
    name.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-testid="client-submit"]')!.click();
    await flushPromises();
    const [sent] = api.inputsOf('visits.registerClient');
    expect(sent).toMatchObject({ visitId: 5, client: { name: '李奶奶', address: '阳光小区 3 栋', tags: ['elderly_alone'], source: 'screening' } });
    expect(wrapper.find('[data-testid="visit-client"]').text()).toContain('李奶奶（走访后建档）');
  });
});

describe('the visit form', () => {
  it('reception records a household only; the area is required and checked before sending; observations carry the clinical hint', async () => {
    const api = station({ 'visits.create': () => household });
    const { wrapper } = await mountScreen(VisitDialog, { api, pattern: '/visits', path: '/visits', pinia: loggedInAs('reception') });
    expect(wrapper.find('[data-testid="visit-kind"] input[value="client"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="visit-observations-hint"]').text()).toContain('前台不可见');
    await wrapper.find('[data-testid="visit-submit"]').trigger('click');
    await flushPromises();
    expect(fieldErrors(wrapper)['走访地址（小区/楼栋）']).toBe('未建档的住户请填写走访地址（小区/楼栋，不写姓名）。');
    expect(api.inputsOf('visits.create')).toEqual([]);
    await wrapper.find('[data-testid="visit-area"]').setValue('阳光小区 3 栋');
    selectByTestid(wrapper, 'visit-companions').vm.$emit('update:modelValue', ['grid_worker']);
    selectByTestid(wrapper, 'visit-tags').vm.$emit('update:modelValue', ['elderly_alone']);
    await wrapper.find('[data-testid="visit-observations"]').setValue('独居老人。');
    await wrapper.find('[data-testid="visit-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('visits.create')).toEqual([
      { date: localDay(new Date()), visitorIds: [3], clientId: null, area: '阳光小区 3 栋', companionRoles: ['grid_worker'], companionNames: '', tags: ['elderly_alone'], observations: '独居老人。', followUpNeeded: false },
    ]);
  });
});

describe('the printed ledger', () => {
  it('has one line per visit without observations or client names, the totals and the counts by tag', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const api = fakeApi({
      'station.get': () => ({ name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' }),
      'dictionaries.list': () => visitDictionaries,
    });
    const wrapper = mount(VisitLedgerPrint, { props: { periodLabel: '2026年1月', visits: [household, clientVisit], counts: januaryCounts }, global: { plugins: [createAppI18n('zh-CN'), pinia, api.plugin] } });
    await Promise.all([useStationStore().load(), useDictionaryStore().load()]);
    await flushPromises();
    expect(wrapper.find('.print-title').text()).toBe('2026年1月走访排查台账');
    const ledger = wrapper.find('[data-testid="visit-ledger"]');
    expect(ledger.findAll('tbody tr')[0]!.findAll('td').map((cell) => cell.text())).toEqual(['1', '2026-01-14', '李伟', '未建档住户（阳光小区 3 栋）', '网格员：网格员赵红', '老年人（独居）', '✓']);
    expect(ledger.findAll('tbody tr')[1]!.findAll('td')[3]!.text()).toBe('已建档来访者');
    expect(wrapper.find('[data-testid="visit-ledger-totals"]').text()).toContain('走访 2 次');
    expect(wrapper.find('[data-testid="visit-ledger-breakdown"]').text()).toContain('青少年 1');
    expect(wrapper.text()).not.toMatch(/失眠|学业压力|张三/);
  });
});
