import { ElSelect } from 'element-plus';
import type { CaseSummary } from '../../../shared/api/schemas/cases.js';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { DictionaryItem } from '../../../shared/api/schemas/dictionaries.js';
import type { MeetingRecord } from '../../../shared/api/schemas/meetings.js';
import { addDays, localDay } from '../../../shared/domain/dates.js';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import MeetingDialog from '../../../renderer/src/features/ledgers/components/MeetingDialog.vue';
import MeetingLedgerPrint from '../../../renderer/src/features/ledgers/print/MeetingLedgerPrint.vue';
import MeetingPrint from '../../../renderer/src/features/ledgers/print/MeetingPrint.vue';
import MeetingsView from '../../../renderer/src/features/ledgers/views/MeetingsView.vue';
import MeetingView from '../../../renderer/src/features/ledgers/views/MeetingView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { useDictionaryStore } from '../../../renderer/src/shared/stores/dictionaries.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 会议记录 screens ask core what the filters say, and show what core answered this reader. */
const meetingKinds: DictionaryItem[] = [
  ['staff', '工作例会'],
  ['case_discussion', '个案研讨'],
  ['leading_group', '领导小组会议'],
].map(([code, label], index) => ({ id: index + 1, dictionary: 'meetingKind', code: code!, label: label!, active: true, builtin: true }));

const { admin, counsellor } = ledgerUsers;
/** A 工作例会 held in March 2026 with one open decision, as the 站长 and an attending counsellor read it. */
const staffMeeting: MeetingRecord = {
  id: 5,
  kind: 'staff',
  date: '2026-03-03',
  startTime: '09:00',
  endTime: '10:00',
  location: '咨询室会议角',
  staff: [admin, counsellor],
  outsideAttendees: ['社区居委会 王主任'],
  agenda: '一、上月小结；二、热线值班排班',
  planned: false,
  minutesRecorded: true,
  decisionCount: 1,
  decisionsOpen: 1,
  minutes: '讨论热线值班，周三晚由李伟值班。',
  decisions: [{ id: 1, text: '排出四月热线值班表', responsible: counsellor, dueOn: '2026-03-20', done: false }],
  hidden: null,
  case: null,
  caseHidden: false,
  recordedBy: admin,
  createdAt: '2026-03-03T03:00:00.000Z',
  updatedAt: '2026-03-03T03:00:00.000Z',
  editable: true,
};
const discussion: MeetingRecord = { ...staffMeeting, id: 6, kind: 'case_discussion', date: '2026-03-18', agenda: '个案研讨：一名来访者的风险评估', minutes: null, decisions: null, hidden: 'case', caseHidden: true, editable: false, decisionCount: 2, decisionsOpen: 0 };
const planned: MeetingRecord = { ...staffMeeting, id: 7, kind: 'leading_group', date: '2026-12-15', planned: true, minutesRecorded: false, decisionCount: 0, decisionsOpen: 0, minutes: '', decisions: [] };

function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'dictionaries.list': () => meetingKinds,
    'users.directory': () => [{ ...admin, role: 'admin' }, { ...counsellor, role: 'counsellor' }],
    'cases.list': () => ({ rows: [], total: 0 }),
    'meetings.list': () => [staffMeeting, discussion, planned],
    ...extra,
  });
}

describe('the meetings list', () => {
  it('asks for this year first, then for exactly what the filters say; each row says where its minutes stand', async () => {
    const api = station();
    const { wrapper } = await mountScreen(MeetingsView, { api, pattern: '/meetings', path: '/meetings', pinia: loggedInAs('reception') });
    const year = localDay(new Date()).slice(0, 4);
    expect(api.inputsOf('meetings.list')).toEqual([{ from: `${year}-01-01`, to: `${year}-12-31` }]);
    selectByTestid(wrapper, 'meetings-kind').vm.$emit('update:modelValue', 'case_discussion');
    await flushPromises();
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', ['2026-03-01', '2026-03-31']);
    await flushPromises();
    expect(api.inputsOf('meetings.list').slice(1)).toEqual([
      { from: `${year}-01-01`, to: `${year}-12-31`, kind: 'case_discussion' },
      { from: '2026-03-01', to: '2026-03-31', kind: 'case_discussion' },
    ]);
    const rows = wrapper.findAll('[data-testid="meetings-table"] .el-table__body tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('2026-03-03 09:00');
    expect(rows[0]).toContain('工作例会');
    expect(rows[0]).toContain('王站长、李伟、社区居委会 王主任');
    expect(rows[0]).toContain('已记录');
    expect(rows[0]).toContain('1 项，未完成 1 项');
    expect(rows[1]).toContain('个案研讨');
    expect(rows[2]).toContain('计划中');
    expect(rows[2]).toContain('无');
    // Reception reads, exports and prints the ledger; it records no meeting.
    expect(wrapper.find('[data-testid="meeting-new"]').exists()).toBe(false);
    for (const testid of ['meetings-export', 'meetings-print']) expect(wrapper.find(`[data-testid="${testid}"]`).exists(), testid).toBe(true);
  });
});

describe('one meeting', () => {
  async function open(role: Exclude<Role, 'kiosk'>, record: MeetingRecord) {
    const api = station({ 'meetings.get': () => record, 'attachments.list': () => [] });
    const { wrapper } = await mountScreen(MeetingView, { api, pattern: '/meetings/:id', path: `/meetings/${record.id}`, pinia: loggedInAs(role) });
    return wrapper;
  }
  const buttons = (wrapper: VueWrapper) => ['meeting-edit', 'meeting-print', 'meeting-remove'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());

  it('shows the minutes and decisions to those who may read them, and to others the sentence why', async () => {
    const own = await open('counsellor', staffMeeting);
    expect(buttons(own)).toEqual(['meeting-edit', 'meeting-print']);
    expect(own.find('[data-testid="meeting-minutes"]').text()).toBe('讨论热线值班，周三晚由李伟值班。');
    expect(own.find('[data-testid="meeting-decisions"]').text()).toContain('排出四月热线值班表');
    expect(own.find('[data-testid="meeting-files"]').exists()).toBe(true);
    own.unmount();

    const desk = await open('reception', { ...staffMeeting, minutes: null, decisions: null, hidden: 'reception', editable: false });
    expect(buttons(desk)).toEqual(['meeting-print']);
    expect(desk.find('[data-testid="meeting-minutes"]').text()).toBe('会议纪要和决议与个案资料一样加密保存，前台只能查看会议的时间、地点、参会人员和议程。');
    expect(desk.find('[data-testid="meeting-decisions-hidden"]').exists()).toBe(true);
    expect(desk.find('[data-testid="meeting-files"]').exists()).toBe(false);
    desk.unmount();

    const other = await open('counsellor', discussion);
    expect(other.find('[data-testid="meeting-case"]').text()).toContain('该会议研讨的个案未分配或共享给您');
    expect(other.find('[data-testid="meeting-minutes"]').text()).toContain('只对能查看该个案的人员显示');
    expect(other.find('[data-testid="meeting-read-only"]').exists()).toBe(true);
    other.unmount();

    const manager = await open('admin', { ...discussion, hidden: null, caseHidden: false, case: { id: 3, clientName: '张三' }, minutes: '张三近况……', decisions: [], editable: true });
    expect(buttons(manager)).toEqual(['meeting-edit', 'meeting-print', 'meeting-remove']);
    expect(manager.find('[data-testid="meeting-case"] a').attributes('href')).toContain('/cases/3');
  });
});

describe('the meeting form', () => {
  async function mountForm(extra: FakeHandlers = {}, props: { meeting?: MeetingRecord } = {}) {
    const api = station(extra);
    const form = mount(MeetingDialog, { props, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), loggedInAs('counsellor'), api.plugin] } });
    await flushPromises();
    return { api, wrapper: form };
  }

  it('checks with the shared schema before sending: an end before the start and missing fields on their fields, nothing sent', async () => {
    const { api, wrapper } = await mountForm();
    wrapper.findAllComponents({ name: 'ElTimeSelect' })[0]!.vm.$emit('update:modelValue', '15:00');
    wrapper.findAllComponents({ name: 'ElTimeSelect' })[1]!.vm.$emit('update:modelValue', '14:00');
    await wrapper.find('[data-testid="meeting-submit"]').trigger('click');
    await flushPromises();
    const shown = fieldErrors(wrapper);
    expect(shown['时间']).toBe('结束时间须晚于开始时间。');
    expect(shown['会议类型']).toBe('请选择会议类型。');
    expect(shown['会议议程']).toBe('请填写会议议程。');
    expect(api.inputsOf('meetings.create')).toEqual([]);
  });

  it('sends every field with its decisions (the recorder among the attendees); core’s refusal shows on its field', async () => {
    const refusal = new ApiCallError({ code: 'INVALID_INPUT', message: '未关联个案的会议纪要和决议不能写来访者姓名（张三）：请改用化名，或关联所研讨的个案。', details: [{ path: 'minutes', message: '未关联个案的会议纪要和决议不能写来访者姓名（张三）：请改用化名，或关联所研讨的个案。' }] });
    const { api, wrapper } = await mountForm({
      'meetings.create': () => {
        throw refusal;
      },
    });
    selectByTestid(wrapper, 'meeting-kind').vm.$emit('update:modelValue', 'staff');
    wrapper.findAllComponents({ name: 'ElTimeSelect' })[0]!.vm.$emit('update:modelValue', '09:00');
    wrapper.findAllComponents({ name: 'ElTimeSelect' })[1]!.vm.$emit('update:modelValue', '10:00');
    await wrapper.find('[data-testid="meeting-location"]').setValue('咨询室会议角');
    await wrapper.find('[data-testid="meeting-agenda"]').setValue('热线值班排班');
    await wrapper.find('[data-testid="meeting-minutes"]').setValue('张三的情况……');
    await wrapper.find('[data-testid="meeting-add-decision"]').trigger('click');
    await wrapper.find('[data-testid="decision-text"]').setValue('排出值班表');
    selectByTestid(wrapper, 'decision-responsible').vm.$emit('update:modelValue', counsellor.id);
    await wrapper.find('[data-testid="meeting-submit"]').trigger('click');
    await flushPromises();
    const today = localDay(new Date());
    expect(api.inputsOf('meetings.create')).toEqual([
      {
        kind: 'staff',
        date: today,
        startTime: '09:00',
        endTime: '10:00',
        location: '咨询室会议角',
        staffIds: [counsellor.id],
        outsideAttendees: [],
        agenda: '热线值班排班',
        minutes: '张三的情况……',
        decisions: [{ text: '排出值班表', responsibleId: counsellor.id, dueOn: today, done: false }],
        caseId: null,
      },
    ]);
    expect(fieldErrors(wrapper)['会议纪要']).toContain('不能写来访者姓名');
  });

  it('finds the case to discuss by its client among all cases, keeping the case a record names (issue 15: a station keeps thousands)', async () => {
    const found: CaseSummary = { id: 11, clientId: 8, clientName: '李四', counsellorId: 2, counsellorName: '李伟', status: 'open', openedOn: '2026-02-01', closedOn: null, problemCategories: [], riskLevel: null, sessionCount: 0, lastSessionOn: null };
    const { api, wrapper } = await mountForm({ 'cases.list': () => ({ rows: [found], total: 1 }) }, { meeting: { ...discussion, hidden: null, caseHidden: false, case: { id: 3, clientName: '张三' }, minutes: '', decisions: [], editable: true } });
    const select = wrapper.findAllComponents(ElSelect).find((candidate) => candidate.attributes('data-testid') === 'meeting-case')!;
    await (select.props('remoteMethod') as (query: string) => Promise<void>)('ls');
    await flushPromises();
    expect(api.inputsOf('cases.list').map(({ status, query, limit }) => [status, query, limit])).toEqual([
      ['open', '', 20],
      ['all', 'ls', 20],
    ]);
    expect(select.findAllComponents({ name: 'ElOption' }).map((option) => option.props('label'))).toEqual(['张三', '李四（李伟，2026-02-01）']);
  });

  it('a meeting dated ahead is a plan: the hint shows and no decision can be added', async () => {
    const { wrapper } = await mountForm({}, { meeting: { ...planned, date: addDays(localDay(new Date()), 30) } });
    expect(wrapper.find('[data-testid="meeting-planned-hint"]').text()).toContain('计划中的会议');
    expect(wrapper.find('[data-testid="meeting-add-decision"]').attributes('disabled')).toBeDefined();
  });
});

describe('the printed meeting record and ledger', () => {
  /** The print's plugins: a fresh Pinia, Chinese messages, a fake core with the station and the kinds. */
  function printPlugins() {
    const pinia = createPinia();
    setActivePinia(pinia);
    const api = fakeApi({
      'station.get': () => ({ name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' }),
      'dictionaries.list': () => meetingKinds,
    });
    return [createAppI18n('zh-CN'), pinia, api.plugin];
  }
  /** The station and the kinds loaded, as usePrint leaves them before printing. */
  async function loaded<W extends VueWrapper>(wrapper: W): Promise<W> {
    await Promise.all([useStationStore().load(), useDictionaryStore().load()]);
    await flushPromises();
    return wrapper;
  }

  it('prints one meeting’s 会议记录 with its decisions and the chair’s and recorder’s signature lines', async () => {
    const wrapper = await loaded(mount(MeetingPrint, { props: { meeting: staffMeeting }, global: { plugins: printPlugins() } }));
    expect(wrapper.find('[data-testid="print-station"]').text()).toContain('阳光街道社会心理服务站');
    expect(wrapper.find('.print-title').text()).toBe('会议记录');
    expect(wrapper.find('[data-testid="meeting-record"]').text()).toContain('工作例会');
    expect(wrapper.find('[data-testid="meeting-record-minutes"]').text()).toBe('讨论热线值班，周三晚由李伟值班。');
    expect(wrapper.find('[data-testid="meeting-record-decisions"] tbody tr').findAll('td').map((cell) => cell.text())).toEqual(['1', '排出四月热线值班表', '李伟', '2026-03-20', '未完成']);
    expect(wrapper.find('[data-testid="print-signatures"]').text()).toMatch(/主持人.*记录人/s);
    const hidden = await loaded(mount(MeetingPrint, { props: { meeting: discussion }, global: { plugins: printPlugins() } }));
    expect(hidden.find('[data-testid="meeting-record-minutes"]').text()).toContain('该会议研讨的个案未分配或共享给您');
  });

  it('prints the period’s ledger, one line per meeting, without minutes', async () => {
    const wrapper = await loaded(mount(MeetingLedgerPrint, { props: { periodLabel: '2026年', meetings: [staffMeeting, discussion, planned] }, global: { plugins: printPlugins() } }));
    expect(wrapper.find('.print-title').text()).toBe('2026年会议台账');
    const rows = wrapper.findAll('[data-testid="meeting-ledger"] tbody tr');
    expect(rows[0]!.findAll('td').map((cell) => cell.text())).toEqual(['1', '2026-03-03 09:00–10:00', '工作例会', '咨询室会议角', '王站长、李伟、社区居委会 王主任', '一、上月小结；二、热线值班排班', '已记录', '1 项，未完成 1 项']);
    expect(rows[2]!.text()).toContain('计划中');
    expect(wrapper.text()).not.toContain('周三晚');
  });
});
