import { caseFilesDictionaries } from './caseFiles.js';
import type { DictionaryEntries } from './entries.js';
import { ledgersDictionaries } from './ledgers.js';

/**
 * Built-in entries of the station-extensible dictionaries (DESIGN.md §1: dictionaries are data), one file per
 * feature in this folder, merged here (one line per feature). A station adds its own entries; built-ins can be
 * hidden, not removed. Each dictionary's name on screen is in its feature's i18n under `dictionaries.names`.
 */
export const builtinDictionaries = { ...caseFilesDictionaries, ...ledgersDictionaries } satisfies Record<string, DictionaryEntries>;
export type DictionaryName = keyof typeof builtinDictionaries;
export const dictionaryNames = Object.keys(builtinDictionaries) as [DictionaryName, ...DictionaryName[]];
