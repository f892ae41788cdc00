import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinute, toMinute } from '../../../shared/domain/localTime.js';

describe('station-local minute numbers', () => {
  it('fromMinute writes any minute of 1970–2100 as its wall time, and toMinute reads it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 68_000_000 }), (minute) => {
        const text = fromMinute(minute);
        expect(text).toBe(new Date(minute * 60_000).toISOString().slice(0, 16));
        expect(toMinute(text)).toBe(minute);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the edges of a day: midnight and 23:59', () => {
    const midnight = toMinute('2026-12-31T00:00');
    expect([fromMinute(midnight), fromMinute(midnight - 1), fromMinute(midnight + 1439), fromMinute(midnight + 1440)]).toEqual(['2026-12-31T00:00', '2026-12-30T23:59', '2026-12-31T23:59', '2027-01-01T00:00']);
  });
});
