import type { FeatureRoute } from '../feature.js';

/**
 * The district's pages belong to the 站长 of a 街道 or 区级中心 installation (core's district.* are adminOnly); they
 * follow the 台账 group, before the station's users. The register is its own top-level path: the side menu marks the entry of the path's first segment.
 */
export const routes: readonly FeatureRoute[] = [
  { path: 'district', roles: ['admin'], component: () => import('./views/DistrictView.vue'), menu: { label: 'district.nav', order: 89.5 } },
  { path: 'district-stations', roles: ['admin'], component: () => import('./views/StationsView.vue'), menu: { label: 'district.navStations', order: 89.6 } },
];
