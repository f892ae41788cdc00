import { accountRoles } from '../../../../shared/api/access.js';
import type { FeatureRoute } from '../feature.js';

/**
 * The checklist page and its inspections: every account reads them, an inspector too (core holds an inspector to its
 * own inspection and enforces who fills what).
 */
export const routes: readonly FeatureRoute[] = [
  { path: 'checklist', roles: accountRoles, component: () => import('./views/ChecklistView.vue'), menu: { label: 'checklist.nav', order: 80 } },
  { path: 'inspections', roles: accountRoles, component: () => import('./views/InspectionsView.vue'), menu: { label: 'inspections.nav', order: 80.5 } },
  { path: 'inspections/:id(\\d+)', roles: accountRoles, component: () => import('./views/InspectionView.vue') },
];
