import { localDay } from '../../../../shared/domain/dates.js';
import type { FeatureRoute, HomeCard, SettingsTab } from '../feature.js';
import { todaysBookings } from './todaysBookings.js';

/** The appointment calendar, its settings (rooms, hours, availability, calendar days) and today's bookings. */
export const routes: readonly FeatureRoute[] = [
  { path: 'appointments', component: () => import('./views/AppointmentsView.vue'), menu: { label: 'appointments.nav', order: 20 } },
];

export const settingsTabs: readonly SettingsTab[] = [
  {
    name: 'appointments',
    label: 'appointments.settings',
    order: 30,
    roles: ['admin', 'counsellor'],
    lazy: true,
    component: () => import('./components/AppointmentSettingsPanel.vue'),
  },
];

export const homeCards: readonly HomeCard[] = [
  { order: 20, component: () => import('./components/TodayScheduleCard.vue'), load: (api, viewer) => todaysBookings(api, viewer, localDay(new Date())) },
];
