import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { SurveyCounts, SurveyDetail } from '../../../shared/api/schemas/surveys.js';
import { localDay } from '../../../shared/domain/dates.js';
import { builtinQuestionnaires } from '../../../shared/scales/knowledgeLibrary.js';
import SurveyEntryDialog from '../../../renderer/src/features/ledgers/components/SurveyEntryDialog.vue';
import SurveyBlankPrint from '../../../renderer/src/features/ledgers/print/SurveyBlankPrint.vue';
import SurveyResultsPrint from '../../../renderer/src/features/ledgers/print/SurveyResultsPrint.vue';
import SurveysView from '../../../renderer/src/features/ledgers/views/SurveysView.vue';
import SurveyView from '../../../renderer/src/features/ledgers/views/SurveyView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { fakeApi, refusal, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 知晓率调查 screens ask core what the filters say, show the rate against its target, and type paper in by keyboard. */
const mhl = builtinQuestionnaires.get('MHL-TEN-2018')!;
const summary = { id: mhl.id, version: 1, name: mhl.names.zh, itemCount: 10, passMinCorrect: 8 };

/** 李伟's survey at a 讲座: three responses, two 知晓 (66.7%, below the public's 80%). */
const lectureSurvey: SurveyDetail = {
  id: 5,
  questionnaire: summary,
  date: '2026-11-20',
  activity: { id: 3, type: 'lecture', theme: '识别抑郁，及早求助', date: '2026-11-20' },
  population: 'public',
  place: '阳光社区服务中心二楼',
  note: '',
  closed: false,
  createdBy: { id: 2, displayName: '李伟' },
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  respondents: 3,
  aware: 2,
  editable: true,
  items: mhl.items.map((item, index) => ({ itemId: item.id, correct: index < 7 ? 3 : 1 })),
  byChannel: [
    { channel: 'paper', respondents: 2, aware: 1 },
    { channel: 'kiosk', respondents: 1, aware: 1 },
  ],
  responses: [
    { id: 11, channel: 'paper', sex: 'female', ageBand: '35to59', correctCount: 10, aware: true, enteredBy: { id: 3, displayName: '前台小周' }, createdAt: '2026-11-20T09:00:00.000Z', removable: true },
    { id: 12, channel: 'paper', sex: null, ageBand: null, correctCount: 7, aware: false, enteredBy: { id: 3, displayName: '前台小周' }, createdAt: '2026-11-20T09:01:00.000Z', removable: false },
    { id: 13, channel: 'kiosk', sex: null, ageBand: null, correctCount: 9, aware: true, enteredBy: null, createdAt: '2026-11-20T09:02:00.000Z', removable: true },
  ],
};
const { items: _items, byChannel: _byChannel, responses: _responses, ...listRow } = lectureSurvey;
const studentsRow = { ...listRow, id: 6, date: '2026-11-12', population: 'students' as const, place: '胜利路小学', activity: null, respondents: 20, aware: 18 };

const novemberCounts: SurveyCounts = {
  from: '2026-01-01',
  to: '2026-12-31',
  byQuestionnaire: [
    { questionnaireId: mhl.id, name: mhl.names.zh, population: 'public', surveys: 1, respondents: 3, aware: 2 },
    { questionnaireId: mhl.id, name: mhl.names.zh, population: 'students', surveys: 1, respondents: 20, aware: 18 },
  ],
  byActivity: [],
  total: { surveys: 2, respondents: 23, aware: 20 },
};

function station(extra: FakeHandlers = {}) {
  return fakeApi({
    'dictionaries.list': () => [{ id: 1, dictionary: 'activityType', code: 'lecture', label: '讲座', active: true, builtin: true }],
    'surveys.questionnaires': () => [summary],
    'surveys.questionnaire': () => ({ json: JSON.stringify(mhl) }),
    'surveys.list': () => [studentsRow, listRow],
    'surveys.counts': (input) => ({ ...novemberCounts, ...input }),
    'surveys.get': () => lectureSurvey,
    ...extra,
  });
}

describe('the knowledge surveys list', () => {
  it('asks for this year first, then what the filters say; rates are shown against their targets and the period’s rate per questionnaire and population', async () => {
    const api = station();
    const { wrapper } = await mountScreen(SurveysView, { api, pattern: '/surveys', path: '/surveys', pinia: loggedInAs('counsellor') });
    const year = localDay(new Date()).slice(0, 4);
    expect(api.inputsOf('surveys.list')).toEqual([{ from: `${year}-01-01`, to: `${year}-12-31` }]);
    selectByTestid(wrapper, 'surveys-questionnaire').vm.$emit('update:modelValue', mhl.id);
    await flushPromises();
    wrapper.findAllComponents({ name: 'ElDatePicker' })[0]!.vm.$emit('update:modelValue', '2025');
    await flushPromises();
    expect(api.inputsOf('surveys.list').slice(1)).toEqual([
      { from: `${year}-01-01`, to: `${year}-12-31`, questionnaireId: mhl.id },
      { from: '2025-01-01', to: '2025-12-31', questionnaireId: mhl.id },
    ]);
    const rows = wrapper.findAll('[data-testid="surveys-table"] .el-table__body tbody tr');
    expect(rows.map((row) => row.text().includes('90%'))).toEqual([true, false]);
    // 66.7% of the public is below its 80% line: marked.
    expect(rows[1]!.find('.form-error').text()).toBe('66.7%');
    expect(rows[0]!.find('.form-error').exists()).toBe(false);
    const totals = wrapper.find('[data-testid="surveys-totals"]').text();
    expect(totals).toContain('心理健康素养十条知识问卷（公众）：1 次调查，答卷 3 份，知晓 2 人，知晓率 66.7%');
    expect(totals).toContain('心理健康素养十条知识问卷（学生）：1 次调查，答卷 20 份，知晓 18 人，知晓率 90%');
    expect(totals).toContain('公众抑郁症防治知识知晓率 80%、学生 85%');
    expect(wrapper.find('[data-testid="survey-new"]').exists()).toBe(true);
  });

  it('offers reception no new survey, but export and print', async () => {
    const { wrapper } = await mountScreen(SurveysView, { api: station(), pattern: '/surveys', path: '/surveys', pinia: loggedInAs('reception') });
    expect(['survey-new', 'surveys-export', 'surveys-print'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists())).toEqual(['surveys-export', 'surveys-print']);
  });
});

describe('one survey', () => {
  async function open(role: Exclude<Role, 'kiosk'>, record: SurveyDetail) {
    const api = station({ 'surveys.get': () => record });
    const { wrapper } = await mountScreen(SurveyView, { api, pattern: '/surveys/:id', path: `/surveys/${record.id}`, pinia: loggedInAs(role) });
    return { api, wrapper };
  }
  const buttons = (wrapper: ReturnType<typeof mount>) =>
    ['survey-enter', 'survey-kiosk', 'survey-edit', 'survey-close', 'survey-reopen', 'survey-remove'].filter((testid) => wrapper.find(`[data-testid="${testid}"]`).exists());

  it('shows the rate against its target, each item’s key and share, and the buttons core allows', async () => {
    const { wrapper } = await open('counsellor', lectureSurvey);
    expect(wrapper.find('[data-testid="survey-rate"]').text()).toContain('66.7%');
    expect(wrapper.find('[data-testid="survey-target"]').text()).toBe('低于目标');
    const items = wrapper.findAll('[data-testid="survey-items"] .el-table__body tbody tr');
    expect(items).toHaveLength(10);
    expect(items[1]!.text()).toContain('运动只对身体有好处');
    expect(items[1]!.text()).toContain('错');
    expect(items[9]!.text()).toContain('33.3%');
    expect(wrapper.findAll('[data-testid="survey-response-remove"]')).toHaveLength(2);
    expect(buttons(wrapper)).toEqual(['survey-enter', 'survey-kiosk', 'survey-edit', 'survey-close', 'survey-remove']);
    const cases: Array<[Exclude<Role, 'kiosk'>, SurveyDetail, string[]]> = [
      ['reception', { ...lectureSurvey, editable: false }, ['survey-enter']],
      ['counsellor', { ...lectureSurvey, editable: false }, ['survey-enter', 'survey-kiosk']],
      ['admin', { ...lectureSurvey, closed: true }, ['survey-edit', 'survey-reopen', 'survey-remove']],
    ];
    for (const [role, record, offered] of cases) {
      const opened = await open(role, record);
      expect({ role, buttons: buttons(opened.wrapper) }).toEqual({ role, buttons: offered });
      opened.wrapper.unmount();
    }
  });
});

describe('paper entry', () => {
  it('types a sheet in by keyboard: digits pick options in printed order and move on, Backspace goes back, Enter saves and clears', async () => {
    const api = fakeApi({
      'surveys.addResponse': (input) => ({
        response: { id: 20, channel: 'paper', sex: input.sex ?? null, ageBand: input.ageBand ?? null, correctCount: 9, aware: true, enteredBy: ledgerUsers.reception, createdAt: '2026-11-21T01:00:00.000Z', removable: true },
        itemCount: 10,
        respondents: 4,
        aware: 3,
      }),
    });
    const { wrapper } = await mountScreen(SurveyEntryDialog, { api, pattern: '/surveys/:id', path: '/surveys/5', pinia: loggedInAs('reception'), props: { surveyId: 5, definition: mhl } });
    const pad = wrapper.find('[data-testid="survey-entry"]');
    for (const key of ['1', '3', 'Backspace', '2', '1', '2', '1', '2', '1', '1', '2', '3']) await pad.trigger('keydown', { key });
    expect(wrapper.find('[data-testid="survey-entry-progress"]').text()).toBe('已答 10/10 题');
    await pad.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(api.inputsOf('surveys.addResponse')).toEqual([{ surveyId: 5, answers: [1, 2, 1, 2, 1, 2, 1, 1, 2, 9], sex: null, ageBand: null }]);
    expect(wrapper.emitted('saved')).toHaveLength(1);
    expect(wrapper.find('[data-testid="survey-entry-progress"]').text()).toBe('已答 0/10 题');
  });

  it('shows core’s refusal naming the unanswered items, and keeps the sheet', async () => {
    const api = fakeApi({ 'surveys.addResponse': () => Promise.reject(refusal('INVALID_INPUT', '第 10 题未作答：知晓率问卷每题都须作答。')) });
    const { wrapper } = await mountScreen(SurveyEntryDialog, { api, pattern: '/surveys/:id', path: '/surveys/5', pinia: loggedInAs('reception'), props: { surveyId: 5, definition: mhl } });
    const pad = wrapper.find('[data-testid="survey-entry"]');
    for (const key of ['1', '2', '1', '2', '1', '2', '1', '1', '2']) await pad.trigger('keydown', { key });
    await wrapper.find('[data-testid="survey-entry-save"]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="survey-entry-error"]')?.textContent).toContain('第 10 题未作答');
    expect(wrapper.find('[data-testid="survey-entry-progress"]').text()).toBe('已答 9/10 题');
  });
});

describe('survey prints', () => {
  function render(component: typeof SurveyResultsPrint | typeof SurveyBlankPrint, props: Record<string, unknown>) {
    const pinia = createPinia();
    setActivePinia(pinia);
    return mount(component as never, { props: props as never, global: { plugins: [createAppI18n('zh-CN'), pinia, fakeApi({}).plugin] } });
  }

  it('prints the results with the rate, its target and every item’s key and share', () => {
    const page = render(SurveyResultsPrint, { survey: lectureSurvey, definition: mhl });
    expect(page.find('[data-testid="survey-results-rate"]').text()).toContain('66.7%（答卷 3 份，知晓 2 人）');
    expect(page.find('[data-testid="survey-results-rate"]').text()).toContain('目标 80%');
    const rows = page.findAll('[data-testid="survey-results-items"] tbody tr');
    expect(rows).toHaveLength(10);
    expect(rows[3]!.text()).toContain('经常睡不好是小事');
    expect(rows[3]!.text()).toContain('错');
  });

  it('prints the blank questionnaire numbered as the keys go, with no answer key', () => {
    const page = render(SurveyBlankPrint, { survey: listRow, definition: mhl });
    const items = page.findAll('[data-testid="survey-blank-items"] li');
    expect(items).toHaveLength(10);
    expect(items[0]!.text()).toContain('□ 1. 对');
    expect(items[0]!.text()).toContain('□ 3. 不知道');
    expect(page.text()).not.toContain('正确答案');
    expect(page.text()).toContain('年龄段');
  });
});
