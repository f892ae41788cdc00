import type { z } from 'zod';
import type { availabilityExceptionInput, availabilityInput, calendarDayInput, roomInput, waitlistInput } from '../../../../shared/api/schemas/appointments.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { clockToMinute, minuteToClock } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { hasBookingWith, noShowCount } from '../../repositories/appointmentsRepo.js';
import { deleteException, exceptionOwner, exceptionsOf, insertException, replaceWeeklyRanges, weeklyRangesOf } from '../../repositories/availabilityRepo.js';
import { deleteStationDay, hasEnteredHolidays, saveStationDay } from '../../repositories/calendarDaysRepo.js';
import { reachableClients } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { insertRoom, listRooms, roomNameTaken, setRoomActive } from '../../repositories/roomsRepo.js';
import { findUserById, isActiveCounsellor } from '../../repositories/usersRepo.js';
import { closeWaitingEntry, insertWaitingEntry, listWaiting, readWaitlistParties } from '../../repositories/waitlistRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, caseAccessOf, requireClientCases } from '../../access/clinicalReach.js';
import { requireBookingRights, someoneElsesClient } from './bookingVisibility.js';
import { dayFacts, hasOfficialSchedule } from './calendar.js';

/** Availability belongs to an account; an unknown id is NOT_FOUND, not a foreign-key failure. */
function requireUser(db: Db, userId: number): void {
  if (!findUserById(db, userId)) throw new AppError('NOT_FOUND', '找不到该用户。');
}

/** Rooms, counsellors' weekly availability and leave, the calendar, and the waiting list. */
export class ScheduleService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  rooms() {
    return listRooms(this.vault.connection());
  }

  addRoom(session: Session, input: z.output<typeof roomInput>) {
    return this.vault.write((db, audit) => {
      if (roomNameTaken(db, input.name)) throw new AppError('INVALID_INPUT', '已有同名房间。');
      const id = insertRoom(db, input);
      audit({ ...actorOf(session), action: 'rooms.add', objectType: 'room', objectId: id });
      return this.rooms();
    });
  }

  setRoomActive(session: Session, id: number, active: boolean) {
    return this.vault.write((db, audit) => {
      if (!setRoomActive(db, id, active)) throw new AppError('NOT_FOUND', '找不到该房间。');
      audit({ ...actorOf(session), action: 'rooms.setActive', objectType: 'room', objectId: id, detail: { active } });
      return this.rooms();
    });
  }

  availability(userId: number) {
    const db = this.vault.connection();
    requireUser(db, userId);
    const slots = weeklyRangesOf(db, userId);
    const exceptions = exceptionsOf(db, userId);
    return { userId, slots: slots.map((slot) => ({ weekday: slot.weekday, start: minuteToClock(slot.start), end: minuteToClock(slot.end) })), exceptions };
  }

  /** A counsellor sets their own pattern; the 站长 sets anyone's. */
  private requireSelfOrAdmin(session: Session, userId: number): void {
    if (session.role !== 'admin' && session.userId !== userId) throw new AppError('FORBIDDEN', '只能设置自己的可预约时间。');
  }

  setAvailability(session: Session, input: z.output<typeof availabilityInput>) {
    this.requireSelfOrAdmin(session, input.userId);
    return this.vault.write((db, audit) => {
      requireUser(db, input.userId);
      replaceWeeklyRanges(
        db,
        input.userId,
        input.slots.map((slot) => ({ weekday: slot.weekday, start: clockToMinute(slot.start), end: clockToMinute(slot.end) })),
      );
      audit({ ...actorOf(session), action: 'availability.set', objectType: 'user', objectId: input.userId, detail: { slots: input.slots.length } });
      return this.availability(input.userId);
    });
  }

  addException(session: Session, input: z.output<typeof availabilityExceptionInput>) {
    this.requireSelfOrAdmin(session, input.userId);
    return this.vault.write((db, audit) => {
      requireUser(db, input.userId);
      insertException(db, input);
      audit({ ...actorOf(session), action: 'availability.exception', objectType: 'user', objectId: input.userId, detail: { kind: input.kind } });
      return this.availability(input.userId);
    });
  }

  /** Leave entered by mistake or cancelled: removed by its counsellor or the 站长. */
  removeException(session: Session, id: number) {
    return this.vault.write((db, audit) => {
      const userId = exceptionOwner(db, id);
      if (userId === undefined) throw new AppError('NOT_FOUND', '找不到该请假或不可预约记录。');
      this.requireSelfOrAdmin(session, userId);
      deleteException(db, id);
      audit({ ...actorOf(session), action: 'availability.removeException', objectType: 'user', objectId: userId, detail: { id } });
      return this.availability(userId);
    });
  }

  calendar(from: string, to: string) {
    const db = this.vault.connection();
    if (addDays(from, 400) < to) throw new AppError('INVALID_INPUT', '一次最多查询 400 天。');
    const days: Array<{ day: string; kind: 'holiday' | 'workday' | 'closure'; name: string; source: 'official' | 'station' }> = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const facts = dayFacts(db, day);
      if (facts.kind === 'holiday' || facts.kind === 'workday' || facts.kind === 'closure') days.push({ day, kind: facts.kind, name: facts.name, source: facts.source === 'station' ? 'station' : 'official' });
    }
    const years = new Set<number>();
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.add(year);
    return { days, yearsWithoutData: [...years].filter((year) => !hasOfficialSchedule(year) && !hasEnteredHolidays(db, year)) };
  }

  setCalendarDay(session: Session, input: z.output<typeof calendarDayInput>) {
    return this.vault.write((db, audit) => {
      saveStationDay(db, input.day, input);
      audit({ ...actorOf(session), action: 'calendar.set', objectType: 'day', objectId: input.day, detail: { kind: input.kind } });
      return { ok: true as const };
    });
  }

  /** Only days the station entered can be removed; the official schedule comes from chinese-days. */
  removeCalendarDay(session: Session, day: string) {
    return this.vault.write((db, audit) => {
      if (!deleteStationDay(db, day)) throw new AppError('NOT_FOUND', `${day} 没有本站录入的安排；国家法定安排不能删除。`);
      audit({ ...actorOf(session), action: 'calendar.remove', objectType: 'day', objectId: day });
      return { ok: true as const };
    });
  }

  noShows(session: Session, clientId: number) {
    return auditedRead(this.vault, session, { action: 'appointments.noShows', objectType: 'client', objectId: clientId }, (db) => {
      // A counsellor booked with the client sees the count on their own booking (a first intake has no case yet).
      const booked = session.role === 'counsellor' && hasBookingWith(db, clientId, session.userId ?? 0);
      if (session.role !== 'reception' && !booked) requireClientCases(db, session, clientId);
      return { clientId, noShows: noShowCount(db, clientId) };
    });
  }

  /**
   * Oldest first. A counsellor sees who waits for them or for anyone, and clients they reach; an
   * entry waiting for another counsellor shows only that someone waits (as in the calendar).
   */
  waitlist(session: Session) {
    const db = this.vault.connection();
    const rows = listWaiting(db);
    if (session.role !== 'counsellor') return rows.map((row) => ({ ...row, mayChange: true }));
    const others = rows.filter((row) => row.counsellorId !== null && row.counsellorId !== session.userId && row.clientId !== null).map((row) => row.clientId!);
    const reached = reachableClients(db, others, caseAccessOf(session));
    return rows.map((row) =>
      row.counsellorId === null || row.counsellorId === session.userId || (row.clientId !== null && reached.has(row.clientId))
        ? { ...row, mayChange: true }
        : { ...row, clientId: null, who: someoneElsesClient, phone: '', note: '', mayChange: false },
    );
  }

  addToWaitlist(session: Session, input: z.output<typeof waitlistInput>) {
    return this.vault.write((db, audit) => {
      if (input.counsellorId !== undefined && !isActiveCounsellor(db, input.counsellorId)) throw new AppError('INVALID_INPUT', '请选择启用中的咨询师。');
      if (input.clientId !== undefined && !clientExists(db, input.clientId)) throw new AppError('INVALID_INPUT', '找不到该来访者。');
      if (input.counsellorId !== undefined) requireBookingRights(db, session, { counsellorId: input.counsellorId, clientId: input.clientId ?? null });
      const id = insertWaitingEntry(
        db,
        { clientId: input.clientId ?? null, walkInName: input.walkIn?.name ?? '', walkInPhone: input.walkIn?.phone ?? '', counsellorId: input.counsellorId ?? null, note: input.note },
        session.userId ?? 0,
        this.clock.now().toISOString(),
      );
      audit({ ...actorOf(session), action: 'waitlist.add', objectType: 'waitlist', objectId: id });
      return this.waitlist(session);
    });
  }

  closeWaitlistEntry(session: Session, id: number, status: 'booked' | 'removed') {
    return this.vault.write((db, audit) => {
      const entry = readWaitlistParties(db, id);
      if (!entry) throw new AppError('NOT_FOUND', '候补记录不存在或已处理。');
      // Waiting for anyone is everyone's to book; waiting for a colleague follows the booking rule.
      if (entry.counsellorId !== null) requireBookingRights(db, session, { counsellorId: entry.counsellorId, clientId: entry.clientId });
      if (!closeWaitingEntry(db, id, status)) throw new AppError('NOT_FOUND', '候补记录不存在或已处理。');
      audit({ ...actorOf(session), action: 'waitlist.close', objectType: 'waitlist', objectId: id, detail: { status } });
      return this.waitlist(session);
    });
  }
}
