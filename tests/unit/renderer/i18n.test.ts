import { describe, expect, it } from 'vitest';
import { mergeMessages, messageSources, messages } from '../../../renderer/src/i18n/index.js';
import { auditActions } from '../../../shared/api/contract/index.js';
import { dictionaryNames } from '../../../shared/domain/dictionaries/index.js';

function entries(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value !== 'object' || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
}
const keys = (value: unknown) => entries(value).map(([key]) => key);

describe('messages', () => {
  it('English has exactly the keys of Chinese', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort());
  });

  it('each feature (and the shared messages) has the same keys in both languages', () => {
    for (const source of messageSources) {
      expect({ source: source.name, keys: keys(source.messages.en).sort() }).toEqual({ source: source.name, keys: keys(source.messages['zh-CN']).sort() });
    }
  });

  it('every audit action a feature declares has a label in both languages, so the audit screen never shows a code', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const labelled = new Set(keys((messages[locale] as { audit: { actions: unknown } }).audit.actions));
      expect({ locale, missing: auditActions.filter((action) => !labelled.has(action)) }).toEqual({ locale, missing: [] });
    }
  });

  it('every dictionary is named in both languages by the feature that brings it (the settings’ 字典 tab)', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const named = new Set(keys((messages[locale] as { dictionaries: { names: unknown } }).dictionaries.names));
      expect({ locale, missing: dictionaryNames.filter((name) => !named.has(name)) }).toEqual({ locale, missing: [] });
    }
  });

  it('Chinese text is Chinese', () => {
    // Every Chinese string contains Chinese, except fixed formats such as the recovery key mask.
    const untranslated = entries(messages['zh-CN']).filter(([, text]) => !/[\u4e00-\u9fa5]/.test(text) && !/^[X-]+$/.test(text));
    expect(untranslated).toEqual([]);
  });

  it('merges features key by key and refuses a key defined twice', () => {
    const merged = mergeMessages([
      { name: 'one', tree: { audit: { actions: { a: { view: '看' } } } } },
      { name: 'two', tree: { audit: { actions: { b: { view: '看' } } } } },
    ]);
    expect(keys(merged)).toEqual(['audit.actions.a.view', 'audit.actions.b.view']);
    expect(() => mergeMessages([
      { name: 'one', tree: { common: { save: '保存' } } },
      { name: 'two', tree: { common: { save: '存' } } },
    ])).toThrow('message key common.save is defined by both one and two');
    expect(() => mergeMessages([
      { name: 'one', tree: { kiosk: { open: '打开' } } },
      { name: 'two', tree: { kiosk: { open: { title: '打开' } } } },
    ])).toThrow('message key kiosk.open is defined by both one and two');
  });
});
