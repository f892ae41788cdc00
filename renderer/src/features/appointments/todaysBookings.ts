import type { AppointmentRecord } from '../../../../shared/api/schemas/appointments.js';
import type { ApiClient } from '../../api/client.js';
import type { HomeViewer } from '../feature.js';

/** A day's live bookings as the home page shows them: a counsellor's own, everyone's for the 站长 and the front desk. */
export async function todaysBookings(api: ApiClient, viewer: HomeViewer, day: string): Promise<AppointmentRecord[]> {
  const own = viewer.role === 'counsellor' && viewer.userId !== null ? { counsellorId: viewer.userId } : {};
  return (await api.call('appointments.list', { from: day, to: day, ...own })).filter((item) => item.status !== 'cancelled');
}
