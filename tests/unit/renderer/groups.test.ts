import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { GroupRecord, GroupSummary } from '../../../shared/api/schemas/groups.js';
import { localDay } from '../../../shared/domain/dates.js';
import { ApiCallError } from '../../../renderer/src/api/client.js';
import GroupFeedbackDialog from '../../../renderer/src/features/ledgers/components/GroupFeedbackDialog.vue';
import GroupRegisterDialog from '../../../renderer/src/features/ledgers/components/GroupRegisterDialog.vue';
import GroupFormPrint from '../../../renderer/src/features/ledgers/print/GroupFormPrint.vue';
import GroupRecordPrint from '../../../renderer/src/features/ledgers/print/GroupRecordPrint.vue';
import GroupsView from '../../../renderer/src/features/ledgers/views/GroupsView.vue';
import GroupView from '../../../renderer/src/features/ledgers/views/GroupView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { fieldErrors, ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12, 团体辅导: the screens ask core what the filters say and offer each role only what core lets it do. */
const { admin, counsellor } = ledgerUsers;
const summary: GroupSummary = {
  id: 4,
  name: '青少年情绪管理成长小组',
  targetGroup: '初中学生',
  status: 'open',
  leaders: [counsellor],
  plannedSessions: 6,
  sessionsHeld: 1,
  capacity: 10,
  admitted: 2,
  waiting: 1,
  firstDate: '2026-11-16',
  lastDate: '2026-11-30',
  editable: true,
};
const member = { gender: 'female' as const, age: 14, client: null, signedUpOn: '2026-11-02', leftOn: null, leftReason: null };
/** Two members admitted on the 5th, 周敏 left on the 20th, 吴迪 admitted on the 20th, 郑好 still waiting; meetings on the 16th (held) and 30th. */
const group: GroupRecord = {
  ...summary,
  goals: '认识情绪，学会两种调节方法。',
  location: '团体辅导室',
  members: [
    { ...member, id: 1, name: '林晓', phone: '13900001111', motive: '考试前紧张', status: 'admitted', agreementSignedOn: '2026-11-05' },
    { ...member, id: 2, name: '周敏', phone: '13900002222', motive: '睡不好', status: 'withdrawn', agreementSignedOn: '2026-11-05', leftOn: '2026-11-20', leftReason: '课业忙' },
    { ...member, id: 3, name: '吴迪', phone: '', motive: '', status: 'admitted', agreementSignedOn: '2026-11-20' },
    { ...member, id: 5, name: '郑好', phone: '', motive: '', status: 'signedUp', agreementSignedOn: null },
  ],
  sessions: [
    { activityId: 11, number: 1, date: '2026-11-16', startTime: '15:00', endTime: '16:30', theme: '相识与团体规则', location: '团体辅导室', status: 'done', present: 1, excused: 1, absent: 0, feedback: { forms: 1, satisfied: 1, satisfaction: 5, helpfulness: 4, atmosphere: 5, recommend: 1 } },
    { activityId: 12, number: 2, date: '2026-11-30', startTime: '15:00', endTime: '16:30', theme: '情绪的身体信号', location: '团体辅导室', status: 'planned', present: 0, excused: 0, absent: 0, feedback: { forms: 0, satisfied: 0, satisfaction: null, helpfulness: null, atmosphere: null, recommend: 0 } },
  ],
  attendance: [
    { activityId: 11, memberId: 1, status: 'present' },
    { activityId: 11, memberId: 2, status: 'excused' },
  ],
  closedAt: null,
  createdAt: '2026-11-01T01:00:00.000Z',
  updatedAt: '2026-11-16T09:00:00.000Z',
};
const counts = { from: '2026-11-01', to: '2026-11-30', groups: 1, sessions: 1, attendances: 1, members: 1, feedback: { forms: 1, satisfied: 1, satisfaction: 5, helpfulness: 4, atmosphere: 5, recommend: 1 } };

function station(extra: FakeHandlers = {}) {
  return fakeApi({ 'dictionaries.list': () => [], 'groups.list': () => [summary], 'groups.counts': () => counts, 'groups.get': () => group, 'users.directory': () => [{ ...admin, role: 'admin' }, { ...counsellor, role: 'counsellor' }], ...extra });
}

describe('the groups list', () => {
  it('asks for the running groups and this month’s group work, then for what the filter says; the front desk starts no group', async () => {
    const api = station();
    const { wrapper } = await mountScreen(GroupsView, { api, pattern: '/groups', path: '/groups', pinia: loggedInAs('reception') });
    const month = localDay(new Date()).slice(0, 7);
    expect(api.inputsOf('groups.list')).toEqual([{ status: 'open' }]);
    expect(api.inputsOf('groups.counts')[0]!.from).toBe(`${month}-01`);
    selectByTestid(wrapper, 'groups-status').vm.$emit('update:modelValue', '');
    await flushPromises();
    expect(api.inputsOf('groups.list').at(-1)).toEqual({});
    const row = wrapper.find('[data-testid="groups-table"] .el-table__body tbody tr').text();
    expect(row).toContain('青少年情绪管理成长小组');
    expect(row).toContain('已开展 1 / 计划 6 次');
    expect(row).toContain('2 / 10 人');
    expect(wrapper.find('[data-testid="groups-totals"]').text()).toContain('开展 1 次，出席 1 人次（1 人），反馈表 1 份，满意 1 份');
    expect(wrapper.find('[data-testid="group-new"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="groups-export"]').exists()).toBe(true);
  });
});

describe('one group', () => {
  async function open(role: Exclude<Role, 'kiosk'>, record: GroupRecord) {
    const api = station({ 'groups.get': () => record });
    const { wrapper } = await mountScreen(GroupView, { api, pattern: '/groups/:id', path: `/groups/${record.id}`, pinia: loggedInAs(role) });
    return wrapper;
  }
  const present = (wrapper: VueWrapper, testids: readonly string[]) => testids.filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());
  const actions = ['group-edit', 'group-print', 'group-close', 'group-signup', 'group-meeting-add', 'group-admit', 'group-leave', 'group-register', 'group-feedback', 'group-meeting-edit', 'group-meeting-remove'];

  it('offers a leader the whole group, the front desk sign-ups only, another counsellor nothing to change', async () => {
    const leader = await open('counsellor', group);
    expect(present(leader, actions)).toEqual(actions);
    expect(leader.find('[data-testid="group-members"]').text()).toContain('考试前紧张');
    expect(leader.find('[data-testid="group-members"]').text()).toContain('离组 2026-11-20：课业忙');
    expect(leader.find('[data-testid="group-meetings"]').text()).toContain('出席 1 · 请假 1 · 缺席 0');
    expect(leader.find('[data-testid="group-meetings"]').text()).toContain('1 份，满意度 5.0');
    leader.unmount();

    const desk = await open('reception', { ...group, editable: false, members: group.members.map((entry) => ({ ...entry, motive: null })) });
    expect(present(desk, actions)).toEqual(['group-print', 'group-signup']);
    expect(desk.find('[data-testid="group-members"]').text()).not.toContain('报名原因');
    desk.unmount();

    const other = await open('counsellor', { ...group, editable: false, members: group.members.map((entry) => ({ ...entry, motive: null, phone: '' })) });
    expect(present(other, actions)).toEqual(['group-print']);
    expect(other.find('[data-testid="group-read-only"]').exists()).toBe(true);
    other.unmount();

    const closed = await open('admin', { ...group, status: 'closed', closedAt: '2026-12-20T08:00:00.000Z' });
    expect(present(closed, ['group-signup', 'group-meeting-add', 'group-close'])).toEqual([]);
    expect(closed.find('[data-testid="group-status"]').text()).toBe('已结束');
  });
});

describe('the register and the feedback form', () => {
  function mountDialog<C>(component: C, props: Record<string, unknown>, extra: FakeHandlers = {}) {
    const api = station(extra);
    const wrapper = mount(component as never, { props: props as never, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), loggedInAs('counsellor'), api.plugin] } });
    return { api, wrapper };
  }

  it('lists the members who had joined by the meeting’s day, present by default, and sends exactly them; core’s refusal shows', async () => {
    const refusal = new ApiCallError({ code: 'INVALID_INPUT', message: '至少须有一名组员出席；无人出席的活动请改期或删除。', details: [{ path: 'attendance', message: '至少须有一名组员出席；无人出席的活动请改期或删除。' }] });
    const { api, wrapper } = mountDialog(GroupRegisterDialog, { group, meeting: group.sessions[1] }, {
      'groups.recordAttendance': () => {
        throw refusal;
      },
    });
    await flushPromises();
    const rows = ['1', '2', '3', '5'].filter((id) => document.body.querySelector(`[data-testid="group-register-row-${id}"]`));
    // 周敏 left on the 20th and 郑好 has not joined: the 30th expects 林晓 and 吴迪.
    expect(rows).toEqual(['1', '3']);
    (document.body.querySelector('[data-testid="group-register-submit"]') as HTMLElement).click();
    await flushPromises();
    expect(api.inputsOf('groups.recordAttendance')).toEqual([
      {
        activityId: 12,
        attendance: [
          { memberId: 1, status: 'present' },
          { memberId: 3, status: 'present' },
        ],
      },
    ]);
    expect(fieldErrors(wrapper)['出席情况']).toBe('至少须有一名组员出席；无人出席的活动请改期或删除。');
    wrapper.unmount();
  });

  it('names each unanswered question and sends nothing; a whole form is sent anonymously', async () => {
    const { api, wrapper } = mountDialog(GroupFeedbackDialog, { meeting: group.sessions[0] }, { 'groups.addFeedback': () => group });
    await flushPromises();
    const submit = () => (document.body.querySelector('[data-testid="group-feedback-submit"]') as HTMLElement).click();
    submit();
    await flushPromises();
    const shown = fieldErrors(wrapper);
    expect(shown['1. 总体满意度']).toBe('总体满意度须为数字。');
    expect(shown['4. 愿意推荐他人参加']).toBe('请选择是否愿意推荐他人参加。');
    expect(api.inputsOf('groups.addFeedback')).toEqual([]);
    for (const question of ['satisfaction', 'helpfulness', 'atmosphere']) {
      wrapper.findAllComponents({ name: 'ElRadioGroup' }).find((group) => group.attributes('data-testid') === `group-feedback-${question}`)!.vm.$emit('update:modelValue', 4);
    }
    wrapper.findAllComponents({ name: 'ElRadioGroup' }).find((group) => group.attributes('data-testid') === 'group-feedback-recommend')!.vm.$emit('update:modelValue', true);
    await flushPromises();
    submit();
    await flushPromises();
    expect(api.inputsOf('groups.addFeedback')).toEqual([{ activityId: 11, satisfaction: 4, helpfulness: 4, atmosphere: 4, recommend: true, comment: '' }]);
    wrapper.unmount();
  });
});

describe('the group’s papers', () => {
  function printPlugins() {
    const pinia = createPinia();
    setActivePinia(pinia);
    const api = fakeApi({ 'station.get': () => ({ name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' }) });
    return [createAppI18n('zh-CN'), pinia, api.plugin];
  }

  it('prints the record with each member’s register (到 / 假 / 缺) and no motive, the agreement with the group named, and the blank feedback form', async () => {
    const record = mount(GroupRecordPrint, { props: { group }, global: { plugins: printPlugins() } });
    await useStationStore().load();
    await flushPromises();
    expect(record.find('.print-title').text()).toBe('青少年情绪管理成长小组 · 团体辅导小组记录');
    const rows = record.findAll('[data-testid="group-print-register"] tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['林晓', '2026-11-05', '到', '', '已入组'],
      ['周敏', '2026-11-05', '假', '', '已退出 2026-11-20'],
      ['吴迪', '2026-11-20', '', '', '已入组'],
    ]);
    expect(record.text()).not.toMatch(/考试前紧张|13900001111/);
    const agreement = mount(GroupFormPrint, { props: { group, form: 'agreement' }, global: { plugins: printPlugins() } });
    expect(agreement.find('[data-testid="group-agreement-intro"]').text()).toContain('“青少年情绪管理成长小组”（共 6 次，地点：团体辅导室）');
    expect(agreement.findAll('[data-testid="group-agreement-items"] li')).toHaveLength(6);
    const feedback = mount(GroupFormPrint, { props: { group, form: 'feedback' }, global: { plugins: printPlugins() } });
    expect(feedback.find('[data-testid="group-feedback-form"]').text()).toContain('1. 总体满意度');
  });
});
