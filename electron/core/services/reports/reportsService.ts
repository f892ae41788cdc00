import type { z } from 'zod';
import type { answerInput, correctionInput, draftInput, reportSettings, drillInput, reportRangeInput, ReportVersion, ReportView, trendInput } from '../../../../shared/api/schemas/reports.js';
import { localDay } from '../../../../shared/domain/dates.js';
import { parsePeriod, periodLabel, periodsContaining } from '../../../../shared/domain/periods.js';
import { maskName } from '../../../../shared/domain/maskName.js';
import { compareFigures } from '../../../../shared/reports/comparison.js';
import { countedRows, measure, ratiosOf, rowsInOption, valueRows, type SetFigures } from '../../../../shared/reports/compute.js';
import { factSources, type FactSourceId } from '../../../../shared/reports/factSources.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import { lastFullMonth, previousRange, twelveMonths, yearEarlierRange, type DayRange } from '../../../../shared/reports/periodShift.js';
import { reportStateWords } from '../../../../shared/reports/reportWords.js';
import { checkRules, type RuleViolation } from '../../../../shared/reports/rules.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { clientNames } from '../../repositories/clientsRepo.js';
import { freezeDraft, insertDraft, latestVersion, listVersions, recordAnswer, updateDraft, type StoredReportVersion } from '../../repositories/reportsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import type { Vault } from '../../vault.js';
import { currentIndicatorSet, importIndicatorSet, indicatorSetList, indicatorSetOf } from './indicatorSets.js';
import { writeReportSettings } from '../../repositories/indicatorSetsRepo.js';
import { writeKeptReadings } from '../../repositories/reportReadingsKeptRepo.js';
import { FactReadings, freshReading, listSetFacts, type FactProviders, type FactReading, type PreparedPeriod } from './reportFacts.js';

type Range = DayRange & Readonly<{ key: string | null; label: string }>;

/** A submitted version as the upward files carry it. */
export type SubmittedReport = Readonly<{ range: Range; set: IndicatorSet; figures: SetFigures; ratios: Record<string, number | null>; violations: RuleViolation[]; version: ReportVersion }>;

const drillLimit = 500;

function rangeOf(input: z.output<typeof reportRangeInput>): Range {
  if (input.period !== undefined) {
    const period = parsePeriod(input.period)!;
    return { key: input.period, from: period.from, to: period.to, label: period.label };
  }
  return { key: null, from: input.from!, to: input.to!, label: periodLabel(input.from!, input.to!) };
}

function namedPeriod(key: string): Range {
  return rangeOf({ period: key });
}

function versionOf(stored: StoredReportVersion): ReportVersion {
  return {
    id: stored.id,
    period: stored.period,
    label: namedPeriod(stored.period).label,
    version: stored.version,
    state: stored.state,
    setId: stored.setId,
    setVersion: stored.setVersion,
    header: JSON.parse(stored.header) as ReportVersion['header'],
    notes: JSON.parse(stored.notes) as Record<string, string>,
    correctionReason: stored.correctionReason,
    createdAt: stored.createdAt,
    submittedAt: stored.submittedAt,
    submittedBy: stored.submittedBy,
    reviewedAt: stored.reviewedAt,
    reviewedBy: stored.reviewedBy,
    answeredAt: stored.answeredAt,
    answerNote: stored.answerNote,
  };
}

const sameFigures = (a: SetFigures, b: SetFigures) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The station's periodic reports (issue 14): figures computed from the records by the indicator set for any period
 * (flows over its days, stocks on its last day, rates from summed parts), validated, compared with the period before
 * and the same period a year earlier, and kept as versions. A draft's figures are always the live records'; submitting
 * freezes them with the validation results and the notes that explain each one.
 */
export class ReportsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly providers: FactProviders,
  ) {
    this.readings = new FactReadings(providers, () => localDay(clock.now()), vault.appVersion);
  }

  private readonly readings: FactReadings;

  /** The indicator set the station reports with (the shipped one until a district's is chosen). */
  indicatorSet(db: Db = this.vault.connection()): IndicatorSet {
    return currentIndicatorSet(db);
  }

  /** A period's figures (totals only for a period compared with); inside a write (saving, submitting) read afresh. */
  private figures(db: Db, set: IndicatorSet, range: DayRange, reading: FactReading = freshReading(db, this.providers), breakdowns = true): SetFigures {
    return reading.figures(set, range, breakdowns).figures;
  }

  /**
   * A period to compare with, or null when the station recorded nothing in it (before it opened, it had no zeros);
   * the comparison reads totals only, so no breakdown is worked out.
   */
  private reference(set: IndicatorSet, range: DayRange, reading: FactReading): SetFigures | null {
    const { figures, recorded } = reading.figures(set, range, false);
    return recorded ? figures : null;
  }

  /** A submitted version is read with the set it was submitted with; a draft with the station's current one. */
  private setOfView(db: Db, stored: StoredReportVersion | undefined): IndicatorSet {
    return (stored?.figures ? indicatorSetOf(db, stored.setId, stored.setVersion) : undefined) ?? this.indicatorSet(db);
  }

  /** A period's view; inside a write (saving, submitting, correcting) read afresh. */
  private view(db: Db, range: Range, reading: FactReading = freshReading(db, this.providers)): ReportView {
    const stored = range.key === null ? undefined : latestVersion(db, range.key);
    const set = this.setOfView(db, stored);
    const live = this.figures(db, set, range, reading);
    const frozen = stored?.figures ? (JSON.parse(stored.figures) as SetFigures) : null;
    const figures = frozen ?? live;
    const violations = stored?.violations ? (JSON.parse(stored.violations) as RuleViolation[]) : checkRules(set, figures);
    const comparison = compareFigures(figures, this.reference(set, previousRange(range), reading), this.reference(set, yearEarlierRange(range), reading));
    return {
      period: { key: range.key, from: range.from, to: range.to, label: range.label },
      unit: readStation(db)?.name ?? '',
      set,
      figures,
      ratios: ratiosOf(set, figures),
      comparison,
      violations,
      version: stored ? versionOf(stored) : null,
      frozen: frozen !== null,
      recordsChanged: frozen !== null && !sameFigures(frozen, live),
    };
  }

  /** The report screen's view: read through the kept readings, so browsing periods and reopening is quick. */
  preview(input: z.output<typeof reportRangeInput>): ReportView {
    const db = this.vault.connection();
    return this.view(db, rangeOf(input), this.readings.of(db));
  }

  /** The report inside a transaction (the files are made from it): always read afresh. */
  viewOf(db: Db, input: z.output<typeof reportRangeInput>): ReportView {
    return this.view(db, rangeOf(input));
  }

  /**
   * The period's latest submitted version with what it froze, or null while it has none: the files are made from it,
   * never from the live records (and without the comparisons a screen needs).
   */
  submittedIn(db: Db, period: string): SubmittedReport | null {
    const stored = latestVersion(db, period);
    if (!stored?.figures || !stored.violations) return null;
    const set = indicatorSetOf(db, stored.setId, stored.setVersion) ?? this.indicatorSet(db);
    const figures = JSON.parse(stored.figures) as SetFigures;
    return { range: namedPeriod(period), set, figures, ratios: ratiosOf(set, figures), violations: JSON.parse(stored.violations) as RuleViolation[], version: versionOf(stored) };
  }

  list(): { versions: ReportVersion[] } {
    return { versions: listVersions(this.vault.connection()).map(versionOf) };
  }

  /** Twelve months of some values' totals, oldest first, for the report's trend charts (totals only: no breakdown is drawn). */
  trend(input: z.output<typeof trendInput>): { months: string[]; series: Record<string, number[]> } {
    const db = this.vault.connection();
    const set = this.indicatorSet(db);
    const reading = this.readings.of(db);
    const months = twelveMonths(input.month).map((month) => ({ key: month.key, figures: this.figures(db, set, month, reading, false) }));
    const unknown = input.values.find((code) => months[0]!.figures[code] === undefined);
    if (unknown) throw fieldRefusal('values', `指标取值 ${unknown} 不在本站的指标集中。`);
    return { months: months.map((month) => month.key), series: Object.fromEntries(input.values.map((code) => [code, months.map((month) => month.figures[code]!.total)])) };
  }

  /**
   * Reads ahead what the report screen asks first, the last full month's view and its twelve months' trend, the views
   * of the quarter and half that month closes (reported upward the month after), and the view of its year (年报 opens
   * on it: the year to date, or in January the year to report), one step at a time with `pause()` before each: a 站长
   * who opens them after an unlock waits for no count (issue 15). A quarter or half not yet closed is left to be
   * counted when asked: reading every period ahead after each unlock raised the host's memory over its 300 MB target.
   */
  prepareReadings(pause: () => Promise<void>): Promise<void> {
    const db = this.vault.connection();
    const [month, quarter, half, year] = periodsContaining(lastFullMonth(this.today()));
    const closed = (key: string) => namedPeriod(key).to === namedPeriod(month).to;
    const viewPeriods = (key: string): PreparedPeriod[] => {
      const range = namedPeriod(key);
      const set = this.setOfView(db, latestVersion(db, key));
      return [
        { set, range, breakdowns: true },
        { set, range: previousRange(range), breakdowns: false },
        { set, range: yearEarlierRange(range), breakdowns: false },
      ];
    };
    const current = this.indicatorSet(db);
    const periods: PreparedPeriod[] = [
      ...viewPeriods(month),
      ...twelveMonths(month).map((range) => ({ set: current, range, breakdowns: false })),
      ...[quarter, half].filter(closed).flatMap(viewPeriods),
      ...viewPeriods(year),
    ];
    return this.readings.readAhead(() => this.vault.connection(), periods, pause);
  }

  /**
   * The station locks: its kept readings are written to the file for the next unlock to take up (FactReadings) when
   * `keep`, then let go of. They are a cache: when they cannot be written (a full disk, a damaged file) the lock goes
   * on and the next unlock takes up the ones kept before, brought to the file through the logs, or reads afresh.
   */
  forgetReadings(keep: boolean): void {
    try {
      const db = this.vault.connection();
      const kept = keep ? this.readings.toKeep(db) : null;
      if (kept) this.vault.write((into) => writeKeptReadings(into, kept, this.clock.now().toISOString()));
    } catch {
      // The lock must happen; the readings are let go of below either way.
    } finally {
      this.readings.forget();
    }
  }

  /** The records behind one number (a value's total, or one option of a category), newest first; audited. */
  drill(session: Session, input: z.output<typeof drillInput>): { label: string; total: number; rows: Array<{ day: string; source: string; client: string | null; link: string }>; truncated: boolean } {
    const range = rangeOf(input.range);
    const set = this.indicatorSet();
    const item = set.indicators.find((candidate) => candidate.values.some((value) => value.code === input.value));
    const value = item?.values.find((candidate) => candidate.code === input.value);
    if (!item || !value) throw fieldRefusal('value', `指标取值 ${input.value} 不在本站的指标集中。`);
    const category = input.category === undefined ? undefined : set.categories.find((candidate) => candidate.code === input.category && item.disaggregations.includes(candidate.code));
    const option = category?.options.find((candidate) => candidate.code === input.option);
    if (input.category !== undefined && (!category || !option)) throw fieldRefusal('option', `${item.name}没有按“${input.category}/${input.option ?? ''}”细分的数。`);
    // The kept reading is taken before the write begins (inside it a reading is never kept).
    const reading = this.readings.of(this.vault.connection());
    return this.vault.write((db, audit) => {
      const all = valueRows(value, listSetFacts(db, set, range, this.providers, reading.context));
      const rows = category && option ? rowsInOption(value, category, option, all) : all;
      const counted = countedRows(value, rows);
      const sorted = [...counted].sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id).slice(0, drillLimit);
      const names = clientNames(db, [...new Set(sorted.flatMap((row) => (row.clientId === null ? [] : [row.clientId])))]);
      const source = factSources[value.fact.source as FactSourceId].label;
      audit({ ...actorOf(session), action: 'reports.drill', objectType: 'report', detail: { period: range.label, valueCode: value.code, option: option?.name ?? '', recordCount: counted.length } });
      return {
        label: `${item.name} · ${value.name}${option ? ` · ${category!.name}：${option.name}` : ''}`,
        total: measure(value, rows),
        rows: sorted.map((row) => ({ day: row.day, source, client: row.clientId === null ? null : maskName(names.get(row.clientId) ?? ''), link: row.link })),
        truncated: counted.length > drillLimit,
      };
    });
  }

  /** Keep the draft's header and notes (made on first save; a submitted period needs a correction first). */
  saveDraft(session: Session, input: z.output<typeof draftInput>): ReportView {
    const range = namedPeriod(input.period);
    return this.vault.write((db, audit) => {
      const set = this.indicatorSet(db);
      const current = latestVersion(db, input.period);
      if (current && current.state !== 'draft') throw new AppError('INVALID_INPUT', `${range.label}的报表已提交（第 ${current.version} 版），不能再修改；如需更正请新建更正版本并写明原因。`);
      const header = JSON.stringify(input.header);
      const notes = JSON.stringify(input.notes);
      if (current) updateDraft(db, current.id, header, notes);
      else insertDraft(db, { period: input.period, from: range.from, to: range.to, version: 1, setId: set.id, setVersion: set.version, header, notes, correctionReason: null }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'reports.saveDraft', objectType: 'report', detail: { period: range.label, reportVersion: current?.version ?? 1 } });
      return this.view(db, range);
    });
  }

  /**
   * 草稿 → 待审核: the figures are computed once more from the records and frozen with the validation results; every
   * result must be explained by a note first (issue 14: "submission needs it resolved or explained in a note").
   */
  submit(session: Session, period: string): ReportView {
    const range = namedPeriod(period);
    if (range.to >= this.today()) throw fieldRefusal('period', `${range.label}尚未结束，结束后才能提交。`);
    return this.vault.write((db, audit) => {
      const set = this.indicatorSet(db);
      const current = latestVersion(db, period);
      if (!current || current.state !== 'draft') throw new AppError('INVALID_INPUT', current ? `${range.label}的报表已提交（第 ${current.version} 版）。` : `请先填写${range.label}报表的填表人和联系电话并保存草稿。`);
      const figures = this.figures(db, set, range);
      const violations = checkRules(set, figures);
      const notes = JSON.parse(current.notes) as Record<string, string>;
      const unexplained = violations.filter((violation) => !notes[violation.ruleId]?.trim());
      if (unexplained.length > 0) {
        throw new AppError('INVALID_INPUT', `还有 ${unexplained.length} 条校验提示未说明：${unexplained.map((violation) => violation.name).join('；')}。请核对记录后修正，或写明原因再提交。`, unexplained.map((violation) => ({ path: `notes.${violation.ruleId}`, message: `请说明“${violation.name}”的原因。` })));
      }
      freezeDraft(db, current.id, { figures: JSON.stringify(figures), violations: JSON.stringify(violations), setId: set.id, setVersion: set.version }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'reports.submit', objectType: 'report', objectId: current.id, detail: { period: range.label, reportVersion: current.version, violationCount: violations.length } });
      return this.view(db, range);
    });
  }

  /** A submitted period corrected: a new draft version with the reason; the submitted one stays as it was. */
  correct(session: Session, input: z.output<typeof correctionInput>): ReportView {
    const range = namedPeriod(input.period);
    return this.vault.write((db, audit) => {
      const set = this.indicatorSet(db);
      const current = latestVersion(db, input.period);
      if (!current || current.state === 'draft') throw new AppError('INVALID_INPUT', `${range.label}的报表还没有提交过，直接修改草稿即可。`);
      const version = current.version + 1;
      insertDraft(db, { period: input.period, from: range.from, to: range.to, version, setId: set.id, setVersion: set.version, header: current.header, notes: current.notes, correctionReason: input.reason }, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'reports.correct', objectType: 'report', detail: { period: range.label, reportVersion: version, correctionReason: input.reason } });
      return this.view(db, range);
    });
  }

  /** The 街道's answer to a reported version: 已接收, or 退回 with its reason (the 站长 then makes a correction). */
  answer(session: Session, input: z.output<typeof answerInput>): ReportView {
    const range = namedPeriod(input.period);
    return this.vault.write((db, audit) => {
      const current = latestVersion(db, input.period);
      if (!current || current.state !== 'reported') throw new AppError('INVALID_INPUT', `${range.label}的报表${current ? `处于“${reportStateWords[current.state]}”状态` : '尚未提交'}，只有已上报的报表才能登记上级的答复。`);
      recordAnswer(db, current.id, input.answer, input.note, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'reports.answer', objectType: 'report', objectId: current.id, detail: { period: range.label, reportVersion: current.version, answer: reportStateWords[input.answer] } });
      return this.view(db, range);
    });
  }

  indicatorSets() {
    return indicatorSetList(this.vault.connection());
  }

  importIndicatorSet(session: Session, json: string) {
    return this.vault.write((db, audit) => {
      const set = importIndicatorSet(db, json, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'reports.importIndicatorSet', objectType: 'report', detail: { setName: set.name, setVersion: set.version } });
      return indicatorSetList(db);
    });
  }

  /** The set to report with (kept by id and version) and the shared copies' threshold; drafts follow the new set. */
  saveSettings(session: Session, settings: z.output<typeof reportSettings>) {
    return this.vault.write((db, audit) => {
      const chosen = settings.setId === null || settings.setVersion === null ? null : indicatorSetOf(db, settings.setId, settings.setVersion);
      if (settings.setId !== null && !chosen) throw fieldRefusal('setId', `找不到指标集 ${settings.setId}（第 ${settings.setVersion ?? '?'} 版）。`);
      writeReportSettings(db, settings);
      audit({ ...actorOf(session), action: 'reports.saveSettings', objectType: 'report', detail: { setName: chosen?.name ?? '', setVersion: chosen?.version ?? 0, sharedThreshold: settings.sharedThreshold } });
      return indicatorSetList(db);
    });
  }

  private today(): string {
    return localDay(this.clock.now());
  }
}
