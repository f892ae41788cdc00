import type { RouteRecordNormalized, Router } from 'vue-router';
import type { Role } from '../../../shared/api/access.js';
import { allows } from '../features/feature.js';

type LazyPage = () => Promise<unknown>;

/** A route's page when its code is loaded on demand (a page imported up front has nothing to load). */
const lazyPage = (record: RouteRecordNormalized): LazyPage[] => {
  const page = record.components?.default;
  return typeof page === 'function' ? [page as LazyPage] : [];
};

/** The browser's idle callback, or a short timer where there is none (a test's DOM). */
const whenIdle = (work: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(work) : setTimeout(work, 50));

/** Begun this long after the workbench appears: its first page loads and draws first (as core's report read-ahead waits). */
export const prefetchDelayMs = 2_000;

/**
 * Loads the code of every workbench page this role may open, one page at a time while the browser is idle: a page's
 * first opening after an unlock then waits for its data only (issue 15: a client's page first opened took 283–571 ms on
 * the ten-year station, 129–192 ms with its code already loaded). Code only: what a page shows still comes through core.
 */
export function prefetchPages(router: Router, role: Role): void {
  const pages = router
    .getRoutes()
    .filter((record) => !record.meta.kiosk && !record.meta.public && allows(record.meta.roles, role))
    .flatMap(lazyPage);
  setTimeout(() => loadInTurn(pages), prefetchDelayMs);
}

/** Loads each page's code in turn, one at a time while the browser is idle. */
function loadInTurn(pages: LazyPage[]): void {
  const page = pages.shift();
  // A page whose code fails to load now is loaded (and its failure shown) when it is opened.
  if (page) whenIdle(() => void page().then(() => loadInTurn(pages), () => loadInTurn(pages)));
}

/**
 * Loads the code of the page an unlock lands on (the workbench frame and the page at `path`) and of the home page's
 * cards while the lock screen waits for a password: the landing page then waits for its data only (issue 15: the
 * home page with its today card after an unlock). Code only, the same for every role; nothing is asked of core.
 */
export function prefetchLanding(router: Router, path: string, cards: readonly LazyPage[]): void {
  loadInTurn([...router.resolve(path).matched.flatMap(lazyPage), ...cards]);
}
