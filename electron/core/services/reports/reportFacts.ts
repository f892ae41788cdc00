import { addDays, localDayStartUtc } from '../../../../shared/domain/dates.js';
import type { FactRow, FactSourceId } from '../../../../shared/reports/factSources.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import type { DayRange } from '../../../../shared/reports/periodShift.js';
import type { SourceRows } from '../../../../shared/reports/compute.js';
import type { Db } from '../../db/driver.js';
import { Directory, readFacts, type FactContext, type RecordSource } from '../../repositories/reportFactsRepo.js';
import type { ChecklistService } from '../checklist/checklistService.js';
import { readDutyPeriod } from '../ledgers/dutyService.js';

/** Where the two fact sources that are other features' readings come from, and the scale bands graded 异常. */
export type FactProviders = Readonly<{ checklist: ChecklistService; abnormalBands: () => ReadonlySet<string> }>;

/** What one report's readings share (its period and the two compared with): read once. */
export function factContext(db: Db, providers: FactProviders): FactContext {
  return { abnormalBands: providers.abnormalBands(), directory: new Directory(db) };
}

/** Days the duty log shows the station open, with the hours (overlapping logs counted once, as the duty ledger counts). */
function openDayRows(db: Db, range: DayRange): FactRow[] {
  return readDutyPeriod(db, range)
    .days.filter((day) => day.actualMinutes > 0)
    .map((day, index) => ({ id: index + 1, link: '/duty', clientId: null, day: day.day, dims: {}, amounts: { hours: day.actualMinutes / 60 } }));
}

/** The checklist's standing on the range's last day, its figures counted over the year up to it (the checklist's own default). */
function checklistRows(db: Db, range: DayRange, checklist: ChecklistService): FactRow[] {
  const { score } = checklist.view(db, { from: addDays(range.to, -364), to: range.to });
  return [{ id: 1, link: '/checklist', clientId: null, day: range.to, dims: {}, amounts: { score: score.score, max: score.max }, flags: { passes: score.passes } }];
}

/** The rows of every source a set counts, for one range of days. */
export function readSetFacts(db: Db, set: IndicatorSet, range: DayRange, providers: FactProviders, context: FactContext = factContext(db, providers)): SourceRows {
  const sources = new Set(set.indicators.flatMap((item) => item.values.map((value) => value.fact.source as FactSourceId)));
  const period = { ...range, fromUtc: localDayStartUtc(range.from), toUtc: localDayStartUtc(range.to, 1) };
  const rows: Partial<Record<FactSourceId, readonly FactRow[]>> = {};
  for (const source of sources) {
    rows[source] = source === 'openDays' ? openDayRows(db, range) : source === 'checklist' ? checklistRows(db, range, providers.checklist) : readFacts(db, source as RecordSource, period, context);
  }
  return rows;
}
