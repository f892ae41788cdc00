import type { FeatureRoute, SettingsTab } from '../feature.js';

const clinical = ['admin', 'counsellor'] as const;

/** Critical-result alerts (with the kiosk card), the day's kiosk results, group screenings and the station's scale library. */
export const routes: readonly FeatureRoute[] = [
  { path: 'alerts', roles: clinical, component: () => import('./views/AlertsView.vue'), menu: { label: 'alerts.nav', order: 70 } },
  { path: 'kiosk-results', roles: clinical, component: () => import('./views/KioskResultsView.vue'), menu: { label: 'kioskResults.nav', order: 75 } },
  { path: 'screenings', roles: clinical, component: () => import('./views/ScreeningsView.vue'), menu: { label: 'screenings.nav', order: 80 } },
];

export const settingsTabs: readonly SettingsTab[] = [
  { name: 'scales', label: 'scaleLibrary.title', order: 40, roles: ['admin'], lazy: true, component: () => import('./components/ScaleLibraryPanel.vue') },
];
