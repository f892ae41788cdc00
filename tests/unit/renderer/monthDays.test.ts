import { describe, expect, it } from 'vitest';
import { firstOfEachDay } from '../../../renderer/src/features/appointments/monthDays.js';

const booking = (start: string) => ({ start, end: start });

describe('the month view’s bookings', () => {
  it('keeps each day’s first bookings in time order and counts the rest of a busy day', () => {
    const busy = ['2026-07-15T16:00', '2026-07-15T09:00', '2026-07-15T10:30', '2026-07-15T14:30', '2026-07-15T08:00'].map(booking);
    const quiet = [booking('2026-07-16T09:00')];
    const { shown, more } = firstOfEachDay([...busy, ...quiet], 3);
    expect(shown.map((item) => item.start)).toEqual(['2026-07-15T08:00', '2026-07-15T09:00', '2026-07-15T10:30', '2026-07-16T09:00']);
    expect(more).toEqual([{ day: '2026-07-15', count: 2 }]);
  });

  it('leaves a day with no more than it shows as it is', () => {
    const day = ['2026-07-15T09:00', '2026-07-15T10:30', '2026-07-15T14:30'].map(booking);
    expect(firstOfEachDay(day, 3)).toEqual({ shown: day, more: [] });
    expect(firstOfEachDay([])).toEqual({ shown: [], more: [] });
  });
});
