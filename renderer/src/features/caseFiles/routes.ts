import type { FeatureRoute, HomeCard } from '../feature.js';

const clinical = ['admin', 'counsellor'] as const;

/** Clients, cases and their sessions, follow-ups and crises. */
export const routes: readonly FeatureRoute[] = [
  { path: 'clients', component: () => import('./views/ClientsView.vue'), menu: { label: 'caseFiles.navClients', order: 30 } },
  { path: 'clients/:id(\\d+)', component: () => import('./views/ClientView.vue') },
  { path: 'cases', roles: clinical, component: () => import('./views/CasesView.vue'), menu: { label: 'caseFiles.navCases', order: 40 } },
  { path: 'cases/:id(\\d+)', roles: clinical, component: () => import('./views/CaseView.vue') },
  { path: 'cases/:caseId(\\d+)/sessions/:sessionId(\\d+|new)', roles: clinical, component: () => import('./views/SessionEditor.vue') },
  { path: 'follow-ups', roles: clinical, component: () => import('./views/FollowUpsView.vue'), menu: { label: 'caseFiles.navFollowUps', order: 50 } },
  { path: 'crises', roles: clinical, component: () => import('./views/CrisesView.vue'), menu: { label: 'crises.nav', order: 60 } },
  { path: 'crises/:id(\\d+)', roles: clinical, component: () => import('./views/CrisisView.vue') },
];

/** What needs doing today, first on the home page. */
export const homeCards: readonly HomeCard[] = [{ order: 10, roles: clinical, component: () => import('./components/TodayCard.vue'), load: (api) => api.call('dashboard.today', {}) }];
