import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../renderer/src/shared/composables/format.js';
import { figureText } from '../../../renderer/src/features/district/figureText.js';

describe('formatDateTime', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the instant in the PC’s time zone, 24-hour, to the second', () => {
    // The unit project runs on Beijing time, as a station's PC does.
    expect(formatDateTime('2026-11-30T16:05:09.000Z', 'zh-CN')).toBe('2026/12/01 00:05:09');
    expect(formatDateTime(null, 'zh-CN')).toBe('');
  });

  it('makes one formatter per locale, not one per value (a page of 100 results took a tenth of a second making them)', () => {
    const Original = Intl.DateTimeFormat;
    const made = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat);
    for (let minute = 0; minute < 100; minute += 1) formatDateTime(`2026-11-30T02:${String(minute % 60).padStart(2, '0')}:00.000Z`, 'en-GB');
    expect(made.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

describe('figureText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows counts whole and amounts to two decimals, with one formatter per locale for a district’s thousands of cells', () => {
    const Original = Intl.NumberFormat;
    const made = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat);
    const texts = Array.from({ length: 200 }, (_, index) => figureText(index + 0.125, 'de-CH'));
    expect(texts[0]).toBe('0.13');
    expect(figureText(12345, 'zh-CN')).toBe('12,345');
    expect(made.mock.calls.length).toBeLessThanOrEqual(2);
  });
});
