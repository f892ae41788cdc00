import type { VueWrapper } from '@vue/test-utils';
import { ElFormItem, ElSelect } from 'element-plus';
import { createPinia } from 'pinia';
import type { Role } from '../../../../shared/api/access.js';

/** The ledger screens' test users: one per account role (an inspector let in for an inspection too). */
export const ledgerUsers = {
  admin: { id: 1, displayName: '王站长' },
  counsellor: { id: 2, displayName: '李伟' },
  reception: { id: 3, displayName: '前台小周' },
  inspector: { id: 4, displayName: '检查员老张' },
} as const;

/** A pinia whose session store holds this role's user, as after a login. */
export function loggedInAs(role: Exclude<Role, 'kiosk'>) {
  const pinia = createPinia();
  const user = { ...ledgerUsers[role], username: role, role, disabled: false, mustChangePassword: false, createdAt: '2026-11-01T01:00:00.000Z', lastLoginAt: null, accessUntil: role === 'inspector' ? '2026-12-31' : null, keySlot: 'current' as const };
  pinia.state.value.session = { status: null, current: { user, idleLockMinutes: 5 } };
  return pinia;
}

/** The message each form field shows, by its label (Element Plus renders it through a transition the tests stub). */
export function fieldErrors(wrapper: VueWrapper): Record<string, string> {
  const items = wrapper.findAllComponents(ElFormItem).filter((item) => item.props('error'));
  return Object.fromEntries(items.map((item) => [String(item.props('label')), String(item.props('error'))]));
}

/** The Element Plus select carrying this data-testid. */
export function selectByTestid(wrapper: VueWrapper, testid: string) {
  const found = wrapper.findAllComponents(ElSelect).find((component) => component.attributes('data-testid') === testid);
  if (!found) throw new Error(`no select ${testid}`);
  return found;
}
