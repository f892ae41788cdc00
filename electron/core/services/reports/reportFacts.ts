import { addDays, localDayStartUtc } from '../../../../shared/domain/dates.js';
import { factSources, type FactRow, type FactSourceId } from '../../../../shared/reports/factSources.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import type { DayRange } from '../../../../shared/reports/periodShift.js';
import { assembleFigures, sourceFigures, sourcesOf, type SetFigures, type SourceRows, type ValueFigures } from '../../../../shared/reports/compute.js';
import type { Db } from '../../db/driver.js';
import { Directory, directoryTables } from '../../repositories/reportDirectory.js';
import { changeCounts, readFacts, sourceStamp, tablesStamp, type FactContext, type FactPeriod, type RecordSource } from '../../repositories/reportFactsRepo.js';
import { checklistTables, type ChecklistService } from '../checklist/checklistService.js';
import { dutyLogTables, loggedDays } from '../ledgers/dutyService.js';

/** Where the two fact sources that are other features' readings come from, and the scale bands graded 异常. */
export type FactProviders = Readonly<{ checklist: ChecklistService; abnormalBands: () => ReadonlySet<string> }>;

/** What one report's readings share (its period and the two compared with): read once. */
function factContext(db: Db, providers: FactProviders, directory = new Directory(db)): FactContext {
  return { abnormalBands: providers.abnormalBands(), directory };
}

/**
 * Days the duty log shows the station open, with the hours (overlapping logs counted once, as the duty ledger counts):
 * the logs alone, not the whole roster of the period with each day's calendar (a year's took 55 ms).
 */
function openDayRows(db: Db, range: DayRange): FactRow[] {
  return loggedDays(db, range).map((entry, index) => ({ id: index + 1, link: '/duty', clientId: null, day: entry.day, dims: {}, amounts: { hours: entry.minutes / 60 } }));
}

/** The checklist's standing on the range's last day, its figures counted over the year up to it (the checklist's own default). */
function checklistRows(db: Db, range: DayRange, checklist: ChecklistService): FactRow[] {
  const { score } = checklist.view(db, { from: addDays(range.to, -364), to: range.to });
  return [{ id: 1, link: '/checklist', clientId: null, day: range.to, dims: {}, amounts: { score: score.score, max: score.max }, flags: { passes: score.passes } }];
}

const factPeriod = (range: DayRange): FactPeriod => ({ from: range.from, to: range.to, fromUtc: localDayStartUtc(range.from), toUtc: localDayStartUtc(range.to, 1) });

/** One source's records for one period: `listed` for a drill-down (each record on its own, never grouped). */
function sourceRows(db: Db, source: FactSourceId, period: FactPeriod, providers: FactProviders, context: FactContext, listed: boolean): FactRow[] {
  if (source === 'openDays') return openDayRows(db, period);
  if (source === 'checklist') return checklistRows(db, period, providers.checklist);
  return readFacts(db, source, period, context, listed);
}

/** The records of every source a set counts, each one listed (the drill-down's). */
export function listSetFacts(db: Db, set: IndicatorSet, range: DayRange, providers: FactProviders, context: FactContext): SourceRows {
  const period = factPeriod(range);
  return Object.fromEntries(sourcesOf(set).map((source) => [source, sourceRows(db, source, period, providers, context, true)]));
}

/** One source's figures for a period, and how many records it had (a period compared with needs to know it had any). */
type SourceResult = Readonly<{ figures: Readonly<Record<string, ValueFigures>>; records: number }>;

/** A period's figures and whether the station recorded anything in it (before it opened, a period has no zeros to compare). */
export type PeriodFigures = Readonly<{ figures: SetFigures; recorded: boolean }>;

function periodFigures(set: IndicatorSet, resultOf: (source: FactSourceId) => SourceResult): PeriodFigures {
  let recorded = false;
  const figures = assembleFigures(set, (source) => {
    const result = resultOf(source);
    if (factSources[source].kind === 'flow' && result.records > 0) recorded = true;
    return result.figures;
  });
  return { figures, recorded };
}

function countSource(db: Db, set: IndicatorSet, source: FactSourceId, period: FactPeriod, providers: FactProviders, context: FactContext, breakdowns: boolean): SourceResult {
  const rows = sourceRows(db, source, period, providers, context, false);
  return { figures: sourceFigures(set, source, rows, { breakdowns }), records: rows.length };
}

/** What a report reads its figures through: afresh inside a write, or the screen's kept readings. */
export type FactReading = Readonly<{
  context: FactContext;
  /** A period's figures (totals only without `breakdowns`). */
  figures: (set: IndicatorSet, range: DayRange, breakdowns: boolean) => PeriodFigures;
}>;

export function freshReading(db: Db, providers: FactProviders): FactReading {
  const context = factContext(db, providers);
  return {
    context,
    figures: (set, range, breakdowns) => {
      const period = factPeriod(range);
      return periodFigures(set, (source) => countSource(db, set, source, period, providers, context, breakdowns));
    },
  };
}

/** How many source results are kept (a year's trend, its comparisons and a few periods browsed, for each source). */
const keptResults = 600;

/**
 * The report screen's readings, each source's figures for each period kept while the tables it reads stand still
 * (issue 15: on a ten-year station a month's report took about 1 s, a third of it reading the directory of clients
 * again). Migrations 310 and 320 count every change to those tables, whoever made it, and a flow's changes by the
 * month of the record, so recording a session recomputes the sessions' figures of the periods holding its month
 * only, and a client's new grade what takes a client's dimensions (the kept directory reads that client's rows
 * again, migration 330). The two sources that are other features' readings (the duty log, the checklist, which
 * counts "today") start afresh after a change to a table they read (counted by migration 340) and on a new day.
 * Submitting never reads from here; it computes inside its transaction.
 */
export class FactReadings {
  private db: Db | undefined;
  private directory: { stamp: string; directory: Directory } | undefined;
  private readonly kept = new Map<string, { stamp: string; result: SourceResult }>();

  constructor(
    private readonly providers: FactProviders,
    private readonly today: () => string,
  ) {}

  /** The reading of the file as it stands now. */
  of(db: Db): FactReading {
    // Inside a transaction a change may still roll back under an unchanged count: read afresh and keep nothing.
    if (db.inTransaction) return freshReading(db, this.providers);
    if (this.db !== db) this.forget();
    this.db = db;
    const counts = changeCounts(db);
    const directoryNow = tablesStamp(counts, directoryTables);
    if (this.directory?.stamp !== directoryNow) {
      // The kept directory reads again the rows changed since; a new one is read when it cannot.
      const directory = this.directory?.directory.catchUp() ? this.directory.directory : new Directory(db);
      this.directory = { stamp: directoryNow, directory };
    }
    const context = factContext(db, this.providers, this.directory.directory);
    const today = this.today();
    const readingStamps = { openDays: `${tablesStamp(counts, dutyLogTables)}|${today}`, checklist: `${tablesStamp(counts, checklistTables)}|${today}` };
    return {
      context,
      figures: (set, range, breakdowns) => {
        const period = factPeriod(range);
        return periodFigures(set, (source) => {
          const stamp = source === 'openDays' || source === 'checklist' ? readingStamps[source] : sourceStamp(counts, source as RecordSource, range);
          return this.remember(`${set.id}@${set.version} ${source} ${range.from} ${range.to} ${breakdowns}`, stamp, () =>
            countSource(db, set, source, period, this.providers, context, breakdowns),
          );
        });
      },
    };
  }

  private remember(key: string, stamp: string, make: () => SourceResult): SourceResult {
    const kept = this.kept.get(key);
    if (kept?.stamp === stamp) return kept.result;
    const result = make();
    if (this.kept.size >= keptResults) this.kept.clear();
    this.kept.set(key, { stamp, result });
    return result;
  }

  /** Let go of what was read (the station locked: no client's details stay in memory). */
  forget(): void {
    this.db = undefined;
    this.directory = undefined;
    this.kept.clear();
  }
}
