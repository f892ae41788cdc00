import { adult } from './clients.js';
import { createStaffedStation, manualClock } from './station.js';

/**
 * The station most case-file tests start from: counsellors liwei and chen, the front desk qiantai, an adult
 * client (registered at the front desk unless liwei registers them) and liwei's case opened on 2026-11-23.
 * A copy of a staffed template (see createStaffedStation), so each test costs logins, not account set-ups.
 * `dispose` closes its station: `disposeWhenTestEnds(await caseFileStation())` inside a test.
 */
export async function caseFileStation(options: { start?: Date; registrar?: 'liwei' | 'reception' } = {}) {
  const time = manualClock(options.start ?? new Date('2026-11-23T02:00:00Z'));
  const station = await createStaffedStation([['liwei', 'counsellor'], ['chen', 'counsellor'], ['qiantai', 'reception']], { clock: time.clock });
  const { liwei, chen, qiantai: reception } = station.staff;
  const client = await station.call(options.registrar === 'liwei' ? liwei : reception, 'clients.register', adult);
  const opened = await station.call(liwei, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '主诉情绪低落', openedOn: '2026-11-23' });
  return { station, time, liwei, chen, reception, clientId: client.id, caseId: opened.id, dispose: station.dispose };
}
