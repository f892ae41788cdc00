import type { Session } from '../../auth/sessionStore.js';
import { AppError } from '../../errors.js';
import type { Handlers } from '../../handlers.js';
import type { AppointmentsService } from './appointmentsService.js';
import type { ScheduleService } from './scheduleService.js';

type AppointmentMethod =
  | `rooms.${'list' | 'add' | 'setActive'}`
  | `availability.${'get' | 'set' | 'addException' | 'removeException'}`
  | `calendar.${'get' | 'setDay' | 'removeDay'}`
  | `appointments.${'list' | 'create' | 'createSeries' | 'move' | 'updateSeries' | 'cancel' | 'setStatus' | 'complete' | 'noShows' | 'bookFollowUp' | 'linkClient'}`
  | `waitlist.${'list' | 'add' | 'close'}`;

export type AppointmentDeps = Readonly<{ appointments: AppointmentsService; schedule: ScheduleService }>;

function staff(session: Session | null): Session {
  if (!session) throw new AppError('UNAUTHENTICATED');
  return session;
}

export function createAppointmentHandlers({ appointments, schedule }: AppointmentDeps): Pick<Handlers, AppointmentMethod> {
  return {
    'rooms.list': () => schedule.rooms(),
    'rooms.add': (input, session) => schedule.addRoom(staff(session), input),
    'rooms.setActive': (input, session) => schedule.setRoomActive(staff(session), input.id, input.active),
    'availability.get': (input) => schedule.availability(input.id),
    'availability.set': (input, session) => schedule.setAvailability(staff(session), input),
    'availability.addException': (input, session) => schedule.addException(staff(session), input),
    'availability.removeException': (input, session) => schedule.removeException(staff(session), input.id),
    'calendar.get': (input) => schedule.calendar(input.from, input.to),
    'calendar.setDay': (input, session) => schedule.setCalendarDay(staff(session), input),
    'calendar.removeDay': (input, session) => schedule.removeCalendarDay(staff(session), input.day),
    'appointments.list': (input, session) => appointments.list(staff(session), input),
    'appointments.create': (input, session) => appointments.create(staff(session), input),
    'appointments.createSeries': (input, session) => appointments.createSeries(staff(session), input),
    'appointments.move': (input, session) => appointments.move(staff(session), input),
    'appointments.updateSeries': (input, session) => appointments.updateSeries(staff(session), input),
    'appointments.cancel': (input, session) => appointments.cancel(staff(session), input.id, input.scope, input.reason),
    'appointments.setStatus': (input, session) => appointments.setStatus(staff(session), input.id, input.status),
    'appointments.complete': (input, session) => appointments.complete(staff(session), input.id, input.caseId),
    'appointments.noShows': (input, session) => schedule.noShows(staff(session), input.clientId),
    'appointments.bookFollowUp': (input, session) => appointments.bookFollowUp(staff(session), input.followUpId),
    'appointments.linkClient': (input, session) => appointments.linkClient(staff(session), input.id, input.clientId),
    'waitlist.list': (_input, session) => schedule.waitlist(staff(session)),
    'waitlist.add': (input, session) => schedule.addToWaitlist(staff(session), input),
    'waitlist.close': (input, session) => schedule.closeWaitlistEntry(staff(session), input.id, input.status),
  };
}
