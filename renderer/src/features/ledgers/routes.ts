import type { FeatureRoute } from '../feature.js';

/**
 * The station's ledgers (台账). The activities ledger is read by every staff role (reception without the
 * roster's names, as core answers); the screens offer writing only where core allows it.
 */
export const routes: readonly FeatureRoute[] = [
  { path: 'activities', component: () => import('./views/ActivitiesView.vue'), menu: { label: 'activities.nav', order: 85, group: 'ledgers.nav' } },
  { path: 'activities/:id(\\d+)', component: () => import('./views/ActivityView.vue') },
  { path: 'calls', component: () => import('./views/CallsView.vue'), menu: { label: 'calls.nav', order: 86, group: 'ledgers.nav' } },
  { path: 'calls/:id(\\d+)', component: () => import('./views/CallView.vue') },
  { path: 'duty', component: () => import('./views/DutyView.vue'), menu: { label: 'duty.nav', order: 87, group: 'ledgers.nav' } },
  { path: 'visits', component: () => import('./views/VisitsView.vue'), menu: { label: 'visits.nav', order: 88, group: 'ledgers.nav' } },
  { path: 'visits/:id(\\d+)', component: () => import('./views/VisitView.vue') },
];
