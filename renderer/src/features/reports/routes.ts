import type { FeatureRoute, SettingsTab } from '../feature.js';

/** 定期上报 is the 站长's (core's reports.* are adminOnly); placed after 检查与整改 and before the 台账 group. */
export const routes: readonly FeatureRoute[] = [{ path: 'reports', roles: ['admin'], component: () => import('./views/ReportsView.vue'), menu: { label: 'reports.nav', order: 80.8 } }];

/** 上报设置: the indicator set in use (a district's version once imported) and the shared copies' threshold. */
export const settingsTabs: readonly SettingsTab[] = [{ name: 'reports', label: 'reports.settings.tab', order: 55, roles: ['admin'], lazy: true, component: () => import('./components/ReportSettingsPanel.vue') }];
