import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '../../shared/api/access.js';
import { useSessionStore } from './shared/stores/session.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean;
    /** Roles that see this page; core enforces the same rule on every call behind it. */
    roles?: readonly Role[];
    /** The resident kiosk: reached with a kiosk token, never the workbench. */
    kiosk?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/setup', component: () => import('./features/foundation/views/SetupWizard.vue'), meta: { public: true } },
  { path: '/login', component: () => import('./features/foundation/views/LoginView.vue'), meta: { public: true } },
  { path: '/recover', component: () => import('./features/foundation/views/RecoverView.vue'), meta: { public: true } },
  { path: '/problem', component: () => import('./features/foundation/views/ProblemView.vue'), meta: { public: true } },
  { path: '/kiosk', component: () => import('./features/kiosk/views/KioskView.vue'), meta: { public: true, kiosk: true } },
  { path: '/change-password', component: () => import('./features/foundation/views/ChangePasswordView.vue') },
  {
    path: '/',
    component: () => import('./layouts/WorkbenchShell.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./features/foundation/views/HomeView.vue') },
      { path: 'appointments', component: () => import('./features/appointments/views/AppointmentsView.vue') },
      { path: 'clients', component: () => import('./features/caseFiles/views/ClientsView.vue') },
      { path: 'clients/:id(\\d+)', component: () => import('./features/caseFiles/views/ClientView.vue') },
      { path: 'cases', component: () => import('./features/caseFiles/views/CasesView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      { path: 'cases/:id(\\d+)', component: () => import('./features/caseFiles/views/CaseView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      {
        path: 'cases/:caseId(\\d+)/sessions/:sessionId(\\d+|new)',
        component: () => import('./features/caseFiles/views/SessionEditor.vue'),
        meta: { roles: ['admin', 'counsellor'] },
      },
      { path: 'crises', component: () => import('./features/caseFiles/views/CrisesView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      { path: 'crises/:id(\\d+)', component: () => import('./features/caseFiles/views/CrisisView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      { path: 'screenings', component: () => import('./features/scales/views/ScreeningsView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      { path: 'alerts', component: () => import('./features/scales/views/AlertsView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      { path: 'follow-ups', component: () => import('./features/caseFiles/views/FollowUpsView.vue'), meta: { roles: ['admin', 'counsellor'] } },
      { path: 'users', component: () => import('./features/foundation/views/UsersView.vue'), meta: { roles: ['admin'] } },
      { path: 'audit', component: () => import('./features/foundation/views/AuditView.vue'), meta: { roles: ['admin'] } },
      { path: 'settings', component: () => import('./features/foundation/views/SettingsView.vue') },
    ],
  },
  { path: '/:unknown(.*)*', redirect: '/' },
];

/** The phase decides the first screen: setup, the problem page, the lock screen, or the workbench. */
export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach(async (to) => {
    // A kiosk window talks only to kiosk methods; it never asks for the station's status.
    if (to.meta.kiosk) return true;
    const session = useSessionStore();
    const status = session.status ?? (await session.refreshStatus());
    if (status.phase === 'setup') return to.path === '/setup' ? true : '/setup';
    if (status.phase === 'error') return to.path === '/problem' ? true : '/problem';
    if (to.path === '/setup' || to.path === '/problem') return session.user ? '/' : '/login';
    if (to.meta.public) return session.user && to.path !== '/setup' ? '/' : true;
    if (!session.user) return '/login';
    if (session.user.mustChangePassword && to.path !== '/change-password') return '/change-password';
    const allowed = to.matched.every((record) => !record.meta.roles || record.meta.roles.includes(session.user!.role));
    return allowed ? true : '/';
  });
  return router;
}
