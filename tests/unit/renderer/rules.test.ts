import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { RuleDetail, RuleSummary, RuleVersion } from '../../../shared/api/schemas/rules.js';
import { localDay } from '../../../shared/domain/dates.js';
import { ruleTemplates } from '../../../shared/domain/ruleTemplates.js';
import RulePrint from '../../../renderer/src/features/ledgers/print/RulePrint.vue';
import RulesView from '../../../renderer/src/features/ledgers/views/RulesView.vue';
import RuleView from '../../../renderer/src/features/ledgers/views/RuleView.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import { useStationStore } from '../../../renderer/src/shared/stores/station.js';
import { fakeApi, type FakeHandlers } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';
import { ledgerUsers, loggedInAs, selectByTestid } from './support/screenParts.js';

/** Issue 12: the 规章制度 screens show each rule's current version; only the 站长 writes and adopts. */
const template = ruleTemplates.find((entry) => entry.code === 'appointment')!;
const first: RuleVersion = { id: 11, versionNo: 1, title: template.title, body: template.body, fileCount: 0, adoptedOn: '2024-10-01', adoptedBy: ledgerUsers.admin, draftedBy: ledgerUsers.admin, updatedAt: '2024-10-01T01:00:00.000Z' };
const second: RuleVersion = { ...first, id: 12, versionNo: 2, body: `${template.body}\n六、爽约两次以上的，电话回访后再预约。`, adoptedOn: '2026-01-10', fileCount: 1 };
const appointmentRule: RuleDetail = {
  id: 3,
  templateCode: 'appointment',
  title: template.title,
  current: { id: 12, versionNo: 2, title: template.title, fileCount: 1, adoptedOn: '2026-01-10', adoptedBy: ledgerUsers.admin, draftedBy: ledgerUsers.admin, updatedAt: second.updatedAt },
  adoptedCount: 2,
  hasDraft: false,
  versions: [second, first],
  draft: null,
};
const ownRule: RuleSummary = { id: 9, templateCode: null, title: '档案借阅制度', current: null, adoptedCount: 0, hasDraft: true };

function station(extra: FakeHandlers = {}) {
  return fakeApi({ 'rules.list': () => [appointmentRule, ownRule], 'rules.get': () => appointmentRule, 'attachments.list': () => [], ...extra });
}

describe('the rules list', () => {
  it('shows each rule’s current version and adoption date; only the 站长 starts a rule, from a template used once', async () => {
    const desk = await mountScreen(RulesView, { api: station(), pattern: '/rules', path: '/rules', pinia: loggedInAs('reception') });
    const rows = desk.wrapper.findAll('[data-testid="rules-table"] .el-table__body tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('预约服务制度');
    expect(rows[0]).toContain('第 2 版');
    expect(rows[0]).toContain('2026-01-10');
    expect(rows[1]).toContain('尚未通过');
    expect(desk.wrapper.find('[data-testid="rule-new"]').exists()).toBe(false);
    expect(desk.wrapper.text()).not.toContain('有待通过的草稿');
    desk.wrapper.unmount();

    const api = station({ 'rules.create': () => ({ ...appointmentRule, id: 20 }) });
    const { wrapper, router } = await mountScreen(RulesView, { api, pattern: '/rules', path: '/rules', pinia: loggedInAs('admin') });
    expect(wrapper.text()).toContain('有待通过的草稿');
    await wrapper.find('[data-testid="rule-new"]').trigger('click');
    await flushPromises();
    const options = selectByTestid(wrapper, 'rule-template').findAllComponents({ name: 'ElOption' });
    expect(options.find((option) => option.props('value') === 'appointment')?.props('disabled')).toBe(true);
    selectByTestid(wrapper, 'rule-template').vm.$emit('update:modelValue', 'emergency');
    await flushPromises();
    await wrapper.find('[data-testid="rule-create"]').trigger('click');
    await flushPromises();
    const emergency = ruleTemplates.find((entry) => entry.code === 'emergency')!;
    expect(api.inputsOf('rules.create')).toEqual([{ templateCode: 'emergency', title: emergency.title, body: emergency.body }]);
    expect(router.currentRoute.value.path).toBe('/rules/20');
  });
});

describe('one rule', () => {
  it('lists every adopted version, newest first, each printable; the front desk is told it cannot open the files', async () => {
    const { wrapper } = await mountScreen(RuleView, { api: station(), pattern: '/rules/:id', path: '/rules/3', pinia: loggedInAs('reception') });
    expect(wrapper.find('[data-testid="rule-current"]').text()).toBe('第 2 版　2026-01-10 通过');
    const versions = wrapper.findAll('[data-testid="rule-version"]');
    expect(versions).toHaveLength(2);
    expect(versions[0]!.text()).toContain('爽约两次以上');
    expect(versions[0]!.text()).toContain('本版有 1 个上传文件');
    expect(wrapper.findAll('[data-testid="rule-print"]').length).toBe(2);
    expect(wrapper.find('[data-testid="rule-new-draft"]').exists()).toBe(false);
  });

  it('the 站长 drafts the next version from the current text and adopts it on a day: the text is saved, then adopted', async () => {
    const drafted: RuleDetail = { ...appointmentRule, hasDraft: true, draft: { ...second, id: 13, versionNo: null, adoptedOn: null, adoptedBy: null, fileCount: 0 } };
    const api = station({
      'rules.saveDraft': (input) => ({ ...drafted, draft: { ...drafted.draft!, body: input.body ?? '' } }),
      'rules.adopt': () => ({ ...appointmentRule, current: { ...appointmentRule.current!, versionNo: 3 } }),
    });
    const { wrapper } = await mountScreen(RuleView, { api, pattern: '/rules/:id', path: '/rules/3', pinia: loggedInAs('admin') });
    await wrapper.find('[data-testid="rule-new-draft"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('rules.saveDraft')).toEqual([{ ruleId: 3, title: template.title, body: second.body }]);
    await wrapper.find('[data-testid="rule-draft-body"]').setValue(`${second.body}\n七、节假日暂停预约。`);
    await wrapper.find('[data-testid="rule-adopt"]').trigger('click');
    await flushPromises();
    expect(api.inputsOf('rules.saveDraft').at(-1)).toEqual({ ruleId: 3, title: template.title, body: `${second.body}\n七、节假日暂停预约。` });
    expect(api.inputsOf('rules.adopt')).toEqual([{ ruleId: 3, adoptedOn: localDay(new Date()) }]);
  });
});

describe('the wall print', () => {
  it('is one A4 page with the station’s name, the rule’s title, its text and the version adopted', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const api = fakeApi({ 'station.get': () => ({ name: '阳光街道社会心理服务站', level: 'street', regionCode: '110105001', address: '阳光路 8 号', phone: '010-65001234', openingHours: '' }) });
    const wrapper = mount(RulePrint, { props: { version: second }, global: { plugins: [createAppI18n('zh-CN'), pinia, api.plugin] } });
    await useStationStore().load();
    await flushPromises();
    expect(wrapper.findAll('[data-testid="print-page"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="print-station"]').text()).toContain('阳光街道社会心理服务站');
    expect(wrapper.find('.print-title').text()).toBe('预约服务制度');
    expect(wrapper.find('[data-testid="rule-wall-body"]').text()).toContain('爽约两次以上');
    expect(wrapper.find('[data-testid="rule-wall-version"]').text()).toBe('第 2 版　2026-01-10 通过');
  });
});
