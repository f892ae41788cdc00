import type { FeatureRoute } from '../feature.js';

/** The resident kiosk screen: its own window, a kiosk token, no workbench. */
export const routes: readonly FeatureRoute[] = [{ path: '/kiosk', standalone: true, public: true, kiosk: true, component: () => import('./views/KioskView.vue') }];
