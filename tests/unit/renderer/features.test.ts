import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/access.js';
import { allows } from '../../../renderer/src/features/feature.js';
import { clientCards, features, homeCards, menuEntries, menuTree, settingsTabs } from '../../../renderer/src/features/index.js';
import { createAppRouter } from '../../../renderer/src/router.js';

/** The feature list drives the side menu, the settings tabs, the home cards and the router. */
const menuFor = (role: Role) => menuEntries().filter((entry) => allows(entry.roles, role)).map((entry) => entry.path);
const tabsFor = (role: Role) => settingsTabs().filter((tab) => allows(tab.roles, role)).map((tab) => tab.name);

describe('feature list', () => {
  it('the side menu shows each role its pages, in the workbench order', () => {
    expect(menuFor('admin')).toEqual(['/', '/appointments', '/clients', '/cases', '/follow-ups', '/crises', '/alerts', '/kiosk-results', '/screenings', '/checklist', '/inspections', '/reports', '/activities', '/groups', '/visits', '/calls', '/duty', '/meetings', '/people', '/rules', '/surveys', '/district', '/district-stations', '/users', '/audit', '/settings']);
    expect(menuFor('counsellor')).toEqual(['/', '/appointments', '/clients', '/cases', '/follow-ups', '/crises', '/alerts', '/kiosk-results', '/screenings', '/checklist', '/inspections', '/activities', '/groups', '/visits', '/calls', '/duty', '/meetings', '/people', '/rules', '/surveys', '/settings']);
    expect(menuFor('reception')).toEqual(['/', '/appointments', '/clients', '/checklist', '/inspections', '/activities', '/groups', '/visits', '/calls', '/duty', '/meetings', '/people', '/rules', '/surveys', '/settings']);
    // An inspector let in for one inspection sees the checklist and its inspection, nothing of the station's own pages.
    expect(menuFor('inspector')).toEqual(['/checklist', '/inspections']);
  });

  it('the ledgers sit under one 台账 heading where the first of them falls', () => {
    const shown = menuTree(menuEntries().filter((entry) => allows(entry.roles, 'reception')));
    expect(shown.map((item) => (item.kind === 'page' ? item.entry.path : [item.label, item.entries.map((entry) => entry.path)]))).toEqual([
      '/',
      '/appointments',
      '/clients',
      '/checklist',
      '/inspections',
      ['ledgers.nav', ['/activities', '/groups', '/visits', '/calls', '/duty', '/meetings', '/people', '/rules', '/surveys']],
      '/settings',
    ]);
  });

  it('settings tabs and home cards follow their declared order and roles', () => {
    expect(tabsFor('admin')).toEqual(['station', 'security', 'appointments', 'scales', 'dictionaries', 'reports', 'backup', 'forms', 'about', 'language']);
    expect(tabsFor('counsellor')).toEqual(['station', 'appointments', 'forms', 'about', 'language']);
    expect(tabsFor('reception')).toEqual(['station', 'forms', 'about', 'language']);
    expect(homeCards().map((card) => allows(card.roles, 'reception'))).toEqual([false, true, false]);
    // The hotline ledger's calls on the client page: for the roles core lists a client's calls to.
    expect(clientCards().map((card) => (['admin', 'counsellor', 'reception'] as const).filter((role) => allows(card.roles, role)))).toEqual([['admin', 'counsellor']]);
  });

  it('the router has every feature page, with the roles declared beside it', () => {
    const router = createAppRouter();
    const route = (path: string) => router.getRoutes().find((record) => record.path === path);
    expect(route('/cases/:caseId(\\d+)/sessions/:sessionId(\\d+|new)')?.meta.roles).toEqual(['admin', 'counsellor']);
    expect(route('/users')?.meta.roles).toEqual(['admin']);
    expect(route('/kiosk')?.meta).toMatchObject({ public: true, kiosk: true });
    expect(route('/login')?.meta).toMatchObject({ public: true });
    expect(route('/change-password')?.meta.public).toBeUndefined();
    expect(route('/clients')?.meta.roles).toBeUndefined();
    expect(route('/inspections/:id(\\d+)')?.meta.roles).toEqual(['admin', 'counsellor', 'reception', 'inspector']);
    expect(route('/reports')?.meta.roles).toEqual(['admin']);
    const pages = features.flatMap((feature) => feature.routes).length;
    expect(router.getRoutes().filter((record) => record.components?.default && record.children.length === 0)).toHaveLength(pages);
  });
});
