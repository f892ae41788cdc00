import type { z } from 'zod';
import { monthDayBookings, type AppointmentRecord, type appointmentInput, type seriesInput, type seriesUpdateInput } from '../../../../shared/api/schemas/appointments.js';
import { daysInMinutes, localDay, localMinute } from '../../../../shared/domain/dates.js';
import { clockToMinute, dayOf, fromMinute, minuteOfDay, toMinute } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import {
  activeFollowUpBooking,
  insertAppointment,
  insertSeries,
  linkAppointmentClient,
  listAppointments,
  listBookingDays,
  moveAppointment,
  readAppointment,
  seriesMembers,
  setAppointmentStatus,
  type Booking,
} from '../../repositories/appointmentsRepo.js';
import { clientCases } from '../../repositories/casesRepo.js';
import { insertSession } from '../../repositories/sessionsRepo.js';
import { isActiveCounsellor } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';
import { auditedRead, requireCase, requireClientCases } from '../../access/clinicalReach.js';
import { checkSlot, clashProblem, followUpClientId, hoursRules, outsideHours, requireFollowUp, requireParties, type Overrides } from './bookingChecks.js';
import { maskForViewer, requireBookingRights } from './bookingVisibility.js';
import { firstFreeSlot } from './freeSlot.js';

/** The contract caps `count` at 52; a series given by end date is held to the same. */
const maxSeries = 52;

const statusLabel: Record<AppointmentRecord['status'], string> = { booked: '已预约', arrived: '已到', completed: '已完成', no_show: '爽约', cancelled: '已取消' };

/**
 * Appointments (预约服务). Every booking, move and series passes the same checks: no overlap for the
 * counsellor, the room or the client (cancelled bookings do not count); outside opening hours or the
 * counsellor's availability needs a reason; a holiday or closure needs a confirmation.
 */
export class AppointmentsService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private booking(input: z.output<typeof appointmentInput>, startMinute: number, seriesId: number | null): Booking {
    return {
      seriesId,
      clientId: input.clientId ?? null,
      walkInName: input.walkIn?.name ?? '',
      walkInPhone: input.walkIn?.phone ?? '',
      counsellorId: input.counsellorId,
      roomId: input.roomId,
      startMinute,
      endMinute: startMinute + input.durationMinutes,
      type: input.type,
      notes: input.notes,
      overrideReason: input.overrideReason,
      followUpId: input.followUpId ?? null,
    };
  }

  create(session: Session, input: z.output<typeof appointmentInput>) {
    return this.vault.write((db, audit) => {
      requireParties(db, input.counsellorId, input.roomId, input.clientId ?? null);
      requireBookingRights(db, session, { counsellorId: input.counsellorId, clientId: input.clientId ?? null });
      if (input.followUpId !== undefined) requireFollowUp(db, input.followUpId, input.clientId ?? null);
      const booking = this.booking(input, toMinute(input.start), null);
      this.confirmedIfPast(booking.startMinute, input.confirmPast);
      checkSlot(db, booking, input, [], session);
      const id = insertAppointment(db, booking, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'appointments.create', objectType: 'appointment', objectId: id, detail: { overridden: input.overrideReason.length > 0 } });
      return this.visible(db, session, id);
    });
  }

  /** Weekly or fortnightly: each occurrence is checked; clashes and holidays are skipped and reported. */
  createSeries(session: Session, input: z.output<typeof seriesInput>) {
    const { appointment } = input;
    return this.vault.write((db, audit) => {
      requireParties(db, appointment.counsellorId, appointment.roomId, appointment.clientId ?? null);
      requireBookingRights(db, session, { counsellorId: appointment.counsellorId, clientId: appointment.clientId ?? null });
      const first = toMinute(appointment.start);
      this.confirmedIfPast(first, appointment.confirmPast);
      if (input.until !== undefined && input.until < dayOf(first)) throw new AppError('INVALID_INPUT', '截止日期不能早于第一次预约。');
      const starts: number[] = [];
      for (let index = 0; input.count === undefined ? dayOf(first + index * input.everyWeeks * 7 * 1440) <= input.until! : index < input.count; index += 1) {
        if (starts.length === maxSeries) throw new AppError('INVALID_INPUT', `截止日期过远：一个系列最多 ${maxSeries} 次。`);
        starts.push(first + index * input.everyWeeks * 7 * 1440);
      }
      // Hours are the same for every occurrence's weekday: ask for the reason once, before anything is skipped.
      const outside = outsideHours(hoursRules(db, appointment.counsellorId), this.booking(appointment, first, null));
      if (outside.length > 0 && appointment.overrideReason.length < 2) throw new AppError('NEEDS_REASON', `${outside.join('；')}，请填写原因。`, { problems: outside });
      const seriesId = insertSeries(db, input.everyWeeks, session.userId ?? 0, this.clock.now().toISOString());
      const created: number[] = [];
      const skipped: Array<{ start: string; reason: string }> = [];
      for (const start of starts) {
        const booking = this.booking(appointment, start, seriesId);
        try {
          // A series does not book holidays on a blanket confirmation: each is skipped and listed.
          checkSlot(db, booking, { ...appointment, confirmHoliday: false }, [], session);
          created.push(insertAppointment(db, booking, session.userId ?? 0, this.clock.now().toISOString()));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          skipped.push({ start: fromMinute(start), reason: error.message });
        }
      }
      if (created.length === 0) throw new AppError('APPOINTMENT_CONFLICT', `系列中没有可预约的时间：${skipped[0]?.reason ?? ''}`, { skipped });
      audit({ ...actorOf(session), action: 'appointments.createSeries', objectType: 'series', objectId: seriesId, detail: { created: created.length, skipped: skipped.length } });
      return { created: this.visibleAll(db, session, created), skipped };
    });
  }

  /** A booking whose start has passed is a record of the past: staff confirm it is meant (补登), never by accident. */
  private confirmedIfPast(startMinute: number, confirmPast: boolean): void {
    if (startMinute >= localMinute(this.clock.now()) || confirmPast) return;
    throw new AppError('PAST_CONFIRMATION', `预约时间 ${fromMinute(startMinute).replace('T', ' ')} 已经过去，请确认是补登已发生的预约。`);
  }

  /** Every answer about bookings passes the calendar's masking, as `list` does. */
  private visibleAll(db: Db, session: Session, ids: readonly number[]): AppointmentRecord[] {
    return maskForViewer(db, session, ids.map((id) => readAppointment(db, id)!));
  }

  private visible(db: Db, session: Session, id: number): AppointmentRecord {
    return this.visibleAll(db, session, [id])[0]!;
  }

  /** Which statuses an action starts from: 已预约 → 已到 → 已完成; 爽约 and 取消 are final. */
  private requireStatus(db: Db, session: Session, id: number, allowed: readonly AppointmentRecord['status'][]) {
    const appointment = readAppointment(db, id);
    if (!appointment) throw new AppError('NOT_FOUND', '找不到该预约。');
    requireBookingRights(db, session, appointment);
    if (!allowed.includes(appointment.status)) {
      throw new AppError('INVALID_INPUT', `该预约当前为“${statusLabel[appointment.status]}”，不能进行此操作。`);
    }
    return appointment;
  }

  /** 改约 / drag-and-drop: the same checks as a new booking, ignoring the booking itself. */
  move(session: Session, input: { id: number; start: string; durationMinutes?: number | undefined; roomId?: number | undefined; counsellorId?: number | undefined } & Overrides) {
    return this.vault.write((db, audit) => {
      const current = this.requireStatus(db, session, input.id, ['booked']);
      const startMinute = toMinute(input.start);
      const slot = {
        counsellorId: input.counsellorId ?? current.counsellorId,
        roomId: input.roomId ?? current.roomId,
        clientId: current.clientId,
        startMinute,
        endMinute: startMinute + (input.durationMinutes ?? current.durationMinutes),
      };
      requireParties(db, slot.counsellorId, slot.roomId, slot.clientId);
      checkSlot(db, slot, input, [input.id], session);
      moveAppointment(db, input.id, { ...slot, overrideReason: input.overrideReason });
      audit({ ...actorOf(session), action: 'appointments.move', objectType: 'appointment', objectId: input.id, detail: { startBefore: current.start, startAfter: fromMinute(startMinute) } });
      return this.visible(db, session, input.id);
    });
  }

  /** This and later, or all: every changed occurrence passes the checks, or nothing changes. */
  updateSeries(session: Session, input: z.output<typeof seriesUpdateInput>) {
    return this.vault.write((db, audit) => {
      const current = this.requireStatus(db, session, input.id, ['booked']);
      if (current.seriesId === null) throw new AppError('INVALID_INPUT', '该预约不属于重复系列。');
      const members = seriesMembers(db, current.seriesId, input.scope === 'all' ? Number.MIN_SAFE_INTEGER : current.startMinute).filter(
        (member) => member.status === 'booked',
      );
      const startOfDay = clockToMinute(input.startTime);
      const moved = members.map((member) => {
        const dayStart = member.startMinute - minuteOfDay(member.startMinute);
        const startMinute = dayStart + startOfDay;
        return { id: member.id, slot: { counsellorId: input.counsellorId, roomId: input.roomId, clientId: current.clientId, startMinute, endMinute: startMinute + input.durationMinutes } };
      });
      requireParties(db, input.counsellorId, input.roomId, current.clientId);
      const ids = moved.map((entry) => entry.id);
      for (const entry of moved) checkSlot(db, entry.slot, input, ids, session);
      for (const entry of moved) moveAppointment(db, entry.id, { ...entry.slot, overrideReason: input.overrideReason });
      audit({ ...actorOf(session), action: 'appointments.updateSeries', objectType: 'series', objectId: current.seriesId, detail: { scope: input.scope, changed: moved.length } });
      return this.visibleAll(db, session, moved.map((entry) => entry.id));
    });
  }

  cancel(session: Session, id: number, scope: 'one' | 'following' | 'all', reason: string) {
    return this.vault.write((db, audit) => {
      const current = this.requireStatus(db, session, id, ['booked']);
      const ids =
        scope === 'one' || current.seriesId === null
          ? [id]
          : seriesMembers(db, current.seriesId, scope === 'all' ? Number.MIN_SAFE_INTEGER : current.startMinute)
              .filter((member) => member.status === 'booked')
              .map((member) => member.id);
      for (const target of ids) setAppointmentStatus(db, target, 'cancelled', { cancelReason: reason, cancelledBy: session.userId ?? 0 });
      audit({ ...actorOf(session), action: 'appointments.cancel', objectType: 'appointment', objectId: id, detail: { scope, count: ids.length } });
      return this.visibleAll(db, session, ids);
    });
  }

  setStatus(session: Session, id: number, status: 'arrived' | 'no_show') {
    return this.vault.write((db, audit) => {
      const current = this.requireStatus(db, session, id, ['booked']);
      if (status === 'no_show' && current.startMinute > localMinute(this.clock.now())) throw new AppError('INVALID_INPUT', '预约时间还没到，不能记为爽约。');
      setAppointmentStatus(db, id, status);
      audit({ ...actorOf(session), action: status === 'arrived' ? 'appointments.checkIn' : 'appointments.noShow', objectType: 'appointment', objectId: id });
      return this.visible(db, session, id);
    });
  }

  /**
   * A walk-in booked by name is registered later (登记建档): the booking joins the client's record,
   * provided the client has no other booking at that time.
   */
  linkClient(session: Session, id: number, clientId: number) {
    return this.vault.write((db, audit) => {
      const current = this.requireStatus(db, session, id, ['booked', 'arrived']);
      if (current.clientId !== null) throw new AppError('INVALID_INPUT', '该预约已关联来访者。');
      requireParties(db, current.counsellorId, current.roomId, clientId);
      // Ids start at 1, so only the client side of the clash check can match.
      const clash = clashProblem(db, { counsellorId: 0, roomId: 0, clientId, startMinute: current.startMinute, endMinute: current.endMinute }, [id], session);
      if (clash) throw new AppError('APPOINTMENT_CONFLICT', clash);
      linkAppointmentClient(db, id, clientId);
      audit({ ...actorOf(session), action: 'appointments.linkClient', objectType: 'appointment', objectId: id, detail: { clientId } });
      return this.visible(db, session, id);
    });
  }

  /** 已完成: one step creates the prefilled session draft in the client's open case with this counsellor. */
  complete(session: Session, id: number, caseId: number | undefined) {
    return this.vault.write((db, audit) => {
      const current = this.requireStatus(db, session, id, ['booked', 'arrived']);
      if (current.clientId === null) throw new AppError('INVALID_INPUT', '临时来访者须先登记建档，才能生成咨询记录。');
      const open = clientCases(db, { userId: current.counsellorId, seesAll: false }, 'open', current.clientId).filter((item) => item.counsellorId === current.counsellorId);
      const target = caseId !== undefined ? open.find((item) => item.id === caseId) : open.length === 1 ? open[0] : undefined;
      if (!target) throw new AppError('INVALID_INPUT', open.length === 0 ? '该来访者没有由此咨询师负责的在案个案，请先开案。' : '请选择要记录到哪个个案。', { cases: open.map((item) => item.id) });
      // The note is written into that case: only those who reach it (its counsellor, sharers, the 站长) may.
      requireCase(db, session, target.id);
      const sessionId = insertSession(
        db,
        {
          caseId: target.id,
          heldOn: current.start.slice(0, 10),
          startTime: current.start.slice(11, 16),
          durationMinutes: current.durationMinutes,
          modality: 'in_person',
          kind: current.type === 'crisis' ? 'crisis' : current.type === 'follow_up' ? 'follow_up_visit' : 'follow_up_session',
          note: { complaint: '', assessment: '', intervention: '', plan: '', freeText: current.notes },
        },
        current.counsellorId,
        this.clock.now().toISOString(),
      );
      setAppointmentStatus(db, id, 'completed', { sessionId });
      audit({ ...actorOf(session), action: 'appointments.complete', objectType: 'appointment', objectId: id, detail: { sessionId } });
      return { appointment: this.visible(db, session, id), caseId: target.id, sessionId };
    });
  }

  /**
   * 预约随访 in one click: a 30-minute 随访 booking with the counsellor of the client's case (an open
   * one first, the caller's own first), at the first slot from the due day, or from now when overdue, that
   * passes every check without an override.
   */
  bookFollowUp(session: Session, followUpId: number) {
    return this.vault.write((db, audit) => {
      // Reach first: a caller who may not reach the client hears nothing of the follow-up (recorded, booked).
      const access = requireClientCases(db, session, followUpClientId(db, followUpId));
      const followUp = requireFollowUp(db, followUpId);
      const booked = activeFollowUpBooking(db, followUpId);
      if (booked !== undefined) throw new AppError('INVALID_INPUT', `该随访已有预约：${readAppointment(db, booked)!.start.replace('T', ' ')}。`);
      // Follow-ups continue after 结案, so a closed case still names who follows the client up.
      const cases = clientCases(db, access, 'all', followUp.clientId).filter((item) => isActiveCounsellor(db, item.counsellorId));
      const mine = (item: (typeof cases)[number]) => item.counsellorId === session.userId;
      const open = (item: (typeof cases)[number]) => item.status === 'open';
      const counsellorId = (cases.find((item) => open(item) && mine(item)) ?? cases.find(open) ?? cases.find(mine) ?? cases[0])?.counsellorId;
      if (counsellorId === undefined) throw new AppError('INVALID_INPUT', '该来访者还没有个案，请先开案再预约随访。');
      const now = this.clock.now();
      const today = localDay(now);
      const fromDay = followUp.dueOn > today ? followUp.dueOn : today;
      const slot = firstFreeSlot(db, { counsellorId, clientId: followUp.clientId, durationMinutes: 30, fromDay, fromMinute: localMinute(now) });
      if (!slot) throw new AppError('APPOINTMENT_CONFLICT', '两周内没有空闲时段，请在预约日历中手工安排。');
      const id = insertAppointment(
        db,
        { ...slot, seriesId: null, walkInName: '', walkInPhone: '', type: 'follow_up', notes: '', overrideReason: '', followUpId },
        session.userId ?? 0,
        now.toISOString(),
      );
      audit({ ...actorOf(session), action: 'appointments.bookFollowUp', objectType: 'appointment', objectId: id, detail: { followUpId } });
      return this.visible(db, session, id);
    });
  }

  /**
   * The calendar (rooms, times) is shared; the people in it are not: a counsellor sees names and notes
   * only of their own bookings and of clients whose cases they reach, others show as occupied. One
   * client's bookings are a client read: checked and audited like the rest of the record.
   */
  list(session: Session, filter: { from: string; to: string; counsellorId?: number | undefined; roomId?: number | undefined; clientId?: number | undefined }) {
    const range = { ...filter, ...daysInMinutes(filter.from, filter.to) };
    const { clientId } = filter;
    if (clientId === undefined) {
      const db = this.vault.connection();
      const rows = listAppointments(db, range);
      return maskForViewer(db, session, rows);
    }
    return auditedRead(this.vault, session, { action: 'appointments.list', objectType: 'client', objectId: clientId }, (db) => {
      if (session.role !== 'reception') requireClientCases(db, session, clientId);
      return maskForViewer(db, session, listAppointments(db, range));
    });
  }

  /** The month grid: each day's first bookings, shown as the list shows them to this viewer, and the day's count. */
  days(session: Session, filter: { from: string; to: string; counsellorId?: number | undefined; roomId?: number | undefined }) {
    const db = this.vault.connection();
    const range = { ...filter, ...daysInMinutes(filter.from, filter.to) };
    const { firsts, totals } = listBookingDays(db, range, monthDayBookings);
    const shown = maskForViewer(db, session, firsts);
    return totals.map(({ day, total }) => ({ day, bookings: shown.filter((booking) => booking.start.startsWith(day)), total }));
  }
}
