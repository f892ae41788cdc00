import { describe, expect, it } from 'vitest';
import AuditView from '../../../renderer/src/features/foundation/views/AuditView.vue';
import { fakeApi } from './support/fakeApi.js';
import { mountScreen } from './support/mountScreen.js';

const user = { id: 3, username: 'qiantai', displayName: '赵前台', role: 'reception' as const, disabled: false, mustChangePassword: false, createdAt: '2026-11-23T01:00:00.000Z', lastLoginAt: null, accessUntil: null, keySlot: 'current' as const };
const row = (seq: number, action: string, objectType: string, detail: Record<string, string | number | boolean>) => ({
  seq,
  at: '2026-11-23T02:00:00.000Z',
  actorId: 3,
  actorName: 'qiantai',
  action,
  objectType,
  objectId: '60',
  result: 'success' as const,
  detail,
});

/** What a 站长 hands an inspector: Chinese labels, people by name, no codes. */
describe('the audit screen', () => {
  it('shows bookings in words: actions, objects, details and people by display name', async () => {
    const api = fakeApi({
      'users.list': () => [user],
      'audit.list': () => ({
        rows: [
          row(2, 'appointments.move', 'appointment', { startBefore: '2026-12-07T09:00', startAfter: '2026-12-07T14:00' }),
          row(1, 'appointments.create', 'appointment', { overridden: false }),
        ],
        total: 2,
        actions: ['appointments.create', 'appointments.move'],
      }),
    });
    const { wrapper } = await mountScreen(AuditView, { api, pattern: '/audit', path: '/audit' });
    const text = wrapper.text();
    expect(text).toContain('新建预约');
    expect(text).toContain('改约');
    expect(text).toContain('预约 60');
    expect(text).toContain('原时间：2026-12-07 09:00；新时间：2026-12-07 14:00');
    expect(text).toContain('越过开放时间：否');
    expect(text).toContain('赵前台');
    expect(text).not.toMatch(/appointments\.|overridden|原咨询师|qiantai/);
  });
});
