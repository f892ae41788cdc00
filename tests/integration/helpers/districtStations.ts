import { adult } from './clients.js';
import { createStation, manualClock, stationInput, type Station } from './station.js';

/** A file the API handed out, as its text. */
export const fileText = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64').toString('utf8');

/** A station with one counselling session in November 2026 and that month's report submitted (its clock: 3 December). */
export async function reportingStation(regionCode: string, name: string): Promise<Station> {
  const station = await createStation({ clock: manualClock(new Date('2026-12-03T02:00:00Z')).clock });
  await station.call(station.admin, 'station.update', { ...stationInput, regionCode, name });
  const client = await station.call(station.admin, 'clients.register', { ...adult, idNumber: undefined, phone: undefined, name: `${name.slice(0, 2)}来访者` });
  const opened = await station.call(station.admin, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '情绪低落', openedOn: '2026-11-10' });
  const note = { complaint: '失眠', assessment: '轻度焦虑', intervention: '放松训练', plan: '两周后复诊', freeText: '' };
  await station.call(station.admin, 'sessions.saveDraft', { caseId: opened.id, heldOn: '2026-11-10', startTime: '09:30', durationMinutes: 50, modality: 'in_person', kind: 'intake', note });
  await station.call(station.admin, 'reports.saveDraft', { period: '2026-11', header: { preparedBy: '王站长', contactPhone: '023-49881234' }, notes: {} });
  await station.call(station.admin, 'reports.submit', { period: '2026-11' });
  return station;
}

/** Registers a station below with the fingerprint of its own key (as the 街道 copies it from the station's printout). */
export async function registerBelow(district: Station, station: Station, level: 'community' | 'street'): Promise<void> {
  const key = await station.call(station.admin, 'reports.stationKey', {});
  await district.call(district.admin, 'district.registerStation', { name: key.station, regionCode: key.regionCode, stationLevel: level, fingerprint: key.fingerprint, establishedOn: '2025-01-01' });
}
