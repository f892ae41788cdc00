import { defineStore } from 'pinia';
import type { StationProfile } from '../../../../shared/api/schemas/station.js';
import { useApi } from '../../api/provide.js';
import { referenceData } from './referenceData.js';

/** The station's profile (name, level, address …): the frame's title, the home page, printed slips. */
export const useStationStore = defineStore('station', () => {
  const api = useApi();
  const { value: profile, load, set } = referenceData<StationProfile | null>(() => api.call('station.get', {}), null);
  return { profile, load, set };
});
