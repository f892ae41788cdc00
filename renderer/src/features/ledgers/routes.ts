import type { FeatureRoute, HomeCard } from '../feature.js';

/**
 * The station's ledgers (台账). The activities ledger is read by every staff role (reception without the
 * roster's names, as core answers); the screens offer writing only where core allows it.
 */
export const routes: readonly FeatureRoute[] = [
  { path: 'activities', component: () => import('./views/ActivitiesView.vue'), menu: { label: 'activities.nav', order: 85, group: 'ledgers.nav' } },
  { path: 'activities/:id(\\d+)', component: () => import('./views/ActivityView.vue') },
  { path: 'calls', component: () => import('./views/CallsView.vue'), menu: { label: 'calls.nav', order: 86, group: 'ledgers.nav' } },
  { path: 'calls/:id(\\d+)', component: () => import('./views/CallView.vue') },
  { path: 'meetings', component: () => import('./views/MeetingsView.vue'), menu: { label: 'meetings.nav', order: 87, group: 'ledgers.nav' } },
  { path: 'meetings/:id(\\d+)', component: () => import('./views/MeetingView.vue') },
  { path: 'rules', component: () => import('./views/RulesView.vue'), menu: { label: 'rules.nav', order: 88, group: 'ledgers.nav' } },
  { path: 'rules/:id(\\d+)', component: () => import('./views/RuleView.vue') },
  { path: 'people', component: () => import('./views/PeopleView.vue'), menu: { label: 'people.nav', order: 89, group: 'ledgers.nav' } },
  { path: 'people/:id(\\d+)', component: () => import('./views/PersonView.vue') },
];

/** The 站长's reminder of certificates about to expire (人员台账), above the station's details. */
export const homeCards: readonly HomeCard[] = [{ order: 30, roles: ['admin'], component: () => import('./components/ExpiringCard.vue') }];
