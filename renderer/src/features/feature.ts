import type { Component } from 'vue';
import { staffRoles, type Role } from '../../../shared/api/access.js';
import type { ApiClient } from '../api/client.js';

/** A screen or panel loaded when first shown, so the app starts without every feature's code. */
export type Loader = () => Promise<{ default: Component }>;

/**
 * One page of a feature, declared once: the router makes the route from it and the side menu its
 * entry, both with the same roles (core enforces the same rule on every call behind the page).
 */
export type FeatureRoute = Readonly<{
  /** Below the workbench ('clients', 'cases/:id(\\d+)'); a standalone page gives its full path ('/login'). */
  path: string;
  component: Loader;
  name?: string;
  /** Roles that reach the page and see its menu entry; absent, every staff role (an inspector only where named). */
  roles?: readonly Role[];
  /** Outside the workbench frame: setup, the lock screen, the kiosk … */
  standalone?: boolean;
  /** Reachable without a session. */
  public?: boolean;
  /** The resident kiosk: reached with a kiosk token, never the workbench. */
  kiosk?: boolean;
  /**
   * An entry in the side menu: an i18n key, placed by `order` among every feature's entries. Entries with the
   * same `group` (the group's i18n key, e.g. 'ledgers.nav' for 台账) sit together under one heading, placed where
   * the group's first entry would be.
   */
  menu?: Readonly<{ label: string; order: number; group?: string }>;
}>;

/** A tab of the settings page, placed by `order` among every feature's tabs. */
export type SettingsTab = Readonly<{ name: string; label: string; order: number; roles?: readonly Role[]; lazy?: boolean; component: Loader }>;

/**
 * A card another feature adds to a client's records on the client page (given the client's id as `clientId`),
 * placed by `order`; shown only where the page shows records, to the roles named.
 */
export type ClientCard = Readonly<{ order: number; roles?: readonly Role[]; component: Loader }>;

/**
 * A card on the home page above the station's details, placed by `order`. `load` asks core for what the card shows
 * as the page opens, beside the card's code rather than after it and the page's first render (issue 15: the today
 * card's call waited about 300 ms for both after unlocking); the card gets the answer's promise as its `loaded` prop.
 */
export type HomeCard = ClientCard & Readonly<{ load?: (api: ApiClient, viewer: HomeViewer) => Promise<unknown> }>;

/** Who the home page is shown to (a card's data may depend on it: a counsellor's own bookings). */
export type HomeViewer = Readonly<{ role: Role | null; userId: number | null }>;

/** Message trees of one feature, one per language, with the same keys. */
export type MessageTree = { [key: string]: string | MessageTree };
export type FeatureMessages = Readonly<{ 'zh-CN': MessageTree; en: MessageTree }>;

export type Feature = Readonly<{
  name: string;
  routes: readonly FeatureRoute[];
  settingsTabs?: readonly SettingsTab[];
  homeCards?: readonly HomeCard[];
  clientCards?: readonly ClientCard[];
  messages: FeatureMessages;
}>;

export const defineFeature = (feature: Feature): Feature => feature;

/** Whether a role may see a page, tab or card declared with `roles` (absent: every staff role, not an inspector). */
export function allows(roles: readonly Role[] | undefined, role: Role | null): boolean {
  return role !== null && (roles ?? staffRoles).includes(role);
}

/** Where a role's workbench starts: an inspector's at its inspection list, staff at the home page. */
export const homeOf = (role: Role): string => (role === 'inspector' ? '/inspections' : '/');
