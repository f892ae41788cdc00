import { listDictionary } from '../repositories/dictionariesRepo.js';
import type { DictionaryName } from '../../../shared/domain/dictionaries/index.js';
import type { Db } from '../db/driver.js';

/** A dictionary's codes to labels; a code the dictionary no longer has is shown as it is stored. */
export function dictionaryLabels(db: Db, dictionary: DictionaryName): (codes: string) => string {
  const labels = new Map(listDictionary(db, dictionary).map((item) => [item.code, item.label]));
  return (codes) =>
    codes
      .split(',')
      .filter(Boolean)
      .map((code) => labels.get(code) ?? code)
      .join('、');
}
