import type { Router } from 'vue-router';
import type { Role } from '../../../shared/api/access.js';
import { allows } from '../features/feature.js';

type LazyPage = () => Promise<unknown>;

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
    .flatMap((record) => {
      const page = record.components?.default;
      return typeof page === 'function' ? [page as LazyPage] : [];
    });
  const next = () => {
    const page = pages.shift();
    // A page whose code fails to load now is loaded (and its failure shown) when it is opened.
    if (page) whenIdle(() => void page().then(next, next));
  };
  setTimeout(next, prefetchDelayMs);
}
