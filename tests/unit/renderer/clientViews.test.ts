import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract/index.js';
import type { CasePage, CaseSummary, FollowUpRecord } from '../../../shared/api/schemas/cases.js';
import type { ClientDetail, RiskLevel } from '../../../shared/api/schemas/clients.js';
import CaseView from '../../../renderer/src/features/caseFiles/views/CaseView.vue';
import CasesView from '../../../renderer/src/features/caseFiles/views/CasesView.vue';
import ClientView from '../../../renderer/src/features/caseFiles/views/ClientView.vue';
import ScaleAdministerDialog from '../../../renderer/src/features/scales/components/ScaleAdministerDialog.vue';
import SessionEditor from '../../../renderer/src/features/caseFiles/views/SessionEditor.vue';
import { fakeApi, refusal, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';

/** Issue 11: every view of a client shows a new grade at once; a red grade offers the next steps; a colleague's client says 无权查看. */
const counsellor = { id: 2, username: 'liwei', displayName: '李伟', role: 'counsellor' as const, disabled: false, mustChangePassword: false, createdAt: '2026-11-23T01:00:00.000Z', lastLoginAt: null, keySlot: 'current' as const };

function loggedIn() {
  const pinia = createPinia();
  pinia.state.value.session = { status: null, current: { user: counsellor, idleLockMinutes: 5 } };
  return pinia;
}

const caseSummary = (riskLevel: RiskLevel | null): CaseSummary => ({
  id: 3,
  clientId: 7,
  clientName: '张三',
  counsellorId: 2,
  counsellorName: '李伟',
  status: 'open',
  openedOn: '2026-11-23',
  closedOn: null,
  problemCategories: ['emotion'],
  riskLevel,
  sessionCount: 0,
  lastSessionOn: null,
});

const followUp: FollowUpRecord = { id: 9, clientId: 7, clientName: '张三', dueOn: '2026-11-30', level: 'red', status: 'due', doneOn: null, method: null, participants: [], findings: '', reassessedLevel: null, overdueDays: 0, bookedFor: null };

const clientFile = (riskLevel: RiskLevel | null): ClientDetail => ({
  id: 7,
  name: '张三',
  gender: 'female',
  birthDate: '1990-01-01',
  age: 36,
  idNumber: '',
  phone: '',
  address: '',
  community: '',
  grid: '',
  guardianName: '',
  guardianPhone: '',
  guardianRelation: '',
  tags: [],
  source: 'walk_in',
  note: '',
  riskLevel,
  consents: [],
  createdAt: '2026-11-23T01:00:00.000Z',
  mayEdit: true,
});

/** One client with one open case of the counsellor's, graded in core's memory as the calls arrive. */
function stationOfOneClient(extra: FakeHandlers = {}) {
  let level: RiskLevel | null = null;
  const client = () => clientFile(level);
  const page = (): CasePage => ({ case: caseSummary(level), openReason: '自主来访', closeReason: null, sharedWith: [], sessions: [], riskHistory: [], followUps: level ? [followUp] : [] });
  return fakeApi({
    'dictionaries.list': () => [],
    'users.directory': () => [],
    'scales.list': () => [],
    'results.list': () => [],
    'attachments.list': () => [],
    'calls.list': () => [],
    'clients.get': () => client(),
    'cases.list': () => ({ rows: [caseSummary(level)], total: 1 }),
    'cases.get': () => page(),
    'risk.grade': (input: MethodInput<'risk.grade'>) => {
      level = input.level;
      return { history: [], followUps: input.level === 'red' ? [followUp] : [] } as MethodOutput<'risk.grade'>;
    },
    'risk.notifyManager': () => ({ notifiedAt: '2026-11-23T02:00:00.000Z' }),
    ...extra,
  });
}

/** Fill and submit the grade dialog that is open on the screen. */
async function gradeIn(wrapper: VueWrapper, level: RiskLevel, reason: string) {
  await wrapper.find(`[data-testid="grade-${level}"] input`).setValue(true);
  await wrapper.find('[data-testid="grade-reason"]').setValue(reason);
  await wrapper.find('[data-testid="grade-submit"]').trigger('submit');
  await flushPromises();
}

/** The client page, graded with its own 三色分级 button. */
async function gradeOnClientPage(level: RiskLevel, reason: string) {
  const api = stationOfOneClient();
  const { wrapper } = await mountScreen(ClientView, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
  await wrapper.find('[data-testid="grade-open"]').trigger('click');
  await flushPromises();
  await gradeIn(wrapper, level, reason);
  return { api, wrapper };
}

/** 建议评为红色预警 after a critical scale result (the administer dialog's button), then 分级 in the dialog it opens. */
async function gradeRedFromScaleResult(wrapper: VueWrapper, reason: string) {
  await wrapper.find('[data-testid="scale-administer"]').trigger('click');
  await flushPromises();
  wrapper.findComponent(ScaleAdministerDialog).vm.$emit('gradeRed');
  await flushPromises();
  await gradeIn(wrapper, 'red', reason);
}

const unprompted = (api: ReturnType<typeof fakeApi>) => api.methods().filter((method) => ['crises.open', 'referrals.create', 'risk.notifyManager'].includes(method));

// Element Plus screens mount slowly on a busy machine: room to finish, no assertion about speed.
describe('after grading, every view of the client shows the new colour at once', { timeout: 30_000 }, () => {
  it('建议评为红色预警 → 分级 on the client page turns its header red without reopening; the next steps are offered, none taken', async () => {
    const api = stationOfOneClient();
    const { wrapper } = await mountScreen(ClientView, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
    expect(wrapper.find('[data-testid="risk-red"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="red-next-steps"]').exists()).toBe(false);

    await gradeRedFromScaleResult(wrapper, 'PHQ-9 第 9 题阳性，表露轻生念头');

    expect(wrapper.find('[data-testid="client-title"]').element.parentElement!.querySelector('[data-testid="risk-red"]')).not.toBeNull();
    const steps = wrapper.find('[data-testid="red-next-steps"]');
    expect(steps.text()).toContain('已评为红色预警，并已安排 2026-11-30 前随访。');
    expect(steps.find('[data-testid="red-step-crisis"]').text()).toBe('发起危机干预');
    expect(steps.find('[data-testid="red-step-refer"]').text()).toBe('转介');
    expect(steps.find('[data-testid="red-step-notify"]').text()).toBe('报告站长');
    expect(unprompted(api)).toEqual([]);
  });

  it('telling the 站长 is one click, once; 暂不处理 closes the offer', async () => {
    const { api, wrapper } = await gradeOnClientPage('red', '会谈中表露轻生念头');
    await wrapper.find('[data-testid="red-step-notify"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('risk.notifyManager')).toEqual([{ clientId: 7 }]);
    expect(wrapper.find('[data-testid="red-step-told"]').text()).toBe('已报告站长');
    expect(wrapper.find('[data-testid="red-step-notify"]').exists()).toBe(false);
    await wrapper.find('[data-testid="red-step-close"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="red-next-steps"]').exists()).toBe(false);
  });

  it('a green grade offers nothing', async () => {
    const { wrapper } = await gradeOnClientPage('green', '情绪平稳');
    expect(wrapper.find('[data-testid="risk-green"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="red-next-steps"]').exists()).toBe(false);
  });

  it('建议评为红色预警 → 分级 from a scale result on the case page turns the case header red at once', async () => {
    const api = stationOfOneClient();
    const { wrapper } = await mountScreen(CaseView, { api, pattern: '/cases/:id', path: '/cases/3', pinia: loggedIn() });
    await wrapper.find('#tab-results').trigger('click');
    await flushPromises();
    await gradeRedFromScaleResult(wrapper, 'PHQ-9 第 9 题阳性，表露轻生念头');

    expect(api.methods().filter((method) => method === 'cases.get')).toHaveLength(2);
    expect(wrapper.find('.toolbar [data-testid="risk-red"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="red-next-steps"]').exists()).toBe(true);
    expect(unprompted(api)).toEqual([]);
  });
});

describe('a colleague\'s client says 无权查看, never "empty"', { timeout: 30_000 }, () => {
  const colleagues = '该来访者的个案由其他咨询师负责，未分配或共享给您，无权查看。';

  it('the client page shows 无权查看 with core\'s reason instead of 暂无个案 / 暂无测评记录', async () => {
    const api = stationOfOneClient({
      'cases.list': () => {
        throw refusal('FORBIDDEN', colleagues);
      },
    });
    const { wrapper } = await mountScreen(ClientView, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
    const state = wrapper.find('[data-testid="client-forbidden"]');
    expect(state.text()).toContain('无权查看');
    expect(state.text()).toContain(colleagues);
    expect(wrapper.text()).not.toContain('暂无个案');
    expect(wrapper.text()).not.toContain('暂无测评记录');
    expect(api.methods()).not.toContain('results.list');
  });

  it('offers no 编辑, 添加同意书 or 分级 that core would refuse, and says who edits the registration (issue 9)', async () => {
    const api = stationOfOneClient({
      'clients.get': () => ({ ...clientFile(null), mayEdit: false }),
      'cases.list': () => {
        throw refusal('FORBIDDEN', colleagues);
      },
    });
    const { wrapper } = await mountScreen(ClientView, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
    for (const action of ['client-edit', 'consent-open', 'grade-open']) expect(wrapper.find(`[data-testid="${action}"]`).exists()).toBe(false);
    expect(wrapper.find('[data-testid="client-not-yours"]').text()).toContain('请由前台或站长修改');
  });

  it('the case page offers 结案 and 转移 to its counsellor, and to a colleague it is shared with neither (issue 9)', async () => {
    const directory = () => [{ id: 2, displayName: '李伟' }, { id: 4, displayName: '陈静' }] as MethodOutput<'users.directory'>;
    const own = await mountScreen(CaseView, { api: stationOfOneClient({ 'users.directory': directory }), pattern: '/cases/:id', path: '/cases/3', pinia: loggedIn() });
    // The case's actions are on its 基本信息 tab, drawn when it is first opened.
    await own.wrapper.find('#tab-info').trigger('click');
    await flushPromises();
    expect(own.wrapper.find('[data-testid="case-close"]').exists()).toBe(true);
    await own.wrapper.find('[data-testid="case-transfer"]').trigger('click');
    await flushPromises();
    // Handed to anyone but its counsellor.
    expect(own.wrapper.findComponent('[data-testid="case-transfer-to"]').findAllComponents({ name: 'ElOption' }).map((option) => option.props('label'))).toEqual(['陈静']);
    own.wrapper.unmount();
    const sharedCase = (): CasePage => ({ case: { ...caseSummary(null), counsellorId: 4, counsellorName: '陈静' }, openReason: '', closeReason: null, sharedWith: [{ id: 2, displayName: '李伟' }], sessions: [], riskHistory: [], followUps: [] });
    const shared = await mountScreen(CaseView, { api: stationOfOneClient({ 'users.directory': directory, 'cases.get': sharedCase }), pattern: '/cases/:id', path: '/cases/3', pinia: loggedIn() });
    await shared.wrapper.find('#tab-info').trigger('click');
    await flushPromises();
    expect(shared.wrapper.find('.el-descriptions').exists()).toBe(true);
    for (const action of ['case-close', 'case-transfer']) expect(shared.wrapper.find(`[data-testid="${action}"]`).exists()).toBe(false);
  });

  it('the client page carries the hotline ledger’s card of the client’s calls where the records are, and asks core for none a colleague’s client', async () => {
    const api = stationOfOneClient();
    const { wrapper } = await mountScreen(ClientView, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="client-calls"]').exists()).toBe(true));
    expect(api.inputsOf('calls.list').map((input) => input.clientId)).toEqual([7]);
    wrapper.unmount();
    for (const cases of [() => ({ rows: [], total: 0 }), () => { throw refusal('FORBIDDEN', colleagues); }]) {
      const other = stationOfOneClient({ 'cases.list': cases });
      const screen = await mountScreen(ClientView, { api: other, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
      await flushPromises();
      expect(screen.wrapper.find('[data-testid="client-calls"]').exists()).toBe(false);
      expect(other.methods()).not.toContain('calls.list');
      screen.wrapper.unmount();
    }
  });

  it('a client without any case asks for one before results, and lists no cases', async () => {
    const api = stationOfOneClient({ 'cases.list': () => ({ rows: [], total: 0 }) });
    const { wrapper } = await mountScreen(ClientView, { api, pattern: '/clients/:id', path: '/clients/7', pinia: loggedIn() });
    expect(wrapper.find('[data-testid="results-after-case"]').text()).toBe('开案后可在此测评并查看测评记录。');
    expect(wrapper.text()).toContain('暂无个案');
    expect(api.methods()).not.toContain('results.list');
  });

  it.each([
    ['the case page', CaseView, '/cases/:id', '/cases/3'],
    ['a session note of the case', SessionEditor, '/cases/:caseId/sessions/:sessionId', '/cases/3/sessions/5'],
  ])('%s opened by URL shows 无权查看, not a blank page', async (_name, screen, pattern, path) => {
    const api = stationOfOneClient({
      'station.get': () => ({ name: '胜利路街道社会心理服务站' }) as MethodOutput<'station.get'>,
      'cases.get': () => {
        throw refusal('FORBIDDEN', '该个案未分配或共享给您。');
      },
    });
    const { wrapper } = await mountScreen(screen, { api, pattern, path, pinia: loggedIn() });
    const state = wrapper.find('[data-testid="case-refused"]');
    expect(state.text()).toContain('无权查看');
    expect(state.text()).toContain('该个案未分配或共享给您。');
  });
});

describe('a case seen weekly for years', { timeout: 30_000 }, () => {
  it('draws its newest 50 sessions and the earlier ones 50 at a time on request (issue 15: 500 took half a second)', async () => {
    const sessions = Array.from({ length: 120 }, (_, index) => ({
      id: 1000 - index,
      caseId: 3,
      counsellorId: 2,
      counsellorName: '李伟',
      heldOn: '2026-11-20',
      startTime: '09:00',
      durationMinutes: 50,
      modality: 'in_person' as const,
      kind: 'follow_up_session' as const,
      note: { complaint: `第 ${120 - index} 次`, assessment: '', intervention: '', plan: '', freeText: '' },
      signedAt: '2026-11-20T02:00:00.000Z',
      signedBy: '李伟',
      addenda: [],
      updatedAt: '2026-11-20T02:00:00.000Z',
    }));
    const casePage = (): CasePage => ({ case: caseSummary(null), openReason: '自主来访', closeReason: null, sharedWith: [], sessions, riskHistory: [], followUps: [] });
    const { wrapper } = await mountScreen(CaseView, { api: stationOfOneClient({ 'cases.get': casePage }), pattern: '/cases/:id', path: '/cases/3', pinia: loggedIn() });
    const drawn = () => wrapper.findAll('[data-testid^="session-"]').filter((card) => card.attributes('data-testid') !== 'session-new');
    expect(drawn()).toHaveLength(50);
    expect(drawn()[0]!.text()).toContain('第 120 次');
    const earlier = () => wrapper.find('[data-testid="sessions-earlier"]');
    expect(earlier().text()).toBe('显示更早的 50 次（还有 70 次）');
    await earlier().trigger('click');
    expect(drawn()).toHaveLength(100);
    expect(earlier().text()).toBe('显示更早的 20 次（还有 20 次）');
    await earlier().trigger('click');
    expect(drawn()).toHaveLength(120);
    expect(drawn().at(-1)!.text()).toContain('第 1 次');
    expect(earlier().exists()).toBe(false);
  });

  it('draws the risk and information tabs only when they are first opened (issue 15: their tables cost a third of opening the case)', async () => {
    const { wrapper } = await mountScreen(CaseView, { api: stationOfOneClient(), pattern: '/cases/:id', path: '/cases/3', pinia: loggedIn() });
    expect(wrapper.find('[data-testid="risk-history"]').exists()).toBe(false);
    expect(wrapper.find('.el-descriptions').exists()).toBe(false);
    await wrapper.find('#tab-risk').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="risk-history"]').exists()).toBe(true);
    await wrapper.find('#tab-info').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="case-close"]').exists()).toBe(true);
  });
});

describe('the cases list of a station with thousands of cases (issue 15)', () => {
  it('shows a page of 30 with the count of all, asks for the next page and searches from the first', async () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ ...caseSummary(null), id: index + 1 }));
    const api = fakeApi({ 'dictionaries.list': () => [], 'cases.list': () => ({ rows: many, total: 8_887 }) });
    const { wrapper } = await mountScreen(CasesView, { api, pattern: '/cases', path: '/cases', pinia: loggedIn() });
    expect(wrapper.findAll('[data-testid="cases-table"] tbody tr')).toHaveLength(30);
    expect(wrapper.find('.el-pagination').text()).toContain('8887');
    await wrapper.find('.el-pagination .btn-next').trigger('click');
    await flushPromises();
    await wrapper.find('input[data-testid="cases-search"]').setValue('zs');
    await flushPromises();
    expect(api.inputsOf('cases.list').map(({ status, query, limit, offset }) => [status, query, limit, offset])).toEqual([
      ['open', '', 30, 0],
      ['open', '', 30, 30],
      ['open', 'zs', 30, 0],
    ]);
  });
});
