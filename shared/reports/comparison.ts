import type { SetFigures } from './compute.js';

export type ValueComparison = Readonly<{ previous: number | null; lastYear: number | null; flag: 'rise' | 'drop' | null }>;

/**
 * Whether a count moved further from its reference than chance explains, tuned for a station's small counts: a change
 * of fewer than 5 is never flagged, and beyond that the change must exceed 3 × √reference (three standard deviations
 * of a Poisson count; DHIS2's outlier z-score default is 3.0, and FASTR applies its volume rules only above a minimum
 * count — station-work-and-reporting.md §3 and §4.4, whose big-facility thresholds a station never reaches).
 */
export function unusualChange(current: number, reference: number): 'rise' | 'drop' | null {
  const change = current - reference;
  if (Math.abs(change) < 5 || Math.abs(change) <= 3 * Math.sqrt(Math.max(reference, 1))) return null;
  return change > 0 ? 'rise' : 'drop';
}

/**
 * Each value beside the previous period and the same period a year earlier; the flag compares with the previous
 * period, or with last year when there is no previous one (issue 14: "outlier flags tuned for small counts").
 */
export function compareFigures(current: SetFigures, previous: SetFigures | null, lastYear: SetFigures | null): Record<string, ValueComparison> {
  const result: Record<string, ValueComparison> = {};
  for (const [code, figures] of Object.entries(current)) {
    const before = previous?.[code]?.total ?? null;
    const yearAgo = lastYear?.[code]?.total ?? null;
    const reference = before ?? yearAgo;
    result[code] = { previous: before, lastYear: yearAgo, flag: reference === null ? null : unusualChange(figures.total, reference) };
  }
  return result;
}
