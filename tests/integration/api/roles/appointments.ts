import type { appointmentsContract } from '../../../../shared/api/contract/appointments.js';
import { A, D, type Rows } from './matrix.js';

/** Appointments: rooms, availability, the calendar, bookings and the waitlist. */
export const appointmentsRows: Rows<typeof appointmentsContract> = {
  'rooms.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'rooms.add': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'rooms.setActive': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'availability.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'availability.set': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'availability.addException': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'availability.removeException': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'calendar.get': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'calendar.setDay': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'calendar.removeDay': { admin: A, counsellor: D, reception: D, inspector: D, kiosk: D, none: D },
  'appointments.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.days': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.create': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.createSeries': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.move': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.updateSeries': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.cancel': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.setStatus': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.complete': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'appointments.noShows': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'appointments.bookFollowUp': { admin: A, counsellor: A, reception: D, inspector: D, kiosk: D, none: D },
  'appointments.linkClient': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'waitlist.list': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'waitlist.add': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
  'waitlist.close': { admin: A, counsellor: A, reception: A, inspector: D, kiosk: D, none: D },
};
