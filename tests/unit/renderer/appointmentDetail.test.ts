import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import AppointmentDetailDialog from '../../../renderer/src/features/appointments/components/AppointmentDetailDialog.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index.js';
import type { AppointmentRecord } from '../../../shared/api/schemas/appointments.js';
import { useSessionStore } from '../../../renderer/src/shared/stores/session.js';
import { booking } from './support/bookings.js';
import { fakeApi } from './support/fakeApi.js';

enableAutoUnmount(afterEach);

async function mountDetail(record: AppointmentRecord, pinia = createPinia()) {
  const api = fakeApi({ 'appointments.noShows': () => ({ clientId: 7, noShows: 0 }) });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
  mount(AppointmentDetailDialog, {
    attachTo: document.body,
    props: { record, counsellors: [{ id: 2, displayName: '李咨询' }], rooms: [{ id: 1, name: '咨询室一' }] },
    global: { plugins: [createAppI18n('zh-CN'), pinia, router, api.plugin] },
  });
  await flushPromises();
  return (testId: string) => document.body.querySelector(`[data-testid="${testId}"]`);
}

/** Issue 9: a counsellor is not offered what core refuses them (another counsellor's booking). */
describe('the booking detail dialog', () => {
  it('offers check-in, 改约, the slip and cancel on a booking the viewer may change', async () => {
    const find = await mountDetail(booking);
    expect(find('appointment-checkin')).not.toBeNull();
    expect(find('appointment-reschedule')).not.toBeNull();
    expect(find('appointment-print')).not.toBeNull();
    expect(document.body.textContent).toContain('取消预约');
    expect(find('appointment-not-yours')).toBeNull();
  });

  it('offers nothing but a sentence on another counsellor’s booking', async () => {
    const find = await mountDetail({ ...booking, clientId: null, who: '（其他咨询师的来访者）', phone: '', mayChange: false, mayComplete: false });
    for (const action of ['appointment-checkin', 'appointment-reschedule', 'appointment-print', 'appointment-complete', 'appointment-link']) expect(find(action)).toBeNull();
    expect(document.body.textContent).not.toContain('取消预约');
    expect(find('appointment-not-yours')!.textContent).toContain('只有其本人、站长或前台');
  });

  it('offers 完成 only where core accepts it, and otherwise says to open a case first', async () => {
    // The dialog's store is made inside it (it needs the api); the viewer becomes a counsellor right after.
    const asCounsellor = async (record: AppointmentRecord) => {
      const pinia = createPinia();
      const find = await mountDetail(record, pinia);
      useSessionStore(pinia).current = { user: { id: 2, username: 'zixun1', displayName: '李咨询', role: 'counsellor', mustChangePassword: false } } as never;
      await flushPromises();
      return find;
    };
    const offered = await asCounsellor(booking);
    expect(offered('appointment-complete')).not.toBeNull();
    expect(offered('appointment-needs-case')).toBeNull();
    document.body.innerHTML = '';
    const refused = await asCounsellor({ ...booking, mayComplete: false });
    expect(refused('appointment-complete')).toBeNull();
    expect(refused('appointment-needs-case')!.textContent).toContain('李咨询与该来访者还没有在案个案');
  });
});
