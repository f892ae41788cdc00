import type { FeatureRoute } from '../feature.js';

/** The ledgers' screens (活动台账 list, detail, print) are not built yet: no page, no menu entry. */
export const routes: readonly FeatureRoute[] = [];
