import { ref, type Ref } from 'vue';
import { ApiCallError } from '../../api/client.js';

/**
 * A record's page (a ledger entry, an inspection): the record as core answers it, or core's refusal, which the page shows with its reason
 * (never a blank page). Other errors propagate.
 */
export function useRecordPage<T>(read: () => Promise<T>) {
  const record = ref(null) as Ref<T | null>;
  const refusal = ref<ApiCallError | null>(null);
  async function load(): Promise<void> {
    try {
      record.value = await read();
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      refusal.value = error;
    }
  }
  return { record, refusal, load };
}
