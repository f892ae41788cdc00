import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '../../shared/api/access.js';
import { allows, homeOf, type FeatureRoute } from './features/feature.js';
import { features } from './features/index.js';
import { useSessionStore } from './shared/stores/session.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean;
    /** Roles that see this page; core enforces the same rule on every call behind it. */
    roles?: readonly Role[];
    /** The resident kiosk: reached with a kiosk token, never the workbench. */
    kiosk?: boolean;
    /** A page of its own (setup, login, kiosk): App gives it the `main` landmark the workbench shell gives the rest. */
    standalone?: boolean;
    /** The workbench frame around every staff and inspector page. */
    frame?: boolean;
  }
}

function record(route: FeatureRoute): RouteRecordRaw {
  const meta = {
    ...(route.public ? { public: true } : {}),
    ...(route.kiosk ? { kiosk: true } : {}),
    ...(route.roles ? { roles: route.roles } : {}),
    ...(route.standalone ? { standalone: true } : {}),
  };
  return { path: route.path, component: route.component, meta, ...(route.name ? { name: route.name } : {}) };
}

/** Every feature's pages: standalone ones at the top, the rest inside the workbench frame. */
function routes(): RouteRecordRaw[] {
  const all = features.flatMap((feature) => feature.routes);
  return [
    ...all.filter((route) => route.standalone).map(record),
    { path: '/', component: () => import('./layouts/WorkbenchShell.vue'), meta: { frame: true }, children: all.filter((route) => !route.standalone).map(record) },
    { path: '/:unknown(.*)*', redirect: '/' },
  ];
}

/** The phase decides the first screen: setup, the problem page, the lock screen, or the workbench. */
export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes: routes() });
  router.beforeEach(async (to) => {
    // A kiosk window talks only to kiosk methods; it never asks for the station's status.
    if (to.meta.kiosk) return true;
    const session = useSessionStore();
    const status = session.status ?? (await session.refreshStatus());
    if (status.phase === 'setup') return to.path === '/setup' ? true : '/setup';
    if (status.phase === 'error') return to.path === '/problem' ? true : '/problem';
    if (to.path === '/setup' || to.path === '/problem') return session.user ? '/' : '/login';
    if (to.meta.public) return session.user && to.path !== '/setup' ? '/' : true;
    // A reload drops the in-memory session: after logging in again, return to the page that was open.
    if (!session.user) return to.path === '/' ? '/login' : { path: '/login', query: { next: to.fullPath } };
    if (session.user.mustChangePassword && to.path !== '/change-password') return '/change-password';
    // A page no role is named for belongs to the staff; the frame itself is every account's.
    const role = session.user.role;
    const allowed = to.matched.every((record) => record.meta.frame === true || allows(record.meta.roles, role));
    return allowed ? true : to.path === homeOf(role) ? false : homeOf(role);
  });
  return router;
}
