import type { AppointmentRecord, StoredAppointment } from '../../../../shared/api/schemas/appointments.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { canReachClientCases, reachableClients, reachableOpenCaseOwners } from '../../repositories/casesRepo.js';
import { caseAccessOf } from '../../access/clinicalReach.js';

/**
 * The calendar (rooms, times) is shared; the people in it are not. A counsellor sees who a booking
 * is for, and its notes, only for their own bookings and clients whose cases they reach; the 站长 and
 * the front desk, who run the calendar, see all. Lists and clash messages both go through here.
 */
/** What a counsellor sees in place of another counsellor's client. */
export const someoneElsesClient = '（其他咨询师的来访者）';

export function maskForViewer<T extends StoredAppointment>(db: Db, viewer: Session | null, rows: T[]): Array<T & Pick<AppointmentRecord, 'mayChange' | 'mayComplete'>> {
  const completable = completableBookings(db, viewer, rows);
  const shown = (row: T) => ({ ...row, mayChange: viewer !== null, mayComplete: completable(row) });
  if (viewer?.role !== 'counsellor') return rows.map(shown);
  const others = rows.filter((row) => row.counsellorId !== viewer.userId && row.clientId !== null).map((row) => row.clientId!);
  const reached = reachableClients(db, [...new Set(others)], caseAccessOf(viewer));
  // What a counsellor sees of a booking and whether they may change it are the same line (requireBookingRights).
  return rows.map((row) =>
    row.counsellorId === viewer.userId || (row.clientId !== null && reached.has(row.clientId))
      ? shown(row)
      : { ...row, clientId: null, who: someoneElsesClient, walkInPhone: '', phone: '', notes: '', overrideReason: '', cancelReason: '', mayChange: false, mayComplete: false },
  );
}

/** appointments.complete's line, so 完成 is offered only where it will not be refused. */
function completableBookings(db: Db, viewer: Session | null, rows: readonly StoredAppointment[]): (row: StoredAppointment) => boolean {
  if (viewer?.role !== 'admin' && viewer?.role !== 'counsellor') return () => false;
  const live = (row: StoredAppointment) => row.clientId !== null && (row.status === 'booked' || row.status === 'arrived');
  const clients = [...new Set(rows.filter(live).map((row) => row.clientId!))];
  const owners = clients.length === 0 ? new Set<string>() : reachableOpenCaseOwners(db, clients, caseAccessOf(viewer));
  return (row) => live(row) && owners.has(`${row.clientId}:${row.counsellorId}`);
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
