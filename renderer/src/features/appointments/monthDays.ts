/** How many bookings a day of the month view shows before it says how many more there are. */
const monthDayShown = 6;

/**
 * A month of bookings as the month view draws them: each day's first `shown` in time order, and for a day with more,
 * how many were left out (the view links it to that day's own view). A busy station books dozens a day; FullCalendar
 * builds an element for every event it is given, hidden or not, so the month of the ten-year station built 2,400.
 */
export function firstOfEachDay<T extends { start: string }>(items: readonly T[], shown = monthDayShown): { shown: T[]; more: Array<{ day: string; count: number }> } {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = item.start.slice(0, 10);
    (days.get(day) ?? days.set(day, []).get(day)!).push(item);
  }
  const kept = [...days.values()].flatMap((list) => list.slice(0, shown));
  const more = [...days].filter(([, list]) => list.length > shown).map(([day, list]) => ({ day, count: list.length - shown }));
  return { shown: kept, more };
}
