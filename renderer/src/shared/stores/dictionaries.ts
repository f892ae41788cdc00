import { defineStore } from 'pinia';
import type { DictionaryItem } from '../../../../shared/api/schemas/dictionaries.js';
import type { DictionaryName } from '../../../../shared/domain/dictionaries/index.js';
import { useApi } from '../../api/provide.js';
import { referenceData } from './referenceData.js';

/** The station's dictionaries, loaded once per session: labels for codes, options for forms. */
export const useDictionaryStore = defineStore('dictionaries', () => {
  const api = useApi();
  const { value: items, load } = referenceData<DictionaryItem[]>(() => api.call('dictionaries.list', {}), []);

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
