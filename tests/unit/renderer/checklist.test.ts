import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import type { ChecklistView } from '../../../shared/api/schemas/checklist.js';
import { builtinTemplates } from '../../../shared/checklist/library.js';
import { scoreChecklist } from '../../../shared/checklist/scoring.js';
import ChecklistPage from '../../../renderer/src/features/checklist/views/ChecklistView.vue';
import { fakeApi } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { loggedInAs } from './support/screenParts.js';

/** Issue 13: the checklist page shows the standard, the live figures with where they come from, and offers the 自评 only to the 站长. */
const template = builtinTemplates.get('yongchuan-community-five-ones')!;
const figures = { staffWorking: 1, counsellorsQualified: 0, managementRulesAdopted: 6, careTeamFollowUps: 2, screeningVisits: 3 };
const answers = [{ id: 1, itemId: 'venue-area', met: true, level: null, note: '18m²，见平面图', assessedBy: { id: 1, displayName: '王站长' }, assessedAt: '2026-11-20T02:00:00.000Z' }];
const view: ChecklistView = {
  template,
  chosenAt: null,
  from: '2025-11-24',
  to: '2026-11-23',
  answers,
  figures: Object.entries(figures).map(([id, value]) => ({ id: id as keyof typeof figures, value })),
  score: scoreChecklist(template, { 'venue-area': { met: true } }, figures),
};

async function open(role: Exclude<Role, 'kiosk'>) {
  const api = fakeApi({
    'dictionaries.list': () => [],
    'checklist.get': () => view,
    'checklist.templates': () => [{ id: template.id, version: 1, name: template.name, level: 'community', sourceKind: 'official', citation: '', builtin: true, items: 8 }],
    'checklist.assess': (input) => ({ ...view, answers: [...answers, { id: 2, itemId: input.itemId, met: null, level: null, note: input.note ?? '', assessedBy: { id: 1, displayName: '王站长' }, assessedAt: '2026-11-23T02:00:00.000Z' }] }),
  });
  const { wrapper } = await mountScreen(ChecklistPage, { api, pattern: '/checklist', path: '/checklist', pinia: loggedInAs(role) });
  return { api, wrapper };
}

describe('the checklist page', () => {
  it('shows the standard, the verdict with the ★ items that fail it, and each figure with the page its records are on', async () => {
    const { wrapper } = await open('reception');
    expect(wrapper.find('[data-testid="checklist-standard-name"]').text()).toContain('村（社区）心理咨询室“五个一”');
    expect(wrapper.find('[data-testid="checklist-not-chosen"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="checklist-verdict"]').text()).toBe('未达标');
    expect(wrapper.find('[data-testid="checklist-key-short"]').text()).toContain('设备');
    expect(wrapper.find('[data-testid="checklist-key-short"]').text()).toContain('八项制度');
    const staff = wrapper.find('[data-testid="checklist-figure-staff-one"]');
    expect(staff.text()).toBe('据人员台账：1人');
    expect(staff.attributes('href')).toContain('/people');
    expect(wrapper.find('[data-testid="checklist-figure-rules-eight"]').text()).toBe('据制度：6项');
    expect(wrapper.find('[data-testid="checklist-score-rules-eight"]').text()).toBe('7.5 / 10');
    expect(wrapper.find('[data-testid="checklist-assessment-venue-area"]').text()).toBe('达到');
    expect(wrapper.text()).toContain('18m²，见平面图');
    // The front desk reads it; only the 站长 changes the standard or assesses.
    expect(wrapper.find('[data-testid="checklist-standard"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="checklist-assess-venue-area"]').exists()).toBe(false);
  });

  it('lets the 站长 assess: an item scored by the records takes only a note', async () => {
    const { api, wrapper } = await open('admin');
    expect(wrapper.find('[data-testid="checklist-standard"]').exists()).toBe(true);
    await wrapper.find('[data-testid="checklist-assess-rules-eight"]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="assess-met"]')).toBeNull();
    const note = document.body.querySelector('[data-testid="assess-note"]') as HTMLTextAreaElement;
    note.value = '应急处置、信息报告两项正在起草';
    note.dispatchEvent(new Event('input'));
    (document.body.querySelector('[data-testid="assess-submit"]') as HTMLElement).click();
    await flushPromises();
    expect(api.inputsOf('checklist.assess')).toEqual([{ templateId: template.id, version: 1, itemId: 'rules-eight', note: '应急处置、信息报告两项正在起草' }]);
    wrapper.unmount();
  });
});
