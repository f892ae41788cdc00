import type { z } from 'zod';
import type { appointmentInput, seriesInput, seriesUpdateInput } from '../../../../shared/api/schemas/appointments.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { clockToMinute, dayOf, fromMinute, minuteOfDay, toMinute, weekdayOf } from '../../../../shared/domain/localTime.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import {
  findClash,
  insertAppointment,
  listAppointments,
  moveAppointment,
  readAppointment,
  seriesMembers,
  setAppointmentStatus,
  type Booking,
} from '../../repositories/appointmentsRepo.js';
import { listCases } from '../../repositories/casesRepo.js';
import { clientExists } from '../../repositories/clientsRepo.js';
import { readSettings } from '../../repositories/settingsRepo.js';
import { insertSession } from '../../repositories/sessionsRepo.js';
import { findUserById } from '../../repositories/usersRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../caseFiles/access.js';
import { dayFacts } from './calendar.js';

type Slot = Readonly<{ counsellorId: number; roomId: number; clientId: number | null; startMinute: number; endMinute: number }>;
type Overrides = Readonly<{ overrideReason: string; confirmHoliday: boolean }>;

const clashLabel = { counsellor: '咨询师', room: '房间', client: '来访者' } as const;

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

  private clashProblem(db: Db, slot: Slot, ignore: readonly number[]): string | null {
    const clash = findClash(db, slot, ignore);
    if (!clash) return null;
    return `${clashLabel[clash.on]}在该时段已有预约：${clash.start.slice(0, 10)} ${clash.start.slice(11)}–${clash.end.slice(11)} ${clash.who}（${clash.counsellorName}，${clash.roomName}）`;
  }

  /** Opening hours and availability: a list of reasons the slot is outside, empty when it is inside. */
  private outsideHours(db: Db, slot: Slot): string[] {
    const day = dayOf(slot.startMinute);
    const weekday = weekdayOf(day);
    const from = minuteOfDay(slot.startMinute);
    const to = from + (slot.endMinute - slot.startMinute);
    const within = (ranges: Array<{ start: number; end: number }>) => ranges.some((range) => from >= range.start && to <= range.end);
    const problems: string[] = [];
    const opening = readSettings(db)
      .openingHours.filter((range) => range.weekday === weekday)
      .map((range) => ({ start: clockToMinute(range.start), end: clockToMinute(range.end) }));
    if (!within(opening)) problems.push('不在本站开放时间内');
    const slots = db.prepare('SELECT start_minute AS start, end_minute AS end FROM availability WHERE user_id = ? AND weekday = ?').all(slot.counsellorId, weekday) as Array<{ start: number; end: number }>;
    const hasPattern = (db.prepare('SELECT count(*) AS n FROM availability WHERE user_id = ?').get(slot.counsellorId) as { n: number }).n > 0;
    if (hasPattern && !within(slots)) problems.push('不在该咨询师的可预约时间内');
    const leave = db.prepare('SELECT kind FROM availability_exceptions WHERE user_id = ? AND from_day <= ? AND to_day >= ?').get(slot.counsellorId, day, day) as { kind: string } | undefined;
    if (leave) problems.push(leave.kind === 'leave' ? '该咨询师当天请假' : '该咨询师当天不可预约');
    return problems;
  }

  /** All checks for one slot; throws the first refusal with a message naming what clashes. */
  private check(db: Db, slot: Slot, overrides: Overrides, ignore: readonly number[]): void {
    const clash = this.clashProblem(db, slot, ignore);
    if (clash) throw new AppError('APPOINTMENT_CONFLICT', clash);
    const facts = dayFacts(db, dayOf(slot.startMinute));
    if ((facts.kind === 'holiday' || facts.kind === 'closure') && !overrides.confirmHoliday) {
      throw new AppError('HOLIDAY_CONFIRMATION', `${dayOf(slot.startMinute)} 是${facts.name || (facts.kind === 'closure' ? '闭站日' : '节假日')}，请确认后再预约。`, { day: facts });
    }
    const outside = this.outsideHours(db, slot);
    if (outside.length > 0 && overrides.overrideReason.length < 2) {
      throw new AppError('NEEDS_REASON', `${outside.join('；')}，请填写原因。`, { problems: outside });
    }
  }

  private requireParties(db: Db, counsellorId: number, roomId: number, clientId: number | null): void {
    const counsellor = findUserById(db, counsellorId);
    if (!counsellor || counsellor.disabled || counsellor.role === 'reception') throw new AppError('INVALID_INPUT', '请选择启用中的咨询师。');
    const room = db.prepare('SELECT active FROM rooms WHERE id = ?').get(roomId) as { active: number } | undefined;
    if (!room || room.active !== 1) throw new AppError('INVALID_INPUT', '找不到该房间，或房间已停用。');
    if (clientId !== null && !clientExists(db, clientId)) throw new AppError('INVALID_INPUT', '找不到该来访者。');
  }

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
      this.requireParties(db, input.counsellorId, input.roomId, input.clientId ?? null);
      const booking = this.booking(input, toMinute(input.start), null);
      this.check(db, booking, input, []);
      const id = insertAppointment(db, booking, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'appointments.create', objectType: 'appointment', objectId: id, detail: { overridden: input.overrideReason.length > 0 } });
      return readAppointment(db, id)!;
    });
  }

  /** Weekly or fortnightly: each occurrence is checked; clashes and holidays are skipped and reported. */
  createSeries(session: Session, input: z.output<typeof seriesInput>) {
    const { appointment } = input;
    return this.vault.write((db, audit) => {
      this.requireParties(db, appointment.counsellorId, appointment.roomId, appointment.clientId ?? null);
      const first = toMinute(appointment.start);
      const starts: number[] = [];
      for (let index = 0; starts.length < 52; index += 1) {
        const start = first + index * input.everyWeeks * 7 * 1440;
        if (input.count !== undefined && index >= input.count) break;
        if (input.until !== undefined && dayOf(start) > input.until) break;
        starts.push(start);
      }
      const { lastInsertRowid } = db
        .prepare('INSERT INTO appointment_series (every_weeks, created_by, created_at) VALUES (?, ?, ?)')
        .run(input.everyWeeks, session.userId ?? 0, this.clock.now().toISOString());
      const seriesId = Number(lastInsertRowid);
      const created: number[] = [];
      const skipped: Array<{ start: string; reason: string }> = [];
      for (const start of starts) {
        const booking = this.booking(appointment, start, seriesId);
        try {
          // A series does not book holidays on a blanket confirmation: each is skipped and listed.
          this.check(db, booking, { ...appointment, confirmHoliday: false }, []);
          created.push(insertAppointment(db, booking, session.userId ?? 0, this.clock.now().toISOString()));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          skipped.push({ start: fromMinute(start), reason: error.message });
        }
      }
      if (created.length === 0) throw new AppError('APPOINTMENT_CONFLICT', `系列中没有可预约的时间：${skipped[0]?.reason ?? ''}`, { skipped });
      audit({ ...actorOf(session), action: 'appointments.createSeries', objectType: 'series', objectId: seriesId, detail: { created: created.length, skipped: skipped.length } });
      return { created: created.map((id) => readAppointment(db, id)!), skipped };
    });
  }

  private requireLive(db: Db, id: number) {
    const appointment = readAppointment(db, id);
    if (!appointment) throw new AppError('NOT_FOUND', '找不到该预约。');
    if (appointment.status === 'cancelled' || appointment.status === 'completed') throw new AppError('INVALID_INPUT', '该预约已取消或已完成，不能再修改。');
    return appointment;
  }

  /** 改约 / drag-and-drop: the same checks as a new booking, ignoring the booking itself. */
  move(session: Session, input: { id: number; start: string; durationMinutes?: number | undefined; roomId?: number | undefined; counsellorId?: number | undefined } & Overrides) {
    return this.vault.write((db, audit) => {
      const current = this.requireLive(db, input.id);
      const startMinute = toMinute(input.start);
      const slot = {
        counsellorId: input.counsellorId ?? current.counsellorId,
        roomId: input.roomId ?? current.roomId,
        clientId: current.clientId,
        startMinute,
        endMinute: startMinute + (input.durationMinutes ?? current.durationMinutes),
      };
      this.requireParties(db, slot.counsellorId, slot.roomId, slot.clientId);
      this.check(db, slot, input, [input.id]);
      moveAppointment(db, input.id, { ...slot, overrideReason: input.overrideReason });
      audit({ ...actorOf(session), action: 'appointments.move', objectType: 'appointment', objectId: input.id, detail: { from: current.start, to: fromMinute(startMinute) } });
      return readAppointment(db, input.id)!;
    });
  }

  /** This and later, or all: every changed occurrence passes the checks, or nothing changes. */
  updateSeries(session: Session, input: z.output<typeof seriesUpdateInput>) {
    return this.vault.write((db, audit) => {
      const current = this.requireLive(db, input.id);
      if (current.seriesId === null) throw new AppError('INVALID_INPUT', '该预约不属于重复系列。');
      const members = seriesMembers(db, current.seriesId, input.scope === 'all' ? Number.MIN_SAFE_INTEGER : current.startMinute).filter(
        (member) => member.status === 'booked' || member.status === 'arrived',
      );
      const startOfDay = clockToMinute(input.startTime);
      const moved = members.map((member) => {
        const dayStart = member.startMinute - minuteOfDay(member.startMinute);
        const startMinute = dayStart + startOfDay;
        return { id: member.id, slot: { counsellorId: input.counsellorId, roomId: input.roomId, clientId: current.clientId, startMinute, endMinute: startMinute + input.durationMinutes } };
      });
      this.requireParties(db, input.counsellorId, input.roomId, current.clientId);
      const ids = moved.map((entry) => entry.id);
      for (const entry of moved) this.check(db, entry.slot, input, ids);
      for (const entry of moved) moveAppointment(db, entry.id, { ...entry.slot, overrideReason: input.overrideReason });
      audit({ ...actorOf(session), action: 'appointments.updateSeries', objectType: 'series', objectId: current.seriesId, detail: { scope: input.scope, changed: moved.length } });
      return moved.map((entry) => readAppointment(db, entry.id)!);
    });
  }

  cancel(session: Session, id: number, scope: 'one' | 'following' | 'all', reason: string) {
    return this.vault.write((db, audit) => {
      const current = this.requireLive(db, id);
      const ids =
        scope === 'one' || current.seriesId === null
          ? [id]
          : seriesMembers(db, current.seriesId, scope === 'all' ? Number.MIN_SAFE_INTEGER : current.startMinute)
              .filter((member) => member.status === 'booked')
              .map((member) => member.id);
      for (const target of ids) setAppointmentStatus(db, target, 'cancelled', { cancelReason: reason, cancelledBy: session.userId ?? 0 });
      audit({ ...actorOf(session), action: 'appointments.cancel', objectType: 'appointment', objectId: id, detail: { scope, count: ids.length } });
      return ids.map((target) => readAppointment(db, target)!);
    });
  }

  setStatus(session: Session, id: number, status: 'arrived' | 'no_show') {
    return this.vault.write((db, audit) => {
      const current = this.requireLive(db, id);
      if (status === 'arrived' && current.status !== 'booked') throw new AppError('INVALID_INPUT', '只能为“已预约”的来访登记到达。');
      setAppointmentStatus(db, id, status);
      audit({ ...actorOf(session), action: status === 'arrived' ? 'appointments.checkIn' : 'appointments.noShow', objectType: 'appointment', objectId: id });
      return readAppointment(db, id)!;
    });
  }

  /** 已完成: one step creates the prefilled session draft in the client's open case with this counsellor. */
  complete(session: Session, id: number, caseId: number | undefined) {
    return this.vault.write((db, audit) => {
      const current = this.requireLive(db, id);
      if (current.clientId === null) throw new AppError('INVALID_INPUT', '临时来访者须先登记建档，才能生成咨询记录。');
      const open = listCases(db, { userId: current.counsellorId, seesAll: false }, 'open', current.clientId).filter((item) => item.counsellorId === current.counsellorId);
      const target = caseId !== undefined ? open.find((item) => item.id === caseId) : open.length === 1 ? open[0] : undefined;
      if (!target) throw new AppError('INVALID_INPUT', open.length === 0 ? '该来访者没有由此咨询师负责的在案个案，请先开案。' : '请选择要记录到哪个个案。', { cases: open.map((item) => item.id) });
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
      return { appointment: readAppointment(db, id)!, sessionId };
    });
  }

  list(filter: { from: string; to: string; counsellorId?: number | undefined; roomId?: number | undefined; clientId?: number | undefined }) {
    return listAppointments(this.vault.connection(), { ...filter, fromMinute: toMinute(`${filter.from}T00:00`), toMinute: toMinute(`${addDays(filter.to, 1)}T00:00`) });
  }
}
