import { flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import TodayCard from '../../../renderer/src/features/caseFiles/components/TodayCard.vue';
import HomeView from '../../../renderer/src/features/foundation/views/HomeView.vue';
import { fakeApi } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';

const today = {
  followUpsDueToday: 0,
  followUpsOverdue: 0,
  unsignedSessions: [
    { id: 7, caseId: 3, clientName: '张三', heldOn: '2026-11-20' },
    { id: 8, caseId: 4, clientName: '李四', heldOn: '2026-11-21' },
  ],
  unsignedSessionCount: 2,
  openAlerts: 0,
  activeCrises: [],
  referralsAwaitingReceipt: [],
  recentRedGrades: [],
};

/** 今日工作: each list under its own heading, and each count a link to its list. */
describe('the home page today card', () => {
  it('puts the unsigned notes under their own heading and links the count to them', async () => {
    const api = fakeApi({ 'dashboard.today': () => today as never });
    const { wrapper } = await mountScreen(TodayCard, { api, pattern: '/', path: '/' });
    const heading = wrapper.find('#today-unsigned');
    expect(heading.element.tagName).toBe('H3');
    expect(heading.text()).toBe('待签名的咨询记录');
    const count = wrapper.find('[data-testid="today-unsigned-count"]');
    expect(count.element.tagName).toBe('A');
    expect(count.attributes('href')).toBe('#today-unsigned');
    expect(count.text()).toContain('2');
    expect(wrapper.find('[data-testid="today-unsigned"]').findAll('a').map((link) => link.text())).toEqual(['2026-11-20 张三', '2026-11-21 李四']);
    expect(wrapper.find('[data-testid="today-unsigned"]').text()).not.toContain('…');
  });

  it('shows the counts core gives, not the length of the short lists it sends (a busy station has more than they hold)', async () => {
    const api = fakeApi({ 'dashboard.today': () => ({ ...today, unsignedSessionCount: 130, followUpsOverdue: 612 }) as never });
    const { wrapper } = await mountScreen(TodayCard, { api, pattern: '/', path: '/' });
    expect(wrapper.find('[data-testid="today-unsigned-count"]').text()).toContain('130');
    expect(wrapper.find('[data-testid="today-overdue"]').text()).toContain('612');
    expect(wrapper.find('[data-testid="today-unsigned"]').text()).toContain('…');
  });

  it('shows the first eight referrals awaiting receipt and the rest when asked', async () => {
    const referralsAwaitingReceipt = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, clientId: index + 1, clientName: `来访者${index + 1}`, sentOn: '2026-11-02', target: '区精神卫生中心' }));
    const api = fakeApi({ 'dashboard.today': () => ({ ...today, referralsAwaitingReceipt }) as never });
    const { wrapper } = await mountScreen(TodayCard, { api, pattern: '/', path: '/' });
    expect(wrapper.findAll('.el-alert')).toHaveLength(8);
    const more = wrapper.find('[data-testid="today-more-referrals"]');
    expect(more.text()).toBe('还有 4 条转介待回执，全部显示');
    await more.trigger('click');
    expect(wrapper.findAll('.el-alert')).toHaveLength(12);
    expect(wrapper.find('[data-testid="today-more-referrals"]').exists()).toBe(false);
  });
});

describe('the home page asks for the today card’s data as it opens (issue 15)', () => {
  it('once, before the page’s own calls and the cards’ code: each card shows the answer the page asked for', async () => {
    const pinia = createPinia();
    pinia.state.value.session = { status: null, current: { user: { id: 2, username: 'lizixun', displayName: '李咨询', role: 'counsellor' }, idleLockMinutes: 5 } };
    const api = fakeApi({
      'dashboard.today': () => today as never,
      'station.get': () => null as never,
      'system.about': () => ({ demo: false, lastBackupAt: null, cipher: 'sqlcipher' }) as never,
      'appointments.list': () => [{ id: 1, start: '2026-12-02T09:00', end: '2026-12-02T09:50', who: '张三', counsellorName: '李咨询', roomName: '咨询室一', type: 'individual', status: 'booked' }] as never,
    });
    const { wrapper } = await mountScreen(HomeView, { api, pattern: '/', path: '/', pinia });
    // The cards' code arrives in chunks of its own: wait for it as the browser would (on a busy machine it takes longer
    // than any fixed pause).
    await vi.waitFor(
      async () => {
        await flushPromises();
        expect(wrapper.find('[data-testid="today-unsigned"]').exists()).toBe(true);
        expect(wrapper.find('[data-testid="today-schedule"]').text()).toContain('张三');
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(api.methods().slice(0, 2)).toEqual(['dashboard.today', 'appointments.list']);
    expect(api.methods().filter((method) => method === 'dashboard.today')).toHaveLength(1);
    // A counsellor's home shows their own bookings.
    expect(api.inputsOf('appointments.list')).toEqual([expect.objectContaining({ counsellorId: 2 })]);
  });
});
