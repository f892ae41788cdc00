import type { DictionaryName } from '../../../../shared/domain/dictionaries/index.js';
import { useDictionaryStore } from '../../shared/stores/dictionaries.js';

/** A ledger form's choices from a dictionary: the active entries, plus hidden ones the record already carries (core lets them stay). */
export function useDictionaryOptions() {
  const dictionaries = useDictionaryStore();
  return function options(dictionary: DictionaryName, kept: readonly string[]) {
    const active = dictionaries.options(dictionary).map((item) => ({ code: item.code, label: item.label }));
    const extra = kept.filter((code) => !active.some((item) => item.code === code)).map((code) => ({ code, label: dictionaries.label(dictionary, code) }));
    return [...active, ...extra];
  };
}
