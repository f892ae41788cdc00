import { defineStore } from 'pinia';
import type { MethodInput, MethodOutput } from '../../../../shared/api/contract/index.js';
import { useApi } from '../../api/provide.js';
import { referenceData } from './referenceData.js';

export type StaffEntry = MethodOutput<'users.directory'>[number];

function directoryStore(id: string, scope: MethodInput<'users.directory'>['scope']) {
  return defineStore(id, () => {
    const api = useApi();
    const { value: staff, load, refresh } = referenceData<StaffEntry[]>(() => api.call('users.directory', { scope }), []);
    return { staff, load, refresh };
  });
}

/** Staff who may counsel (core's one rule): pickers for assigning, sharing and booking. */
export const useStaffDirectoryStore = directoryStore('staffDirectory', 'counsellors');

/** Every active account, the front desk too: pickers for who ran an activity or took a call. */
export const useEveryoneDirectoryStore = directoryStore('everyoneDirectory', 'everyone');
