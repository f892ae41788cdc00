import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { DutyDay, DutyLog, DutyMonth } from '../../../shared/api/schemas/duty.js';
import { localDay } from '../../../shared/domain/dates.js';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import DutyLogDialog from '../../../renderer/src/features/ledgers/components/DutyLogDialog.vue';
import DutyRepeatDialog from '../../../renderer/src/features/ledgers/components/DutyRepeatDialog.vue';
import DutyLogPrint from '../../../renderer/src/features/ledgers/print/DutyLogPrint.vue';
import DutyRosterPrint from '../../../renderer/src/features/ledgers/print/DutyRosterPrint.vue';
import DutyView from '../../../renderer/src/features/ledgers/views/DutyView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 值班 screen shows the month's roster, logs and hours as core answers, and offers the roster only to the 站长. */
const day = (date: string, weekday: number, extra: Partial<DutyDay> = {}): DutyDay => ({ day: date, weekday, kind: 'normal', name: '', openingMinutes: 390, rosterMinutes: 0, actualMinutes: 0, ...extra });
/** February 2026 starts on a Sunday; the 16th is 春节. */
const february: DutyMonth = {
  month: '2026-02',
  from: '2026-02-01',
  to: '2026-02-28',
  days: Array.from({ length: 28 }, (_, index) => {
    const date = `2026-02-${String(index + 1).padStart(2, '0')}`;
    const weekday = ((index + 6) % 7) + 1;
    if (index === 15) return day(date, weekday, { kind: 'holiday', name: '春节', openingMinutes: 0 });
    return weekday > 5 ? day(date, weekday, { kind: 'weekend', openingMinutes: 0 }) : day(date, weekday, index === 1 ? { rosterMinutes: 390, actualMinutes: 360 } : {});
  }),
  shifts: [
    { id: 1, onDuty: { id: 2, displayName: '李伟' }, date: '2026-02-02', startTime: '09:00', endTime: '12:00', note: '' },
    { id: 2, onDuty: { id: 3, displayName: '前台小周' }, date: '2026-02-02', startTime: '14:00', endTime: '17:30', note: '' },
  ],
  totals: { openingMinutes: 19 * 390, rosterMinutes: 390, actualMinutes: 360, shifts: 2, logs: 1 },
};
const deskLog: DutyLog = {
  id: 7,
  onDuty: { id: 3, displayName: '前台小周' },
  date: '2026-02-02',
  startTime: '14:00',
  endTime: '17:00',
  visitorsReceived: 4,
  callsReceived: 2,
  events: '接待预约咨询。',
  incidents: '空调故障，已报修。',
  handover: '明日团辅需布置场地。',
  createdAt: '2026-02-02T09:00:00.000Z',
  updatedAt: '2026-02-02T09:00:00.000Z',
  editable: true,
};

function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'users.directory': () => [{ ...ledgerUsers.admin, role: 'admin' }, { ...ledgerUsers.counsellor, role: 'counsellor' }, { ...ledgerUsers.reception, role: 'reception' }],
    'duty.month': (input) => ({ ...february, month: input.month }),
    'duty.logs': () => [deskLog],
    ...extra,
  });
}

describe('the duty screen', () => {
  it('asks for this month’s roster and logs, then for the month picked; shows the hours against the roster', async () => {
    const api = station();
    const { wrapper } = await mountScreen(DutyView, { api, pattern: '/duty', path: '/duty', pinia: loggedInAs('admin') });
    const month = localDay(new Date()).slice(0, 7);
    expect(api.inputsOf('duty.month')).toEqual([{ month }]);
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', '2026-02');
    await flushPromises();
    expect(api.inputsOf('duty.month').at(-1)).toEqual({ month: '2026-02' });
    expect(api.inputsOf('duty.logs').at(-1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(wrapper.find('[data-testid="duty-hours"]').text()).toContain('开放时间（设置）123.5 小时；排班 6.5 小时；实际值班 6 小时；实际/排班 92%');
    const rows = wrapper.findAll('[data-testid="duty-roster"] .el-table__body tbody tr');
    expect(rows).toHaveLength(28);
    expect(rows[1]!.text()).toContain('李伟 09:00–12:00');
    expect(rows[1]!.text()).toContain('前台小周 14:00–17:30');
    expect(rows[15]!.text()).toContain('春节');
    for (const testid of ['duty-add-shift', 'duty-repeat', 'duty-write-log', 'duty-export', 'duty-print-roster', 'duty-print-logs']) expect(wrapper.find(`[data-testid="${testid}"]`).exists(), testid).toBe(true);
  });

  it('offers the front desk its own log and the prints, never the roster’s editing', async () => {
    const { wrapper } = await mountScreen(DutyView, { api: station(), pattern: '/duty', path: '/duty', pinia: loggedInAs('reception') });
    expect(['duty-add-shift', 'duty-repeat'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists())).toEqual([]);
    expect(wrapper.find('[data-testid="duty-write-log"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="duty-shift-open"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('值班安排由站长维护');
  });
});

describe('the duty log form', () => {
  it('says a log is a plain duty note; end before start is refused on its field before sending; core’s refusal comes back onto its field', async () => {
    const refusal = new ApiCallError({ code: 'INVALID_INPUT', message: '值班结束时间 2026-02-02 23:00 还未到，不能填写值班记录。', details: [{ path: 'endTime', message: '值班结束时间 2026-02-02 23:00 还未到，不能填写值班记录。' }] });
    const api = station({
      'duty.writeLog': () => {
        throw refusal;
      },
    });
    const { wrapper } = await mountScreen(DutyLogDialog, { api, pattern: '/duty', path: '/duty', pinia: loggedInAs('reception') });
    expect(wrapper.find('[data-testid="duty-log-hint"]').text()).toContain('不要写来访者的咨询内容');
    expect(selectByTestid(wrapper, 'duty-log-person').props('disabled')).toBe(true);
    const [start, end] = wrapper.findAllComponents({ name: 'ElTimeSelect' });
    start!.vm.$emit('update:modelValue', '14:00');
    end!.vm.$emit('update:modelValue', '13:00');
    await wrapper.find('[data-testid="duty-log-submit"]').trigger('click');
    await flushPromises();
    expect(fieldErrors(wrapper)['结束时间']).toBe('结束时间须晚于开始时间。');
    expect(api.inputsOf('duty.writeLog')).toEqual([]);

    end!.vm.$emit('update:modelValue', '23:00');
    await wrapper.find('[data-testid="duty-log-visitors"] input').setValue('3');
    await wrapper.find('[data-testid="duty-log-handover"]').setValue('钥匙已交接。');
    await wrapper.find('[data-testid="duty-log-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('duty.writeLog')).toEqual([
      { onDutyId: 3, date: localDay(new Date()), startTime: '14:00', endTime: '23:00', visitorsReceived: 3, callsReceived: 0, events: '', incidents: '', handover: '钥匙已交接。' },
    ]);
    expect(fieldErrors(wrapper)['结束时间']).toContain('还未到');
  });

  it('the weekly pattern starts from Monday to Friday with the 站长 and sends the lines as changed', async () => {
    const api = station({ 'duty.repeatWeek': () => ({ created: 38, skippedDays: [{ day: '2026-02-16', name: '春节' }] }) });
    // The ten time selects keep their default hours here: drawn whole, their 48 slots each took happy-dom 20 s.
    const { wrapper } = await mountScreen(DutyRepeatDialog, { api, pattern: '/duty', path: '/duty', pinia: loggedInAs('admin'), props: { month: '2026-02' }, stubs: { ElTimeSelect: true } });
    selectByTestid(wrapper, 'duty-line-person-1').vm.$emit('update:modelValue', 2);
    await wrapper.find('[data-testid="duty-repeat-submit"]').trigger('click');
    await flushPromises();
    const [sent] = api.inputsOf('duty.repeatWeek');
    expect(sent!.month).toBe('2026-02');
    expect(sent!.pattern.map((line) => [line.weekday, line.onDutyId])).toEqual([[1, 1], [2, 2], [3, 1], [4, 1], [5, 1]]);
    expect(wrapper.emitted('saved')?.[0]?.[0]).toEqual({ created: 38, skippedDays: 1 });
  });
});

describe('the printed roster and log', () => {
  async function printed<C extends typeof DutyRosterPrint | typeof DutyLogPrint>(component: C, props: Record<string, unknown>) {
    const pinia = createPinia();
    setActivePinia(pinia);
    const api = fakeApi({ 'station.get': () => ({ name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' }) });
    const wrapper = mount(component as never, { props: props as never, global: { plugins: [createAppI18n('zh-CN'), pinia, api.plugin] } });
    await useStationStore().load();
    await flushPromises();
    return wrapper;
  }

  it('prints the month as a calendar of weeks from Monday, each day with who is on duty, and the hours', async () => {
    const wrapper = await printed(DutyRosterPrint, { periodLabel: '2026年2月', month: february });
    expect(wrapper.find('.print-title').text()).toBe('2026年2月值班安排表');
    const table = wrapper.find('[data-testid="duty-roster-print"]');
    expect(table.findAll('thead th').map((cell) => cell.text())).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    const weeks = table.findAll('tbody tr');
    expect(weeks).toHaveLength(5);
    // The 1st is a Sunday: six blank cells before it.
    expect(weeks[0]!.findAll('td').map((cell) => cell.text())).toEqual(['', '', '', '', '', '', '1　周末']);
    expect(weeks[1]!.findAll('td')[0]!.text()).toBe('2李伟 09:00–12:00前台小周 14:00–17:30');
    expect(weeks[3]!.findAll('td')[0]!.text()).toContain('春节');
    expect(wrapper.find('[data-testid="duty-roster-print-hours"]').text()).toContain('排班 6.5 小时');
  });

  it('prints the log ledger one line per log with the month’s hours', async () => {
    const wrapper = await printed(DutyLogPrint, { periodLabel: '2026年2月', logs: [deskLog], totals: february.totals });
    expect(wrapper.find('.print-title').text()).toBe('2026年2月值班记录');
    expect(wrapper.findAll('[data-testid="duty-log-print"] tbody tr')[0]!.findAll('td').map((cell) => cell.text())).toEqual(['1', '2026-02-02', '14:00–17:00', '前台小周', '4', '2', '接待预约咨询。', '空调故障，已报修。', '明日团辅需布置场地。']);
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toContain('审核人');
  });
});
