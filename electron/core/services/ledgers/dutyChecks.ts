import type { DutyLog, DutyLogInput, DutyShiftInput } from '../../../../shared/api/schemas/duty.js';
import { localMinute } from '../../../../shared/domain/dates.js';
import { toMinute } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { firstOverlap, type DutyTable, type StoredDutyLog } from '../../repositories/dutyRepo.js';
import { findUserById } from '../../repositories/usersRepo.js';
import { requireStaffAccount } from './ledgerStaff.js';

const tableWords: Record<DutyTable, string> = { duty_shifts: '值班安排', duty_logs: '值班记录' };

/**
 * One person is in one place at a time: a shift (or a log) may not overlap another of the same person that day.
 * Touching ends (12:00–14:00 after 09:00–12:00) do not overlap.
 */
export function requireNoOverlap(db: Db, table: DutyTable, entry: Pick<DutyShiftInput, 'onDutyId' | 'date' | 'startTime' | 'endTime'>, exceptId: number | null): void {
  const clash = firstOverlap(db, table, { userId: entry.onDutyId, day: entry.date, startTime: entry.startTime, endTime: entry.endTime }, exceptId);
  if (!clash) return;
  const name = findUserById(db, entry.onDutyId)?.displayName ?? `#${entry.onDutyId}`;
  throw fieldRefusal('startTime', `${name} 在 ${entry.date} 已有 ${clash.startTime}–${clash.endTime} 的${tableWords[table]}，与 ${entry.startTime}–${entry.endTime} 重叠。`);
}

/** Who is on duty: an active account (a disabled one already named may stay). */
export function requireOnDuty(db: Db, onDutyId: number, currentId: number | null): void {
  requireStaffAccount(db, onDutyId, currentId === onDutyId, 'onDutyId', '值班人');
}

/** The 站长 corrects any log; everyone else writes and edits their own (issue 12: "anyone on duty writes their own log"). */
export function mayEditLog(session: Session, log: Pick<StoredDutyLog, 'onDuty'>): boolean {
  return session.role === 'admin' || log.onDuty.id === session.userId;
}

/** Every rule a log must pass beyond the schema's, in the order a person would fix them; nothing is saved on a refusal. */
export function checkLog(db: Db, session: Session, now: Date, input: DutyLogInput, current: StoredDutyLog | null): void {
  if (current && !mayEditLog(session, current)) throw new AppError('FORBIDDEN', '只有站长或值班人本人可以修改此值班记录。');
  if (session.role !== 'admin' && input.onDutyId !== session.userId) throw fieldRefusal('onDutyId', '只能填写自己的值班记录；他人的记录请由本人或站长填写。');
  // A log tells what happened: its end may not lie after now.
  if (toMinute(`${input.date}T${input.endTime}`) > localMinute(now)) throw fieldRefusal('endTime', `值班结束时间 ${input.date} ${input.endTime} 还未到，不能填写值班记录。`);
  requireOnDuty(db, input.onDutyId, current?.onDuty.id ?? null);
  requireNoOverlap(db, 'duty_logs', input, current?.id ?? null);
}

export function logViewOf(session: Session, log: StoredDutyLog): DutyLog {
  const { createdBy: _createdBy, ...rest } = log;
  return { ...rest, editable: mayEditLog(session, log) };
}
