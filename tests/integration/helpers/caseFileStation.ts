import { adult } from './clients.js';
import { createStation, manualClock } from './station.js';

/** A station with two counsellors (liwei, chen), the front desk, one registered client and liwei's open case. */
export async function caseFileStation() {
  const time = manualClock(new Date('2026-11-23T02:00:00Z'));
  const station = await createStation({ clock: time.clock });
  const liwei = await station.addUser('liwei', 'counsellor');
  const chen = await station.addUser('chen', 'counsellor');
  const reception = await station.addUser('qiantai', 'reception');
  const client = await station.call(reception, 'clients.register', adult);
  const opened = await station.call(liwei, 'cases.open', { clientId: client.id, problemCategories: ['emotion'], reason: '主诉情绪低落', openedOn: '2026-11-23' });
  return { station, time, liwei, chen, reception, clientId: client.id, caseId: opened.id };
}
