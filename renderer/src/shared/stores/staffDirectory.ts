import { defineStore } from 'pinia';
import type { MethodOutput } from '../../../../shared/api/contract/index.js';
import { useApi } from '../../api/provide.js';
import { referenceData } from './referenceData.js';

export type StaffEntry = MethodOutput<'users.directory'>[number];

/** Staff who may counsel (core's one rule): pickers for assigning, sharing and booking. */
export const useStaffDirectoryStore = defineStore('staffDirectory', () => {
  const api = useApi();
  const { value: staff, load, refresh } = referenceData<StaffEntry[]>(() => api.call('users.directory', {}), []);
  return { staff, load, refresh };
});
