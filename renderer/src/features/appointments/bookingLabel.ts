import type { AppointmentRecord } from '../../../../shared/api/schemas/appointments.js';

/** A booking named as every calendar view names it: who, with which counsellor, in which room. */
export const bookingLabel = (record: AppointmentRecord) => `${record.who} · ${record.counsellorName} · ${record.roomName}`;
