import type { ClientCard, FeatureRoute, HomeCard } from '../feature.js';

/**
 * The station's ledgers (台账), one heading in the side menu. Every staff role reads them (reception without what core
 * keeps clinical); the screens offer writing only where core allows it.
 */
export const routes: readonly FeatureRoute[] = [
  { path: 'activities', component: () => import('./views/ActivitiesView.vue'), menu: { label: 'activities.nav', order: 81, group: 'ledgers.nav' } },
  { path: 'activities/:id(\\d+)', component: () => import('./views/ActivityView.vue') },
  { path: 'groups', component: () => import('./views/GroupsView.vue'), menu: { label: 'groups.nav', order: 82, group: 'ledgers.nav' } },
  { path: 'groups/:id(\\d+)', component: () => import('./views/GroupView.vue') },
  { path: 'visits', component: () => import('./views/VisitsView.vue'), menu: { label: 'visits.nav', order: 83, group: 'ledgers.nav' } },
  { path: 'visits/:id(\\d+)', component: () => import('./views/VisitView.vue') },
  { path: 'calls', component: () => import('./views/CallsView.vue'), menu: { label: 'calls.nav', order: 84, group: 'ledgers.nav' } },
  { path: 'calls/:id(\\d+)', component: () => import('./views/CallView.vue') },
  { path: 'duty', component: () => import('./views/DutyView.vue'), menu: { label: 'duty.nav', order: 85, group: 'ledgers.nav' } },
  { path: 'meetings', component: () => import('./views/MeetingsView.vue'), menu: { label: 'meetings.nav', order: 86, group: 'ledgers.nav' } },
  { path: 'meetings/:id(\\d+)', component: () => import('./views/MeetingView.vue') },
  { path: 'people', component: () => import('./views/PeopleView.vue'), menu: { label: 'people.nav', order: 87, group: 'ledgers.nav' } },
  { path: 'people/:id(\\d+)', component: () => import('./views/PersonView.vue') },
  { path: 'rules', component: () => import('./views/RulesView.vue'), menu: { label: 'rules.nav', order: 88, group: 'ledgers.nav' } },
  { path: 'rules/:id(\\d+)', component: () => import('./views/RuleView.vue') },
  { path: 'surveys', component: () => import('./views/SurveysView.vue'), menu: { label: 'surveys.nav', order: 89, group: 'ledgers.nav' } },
  { path: 'surveys/:id(\\d+)', component: () => import('./views/SurveyView.vue') },
];

/** The 站长's reminder of certificates about to expire (人员台账), above the station's details. */
export const homeCards: readonly HomeCard[] = [{ order: 30, roles: ['admin'], component: () => import('./components/ExpiringCard.vue') }];

/** A client's hotline calls on the client page, for the roles core lists them to (the 站长, counsellors reaching the client). */
export const clientCards: readonly ClientCard[] = [{ order: 10, roles: ['admin', 'counsellor'], component: () => import('./components/ClientCallsCard.vue') }];
