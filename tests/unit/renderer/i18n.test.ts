import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';

function entries(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value !== 'object' || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
}
const keys = (value: unknown) => entries(value).map(([key]) => key);

describe('messages', () => {
  it('English has exactly the keys of Chinese', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('Chinese text is Chinese', () => {
    // Every Chinese string contains Chinese, except fixed formats such as the recovery key mask.
    const untranslated = entries(zhCN).filter(([, text]) => !/[\u4e00-\u9fa5]/.test(text) && !/^[X-]+$/.test(text));
    expect(untranslated).toEqual([]);
  });
});
