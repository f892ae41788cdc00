import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { ScaleSummary } from '../../../../shared/api/schemas/scales.js';
import { useApi } from '../../api/provide.js';
import { referenceData } from '../../shared/stores/referenceData.js';

/** The station's scale library: every scale for the library and the counsellor's form, those with item text for the kiosk and screenings. */
export const useScaleListStore = defineStore('scaleList', () => {
  const api = useApi();
  const { value: all, load, refresh } = referenceData<ScaleSummary[]>(() => api.call('scales.list', {}), []);
  const withText = computed(() => all.value.filter((scale) => scale.textIncluded));
  /** What staff read for a scale id: its name (the id only until the list has loaded). */
  const nameOf = (id: string): string => all.value.find((scale) => scale.id === id)?.name ?? id;
  return { all, withText, nameOf, load, refresh };
});
