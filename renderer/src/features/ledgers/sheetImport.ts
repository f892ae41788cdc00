import { ref } from 'vue';
import { ApiCallError } from '../../api/client.js';
import { toBase64 } from '../../shared/composables/chunkedUpload.js';

export type SheetProblem = Readonly<{ row: number; reason: string }>;
export type SheetRefusal = Readonly<{ message: string; problems: readonly SheetProblem[] }>;

/**
 * Importing a sheet a station filled in Excel (签到表, 人员名单): the file input's change handler sends the file's
 * bytes through `run`; when core refuses the sheet, `refused` holds every bad row by its Excel row number (core
 * imported nothing). Other errors propagate.
 */
export function useSheetImport(run: (dataBase64: string) => Promise<void>) {
  const refused = ref<SheetRefusal | null>(null);
  async function onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    refused.value = null;
    try {
      await run(toBase64(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      const details = error.details as { problems?: SheetProblem[] } | undefined;
      refused.value = { message: error.message, problems: details?.problems ?? [] };
    }
  }
  return { refused, onFile };
}
