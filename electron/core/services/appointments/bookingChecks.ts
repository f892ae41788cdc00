import { clockToMinute, dayOf, minuteOfDay, weekdayOf } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { findClash } from '../../repositories/appointmentsRepo.js';
import { leaveOf, weeklyRangesOf } from '../../repositories/availabilityRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { followUpClient, followUpState } from '../../repositories/riskRepo.js';
import { isActiveRoom } from '../../repositories/roomsRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import { isActiveCounsellor } from '../../repositories/usersRepo.js';
import { maskForViewer } from './bookingVisibility.js';
import { dayFacts } from './calendar.js';

/**
 * The checks every booking, move, series and 预约随访 passes: no overlap for the counsellor, the room
 * or the client (cancelled bookings do not count); outside opening hours or the counsellor's
 * availability needs a reason; a holiday or closure needs a confirmation.
 */
export type Slot = Readonly<{ counsellorId: number; roomId: number; clientId: number | null; startMinute: number; endMinute: number }>;
export type Overrides = Readonly<{ overrideReason: string; confirmHoliday: boolean }>;

const clashLabel = { counsellor: '咨询师', room: '房间', client: '来访者' } as const;

/** `viewer` is who will read the message: another counsellor's client is not named to them. */
export function clashProblem(db: Db, slot: Slot, ignore: readonly number[], viewer: Session | null = null): string | null {
  const found = findClash(db, slot, ignore);
  if (!found) return null;
  const clash = maskForViewer(db, viewer, [found])[0]!;
  return `${clashLabel[clash.on]}在该时段已有预约：${clash.start.slice(0, 10)} ${clash.start.slice(11)}–${clash.end.slice(11)} ${clash.who}（${clash.counsellorName}，${clash.roomName}）`;
}

type Range = { start: number; end: number };

/** Opening hours and one counsellor's weekly availability and leave: read once, checked for many slots. */
export type HoursRules = Readonly<{
  opening: ReadonlyMap<number, Range[]>;
  /** Null when the counsellor has no weekly pattern: then opening hours alone apply. */
  availability: ReadonlyMap<number, Range[]> | null;
  leave: ReadonlyArray<{ fromDay: string; toDay: string; kind: string }>;
}>;

function byWeekday(rows: Array<{ weekday: number; start: number; end: number }>): Map<number, Range[]> {
  const map = new Map<number, Range[]>();
  for (const row of rows) map.set(row.weekday, [...(map.get(row.weekday) ?? []), { start: row.start, end: row.end }]);
  for (const [weekday, ranges] of map) map.set(weekday, mergeRanges(ranges));
  return map;
}

export function hoursRules(db: Db, counsellorId: number): HoursRules {
  const opening = readSettings(db).openingHours.map((range) => ({ weekday: range.weekday, start: clockToMinute(range.start), end: clockToMinute(range.end) }));
  const slots = weeklyRangesOf(db, counsellorId);
  const leave = leaveOf(db, counsellorId);
  return { opening: byWeekday(opening), availability: slots.length > 0 ? byWeekday(slots) : null, leave };
}

/** Opening hours and availability: a list of reasons the slot is outside, empty when it is inside. */
export function outsideHours(rules: HoursRules, slot: Slot): string[] {
  const day = dayOf(slot.startMinute);
  const weekday = weekdayOf(day);
  const from = minuteOfDay(slot.startMinute);
  const to = from + (slot.endMinute - slot.startMinute);
  const within = (ranges: Range[] | undefined) => (ranges ?? []).some((range) => from >= range.start && to <= range.end);
  const problems: string[] = [];
  if (!within(rules.opening.get(weekday))) problems.push('不在本站开放时间内');
  if (rules.availability && !within(rules.availability.get(weekday))) problems.push('不在该咨询师的可预约时间内');
  const leave = rules.leave.find((entry) => entry.fromDay <= day && entry.toDay >= day);
  if (leave) problems.push(leave.kind === 'leave' ? '该咨询师当天请假' : '该咨询师当天不可预约');
  return problems;
}

/** All checks for one slot; throws the first refusal with a message naming what clashes. */
export function checkSlot(db: Db, slot: Slot, overrides: Overrides, ignore: readonly number[], viewer: Session): void {
  const clash = clashProblem(db, slot, ignore, viewer);
  if (clash) throw new AppError('APPOINTMENT_CONFLICT', clash);
  const facts = dayFacts(db, dayOf(slot.startMinute));
  if ((facts.kind === 'holiday' || facts.kind === 'closure') && !overrides.confirmHoliday) {
    throw new AppError('HOLIDAY_CONFIRMATION', `${dayOf(slot.startMinute)} 是${facts.name || (facts.kind === 'closure' ? '闭站日' : '节假日')}，请确认后再预约。`, { day: facts });
  }
  const outside = outsideHours(hoursRules(db, slot.counsellorId), slot);
  if (outside.length > 0 && overrides.overrideReason.length < 2) {
    throw new AppError('NEEDS_REASON', `${outside.join('；')}，请填写原因。`, { problems: outside });
  }
}

/** Back-to-back ranges (09:00–12:00 and 12:00–17:00) cover a booking across the join. */
function mergeRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Whose follow-up this is, and nothing more: a caller's reach is checked on it before the follow-up's state. */
export function followUpClientId(db: Db, followUpId: number): number {
  const clientId = followUpClient(db, followUpId);
  if (clientId === undefined) throw new AppError('NOT_FOUND', '找不到该随访。');
  return clientId;
}

/** A pending follow-up to book (预约随访); when `clientId` is given, the booking's client must be its client. */
export function requireFollowUp(db: Db, followUpId: number, clientId?: number | null): { clientId: number; dueOn: string } {
  const followUp = followUpState(db, followUpId);
  if (clientId !== undefined && followUp?.clientId !== clientId) throw new AppError('INVALID_INPUT', '找不到该来访者的这条随访。');
  if (!followUp) throw new AppError('NOT_FOUND', '找不到该随访。');
  if (followUp.status !== 'due') throw new AppError('INVALID_INPUT', '该随访已记录或已取消，不能再预约。');
  return followUp;
}

export function requireParties(db: Db, counsellorId: number, roomId: number, clientId: number | null): void {
  if (!isActiveCounsellor(db, counsellorId)) throw new AppError('INVALID_INPUT', '请选择启用中的咨询师。');
  if (!isActiveRoom(db, roomId)) throw new AppError('INVALID_INPUT', '找不到该房间，或房间已停用。');
  if (clientId !== null && !clientExists(db, clientId)) throw new AppError('INVALID_INPUT', '找不到该来访者。');
}
