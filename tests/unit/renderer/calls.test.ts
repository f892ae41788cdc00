import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { CallCounts, CallRecord } from '../../../shared/api/schemas/calls.js';
import type { DictionaryItem } from '../../../shared/api/schemas/dictionaries.js';
import { callKeptSince } from '../../../shared/domain/callWords.js';
import { localDay } from '../../../shared/domain/dates.js';
import { parsePeriod } from '../../../shared/domain/periods.js';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import CallDialog from '../../../renderer/src/features/ledgers/components/CallDialog.vue';
import ClientCallsCard from '../../../renderer/src/features/ledgers/components/ClientCallsCard.vue';
import CallLedgerPrint from '../../../renderer/src/features/ledgers/print/CallLedgerPrint.vue';
import CallsView from '../../../renderer/src/features/ledgers/views/CallsView.vue';
import CallView from '../../../renderer/src/features/ledgers/views/CallView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { useDictionaryStore } from '../../../renderer/src/shared/stores/dictionaries.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 热线登记 screens ask core what the filters say, and offer only what core lets this user do. */
const entries = (name: 'callerType' | 'callProblemType', list: Array<[string, string]>, offset: number): DictionaryItem[] =>
  list.map(([code, label], index) => ({ id: offset + index, dictionary: name, code, label, active: true, builtin: true }));
const callDictionaries: DictionaryItem[] = [
  ...entries('callerType', [['self', '本人'], ['family', '家属']], 1),
  ...entries('callProblemType', [['emotion', '情绪'], ['child_education', '子女教育']], 100),
];

/** A 高危 call 李伟 took in January 2026, with its note (what the 站长 and its taker see). */
const urgentCall: CallRecord = {
  id: 9,
  date: '2026-01-12',
  startTime: '22:05',
  durationMinutes: 35,
  takenBy: { id: 2, displayName: '李伟' },
  callerType: 'self',
  problemType: 'emotion',
  highRisk: true,
  difficult: false,
  repeatCaller: true,
  outcome: 'police',
  note: '来电者称已准备药物，已报警。',
  client: null,
  clientHidden: false,
  crisisId: null,
  createdAt: '2026-01-12T14:45:00.000Z',
  updatedAt: '2026-01-12T14:45:00.000Z',
  editable: true,
};
const quietCall: CallRecord = { ...urgentCall, id: 10, date: '2026-01-15', startTime: '09:00', highRisk: false, repeatCaller: false, problemType: 'child_education', outcome: 'counselled', note: '咨询孩子厌学。' };

const januaryCounts: CallCounts = {
  from: '2026-01-01',
  to: '2026-01-31',
  byProblemType: [
    { code: 'emotion', label: '情绪', calls: 1 },
    { code: 'child_education', label: '子女教育', calls: 1 },
    { code: 'family', label: '家庭关系', calls: 0 },
  ],
  byOutcome: [
    { code: 'counselled', label: '疏导', calls: 1 },
    { code: 'police', label: '报警', calls: 1 },
    { code: 'referred', label: '转介', calls: 0 },
  ],
  total: { calls: 2, minutes: 70, highRisk: 1, difficult: 0, repeatCaller: 1 },
};

function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'dictionaries.list': () => callDictionaries,
    'users.directory': () => [{ ...ledgerUsers.admin, role: 'admin' }, { ...ledgerUsers.counsellor, role: 'counsellor' }],
    'calls.list': () => [urgentCall, quietCall],
    'calls.counts': (input) => ({ ...januaryCounts, ...input }),
    ...extra,
  });
}

describe('the hotline ledger list', () => {
  it('asks for this month first, then for exactly what the filters say; the totals are the month’s', async () => {
    const api = station();
    const { wrapper } = await mountScreen(CallsView, { api, pattern: '/calls', path: '/calls', pinia: loggedInAs('reception') });
    const month = parsePeriod(localDay(new Date()).slice(0, 7))!;
    expect(api.inputsOf('calls.list')).toEqual([{ from: month.from, to: month.to }]);
    selectByTestid(wrapper, 'calls-problem').vm.$emit('update:modelValue', 'emotion');
    await flushPromises();
    await wrapper.find('[data-testid="calls-high-risk"] input').setValue(true);
    await flushPromises();
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', '2026-02');
    await flushPromises();
    selectByTestid(wrapper, 'calls-problem').vm.$emit('update:modelValue', '');
    await flushPromises();
    expect(api.inputsOf('calls.list').slice(1)).toEqual([
      { from: month.from, to: month.to, problemType: 'emotion' },
      { from: month.from, to: month.to, problemType: 'emotion', highRisk: true },
      { from: '2026-02-01', to: '2026-02-28', problemType: 'emotion', highRisk: true },
      { from: '2026-02-01', to: '2026-02-28', highRisk: true },
    ]);
    expect(api.inputsOf('calls.counts').at(-1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });

    const rows = wrapper.findAll('[data-testid="calls-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('2026-01-12 22:05');
    expect(rows[0]!.text()).toContain('情绪');
    expect(rows[0]!.text()).toContain('高危');
    expect(rows[0]!.text()).toContain('反复来电');
    expect(rows[0]!.text()).toContain('报警');
    const totals = wrapper.find('[data-testid="calls-totals"]').text();
    expect(totals).toContain('来电 2 次；通话 70 分钟；高危 1、困难 0、反复来电 1');
    expect(totals).toContain('情绪 1；子女教育 1');
    expect(totals).toContain('疏导 1；报警 1');
    expect(totals).not.toContain('家庭关系 0');
    // Every staff role records calls, exports and prints the register.
    for (const testid of ['call-new', 'calls-export', 'calls-print']) expect(wrapper.find(`[data-testid="${testid}"]`).exists(), testid).toBe(true);
  });
});

describe('one call', () => {
  async function open(role: Exclude<Role, 'kiosk'>, record: CallRecord, extra: FakeHandlers = {}) {
    const api = station({ 'calls.get': () => record, ...extra });
    const { wrapper } = await mountScreen(CallView, { api, pattern: '/calls/:id', path: `/calls/${record.id}`, pinia: loggedInAs(role) });
    return { api, wrapper };
  }
  const buttons = (wrapper: VueWrapper) => ['call-edit', 'call-open-crisis'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());

  it('shows the buttons core allows, and reception the row without the note', async () => {
    const cases: Array<[Exclude<Role, 'kiosk'>, CallRecord, string[]]> = [
      ['reception', { ...urgentCall, note: null, editable: false }, []],
      ['counsellor', { ...urgentCall, note: null, editable: false }, ['call-open-crisis']],
      ['counsellor', urgentCall, ['call-edit', 'call-open-crisis']],
      ['counsellor', quietCall, ['call-edit']],
      ['admin', { ...urgentCall, crisisId: 4 }, ['call-edit']],
    ];
    for (const [role, record, offered] of cases) {
      const { wrapper } = await open(role, record);
      expect({ role, id: record.id, buttons: buttons(wrapper) }).toEqual({ role, id: record.id, buttons: offered });
      wrapper.unmount();
    }
    const desk = await open('reception', { ...urgentCall, note: null, editable: false });
    expect(desk.wrapper.find('[data-testid="call-note"]').text()).toBe('通话摘要属于咨询内容，仅站长和接听的咨询师可见');
    desk.wrapper.unmount();
    const own = await open('counsellor', urgentCall);
    expect(own.wrapper.find('[data-testid="call-note"]').text()).toBe('来电者称已准备药物，已报警。');
  });

  it('offers 删除 only to the 站长 and only once the call’s three years are up, naming the day before', async () => {
    const oldCall: CallRecord = { ...quietCall, id: 3, date: '2022-05-03' };
    const cases: Array<[Exclude<Role, 'kiosk'>, CallRecord, boolean, string | null]> = [
      ['admin', oldCall, true, null],
      ['admin', urgentCall, false, '须保存至 2029-01-12，届时方可删除'],
      ['counsellor', oldCall, false, null],
      ['reception', { ...oldCall, note: null, editable: false }, false, null],
    ];
    for (const [role, record, offered, keptUntil] of cases) {
      const { wrapper } = await open(role, record);
      const kept = wrapper.find('[data-testid="call-kept-until"]');
      expect({ role, date: record.date, offered: wrapper.find('[data-testid="call-remove"]').exists(), keptUntil: kept.exists() ? kept.text() : null }).toEqual({ role, date: record.date, offered, keptUntil });
      wrapper.unmount();
    }
  });

  it('the 站长 removes an old call with a reason: the schema’s refusal on the reason field, core’s in the dialog, then back to the list', async () => {
    const oldCall: CallRecord = { ...quietCall, id: 3, date: '2022-05-03' };
    let refuse = true;
    const api = station({
      'calls.get': () => oldCall,
      'calls.remove': () => {
        if (!refuse) return { ok: true as const };
        refuse = false;
        throw new ApiCallError({ code: 'INVALID_INPUT', message: '热线来电记录须保存至少 3 年：2022-05-03 的来电要到 2025-05-03 起才能删除。' });
      },
    });
    const { wrapper, router } = await mountScreen(CallView, { api, pattern: '/calls/:id', path: '/calls/3', pinia: loggedInAs('admin') });
    await wrapper.find('[data-testid="call-remove"]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('删除 2022-05-03 09:00 的来电记录？');
    await wrapper.find('[data-testid="remove-reason"]').setValue('错');
    await wrapper.find('[data-testid="remove-submit"]').trigger('click');
    await flushPromises();
    expect(fieldErrors(wrapper)['删除原因']).toBe('删除原因至少 2 个字符。');
    expect(api.inputsOf('calls.remove')).toEqual([]);
    await wrapper.find('[data-testid="remove-reason"]').setValue('超过保存期限');
    await wrapper.find('[data-testid="remove-submit"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="remove-error"]').text()).toContain('2025-05-03 起才能删除');
    expect(router.currentRoute.value.path).toBe('/calls/3');
    await wrapper.find('[data-testid="remove-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('calls.remove')).toEqual([
      { id: 3, reason: '超过保存期限' },
      { id: 3, reason: '超过保存期限' },
    ]);
    expect(router.currentRoute.value.path).toBe('/calls');
    expect(document.body.textContent).toContain('来电记录已删除');
  });

  it('opens a crisis record from a 高危 call after a confirmation, and links to it', async () => {
    const { api, wrapper } = await open('counsellor', urgentCall, { 'calls.openCrisis': () => ({ ...urgentCall, crisisId: 4 }) });
    await wrapper.find('[data-testid="call-open-crisis"]').trigger('click');
    await flushPromises();
    const confirm = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].at(-1)!;
    confirm.click();
    await flushPromises();
    expect(api.inputsOf('calls.openCrisis')).toEqual([{ id: 9 }]);
    expect(wrapper.find('[data-testid="call-crisis"] a').attributes('href')).toContain('/crises/4');
    expect(buttons(wrapper)).toEqual(['call-edit']);
  });
});

describe('a client’s calls on the client page', () => {
  it('asks core for the client’s calls of the years a call is kept, and lists each with its flag, outcome and link', async () => {
    const api = station({ 'calls.list': () => [{ ...urgentCall, client: { id: 7, name: '张三' } }] });
    const { wrapper } = await mountScreen(ClientCallsCard, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedInAs('counsellor'), props: { clientId: 7 } });
    const today = localDay(new Date());
    expect(api.inputsOf('calls.list')).toEqual([{ from: callKeptSince(today), to: today, clientId: 7 }]);
    expect(wrapper.find('.el-card__header').text()).toBe('热线来电（近 3 年）');
    const [row] = wrapper.findAll('.el-table__body tbody tr');
    expect(row!.findAll('td').map((cell) => cell.text())).toEqual(['2026-01-12 22:05', '情绪', '高危', '报警']);
    expect(row!.find('[data-testid="client-call-open"]').attributes('href')).toBe('/calls/9');
  });

  it('says core’s refusal, never "no calls"', async () => {
    const api = station({
      'calls.list': () => {
        throw new ApiCallError({ code: 'FORBIDDEN', message: '您没有该来访者的个案（未分配或共享给您），不能查看其热线来电。' });
      },
    });
    const { wrapper } = await mountScreen(ClientCallsCard, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedInAs('counsellor'), props: { clientId: 7 } });
    expect(wrapper.find('[data-testid="client-calls-refused"]').text()).toContain('不能查看其热线来电');
    expect(wrapper.text()).not.toContain('近年没有关联');
  });
});

describe('the call form', () => {
  async function mountForm(role: Exclude<Role, 'kiosk'>, extra: FakeHandlers = {}) {
    const api = station(extra);
    const { wrapper } = await mountScreen(CallDialog, { api, pattern: '/calls', path: '/calls', pinia: loggedInAs(role) });
    return { api, wrapper };
  }

  it('checks with the shared schema before sending: a zero duration and missing choices on their fields, nothing sent', async () => {
    const { api, wrapper } = await mountForm('counsellor');
    await wrapper.find('[data-testid="call-duration"] input').setValue('0');
    await wrapper.find('[data-testid="call-submit"]').trigger('click');
    await flushPromises();
    const shown = fieldErrors(wrapper);
    expect(shown['时长（分钟）']).toBe('通话时长至少 1 分钟。');
    expect(shown['问题类型']).toContain('问题类型');
    expect(api.inputsOf('calls.create')).toEqual([]);
  });

  it('reception sends every field as its own call (the note written, never read back); core’s refusal shows on its field', async () => {
    const refusal = new ApiCallError({ code: 'INVALID_INPUT', message: '来电时间 2099-01-01 09:00 还未到，不能登记。', details: [{ path: 'date', message: '来电时间 2099-01-01 09:00 还未到，不能登记。' }] });
    const { api, wrapper } = await mountForm('reception', {
      'calls.create': () => {
        throw refusal;
      },
    });
    expect(wrapper.find('[data-testid="call-note-hint"]').text()).toBe('保存后前台无法再查看通话摘要');
    expect(wrapper.find('[data-testid="call-open-crisis"]').exists()).toBe(false);
    wrapper.findAllComponents({ name: 'ElTimeSelect' })[0]!.vm.$emit('update:modelValue', '09:00');
    await wrapper.find('[data-testid="call-duration"] input').setValue('15');
    selectByTestid(wrapper, 'call-caller').vm.$emit('update:modelValue', 'family');
    selectByTestid(wrapper, 'call-problem').vm.$emit('update:modelValue', 'child_education');
    await wrapper.find('[data-testid="call-difficult"] input').setValue(true);
    await wrapper.findAll('[data-testid="call-outcome"] input[type="radio"]')[1]!.setValue(true);
    await wrapper.find('[data-testid="call-note"]').setValue('家长咨询孩子厌学。');
    await wrapper.find('[data-testid="call-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('calls.create')).toEqual([
      {
        date: localDay(new Date()),
        startTime: '09:00',
        durationMinutes: 15,
        takenBy: 3,
        callerType: 'family',
        problemType: 'child_education',
        highRisk: false,
        difficult: true,
        repeatCaller: false,
        outcome: 'referred',
        note: '家长咨询孩子厌学。',
        clientId: null,
      },
    ]);
    expect(fieldErrors(wrapper)['日期']).toContain('还未到，不能登记');
  });

  it('a counsellor saving a 高危 call with the box ticked opens its crisis record right after', async () => {
    const { api, wrapper } = await mountForm('counsellor', { 'calls.create': () => ({ ...urgentCall, id: 11 }), 'calls.openCrisis': () => ({ ...urgentCall, id: 11, crisisId: 5 }) });
    wrapper.findAllComponents({ name: 'ElTimeSelect' })[0]!.vm.$emit('update:modelValue', '08:00');
    await wrapper.find('[data-testid="call-duration"] input').setValue('20');
    selectByTestid(wrapper, 'call-caller').vm.$emit('update:modelValue', 'self');
    selectByTestid(wrapper, 'call-problem').vm.$emit('update:modelValue', 'emotion');
    await wrapper.findAll('[data-testid="call-outcome"] input[type="radio"]')[0]!.setValue(true);
    await wrapper.find('[data-testid="call-high-risk"] input').setValue(true);
    await flushPromises();
    await wrapper.find('[data-testid="call-open-crisis"] input').setValue(true);
    await wrapper.find('[data-testid="call-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('calls.create')).toHaveLength(1);
    expect(api.inputsOf('calls.openCrisis')).toEqual([{ id: 11 }]);
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ id: 11, crisisId: 5 });
  });
});

describe('the printed register', () => {
  it('has the station header, one line per call without notes, the totals and the breakdowns, on A4 landscape data', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const api = fakeApi({
      'station.get': () => ({ name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' }),
      'dictionaries.list': () => callDictionaries,
    });
    const wrapper = mount(CallLedgerPrint, { props: { periodLabel: '2026年1月', calls: [{ ...urgentCall, crisisId: 4 }, quietCall], counts: januaryCounts }, global: { plugins: [createAppI18n('zh-CN'), pinia, api.plugin] } });
    await Promise.all([useStationStore().load(), useDictionaryStore().load()]);
    await flushPromises();
    expect(wrapper.find('[data-testid="print-station"]').text()).toContain('阳光街道社会心理服务站');
    expect(wrapper.find('.print-title').text()).toBe('2026年1月热线/电话咨询登记表');
    const ledger = wrapper.find('[data-testid="call-ledger"]');
    expect(ledger.findAll('thead th').map((cell) => cell.text())).toEqual(['序号', '日期/时间', '时长（分钟）', '接听人', '来电者', '问题类型', '特殊来电', '处理方式', '危机干预']);
    expect(ledger.findAll('tbody tr')[0]!.findAll('td').map((cell) => cell.text())).toEqual(['1', '2026-01-12 22:05', '35', '李伟', '本人', '情绪', '高危、反复来电', '报警', '危机干预记录 4']);
    expect(wrapper.find('[data-testid="call-ledger-totals"]').text()).toContain('来电 2 次；通话 70 分钟');
    expect(wrapper.find('[data-testid="call-ledger-breakdown"]').text()).toContain('子女教育 1');
    expect(wrapper.text()).not.toMatch(/药物|厌学/);
  });
});
