import type { z } from 'zod';
import type { DutyDay, DutyLog, DutyLogInput, dutyLogListInput, DutyMonth, DutyPatternLine, dutyRepeatInput, DutyShift, DutyShiftInput } from '../../../../shared/api/schemas/duty.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { clockToMinute, weekdayOf } from '../../../../shared/domain/localTime.js';
import { parsePeriod } from '../../../../shared/domain/periods.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { deleteShift, insertLog, insertShift, listLogs, listShifts, readLog, readShift, updateLog, updateShift, type StoredDutyLog } from '../../repositories/dutyRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import type { Vault } from '../../vault.js';
import { dayFacts } from '../appointments/calendar.js';
import { checkLog, logViewOf, requireNoOverlap, requireOnDuty } from './dutyChecks.js';

type Range = Readonly<{ startTime: string; endTime: string }>;

/** Minutes covered by a day's ranges, overlaps counted once (two people on duty together keep the station open once). */
export function coveredMinutes(ranges: readonly Range[]): number {
  const sorted = ranges.map((range) => [clockToMinute(range.startTime), clockToMinute(range.endTime)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -1;
  for (const [start, end] of sorted) {
    const from = Math.max(start, reach);
    if (end > from) total += end - from;
    reach = Math.max(reach, end);
  }
  return total;
}

const byDay = <T extends { date: string }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.date, [...(map.get(row.date) ?? []), row]);
  return map;
};

/** The tables loggedDays reads (the report keeps its open days while their change counts stand still). */
export const dutyLogTables = ['duty_logs', 'users'] as const;

/** The days the duty log shows someone on duty in the period, oldest first (as the log is read), with the minutes covered (overlaps once). */
export function loggedDays(db: Db, period: Readonly<{ from: string; to: string }>): Array<{ day: string; minutes: number }> {
  return [...byDay(listLogs(db, period))]
    .map(([day, logs]) => ({ day, minutes: coveredMinutes(logs) }))
    .filter((entry) => entry.minutes > 0);
}

/** The weekday whose pattern a day follows: a 调休 working day (a weekend day worked) keeps a Monday's. */
const patternWeekday = (day: string, kind: DutyDay['kind']) => (kind === 'workday' ? 1 : weekdayOf(day));
const closed = (kind: DutyDay['kind']) => kind === 'holiday' || kind === 'closure';

/**
 * The roster of a period (a month on screen, up to a year exported) with each day's hours: the station's opening
 * hours (the appointments settings' 开放时间, none on a holiday or closure), the hours someone is rostered and the
 * hours someone logged on duty.
 */
export function readDutyPeriod(db: Db, period: Readonly<{ from: string; to: string }>): Omit<DutyMonth, 'month'> & { logs: StoredDutyLog[] } {
  const shifts = listShifts(db, period.from, period.to);
  const logs = listLogs(db, period);
  const opening = readSettings(db).openingHours;
  const shiftsOn = byDay(shifts);
  const logsOn = byDay(logs);
  const days: DutyDay[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const facts = dayFacts(db, day);
    const slots = closed(facts.kind) ? [] : opening.filter((slot) => slot.weekday === patternWeekday(day, facts.kind)).map((slot) => ({ startTime: slot.start, endTime: slot.end }));
    days.push({
      day,
      weekday: weekdayOf(day),
      kind: facts.kind,
      name: facts.name,
      openingMinutes: coveredMinutes(slots),
      rosterMinutes: coveredMinutes(shiftsOn.get(day) ?? []),
      actualMinutes: coveredMinutes(logsOn.get(day) ?? []),
    });
  }
  const sum = (key: 'openingMinutes' | 'rosterMinutes' | 'actualMinutes') => days.reduce((total, day) => total + day[key], 0);
  const totals = { openingMinutes: sum('openingMinutes'), rosterMinutes: sum('rosterMinutes'), actualMinutes: sum('actualMinutes'), shifts: shifts.length, logs: logs.length };
  return { from: period.from, to: period.to, days, shifts, totals, logs };
}

/**
 * The duty ledger (值班安排表, 值班记录; station-work-and-reporting.md §1.3). Every write is audited and is one
 * transaction, so a refusal (end before start, one person's overlapping shifts, a log in the future) saves nothing.
 */
export class DutyService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private requireShift(db: Db, id: number): DutyShift {
    const shift = readShift(db, id);
    if (!shift) throw new AppError('NOT_FOUND', '找不到该值班安排。');
    return shift;
  }

  private requireLog(db: Db, id: number): StoredDutyLog {
    const log = readLog(db, id);
    if (!log) throw new AppError('NOT_FOUND', '找不到该值班记录。');
    return log;
  }

  month(month: string): DutyMonth {
    const { logs: _logs, ...rest } = readDutyPeriod(this.vault.connection(), parsePeriod(month)!);
    return { month, ...rest };
  }

  addShift(session: Session, input: DutyShiftInput): DutyShift {
    return this.vault.write((db, audit) => {
      requireOnDuty(db, input.onDutyId, null);
      requireNoOverlap(db, 'duty_shifts', input, null);
      const id = insertShift(db, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'duty.addShift', objectType: 'dutyShift', objectId: id, detail: { dutyDate: input.date } });
      return this.requireShift(db, id);
    });
  }

  updateShift(session: Session, input: DutyShiftInput & { id: number }): DutyShift {
    return this.vault.write((db, audit) => {
      const current = this.requireShift(db, input.id);
      requireOnDuty(db, input.onDutyId, current.onDuty.id);
      requireNoOverlap(db, 'duty_shifts', input, input.id);
      updateShift(db, input.id, input, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'duty.updateShift', objectType: 'dutyShift', objectId: input.id, detail: { dutyDate: input.date } });
      return this.requireShift(db, input.id);
    });
  }

  removeShift(session: Session, id: number): { ok: true } {
    return this.vault.write((db, audit) => {
      const current = this.requireShift(db, id);
      deleteShift(db, id);
      audit({ ...actorOf(session), action: 'duty.removeShift', objectType: 'dutyShift', objectId: id, detail: { dutyDate: current.date, onDuty: current.onDuty.displayName } });
      return { ok: true as const };
    });
  }

  /**
   * A weekly pattern repeated over a month: each line on every day of its weekday (a 调休 working day follows
   * Monday's lines), holidays and closures of the station's calendar left out unless asked. One conflict refuses all.
   */
  repeatWeek(session: Session, input: z.output<typeof dutyRepeatInput>) {
    return this.vault.write((db, audit) => {
      const period = parsePeriod(input.month)!;
      const at = this.clock.now().toISOString();
      for (const line of input.pattern) requireOnDuty(db, line.onDutyId, null);
      let created = 0;
      const skippedDays: Array<{ day: string; name: string }> = [];
      for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
        const facts = dayFacts(db, day);
        const lines: DutyPatternLine[] = input.pattern.filter((line) => line.weekday === patternWeekday(day, facts.kind));
        if (lines.length === 0) continue;
        if (input.skipHolidays && closed(facts.kind)) {
          skippedDays.push({ day, name: facts.name });
          continue;
        }
        for (const line of lines) {
          const shift = { onDutyId: line.onDutyId, date: day, startTime: line.startTime, endTime: line.endTime, note: '' };
          requireNoOverlap(db, 'duty_shifts', shift, null);
          insertShift(db, shift, session.userId ?? 0, at);
          created += 1;
        }
      }
      audit({ ...actorOf(session), action: 'duty.repeatWeek', objectType: null, objectId: null, detail: { month: input.month, shiftsCreated: created, holidaysSkipped: skippedDays.length } });
      return { created, skippedDays };
    });
  }

  logs(session: Session, filter: z.output<typeof dutyLogListInput>): DutyLog[] {
    return listLogs(this.vault.connection(), filter).map((log) => logViewOf(session, log));
  }

  writeLog(session: Session, input: DutyLogInput): DutyLog {
    return this.vault.write((db, audit) => {
      checkLog(db, session, this.clock.now(), input, null);
      const id = insertLog(db, input, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'duty.writeLog', objectType: 'dutyLog', objectId: id, detail: { dutyDate: input.date } });
      return logViewOf(session, this.requireLog(db, id));
    });
  }

  updateLog(session: Session, input: DutyLogInput & { id: number }): DutyLog {
    return this.vault.write((db, audit) => {
      const current = this.requireLog(db, input.id);
      checkLog(db, session, this.clock.now(), input, current);
      updateLog(db, input.id, input, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'duty.updateLog', objectType: 'dutyLog', objectId: input.id, detail: { dutyDate: input.date, onDuty: current.onDuty.displayName } });
      return logViewOf(session, this.requireLog(db, input.id));
    });
  }
}
