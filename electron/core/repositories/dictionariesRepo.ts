import type { DictionaryItem } from '../../../shared/api/schemas/dictionaries.js';
import { builtinDictionaries, dictionaryNames, type DictionaryName } from '../../../shared/domain/dictionaries/index.js';
import type { Db } from '../db/driver.js';

type Row = { id: number; dictionary: DictionaryName; code: string; label: string; builtin: 0 | 1; active: 0 | 1 };

const toItem = (row: Row): DictionaryItem => ({ ...row, builtin: row.builtin === 1, active: row.active === 1 });

/** Insert any built-in entry the station does not have yet (new app versions may add some). */
export function seedBuiltinDictionaries(db: Db): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO dictionary_items (dictionary, code, label, builtin, sort) VALUES (?, ?, ?, 1, ?)',
  );
  for (const dictionary of dictionaryNames) {
    builtinDictionaries[dictionary].forEach(([code, label], index) => insert.run(dictionary, code, label, index));
  }
}

export function listDictionary(db: Db, dictionary?: DictionaryName): DictionaryItem[] {
  const rows = dictionary
    ? db.prepare('SELECT * FROM dictionary_items WHERE dictionary = ? ORDER BY sort, id').all(dictionary)
    : db.prepare('SELECT * FROM dictionary_items ORDER BY dictionary, sort, id').all();
  return (rows as Row[]).map(toItem);
}

export function addDictionaryItem(db: Db, dictionary: DictionaryName, code: string, label: string): DictionaryItem {
  const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS next FROM dictionary_items WHERE dictionary = ?').get(dictionary) as { next: number }).next;
  const { lastInsertRowid } = db.prepare('INSERT INTO dictionary_items (dictionary, code, label, sort) VALUES (?, ?, ?, ?)').run(dictionary, code, label, sort);
  return toItem(db.prepare('SELECT * FROM dictionary_items WHERE id = ?').get(lastInsertRowid) as Row);
}

export function setDictionaryItemActive(db: Db, id: number, active: boolean): DictionaryItem | undefined {
  db.prepare('UPDATE dictionary_items SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  const row = db.prepare('SELECT * FROM dictionary_items WHERE id = ?').get(id) as Row | undefined;
  return row && toItem(row);
}

/** Codes that may be stored: active entries of the dictionary (inactive ones stay readable on old records). */
export function activeCodes(db: Db, dictionary: DictionaryName): Set<string> {
  const rows = db.prepare('SELECT code FROM dictionary_items WHERE dictionary = ? AND active = 1').all(dictionary) as Array<{ code: string }>;
  return new Set(rows.map((row) => row.code));
}
