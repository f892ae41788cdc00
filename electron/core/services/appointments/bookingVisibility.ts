import type { AppointmentRecord, StoredAppointment } from '../../../../shared/api/schemas/appointments.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { canReachClientCases, reachableClients } from '../../repositories/casesRepo.js';
import { caseAccessOf } from '../../access/clinicalReach.js';

/**
 * The calendar (rooms, times) is shared; the people in it are not. A counsellor sees who a booking
 * is for, and its notes, only for their own bookings and clients whose cases they reach; the 站长 and
 * the front desk, who run the calendar, see all. Lists and clash messages both go through here.
 */
/** What a counsellor sees in place of another counsellor's client. */
export const someoneElsesClient = '（其他咨询师的来访者）';

export function maskForViewer<T extends StoredAppointment>(db: Db, viewer: Session | null, rows: T[]): Array<T & Pick<AppointmentRecord, 'mayChange'>> {
  if (viewer?.role !== 'counsellor') return rows.map((row) => ({ ...row, mayChange: viewer !== null }));
  const others = rows.filter((row) => row.counsellorId !== viewer.userId && row.clientId !== null).map((row) => row.clientId!);
  const reached = reachableClients(db, [...new Set(others)], caseAccessOf(viewer));
  // What a counsellor sees of a booking and whether they may change it are the same line (requireBookingRights).
  return rows.map((row) =>
    row.counsellorId === viewer.userId || (row.clientId !== null && reached.has(row.clientId))
      ? { ...row, mayChange: true }
      : { ...row, clientId: null, who: someoneElsesClient, walkInPhone: '', phone: '', notes: '', overrideReason: '', cancelReason: '', mayChange: false },
  );
}

/**
 * Who may change a booking: the 站长 and the front desk run the calendar; a counsellor changes only
 * their own bookings and those of clients whose cases they reach (the same line as what they see).
 */
export function requireBookingRights(db: Db, session: Session, booking: Pick<StoredAppointment, 'counsellorId' | 'clientId'>): void {
  if (session.role !== 'counsellor' || booking.counsellorId === session.userId) return;
  if (booking.clientId !== null && canReachClientCases(db, booking.clientId, caseAccessOf(session))) return;
  throw new AppError('FORBIDDEN', '只能修改自己的预约，或您负责的来访者的预约。');
}
