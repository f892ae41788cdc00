import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { ActivityRecord } from '../../../shared/api/schemas/activities.js';
import { localDay } from '../../../shared/domain/dates.js';
import { parsePeriod } from '../../../shared/domain/periods.js';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import ActivityDialog from '../../../renderer/src/features/ledgers/components/ActivityDialog.vue';
import ActivitiesView from '../../../renderer/src/features/ledgers/views/ActivitiesView.vue';
import ActivityView from '../../../renderer/src/features/ledgers/views/ActivityView.vue';
import { activityDictionaries, heldLecture, januaryCounts, plannedLecture } from './support/activities.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';
import { mountScreen } from './support/mountScreen.js';

/** Issue 12: the 活动台账 screens ask core what the filters say, and offer only what core lets this user do. */
function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'dictionaries.list': () => activityDictionaries,
    'users.directory': () => [{ ...ledgerUsers.admin, role: 'admin' }, { ...ledgerUsers.counsellor, role: 'counsellor' }],
    'activities.list': () => [heldLecture, plannedLecture('2026-01-28')],
    'activities.counts': (input) => ({ ...januaryCounts, ...input }),
    'attachments.list': () => [],
    'surveys.list': () => [],
    ...extra,
  });
}

describe('the activities ledger list', () => {
  it('asks for this month first, then for exactly what each filter says; the totals row is the period’s', async () => {
    const api = station();
    const { wrapper } = await mountScreen(ActivitiesView, { api, pattern: '/activities', path: '/activities', pinia: loggedInAs('admin') });
    const month = parsePeriod(localDay(new Date()).slice(0, 7))!;
    expect(api.inputsOf('activities.list')).toEqual([{ from: month.from, to: month.to }]);
    expect(api.inputsOf('activities.counts')).toEqual([{ from: month.from, to: month.to }]);

    selectByTestid(wrapper, 'activities-type').vm.$emit('update:modelValue', 'lecture');
    await flushPromises();
    selectByTestid(wrapper, 'activities-target').vm.$emit('update:modelValue', 'school');
    await flushPromises();
    selectByTestid(wrapper, 'activities-status').vm.$emit('update:modelValue', 'done');
    await flushPromises();
    expect(api.inputsOf('activities.list').slice(1)).toEqual([
      { from: month.from, to: month.to, type: 'lecture' },
      { from: month.from, to: month.to, type: 'lecture', outreachTarget: 'school' },
      { from: month.from, to: month.to, type: 'lecture', outreachTarget: 'school', status: 'done' },
    ]);
    // A cleared select is no filter, not an empty code.
    selectByTestid(wrapper, 'activities-type').vm.$emit('update:modelValue', '');
    await flushPromises();
    expect(api.inputsOf('activities.list').at(-1)).toEqual({ from: month.from, to: month.to, outreachTarget: 'school', status: 'done' });

    const rows = wrapper.findAll('[data-testid="activities-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('2026-01-20 14:00–15:30');
    expect(rows[0]!.text()).toContain('讲座');
    expect(rows[0]!.text()).toContain('进学校、进社区');
    expect(rows[0]!.text()).toContain('资料 150 份、横幅/展板 2 块、咨询台 1 处、线上覆盖约 3000 人次（含估算）');
    expect(rows[1]!.text()).toContain('计划中');
    const totals = wrapper.find('[data-testid="activities-table"] .el-table__footer').text();
    expect(totals).toContain('本期合计');
    expect(totals).toContain('已开展 2 场');
    expect(totals).toContain('200 人次');
    expect(totals).toContain('入户 12 户');
    expect(totals).toContain('计划中 1 场');
    expect(wrapper.find('[data-testid="activities-breakdown"]').text()).toContain('讲座 2 场 200 人次');
    expect(wrapper.find('[data-testid="activities-breakdown"]').text()).not.toContain('义诊/咨询台 0 场');
  });

  it('is still filtered when staff open an activity and come back (the back link remounts the list)', async () => {
    const pinia = loggedInAs('admin');
    const first = await mountScreen(ActivitiesView, { api: station(), pattern: '/activities', path: '/activities', pinia });
    selectByTestid(first.wrapper, 'activities-type').vm.$emit('update:modelValue', 'lecture');
    await flushPromises();
    first.wrapper.unmount();
    const api = station();
    const again = await mountScreen(ActivitiesView, { api, pattern: '/activities', path: '/activities', pinia });
    expect(api.inputsOf('activities.list')).toEqual([expect.objectContaining({ type: 'lecture' })]);
    expect(selectByTestid(again.wrapper, 'activities-type').props('modelValue')).toBe('lecture');
  });

  it('a month picked, or a range of days, is the period asked for', async () => {
    const api = station();
    const { wrapper } = await mountScreen(ActivitiesView, { api, pattern: '/activities', path: '/activities', pinia: loggedInAs('counsellor') });
    const pickers = () => wrapper.findAllComponents({ name: 'ElDatePicker' });
    pickers()[0]!.vm.$emit('update:modelValue', '2026-02');
    await flushPromises();
    expect(api.inputsOf('activities.list').at(-1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    await wrapper.findAll('[data-testid="activities-filters"] input[type="radio"]')[1]!.setValue(true);
    await flushPromises();
    pickers()[0]!.vm.$emit('update:modelValue', ['2026-03-05', '2026-04-10']);
    await flushPromises();
    expect(api.inputsOf('activities.list').at(-1)).toEqual({ from: '2026-03-05', to: '2026-04-10' });
    expect(api.inputsOf('activities.counts').at(-1)).toEqual({ from: '2026-03-05', to: '2026-04-10' });
  });

  it('offers 新建活动 to the 站长 and counsellors, never to reception (core refuses its writes); all may export and print', async () => {
    for (const [role, offered] of [['admin', true], ['counsellor', true], ['reception', false]] as const) {
      const { wrapper } = await mountScreen(ActivitiesView, { api: station(), pattern: '/activities', path: '/activities', pinia: loggedInAs(role) });
      expect(wrapper.find('[data-testid="activity-new"]').exists(), role).toBe(offered);
      expect(wrapper.find('[data-testid="activities-export"]').exists(), role).toBe(true);
      expect(wrapper.find('[data-testid="activities-print"]').exists(), role).toBe(true);
      wrapper.unmount();
    }
  });
});

describe('one activity', () => {
  const buttons = (wrapper: VueWrapper) => ['activity-edit', 'activity-mark-done', 'activity-remove'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());
  async function open(role: Exclude<Role, 'kiosk'>, record: ActivityRecord, extra: FakeHandlers = {}) {
    const api = station({ 'activities.get': () => record, ...extra });
    const { wrapper } = await mountScreen(ActivityView, { api, pattern: '/activities/:id', path: `/activities/${record.id}`, pinia: loggedInAs(role) });
    return { api, wrapper };
  }

  it('shows only the buttons core allows: staff edit; mark done once started; only the 站长 removes a held activity', async () => {
    const past = plannedLecture('2020-05-01');
    const future = plannedLecture('2099-05-01');
    const cases: Array<[Exclude<Role, 'kiosk'>, ActivityRecord, string[]]> = [
      ['reception', { ...heldLecture, editable: false, roster: null }, []],
      ['counsellor', { ...heldLecture, editable: false }, []],
      ['counsellor', heldLecture, ['activity-edit']],
      ['counsellor', past, ['activity-edit', 'activity-mark-done', 'activity-remove']],
      ['counsellor', future, ['activity-edit', 'activity-remove']],
      ['admin', heldLecture, ['activity-edit', 'activity-remove']],
      ['admin', past, ['activity-edit', 'activity-mark-done', 'activity-remove']],
    ];
    for (const [role, record, offered] of cases) {
      const { wrapper } = await open(role, record);
      expect({ role, theme: record.theme, status: record.status, editable: record.editable, buttons: buttons(wrapper) }).toEqual({ role, theme: record.theme, status: record.status, editable: record.editable, buttons: offered });
      wrapper.unmount();
    }
    const { wrapper } = await open('counsellor', future);
    expect(wrapper.find('[data-testid="activity-wait-hint"]').text()).toContain('2099-05-01 14:00');
  });

  it('says the roster in words: names shown, how many hidden, and nothing for reception', async () => {
    const counsellor = await open('counsellor', heldLecture);
    expect(counsellor.wrapper.find('[data-testid="activity-roster"]').text()).toBe('张三；另有 2 名来访者不在您负责或共享的个案中，不显示姓名');
    expect(counsellor.wrapper.find('[data-testid="activity-outputs"]').text()).toContain('线上覆盖约 3000 人次（含估算）');
    counsellor.wrapper.unmount();
    const colleague = await open('counsellor', { ...heldLecture, editable: false, roster: { shown: [], hidden: 3 } });
    expect(colleague.wrapper.find('[data-testid="activity-roster"]').text()).toBe('名单中有 3 名来访者，均不在您负责或共享的个案中，不显示姓名');
    colleague.wrapper.unmount();
    const desk = await open('reception', { ...heldLecture, editable: false, roster: null });
    expect(desk.wrapper.find('[data-testid="activity-roster"]').text()).toBe('参与来访者名单仅站长和咨询师可见');
    expect(desk.wrapper.text()).not.toContain('张三');
  });

  it('marks a planned activity held with the count given, then shows what core answered', async () => {
    const past = plannedLecture('2020-05-01');
    const { api, wrapper } = await open('counsellor', past, { 'activities.markDone': (input) => ({ ...past, status: 'done', participantCount: input.participantCount, summary: input.summary ?? '' }) });
    await wrapper.find('[data-testid="activity-mark-done"]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-testid="mark-done-count"] input').setValue('45');
    await wrapper.find('[data-testid="mark-done-summary"]').setValue('按计划开展。');
    await wrapper.find('[data-testid="mark-done-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('activities.markDone')).toEqual([{ id: 6, participantCount: 45, summary: '按计划开展。' }]);
    expect(wrapper.find('[data-testid="activity-participants"]').text()).toBe('45');
    expect(buttons(wrapper)).toEqual(['activity-edit']);
  });

  it('the 站长 removes a held activity only with a reason; the schema’s message is on the field and nothing is sent', async () => {
    const { api, wrapper, router } = await (async () => {
      const api = station({ 'activities.get': () => heldLecture, 'activities.remove': () => ({ ok: true as const }) });
      return { api, ...(await mountScreen(ActivityView, { api, pattern: '/activities/:id', path: '/activities/5', pinia: loggedInAs('admin') })) };
    })();
    await wrapper.find('[data-testid="activity-remove"]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('已开展，是台账记录');
    await wrapper.find('[data-testid="remove-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('activities.remove')).toEqual([]);
    expect(fieldErrors(wrapper)['删除原因']).toContain('删除原因');
    await wrapper.find('[data-testid="remove-reason"]').setValue('重复登记');
    await wrapper.find('[data-testid="remove-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('activities.remove')).toEqual([{ id: 5, reason: '重复登记' }]);
    expect(router.currentRoute.value.path).toBe('/activities');
  });

  it('names a group\'s meeting and leaves it to the group; lists the knowledge surveys given at the activity with their rates', async () => {
    const meeting = { ...heldLecture, type: 'group_counselling', theme: '相识与团体规则', editable: false, group: { id: 4, name: '青少年情绪管理成长小组' } };
    const survey = { id: 9, questionnaire: { id: 'MHL-TEN-2018', version: 1, name: '心理健康素养十条知晓情况调查', itemCount: 10, passMinCorrect: 8 }, date: heldLecture.date, activity: null, population: 'public' as const, place: '', note: '', closed: false, createdBy: ledgerUsers.counsellor, createdAt: '', updatedAt: '', respondents: 3, aware: 2, editable: true };
    const { api, wrapper } = await open('counsellor', meeting, { 'surveys.list': () => [survey] });
    expect(buttons(wrapper)).toEqual([]);
    expect(wrapper.find('[data-testid="activity-group"] a').attributes('href')).toContain('/groups/4');
    expect(wrapper.find('[data-testid="activity-group"]').text()).toContain('青少年情绪管理成长小组');
    expect(api.inputsOf('surveys.list')).toEqual([{ from: '2026-01-20', to: '2027-01-21', activityId: 5 }]);
    expect(wrapper.find('[data-testid="activity-surveys"] .el-table__body tbody tr').text()).toContain('66.7%');
    expect(wrapper.find('[data-testid="activity-survey-new"]').exists()).toBe(true);
    wrapper.unmount();
    const desk = await open('reception', { ...heldLecture, editable: false, roster: null });
    expect(desk.wrapper.find('[data-testid="activity-survey-new"]').exists()).toBe(false);
    expect(desk.wrapper.find('[data-testid="activity-surveys"]').text()).toContain('该活动没有知晓率调查');
  });
});

describe('the sign-in sheet of an activity', () => {
  async function openAs(role: Exclude<Role, 'kiosk'>, record: ActivityRecord, extra: FakeHandlers = {}) {
    const api = station({ 'activities.get': () => record, ...extra });
    const { wrapper } = await mountScreen(ActivityView, { api, pattern: '/activities/:id', path: `/activities/${record.id}`, pinia: loggedInAs(role) });
    return { api, wrapper };
  }
  async function chooseFile(wrapper: VueWrapper, name: string) {
    const input = wrapper.find('[data-testid="sign-in-input"]');
    Object.defineProperty(input.element, 'files', { value: [new File([new Uint8Array([80, 75, 3, 4])], name)], configurable: true });
    await input.trigger('change');
    await flushPromises();
  }

  it('is offered to the front desk and to staff who may edit, not to a counsellor who did not run it', async () => {
    expect((await openAs('reception', { ...heldLecture, editable: false, roster: null })).wrapper.find('[data-testid="sign-in-import"]').exists()).toBe(true);
    expect((await openAs('counsellor', heldLecture)).wrapper.find('[data-testid="sign-in-import"]').exists()).toBe(true);
    expect((await openAs('counsellor', { ...heldLecture, editable: false })).wrapper.find('[data-testid="sign-in-sheet"]').exists()).toBe(false);
  });

  it('lists every refused row by its Excel row number, and shows the new count after an import', async () => {
    const problems = [
      { row: 4, reason: '性别“F”应为“男”或“女”（或留空）' },
      { row: 7, reason: '与第 3 行是同一人（姓名和电话相同）' },
    ];
    let refuse = true;
    const { api, wrapper } = await openAs('reception', { ...heldLecture, editable: false, roster: null }, {
      'activities.importSignIns': (input) => {
        if (refuse) throw new ApiCallError({ code: 'INVALID_INPUT', message: '签到表有 2 行无法导入，整份未导入。', details: { problems } });
        return { imported: 130, participantCountRaised: true, activity: { ...heldLecture, editable: false, roster: null, signInCount: 130, participantCount: 130, id: input.activityId } };
      },
    });
    await chooseFile(wrapper, '签到表.xlsx');
    expect(api.inputsOf('activities.importSignIns')).toEqual([{ activityId: heldLecture.id, dataBase64: 'UEsDBA==' }]);
    const alert = wrapper.find('[data-testid="sign-in-refused"]');
    expect(alert.text()).toContain('整份未导入，原名单不变');
    expect(alert.findAll('li').map((item) => item.text())).toEqual(['第 4 行：性别“F”应为“男”或“女”（或留空）', '第 7 行：与第 3 行是同一人（姓名和电话相同）']);
    refuse = false;
    await chooseFile(wrapper, '签到表.xlsx');
    expect(wrapper.find('[data-testid="sign-in-refused"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="sign-in-count"]').text()).toBe('已签到 130 人');
    expect(wrapper.find('[data-testid="activity-participants"]').text()).toBe('130');
  });
});

describe('the activity form', () => {
  async function mountForm(extra: FakeHandlers = {}) {
    const api = station(extra);
    const { wrapper } = await mountScreen(ActivityDialog, { api, pattern: '/activities', path: '/activities', pinia: loggedInAs('counsellor') });
    return { api, wrapper };
  }

  it('checks with the shared schema before sending: each message on its field, nothing sent', async () => {
    const { api, wrapper } = await mountForm();
    await wrapper.find('[data-testid="activity-submit"]').trigger('click');
    await flushPromises();
    expect(fieldErrors(wrapper)['活动主题']).toContain('活动主题');
    expect(api.inputsOf('activities.create')).toEqual([]);
  });

  it('sends every field, the recorder among the staff; a refusal of core’s own shows on its field in Chinese', async () => {
    const refusal = new ApiCallError({ code: 'INVALID_INPUT', message: '活动时间 2099-01-01 09:00 还未到，不能登记为已开展。', details: [{ path: 'date', message: '活动时间 2099-01-01 09:00 还未到，不能登记为已开展。' }] });
    const { api, wrapper } = await mountForm({
      'activities.create': () => {
        throw refusal;
      },
    });
    selectByTestid(wrapper, 'activity-type').vm.$emit('update:modelValue', 'lecture');
    selectByTestid(wrapper, 'activity-targets').vm.$emit('update:modelValue', ['school']);
    await wrapper.find('[data-testid="activity-theme"]').setValue('考前减压讲座');
    const pickers = wrapper.findAllComponents({ name: 'ElTimeSelect' });
    pickers[0]!.vm.$emit('update:modelValue', '09:00');
    pickers[1]!.vm.$emit('update:modelValue', '10:30');
    await wrapper.find('[data-testid="activity-location"]').setValue('第一中学');
    selectByTestid(wrapper, 'activity-partners').vm.$emit('update:modelValue', ['第一中学']);
    selectByTestid(wrapper, 'activity-volunteers').vm.$emit('update:modelValue', ['赵老师']);
    await wrapper.find('[data-testid="activity-materials"] input').setValue('80');
    await wrapper.find('[data-testid="activity-online-reach"] input').setValue('500');
    await flushPromises();
    await wrapper.find('[data-testid="activity-online-estimated"]').trigger('click');
    await wrapper.find('[data-testid="activity-summary"]').setValue('计划面向初三学生。');
    await wrapper.find('[data-testid="activity-submit"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('activities.create')).toEqual([
      {
        type: 'lecture',
        outreachTargets: ['school'],
        theme: '考前减压讲座',
        date: localDay(new Date()),
        startTime: '09:00',
        endTime: '10:30',
        location: '第一中学',
        partnerUnits: ['第一中学'],
        staffIds: [2],
        volunteers: ['赵老师'],
        participantCount: null,
        rosterClientIds: [],
        outputs: { materials: 80, displays: 0, consultDesk: false, householdVisits: 0, onlineReach: 500, onlineReachEstimated: true },
        summary: '计划面向初三学生。',
        status: 'planned',
      },
    ]);
    expect(fieldErrors(wrapper)['日期']).toContain('还未到，不能登记为已开展');
    expect(wrapper.find('[data-testid="activity-error"]').text()).toContain('还未到');
  });
});
