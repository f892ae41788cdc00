import { describe, expect, it } from 'vitest';
import { periodExportInput, resultsExportInput } from '../../../shared/api/schemas/exports.js';

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe('an export period', () => {
  it('a malformed date is refused with the date message, never a RangeError (contract fuzz found it)', () => {
    for (const input of [{ from: 'D^', to: 'A89[J' }, { from: '', to: '2001-04-04' }, { from: '2026-02-30', to: '2026-03-01' }]) {
      const result = periodExportInput.safeParse(input);
      expect(result.success).toBe(false);
      expect(messages(result)).toContain('日期格式应为 YYYY-MM-DD。');
    }
    expect(resultsExportInput.safeParse({ from: 'Su2\\', to: 'Vr' }).success).toBe(false);
  });

  it('keeps its order and its one-year limit', () => {
    expect(messages(periodExportInput.safeParse({ from: '2026-11-30', to: '2026-11-01' }))).toEqual(['开始日期不能晚于结束日期。']);
    expect(messages(periodExportInput.safeParse({ from: '2025-01-01', to: '2026-11-30' }))).toEqual(['一次导出的期间不能超过 366 天。']);
    expect(periodExportInput.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
  });
});
