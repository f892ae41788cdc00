import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import KioskResultsView from '../../../renderer/src/features/scales/views/KioskResultsView.vue';
import ClientPicker from '../../../renderer/src/shared/components/ClientPicker.vue';
import type { ResultRecord } from '../../../shared/api/schemas/scales.js';
import { localDay } from '../../../shared/domain/dates.js';
import { fakeApi } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';

/** Staff find the day's kiosk results, a moderate one as well as a critical one, and link them to a client file. */
const moderate: ResultRecord = {
  id: 41,
  scaleId: 'GAD-7',
  scaleVersion: 1,
  scaleName: '广泛性焦虑量表',
  clientId: null,
  clientName: null,
  respondent: '王阿姨',
  caseId: null,
  answers: [2, 2, 2, 2, 1, 1, 0],
  result: { scaleId: 'GAD-7', version: 1, total: 10, raw: 10, subscales: {}, band: { index: 2, id: 'moderate', label: '中度焦虑' }, critical: false, criticalReasons: [], flags: [], prorated: false },
  via: 'kiosk',
  administeredBy: null,
  comment: '',
  completedAt: '2026-03-02T01:20:00.000Z',
  alertId: null,
};

function station() {
  let unlinked = [moderate];
  return fakeApi({
    'results.kioskList': (input) => (input.unlinkedOnly === false ? [{ ...moderate, clientId: 7, clientName: '王秀兰' }] : unlinked),
    'results.linkClient': () => {
      unlinked = [];
      return { ...moderate, clientId: 7, clientName: '王秀兰' };
    },
  });
}

const today = localDay(new Date());

describe('kiosk results', () => {
  it('shows today\'s unlinked kiosk results, below the critical line too', async () => {
    const api = station();
    const { wrapper } = await mountScreen(KioskResultsView, { api, pattern: '/kiosk-results', path: '/kiosk-results' });
    expect(api.inputsOf('results.kioskList')).toEqual([{ date: today, unlinkedOnly: true }]);
    const table = wrapper.find('[data-testid="kiosk-results-table"]').text();
    expect(table).toContain('王阿姨');
    expect(table).toContain('广泛性焦虑量表');
    expect(table).toContain('10 · 中度焦虑');

    await wrapper.find('[data-testid="kiosk-results-unlinked"] input').setValue(false);
    await flushPromises();
    expect(api.inputsOf('results.kioskList').at(-1)).toEqual({ date: today, unlinkedOnly: false });
    expect(wrapper.find('[data-testid="kiosk-results-table"]').text()).toContain('王秀兰');
    expect(wrapper.find('[data-testid="kiosk-result-link"]').exists()).toBe(false);
  });

  it('links a result to the chosen client, after which it leaves the unlinked list', async () => {
    const api = station();
    const { wrapper } = await mountScreen(KioskResultsView, { api, pattern: '/kiosk-results', path: '/kiosk-results' });
    await wrapper.find('[data-testid="kiosk-result-link"]').trigger('click');
    await flushPromises();
    const confirm = () => document.querySelector<HTMLButtonElement>('[data-testid="kiosk-link-confirm"]')!;

    // No client chosen: a clear message, nothing sent.
    confirm().click();
    await flushPromises();
    expect(document.querySelector('[data-testid="kiosk-link-error"]')?.textContent).toContain('请选择来访者。');
    expect(api.inputsOf('results.linkClient')).toEqual([]);

    wrapper.findComponent(ClientPicker).vm.$emit('update:modelValue', 7);
    await flushPromises();
    confirm().click();
    await flushPromises();
    expect(api.inputsOf('results.linkClient')).toEqual([{ resultId: 41, clientId: 7 }]);
    expect(api.inputsOf('results.kioskList')).toHaveLength(2);
    expect(wrapper.find('[data-testid="kiosk-results-table"]').text()).toContain('该日没有未关联档案的自助测评结果。');
  });
});
