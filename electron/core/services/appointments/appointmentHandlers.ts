import type { appointmentsContract } from '../../../../shared/api/contract/appointments.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { AppointmentsService } from './appointmentsService.js';
import type { ScheduleService } from './scheduleService.js';

export type AppointmentDeps = Readonly<{ appointments: AppointmentsService; schedule: ScheduleService }>;

export function createAppointmentHandlers({ appointments, schedule }: AppointmentDeps): FeatureHandlers<typeof appointmentsContract> {
  return {
    'rooms.list': () => schedule.rooms(),
    'rooms.add': (input, session) => schedule.addRoom(requireSession(session), input),
    'rooms.setActive': (input, session) => schedule.setRoomActive(requireSession(session), input.id, input.active),
    'availability.get': (input) => schedule.availability(input.id),
    'availability.set': (input, session) => schedule.setAvailability(requireSession(session), input),
    'availability.addException': (input, session) => schedule.addException(requireSession(session), input),
    'availability.removeException': (input, session) => schedule.removeException(requireSession(session), input.id),
    'calendar.get': (input) => schedule.calendar(input.from, input.to),
    'calendar.setDay': (input, session) => schedule.setCalendarDay(requireSession(session), input),
    'calendar.removeDay': (input, session) => schedule.removeCalendarDay(requireSession(session), input.day),
    'appointments.list': (input, session) => appointments.list(requireSession(session), input),
    'appointments.days': (input, session) => appointments.days(requireSession(session), input),
    'appointments.create': (input, session) => appointments.create(requireSession(session), input),
    'appointments.createSeries': (input, session) => appointments.createSeries(requireSession(session), input),
    'appointments.move': (input, session) => appointments.move(requireSession(session), input),
    'appointments.updateSeries': (input, session) => appointments.updateSeries(requireSession(session), input),
    'appointments.cancel': (input, session) => appointments.cancel(requireSession(session), input.id, input.scope, input.reason),
    'appointments.setStatus': (input, session) => appointments.setStatus(requireSession(session), input.id, input.status),
    'appointments.complete': (input, session) => appointments.complete(requireSession(session), input.id, input.caseId),
    'appointments.noShows': (input, session) => schedule.noShows(requireSession(session), input.clientId),
    'appointments.bookFollowUp': (input, session) => appointments.bookFollowUp(requireSession(session), input.followUpId),
    'appointments.linkClient': (input, session) => appointments.linkClient(requireSession(session), input.id, input.clientId),
    'waitlist.list': (_input, session) => schedule.waitlist(requireSession(session)),
    'waitlist.add': (input, session) => schedule.addToWaitlist(requireSession(session), input),
    'waitlist.close': (input, session) => schedule.closeWaitlistEntry(requireSession(session), input.id, input.status),
  };
}
