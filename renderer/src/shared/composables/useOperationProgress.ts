import { onBeforeUnmount, ref } from 'vue';
import type { ApiClient } from '../../api/client.js';

/** Follow one long operation's progress events; a fresh id is used for each run. */
export function useOperationProgress(api: ApiClient) {
  const operationId = ref<string | null>(null);
  const percent = ref(0);
  const stage = ref('');
  const stop = api.onEvent((event) => {
    if (event.name !== 'operation.progress' || event.payload.operationId !== operationId.value) return;
    percent.value = Math.round(event.payload.percent);
    stage.value = event.payload.stage;
  });
  onBeforeUnmount(stop);

  function start(): string {
    operationId.value = crypto.randomUUID();
    percent.value = 0;
    stage.value = '';
    return operationId.value;
  }

  function finish(): void {
    operationId.value = null;
  }

  async function cancel(): Promise<void> {
    if (operationId.value) await api.call('operation.cancel', { operationId: operationId.value }).catch(() => undefined);
  }

  return { operationId, percent, stage, start, finish, cancel };
}
