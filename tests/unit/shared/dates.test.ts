import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDay, localDayFinder, localDayStartUtc } from '../../../shared/domain/dates.js';

describe('the local day of an instant inside a period', () => {
  it('is the day localDay formats, for any instant of any period (the report reads instants by it)', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), (from, length, where) => {
        const to = addDays(from, length);
        const start = Date.parse(localDayStartUtc(from));
        const instant = new Date(start + Math.floor(where * (Date.parse(localDayStartUtc(to, 1)) - start - 1)));
        return localDayFinder(from, to)(instant.toISOString()) === localDay(instant);
      }),
    );
  });

  it('puts each day’s first and last millisecond on that day (Beijing midnight is 16:00 UTC)', () => {
    const find = localDayFinder('2026-10-01', '2026-10-31');
    expect(find('2026-09-30T16:00:00.000Z')).toBe('2026-10-01');
    expect(find('2026-10-01T15:59:59.999Z')).toBe('2026-10-01');
    expect(find('2026-10-01T16:00:00.000Z')).toBe('2026-10-02');
    expect(find('2026-10-31T15:59:59.999Z')).toBe('2026-10-31');
  });
});
