import type { AppointmentRecord } from '../../../../shared/api/schemas/appointments.js';

/** One booked individual session, as the front desk sees it (every action open to them). */
export const booking: AppointmentRecord = {
  id: 5,
  seriesId: null,
  clientId: 7,
  who: '王芳',
  walkInPhone: '',
  phone: '13800138000',
  counsellorId: 2,
  counsellorName: '李咨询',
  roomId: 1,
  roomName: '咨询室一',
  start: '2026-03-02T09:00',
  end: '2026-03-02T09:50',
  durationMinutes: 50,
  type: 'individual',
  status: 'booked',
  notes: '',
  overrideReason: '',
  cancelReason: '',
  sessionId: null,
  rescheduleCount: 0,
  cancelledBy: null,
  mayChange: true,
  mayComplete: true,
};
