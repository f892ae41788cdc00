import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { ChecklistView } from '../../../shared/api/schemas/checklist.js';
import type { InspectionRecord } from '../../../shared/api/schemas/inspections.js';
import { builtinTemplates } from '../../../shared/checklist/library.js';
import { scoreChecklist } from '../../../shared/checklist/scoring.js';
import InspectionPage from '../../../renderer/src/features/checklist/views/InspectionView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { createAppRouter } from '../../../renderer/src/router.js';
import { fakeApi } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { ledgerUsers, loggedInAs } from './support/screenParts.js';

/** Issue 13: an inspection's page offers each reader what core says it may do; an inspector's workbench is its inspection. */
const template = builtinTemplates.get('yongchuan-community-five-ones')!;
const figures = { staffWorking: 1, counsellorsQualified: 0, managementRulesAdopted: 6, careTeamFollowUps: 2, screeningVisits: 3 };
const snapshot: ChecklistView = {
  template,
  chosenAt: null,
  from: '2025-11-24',
  to: '2026-11-23',
  answers: [{ id: 7, itemId: 'venue-area', met: true, level: null, note: '18m²，见平面图', assessedBy: { id: 1, displayName: '王站长' }, assessedAt: '2026-11-20T02:00:00.000Z' }],
  figures: Object.entries(figures).map(([id, value]) => ({ id: id as keyof typeof figures, value })),
  score: scoreChecklist(template, { 'venue-area': { met: true } }, figures),
};
const inspector = { ...ledgerUsers.inspector, username: 'jiancha', accessUntil: '2026-11-30', disabled: false };

function inspection(changes: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id: 3,
    kind: 'acceptance',
    title: '2026 年度验收',
    inspectingBody: '永川区社会心理服务中心',
    plannedOn: '2026-11-23',
    status: 'open',
    verdict: null,
    percent: null,
    grade: null,
    inspector,
    openRectifications: 0,
    createdAt: '2026-11-23T01:00:00.000Z',
    snapshot,
    snapshotSha256: 'a'.repeat(64),
    opinion: '',
    concludedBy: null,
    concludedAt: null,
    closedAt: null,
    createdBy: ledgerUsers.admin,
    scores: [],
    evaluation: scoreChecklist(template, {}, figures),
    findings: [],
    rectifications: [],
    staff: [ledgerUsers.admin, ledgerUsers.counsellor],
    mayEvaluate: false,
    mayRecheck: false,
    mayManage: false,
    ...changes,
  };
}

async function open(role: Exclude<Role, 'kiosk'>, record: InspectionRecord) {
  const api = fakeApi({
    'dictionaries.list': () => [],
    'inspections.get': () => record,
    'inspections.score': (input) => ({ ...record, scores: [{ itemId: input.itemId, met: input.met ?? null, level: null, note: input.note ?? '', assessedBy: ledgerUsers.inspector, assessedAt: '2026-11-23T03:00:00.000Z' }] }),
    'attachments.list': () => [],
  });
  const { wrapper } = await mountScreen(InspectionPage, { api, pattern: '/inspections/:id', path: '/inspections/3', pinia: loggedInAs(role) });
  return { api, wrapper };
}

describe('an inspection’s page', () => {
  it('lets its inspector score an item beside the 自评, reading the item’s evidence without uploading', async () => {
    const { api, wrapper } = await open('inspector', inspection({ mayEvaluate: true }));
    expect(wrapper.find('[data-testid="inspection-inspector"]').text()).toBe('检查员老张（jiancha），有效期至 2026-11-30');
    expect(wrapper.find('[data-testid="inspection-revoke"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="evaluation-venue-area"]').text()).toBe('未评');
    await wrapper.find('[data-testid="evaluate-venue-area"]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="assess-evidence"] [data-testid="attachment-upload"]')).toBeNull();
    (document.body.querySelector('[data-testid="assess-met"] input[value="true"]') as HTMLInputElement).click();
    (document.body.querySelector('[data-testid="assess-submit"]') as HTMLElement).click();
    await flushPromises();
    expect(api.inputsOf('inspections.score')).toEqual([{ inspectionId: 3, itemId: 'venue-area', met: true, note: '' }]);
    expect(wrapper.find('[data-testid="evaluation-venue-area"]').text()).toBe('达到');
    wrapper.unmount();
  });

  it('shows the 站长 the account and the flow, and no scoring while an inspector evaluates', async () => {
    const { wrapper } = await open('admin', inspection({ mayManage: true }));
    expect(wrapper.find('[data-testid="evaluate-venue-area"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="finding-add"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="inspection-revoke"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="inspection-extend"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="inspection-status"]').text()).toBe('检查中');
    expect(wrapper.find('[data-testid="inspection-scores"]').text()).toContain(`自评 ${snapshot.score.score} / `);
  });

  it('offers a task’s owner its submission and the inspector its 复查, once concluded', async () => {
    const task = {
      id: 9,
      findingId: null,
      task: '补录专职人员',
      owner: ledgerUsers.counsellor,
      dueOn: '2026-12-20',
      status: 'open' as const,
      closureNote: '',
      submittedBy: null,
      submittedAt: null,
      recheckNote: '',
      recheckedBy: null,
      recheckedAt: null,
      createdBy: ledgerUsers.inspector,
      createdAt: '2026-11-23T03:00:00.000Z',
      fileCount: 0,
    };
    const concluded = { status: 'concluded' as const, verdict: 'fail' as const, percent: 20, openRectifications: 1, rectifications: [task] };
    const owner = await open('counsellor', inspection(concluded));
    expect(owner.wrapper.find('[data-testid="inspection-status"]').text()).toBe('整改中');
    expect(owner.wrapper.find('[data-testid="rectification-submit-9"]').exists()).toBe(true);
    expect(owner.wrapper.find('[data-testid="rectification-recheck-9"]').exists()).toBe(false);
    owner.wrapper.unmount();
    const evaluator = await open('inspector', inspection({ ...concluded, mayRecheck: true, rectifications: [{ ...task, status: 'submitted', closureNote: '已补录两人' }] }));
    expect(evaluator.wrapper.find('[data-testid="rectification-submit-9"]').exists()).toBe(false);
    expect(evaluator.wrapper.find('[data-testid="rectification-recheck-9"]').exists()).toBe(true);
  });
});

describe('an inspector’s workbench', () => {
  it('starts at its inspection list, and a staff page sends it back there', async () => {
    const pinia = loggedInAs('inspector');
    (pinia.state.value.session as { status: unknown }).status = { phase: 'locked' };
    const api = fakeApi({ 'inspections.list': () => [], 'checklist.get': () => snapshot, 'checklist.templates': () => [], 'dictionaries.list': () => [] });
    const router = createAppRouter();
    // The guard's stores reach the API through the app, as in the workbench.
    mount({ render: () => null }, { global: { plugins: [createAppI18n('zh-CN'), pinia, router, api.plugin] } });
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/inspections');
    await router.push('/clients');
    expect(router.currentRoute.value.path).toBe('/inspections');
    await router.push('/checklist');
    expect(router.currentRoute.value.path).toBe('/checklist');
  });
});
