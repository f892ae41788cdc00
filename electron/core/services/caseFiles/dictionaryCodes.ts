import type { DictionaryName } from '../../../../shared/domain/dictionaries/index.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { activeCodes } from '../../repositories/dictionariesRepo.js';

/** Only active dictionary codes may be stored; the refusal names the unknown ones under `label`. */
export function requireActiveCodes(db: Db, dictionary: DictionaryName, codes: readonly string[], label: string): void {
  const known = activeCodes(db, dictionary);
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new AppError('INVALID_INPUT', `${label}不在字典中：${unknown.join('、')}`);
}
