import { addDays, localDayStartUtc } from '../../../../shared/domain/dates.js';
import type { FactRow, FactSourceId } from '../../../../shared/reports/factSources.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import type { DayRange } from '../../../../shared/reports/periodShift.js';
import type { SourceRows } from '../../../../shared/reports/compute.js';
import type { Db } from '../../db/driver.js';
import { changeStamp, Directory, readFacts, type FactContext, type RecordSource } from '../../repositories/reportFactsRepo.js';
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

/**
 * What one report reads its records through: the shared context (directory, colours) and a memo for a period's
 * results. A reading inside a write is fresh and remembers nothing.
 */
export type FactReading = Readonly<{ context: FactContext; remember: <T>(key: string, make: () => T) => T }>;

export function freshReading(db: Db, providers: FactProviders): FactReading {
  return { context: factContext(db, providers), remember: (_key, make) => make() };
}

/** How many results one state of the file keeps (a year's trend, its comparisons and a few periods browsed). */
const rememberedResults = 64;

/**
 * The report screen's readings, kept while the file stands still (issue 15: a ten-year station's month took about
 * 1 s, a third of it reading the directory and the grades again for every call). Whatever changed anything in the
 * file since — a session recorded, a grade given, a report submitted, another connection's commit — and a new day
 * (the checklist's standing counts "today") start afresh: the stamp is SQLite's own count of changes, so no table
 * can be forgotten; only the audit's own rows are left out (opening a client's file must not make the next report
 * cold). Submitting never reads from here; it computes inside its transaction.
 */
export class FactReadings {
  private state: { db: Db; stamp: string; day: string; reading: FactReading } | undefined;

  constructor(
    private readonly providers: FactProviders,
    private readonly today: () => string,
  ) {}

  /** The reading of the file as it stands now: the same one, with what it remembered, until something changes. */
  of(db: Db): FactReading {
    // Inside a transaction a change may still roll back under an unchanged stamp: read afresh and keep nothing.
    if (db.inTransaction) return freshReading(db, this.providers);
    const stamp = changeStamp(db);
    const day = this.today();
    if (this.state?.db !== db || this.state.stamp !== stamp || this.state.day !== day) {
      const results = new Map<string, unknown>();
      const remember = <T>(key: string, make: () => T): T => {
        if (results.has(key)) return results.get(key) as T;
        const result = make();
        if (results.size >= rememberedResults) results.clear();
        results.set(key, result);
        return result;
      };
      this.state = { db, stamp, day, reading: { context: factContext(db, this.providers), remember } };
    }
    return this.state.reading;
  }

  /** Let go of what was read (the station locked: no client's details stay in memory). */
  forget(): void {
    this.state = undefined;
  }
}
