import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DictionaryItem } from '../../../../shared/api/schemas/dictionaries.js';
import type { DictionaryName } from '../../../../shared/domain/dictionaries.js';
import { useApi } from '../../api/provide.js';

/** The station's dictionaries, loaded once per session: labels for codes, options for forms. */
export const useDictionaryStore = defineStore('dictionaries', () => {
  const api = useApi();
  const items = ref<DictionaryItem[]>([]);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= api.call('dictionaries.list', {}).then((list) => {
      items.value = list;
    });
    return loading;
  }

  /** Active entries for a form's options. */
  function options(dictionary: DictionaryName): DictionaryItem[] {
    return items.value.filter((item) => item.dictionary === dictionary && item.active);
  }

  /** The label of a code, including entries hidden since the record was made. */
  function label(dictionary: DictionaryName, code: string): string {
    return items.value.find((item) => item.dictionary === dictionary && item.code === code)?.label ?? code;
  }

  return { items, load, options, label };
});
