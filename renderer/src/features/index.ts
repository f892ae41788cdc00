import { defineAsyncComponent } from 'vue';
import type { Role } from '../../../shared/api/access.js';
import appointments from './appointments/index.js';
import caseFiles from './caseFiles/index.js';
import checklist from './checklist/index.js';
import district from './district/index.js';
import { allows, type ClientCard, type Feature, type HomeCard, type SettingsTab } from './feature.js';
import foundation from './foundation/index.js';
import kiosk from './kiosk/index.js';
import ledgers from './ledgers/index.js';
import reports from './reports/index.js';
import scales from './scales/index.js';

/**
 * The renderer's feature list: the router, the side menu, the settings tabs, the home page cards, the
 * cards other features add to the client page and the messages are all read from it.
 *
 * Rule: adding a feature touches only its own folder, features/<name>/ (views/, components/, store.ts,
 * routes.ts, i18n/zh-CN.ts + en.ts, index.ts), plus its line in this list (and the import above it).
 * Code two features use lives in renderer/src/shared/; a feature may use another's components or
 * store, never its views, routes or messages files, and never in a cycle (tests/unit/shared/layering.test.ts).
 */
export const features: readonly Feature[] = [foundation, caseFiles, scales, kiosk, appointments, ledgers, checklist, reports, district];

const byOrder = <T extends { order: number }>(items: T[]): T[] => items.sort((a, b) => a.order - b.order);

/** Side menu entries of every feature, in menu order. */
export const menuEntries = () =>
  byOrder(
    features.flatMap((feature) =>
      feature.routes.flatMap((route) =>
        route.menu ? [{ path: `/${route.path}`, label: route.menu.label, order: route.menu.order, group: route.menu.group, roles: route.roles }] : [],
      ),
    ),
  );

export type MenuEntry = ReturnType<typeof menuEntries>[number];
export type MenuItem = Readonly<{ kind: 'page'; entry: MenuEntry }> | Readonly<{ kind: 'group'; label: string; entries: MenuEntry[] }>;

/** The side menu as shown: pages in order, a group's pages gathered under its heading where its first page falls. */
export function menuTree(entries: readonly MenuEntry[]): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuEntry[]>();
  for (const entry of entries) {
    if (!entry.group) {
      items.push({ kind: 'page', entry });
      continue;
    }
    const members = groups.get(entry.group);
    if (members) {
      members.push(entry);
      continue;
    }
    const created = [entry];
    groups.set(entry.group, created);
    items.push({ kind: 'group', label: entry.group, entries: created });
  }
  return items;
}

export const settingsTabs = (): SettingsTab[] => byOrder(features.flatMap((feature) => feature.settingsTabs ?? []));

export const homeCards = (): HomeCard[] => byOrder(features.flatMap((feature) => feature.homeCards ?? []));

export const clientCards = (): ClientCard[] => byOrder(features.flatMap((feature) => feature.clientCards ?? []));

/** The cards of a page this role may see, each loaded when first shown. */
export const shownCards = (cards: readonly HomeCard[], role: Role | null) =>
  cards.filter((card) => allows(card.roles, role)).map((card) => ({ order: card.order, view: defineAsyncComponent(card.component), load: card.load }));
