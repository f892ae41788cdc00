/** How many bookings a day of the month view shows before it says how many more there are. */
const monthDayShown = 6;

/** One day of the month view: its first bookings in time order, and how many more it has. */
export type DayBookings<T> = Readonly<{ shown: readonly T[]; more: number }>;

/**
 * A month of bookings as the month view draws them, by day (`YYYY-MM-DD`): each day's first `shown` in time order and
 * the count of the rest (the view links it to that day's own view). A busy station books dozens a day; the month of
 * the ten-year station holds about 2,400.
 */
export function bookingsByDay<T extends { start: string }>(items: readonly T[], shown = monthDayShown): Map<string, DayBookings<T>> {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = item.start.slice(0, 10);
    (days.get(day) ?? days.set(day, []).get(day)!).push(item);
  }
  return new Map([...days].map(([day, list]) => [day, { shown: list.slice(0, shown), more: Math.max(0, list.length - shown) }]));
}
