/** A dictionary's built-in entries in display order: a stable code and its Chinese label. */
export type DictionaryEntries = ReadonlyArray<readonly [code: string, label: string]>;
