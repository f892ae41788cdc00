/**
 * The indicator sets shipped with the app (issue 14), validated once at load like the scale library and the checklist
 * templates. A district imports its own version beside them (kept by id and version in the station's database).
 */
import spsMonthly from './indicatorSets/sps-monthly.json' with { type: 'json' };
import type { IndicatorSet } from './indicatorSetSchema.js';
import { loadShippedIndicatorSet } from './validateIndicatorSet.js';

export const builtinIndicatorSets: ReadonlyMap<string, IndicatorSet> = new Map([spsMonthly].map(loadShippedIndicatorSet).map((set) => [set.id, set]));

/** The set a station reports with until its district gives it another. */
export const defaultIndicatorSetId = 'sps-monthly';
