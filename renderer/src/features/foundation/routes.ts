import { accountRoles } from '../../../../shared/api/access.js';
import type { FeatureRoute, SettingsTab } from '../feature.js';

/** First run, the lock screen and the station's administration; the workbench's home page. */
export const routes: readonly FeatureRoute[] = [
  { path: '/setup', standalone: true, public: true, component: () => import('./views/SetupWizard.vue') },
  { path: '/login', standalone: true, public: true, component: () => import('./views/LoginView.vue') },
  { path: '/recover', standalone: true, public: true, component: () => import('./views/RecoverView.vue') },
  { path: '/problem', standalone: true, public: true, component: () => import('./views/ProblemView.vue') },
  { path: '/change-password', standalone: true, roles: accountRoles, component: () => import('./views/ChangePasswordView.vue') },
  { path: '', name: 'home', component: () => import('./views/HomeView.vue'), menu: { label: 'nav.home', order: 10 } },
  { path: 'users', roles: ['admin'], component: () => import('./views/UsersView.vue'), menu: { label: 'nav.users', order: 90 } },
  { path: 'audit', roles: ['admin'], component: () => import('./views/AuditView.vue'), menu: { label: 'nav.audit', order: 100 } },
  { path: 'settings', component: () => import('./views/SettingsView.vue'), menu: { label: 'nav.settings', order: 110 } },
];

export const settingsTabs: readonly SettingsTab[] = [
  { name: 'station', label: 'settings.tabStation', order: 10, component: () => import('./components/StationPanel.vue') },
  { name: 'security', label: 'settings.tabSecurity', order: 20, roles: ['admin'], component: () => import('./components/SecurityPanel.vue') },
  { name: 'dictionaries', label: 'dictionaries.title', order: 50, roles: ['admin'], lazy: true, component: () => import('./components/DictionaryPanel.vue') },
  { name: 'backup', label: 'settings.tabBackup', order: 60, roles: ['admin'], lazy: true, component: () => import('./components/BackupPanel.vue') },
  { name: 'forms', label: 'forms.tab', order: 65, lazy: true, component: () => import('./components/FormsPanel.vue') },
  { name: 'about', label: 'settings.tabAbout', order: 70, lazy: true, component: () => import('./components/AboutPanel.vue') },
  { name: 'language', label: 'settings.tabLanguage', order: 80, component: () => import('./components/LanguagePanel.vue') },
];
