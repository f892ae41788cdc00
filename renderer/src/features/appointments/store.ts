import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { MethodOutput } from '../../../../shared/api/contract/index.js';
import { useApi } from '../../api/provide.js';
import { referenceData } from '../../shared/stores/referenceData.js';

export type Room = MethodOutput<'rooms.list'>[number];

/** The station's rooms: all of them for filters and settings, the active ones for new bookings. */
export const useRoomStore = defineStore('rooms', () => {
  const api = useApi();
  const { value: all, load, set } = referenceData<Room[]>(() => api.call('rooms.list', {}), []);
  const active = computed(() => all.value.filter((room) => room.active));
  return { all, active, load, set };
});
