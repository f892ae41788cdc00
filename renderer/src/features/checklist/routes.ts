import type { FeatureRoute } from '../feature.js';

/** The checklist page: every staff role sees where the station stands; the 站长 fills it (core enforces the same). */
export const routes: readonly FeatureRoute[] = [{ path: 'checklist', component: () => import('./views/ChecklistView.vue'), menu: { label: 'checklist.nav', order: 80 } }];
