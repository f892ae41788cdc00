import { addDays, localDayStartUtc } from '../../../../shared/domain/dates.js';
import { factSources, type FactRow, type FactSourceId } from '../../../../shared/reports/factSources.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import type { DayRange } from '../../../../shared/reports/periodShift.js';
import { assembleFigures, shiftFigures, sourceFigures, sourcesOf, sumsOverClients, totalWeight, type SetFigures, type SourceRows, type ValueFigures } from '../../../../shared/reports/compute.js';
import type { Db } from '../../db/driver.js';
import { Directory, directoryTables, type CaughtUp, type DirectorySnapshot } from '../../repositories/reportDirectory.js';
import {
  changeCounts,
  clientSources,
  readClientFacts,
  readFacts,
  sourceStamp,
  tablesStamp,
  type ClientSource,
  type FactContext,
  type FactPeriod,
  type RecordSource,
} from '../../repositories/reportFactsRepo.js';
import { readKeptReadings, type KeptReadingsRow } from '../../repositories/reportReadingsKeptRepo.js';
import { checklistTables, type ChecklistService } from '../checklist/checklistService.js';
import { dutyLogTables, loggedDays } from '../ledgers/dutyService.js';
import { allIndicatorSets } from './indicatorSets.js';

/** Where the two fact sources that are other features' readings come from, and the scale bands graded 异常. */
export type FactProviders = Readonly<{ checklist: ChecklistService; abnormalBands: () => ReadonlySet<string> }>;

/** What one report's readings share (its period and the two compared with): read once. */
function factContext(db: Db, providers: FactProviders, directory = Directory.read(db)): FactContext {
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

/** One source's figures for a period, and how many records it counted (a period compared with needs to know it had any). */
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
  return { figures: sourceFigures(set, source, rows, { breakdowns }), records: totalWeight(rows) };
}

/**
 * A source's kept figures of a period brought up to a directory caught up since they were counted: what the changed
 * clients' records counted then taken out, what they count now put in (the directory they were counted with still
 * tells the first).
 */
function patchSource(db: Db, set: IndicatorSet, source: ClientSource, period: FactPeriod, context: FactContext, kept: SourceResult, change: Change, breakdowns: boolean): SourceResult {
  const removed = readClientFacts(db, source, period, { ...context, directory: change.from }, change.affected);
  const added = readClientFacts(db, source, period, context, change.affected);
  const figures = shiftFigures(kept.figures, sourceFigures(set, source, added, { breakdowns }), sourceFigures(set, source, removed, { breakdowns }));
  return { figures, records: kept.records + added.length - removed.length };
}

/** An earlier directory, and the clients whose rows changed between it and the current one. */
type Change = Readonly<{ from: Directory; affected: ReadonlySet<number> }>;

/**
 * How many earlier directories are held, newest first, for the results counted with them: a period the screen read
 * before the last few changes (a year opened an hour ago, the readings kept at the last lock) is patched for the
 * clients changed since instead of counted again. Each holds only the parts its catch-up copied.
 */
const heldDirectories = 6;

/** Beyond this many changed clients a source's figures are counted again, which is then no slower than patching them. */
const patchedClientsAtMost = 200;

const isClientSource = (source: FactSourceId): source is ClientSource => (clientSources as readonly string[]).includes(source);

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

/** A period whose figures are read ahead (FactReadings.readAhead), as a screen will ask for them. */
export type PreparedPeriod = Readonly<{ set: IndicatorSet; range: DayRange; breakdowns: boolean }>;

/**
 * How many source results are kept, the oldest leaving first: what is read ahead after an unlock (the month's view,
 * its year of trend and the year's view, in January the quarter's and half's too: at most 22 periods of 20 sources)
 * and some forty periods browsed.
 */
const keptResults = 1200;

/** The directory the readings hold, the change count it stands for, and the earlier ones still held. */
type HeldDirectory = Readonly<{ stamp: string; directory: Directory; earlier: readonly Change[] }>;

/** What a kept result answers: one source's figures of a set for a period (totals only without `breakdowns`). */
type Asked = Readonly<{ setId: string; setVersion: number; source: FactSourceId; range: DayRange; breakdowns: boolean }>;
const keyOf = (asked: Asked) => `${asked.setId}@${asked.setVersion} ${asked.source} ${asked.range.from} ${asked.range.to} ${asked.breakdowns}`;

/** A kept result, with the directory its clients' dimensions were taken from (null for a source that takes none). */
type KeptResult = Readonly<{ asked: Asked; stamp: string; directory: Directory | null; result: SourceResult }>;

/** A kept result as the file keeps it: whether it was counted with the kept directory, instead of the directory. */
type StoredResult = Readonly<{ asked: Asked; stamp: string; withDirectory: boolean; result: SourceResult }>;

/**
 * The change since the earlier directory a kept result was counted with, when a patch can bring it up to the current
 * one: its records stand (the same stamp), its figures are sums over clients, and few clients changed.
 */
function patchableSince(kept: KeptResult | undefined, stamp: string, earlier: readonly Change[]): Change | undefined {
  if (kept?.stamp !== stamp || kept.directory === null || !sumsOverClients(kept.asked.source)) return undefined;
  const since = earlier.find((change) => change.from === kept.directory);
  return since && since.affected.size <= patchedClientsAtMost ? since : undefined;
}

/**
 * The report screen's readings, each source's figures for each period kept while the tables it reads stand still
 * (issue 15: on a ten-year station a month's report took about 1 s, a third of it reading the directory of clients
 * again). Migrations 310 and 320 count every change to those tables, whoever made it, and a flow's changes by the
 * month of the record, so recording a session recomputes the sessions' figures of the periods holding its month only.
 * A change to a client's file, tags, cases or grades makes the next directory from the kept one (migration 330 logs
 * the rows), and what takes a client's dimensions is patched for the clients changed: a client's new grade no longer
 * counts a year of sessions and results again. The two sources that are other features' readings (the duty log, the
 * checklist, which counts "today") start afresh after a change to a table they read (counted by migration 340) and on
 * a new day. Submitting never reads from here; it computes inside its transaction.
 */
export class FactReadings {
  private db: Db | undefined;
  private directory: HeldDirectory | undefined;
  private readonly kept = new Map<string, KeptResult>();
  /** Counts the times what was read was let go: a preparation begun before stops there. */
  private forgotten = 0;
  /** Whether the readings the file keeps were looked for since the last lock (once: they are taken up or ignored). */
  private lookedInFile = false;
  /** The readings the file kept being taken up a step at a time (readAhead), until done. */
  private takingUp: Generator<void, void, void> | undefined;
  /** Whether anything was read since the readings were taken up from the file: only then are they kept again. */
  private readSinceTakenUp = false;

  constructor(
    private readonly providers: FactProviders,
    private readonly today: () => string,
    /** The readings the file keeps are this version's only: another may count differently. */
    private readonly appVersion: string,
  ) {}

  /** The reading of the file as it stands now. */
  of(db: Db): FactReading {
    // Inside a transaction a change may still roll back under an unchanged count: read afresh and keep nothing.
    if (db.inTransaction) return freshReading(db, this.providers);
    const { context, sourceResult } = this.current(db);
    return { context, figures: (set, range, breakdowns) => periodFigures(set, (source) => sourceResult(set, range, breakdowns, source)) };
  }

  /** The readings brought up to the file as it stands: the reports' context, and a source's figures for a period. */
  private current(db: Db): { context: FactContext; sourceResult: (set: IndicatorSet, range: DayRange, breakdowns: boolean, source: FactSourceId) => SourceResult } {
    if (this.db !== db) this.forget();
    this.db = db;
    this.takeUpKept(db);
    const counts = changeCounts(db);
    const directoryNow = tablesStamp(counts, directoryTables);
    if (this.directory?.stamp !== directoryNow) {
      this.directory = { stamp: directoryNow, ...this.caughtUp(db) };
      this.readSinceTakenUp = true;
    }
    const { directory, earlier } = this.directory;
    const context = factContext(db, this.providers, directory);
    const today = this.today();
    const readingStamps = { openDays: `${tablesStamp(counts, dutyLogTables)}|${today}`, checklist: `${tablesStamp(counts, checklistTables)}|${today}` };
    return {
      context,
      sourceResult: (set, range, breakdowns, source) => {
        const period = factPeriod(range);
        const stamp = source === 'openDays' || source === 'checklist' ? readingStamps[source] : sourceStamp(counts, source as RecordSource, range);
        const count = () => countSource(db, set, source, period, this.providers, context, breakdowns);
        const patch = (kept: SourceResult, since: Change) => patchSource(db, set, source as ClientSource, period, context, kept, since, breakdowns);
        const asked = { setId: set.id, setVersion: set.version, source, range, breakdowns };
        return this.result(asked, stamp, isClientSource(source) ? directory : null, earlier, count, patch);
      },
    };
  }

  /**
   * A source's kept result while its stamp and the directory it was counted with stand; patched when only the directory
   * was caught up since (from one of the `earlier` ones, to `directory`), for a few clients; else counted again.
   */
  private result(
    asked: Asked,
    stamp: string,
    directory: Directory | null,
    earlier: readonly Change[],
    count: () => SourceResult,
    patch: (kept: SourceResult, change: Change) => SourceResult,
  ): SourceResult {
    const key = keyOf(asked);
    const kept = this.kept.get(key);
    if (kept?.stamp === stamp && kept.directory === directory) return kept.result;
    const since = patchableSince(kept, stamp, earlier);
    const result = since ? patch(kept!.result, since) : count();
    this.kept.delete(key);
    if (this.kept.size >= keptResults) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, { asked, stamp, directory, result });
    this.readSinceTakenUp = true;
    return result;
  }

  /** The kept directory brought up to the file, or (when it cannot be, or none is kept) a new one read. */
  private caughtUp(db: Db): { directory: Directory; earlier: readonly Change[] } {
    const kept = this.directory;
    const caughtUp: CaughtUp | null = kept ? kept.directory.catchUp() : null;
    if (!kept || !caughtUp) return { directory: Directory.read(db), earlier: [] };
    if (caughtUp.directory === kept.directory) return { directory: kept.directory, earlier: kept.earlier };
    // What changed since an earlier directory is what changed since it up to the kept one, and since the kept one.
    const since = (affected: ReadonlySet<number>) => new Set([...affected, ...caughtUp.affected]);
    const older = kept.earlier.slice(0, heldDirectories - 1).map((change) => ({ from: change.from, affected: since(change.affected) }));
    return { directory: caughtUp.directory, earlier: [{ from: kept.directory, affected: caughtUp.affected }, ...older] };
  }

  /**
   * Reads ahead what a screen will ask, one step at a time with `pause()` before each: the directory a part at a time
   * (when none is kept), then each period's figures a source at a time. Ends early, keeping what it read, once the
   * readings are let go (a lock) or the file is another (a restore). The first report after an unlock then finds its
   * figures kept instead of reading a ten-year station's directory and counting its periods while the 站长 waits
   * (issue 15: 0.8 s; the longest step, the directory's clients, is about 0.1 s).
   */
  async readAhead(connection: () => Db, periods: ReadonlyArray<PreparedPeriod>, pause: () => Promise<void>): Promise<void> {
    const db = connection();
    if (this.db !== db) this.forget();
    this.db = db;
    const forgotten = this.forgotten;
    // Inside a transaction (a long operation's, between its awaits) what is read may still roll back: stop there.
    const stillSo = () => this.forgotten === forgotten && connection() === db && !db.inTransaction;
    if (!stillSo()) return;
    this.beginTakingUp(db);
    while (this.takingUp) {
      this.takingUp.next();
      // A screen that asked during the pause finished the taking up.
      if (!this.takingUp) break;
      await pause();
      if (!stillSo()) return;
    }
    if (!this.directory) {
      // Taken before the parts are read: a change made meanwhile is caught up with at the next reading.
      const stamp = tablesStamp(changeCounts(db), directoryTables);
      const parts = Directory.inParts(db);
      let step = parts.next();
      while (!step.done) {
        await pause();
        if (!stillSo()) return;
        step = parts.next();
      }
      // A screen that asked meanwhile read a directory of its own and counted with it: that one stays.
      this.directory ??= { stamp, directory: step.value, earlier: [] };
    }
    // A source at a time: a month's sessions broken down, or a stock of ten years' clients, is a step of its own. The
    // file is looked at once per period (a second unlock finds every figure kept: 200 looks cost 0.1 s); a result kept
    // under a count that moved meanwhile is counted again when the screen asks.
    for (const period of periods) {
      let reading: ReturnType<FactReadings['current']> | undefined;
      for (const source of sourcesOf(period.set)) {
        await pause();
        if (!stillSo()) return;
        reading ??= this.current(db);
        reading.sourceResult(period.set, period.range, period.breakdowns, source);
      }
    }
  }

  /**
   * What the file is to keep of the readings of `db` when the station locks: the directory and the results counted
   * with it or with none, those of an earlier directory first brought up to it where a patch can (the rest would be
   * counted again). Null when nothing was read since they were taken up, or inside a transaction, where what was read
   * may still roll back.
   */
  toKeep(db: Db): KeptReadingsRow | null {
    if (this.db !== db || !this.directory || !this.readSinceTakenUp || db.inTransaction) return null;
    const held = this.directory;
    this.bringUp(db, held);
    const results: StoredResult[] = [];
    for (const { asked, stamp, directory, result } of this.kept.values()) {
      if (directory === null || directory === held.directory) results.push({ asked, stamp, withDirectory: directory !== null, result });
    }
    return { appVersion: this.appVersion, directoryStamp: held.stamp, directory: JSON.stringify(held.directory.snapshot()), results: JSON.stringify(results) };
  }

  /**
   * The results counted with an earlier directory brought up to the held one where a patch can (at a lock, so that the
   * file keeps them: a year opened early in the session and not since is still kept after a client's change).
   */
  private bringUp(db: Db, held: HeldDirectory): void {
    const counts = changeCounts(db);
    let sets: Map<string, IndicatorSet> | undefined;
    let context: FactContext | undefined;
    for (const [key, kept] of this.kept) {
      if (kept.directory === null || kept.directory === held.directory) continue;
      const { asked } = kept;
      const since = patchableSince(kept, sourceStamp(counts, asked.source as RecordSource, asked.range), held.earlier);
      if (!since) continue;
      sets ??= new Map(allIndicatorSets(db).map(({ set }) => [`${set.id}@${set.version}`, set]));
      const set = sets.get(`${asked.setId}@${asked.setVersion}`);
      if (!set) continue;
      context ??= factContext(db, this.providers, held.directory);
      const result = patchSource(db, set, asked.source as ClientSource, factPeriod(asked.range), context, kept.result, since, asked.breakdowns);
      this.kept.set(key, { ...kept, directory: held.directory, result });
    }
  }

  /**
   * The readings the file kept at the last lock taken up as if read in this session, once after an unlock, when none
   * are held: the next reading brings them to the file as it does its own (issue 15: a ten-year station's directory
   * took 0.35 s to read, a snapshot of it 20–40 ms to take up, and a month's three periods are then patched, not counted).
   * Ignored when of another version of the app, or not readable; when the log no longer reaches back to the kept
   * directory, the next reading reads a new one and counts again what was counted with the kept one. A reading ahead
   * takes them up a step at a time; a screen that asks meanwhile finishes that at once.
   */
  private takeUpKept(db: Db): void {
    this.beginTakingUp(db);
    while (this.takingUp) this.takingUp.next();
  }

  private beginTakingUp(db: Db): void {
    if (this.lookedInFile || this.directory) return;
    this.lookedInFile = true;
    this.takingUp = this.takingUpKept(db);
  }

  private *takingUpKept(db: Db): Generator<void, void, void> {
    try {
      const row = readKeptReadings(db);
      if (row?.appVersion !== this.appVersion) return;
      const snapshot = JSON.parse(row.directory) as DirectorySnapshot;
      yield;
      const directory = yield* Directory.fromSnapshotInParts(db, snapshot);
      if (!directory) return;
      yield;
      for (const { asked, stamp, withDirectory, result } of JSON.parse(row.results) as StoredResult[]) {
        this.kept.set(keyOf(asked), { asked, stamp, directory: withDirectory ? directory : null, result });
      }
      this.directory = { stamp: row.directoryStamp, directory, earlier: [] };
    } catch {
      // A snapshot that cannot be read is only a slower first report.
      this.kept.clear();
    } finally {
      this.takingUp = undefined;
    }
  }

  /** Let go of what was read (the station locked: no client's details stay in memory). */
  forget(): void {
    this.forgotten += 1;
    this.db = undefined;
    this.directory = undefined;
    this.kept.clear();
    this.lookedInFile = false;
    this.takingUp = undefined;
    this.readSinceTakenUp = false;
  }
}
