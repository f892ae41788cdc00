import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/api/contract.js';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { createStation, type Station } from '../helpers/station.js';

type Caller = 'admin' | 'counsellor' | 'reception' | 'kiosk' | 'none';
const A = true;
const D = false;

/**
 * Who may call what, written out by hand. A method added to the contract without a row here
 * fails the first test, so no method ships without a decided rule.
 */
const expected: Record<MethodName, Record<Caller, boolean>> = {
  'app.status': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'setup.create': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'auth.unlock': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'auth.recover': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'recovery.listBackups': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'recovery.restore': { admin: A, counsellor: A, reception: A, kiosk: D, none: A },
  'auth.me': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'auth.heartbeat': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'auth.lock': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'auth.changePassword': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'station.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'station.update': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.list': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.directory': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'users.create': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.setDisabled': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.resetPassword': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'users.newRecoveryKey': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'audit.list': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'settings.get': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'settings.update': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'system.about': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'system.verify': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'backup.list': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'backup.create': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'backup.restore': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'operation.cancel': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'dictionaries.list': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'dictionaries.add': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'dictionaries.setActive': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'clients.search': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'clients.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'clients.register': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'clients.update': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'clients.addConsent': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'clients.duplicates': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'clients.merge': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'cases.open': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'cases.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'cases.get': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'cases.close': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'cases.transfer': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'cases.share': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'sessions.saveDraft': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'sessions.sign': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'sessions.addAddendum': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'risk.grade': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'followUps.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'followUps.record': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'dashboard.today': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'crises.open': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'crises.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'crises.get': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'crises.checkStep': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'crises.addContact': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'crises.resolve': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'referrals.create': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'referrals.update': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'referrals.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  // Reception scans consent forms; the owner's own rule decides everything else.
  'attachments.add': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'attachments.list': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'attachments.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'scales.list': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'scales.get': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'scales.import': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'results.submit': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'results.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'results.get': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'results.linkClient': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'alerts.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'alerts.acknowledge': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'kiosk.open': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'kiosk.close': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  // The kiosk token reaches these four methods and nothing else in the contract.
  'kiosk.info': { admin: D, counsellor: D, reception: D, kiosk: A, none: D },
  'kiosk.definition': { admin: D, counsellor: D, reception: D, kiosk: A, none: D },
  'kiosk.submit': { admin: D, counsellor: D, reception: D, kiosk: A, none: D },
  'kiosk.exit': { admin: D, counsellor: D, reception: D, kiosk: A, none: D },
  'screenings.create': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'screenings.list': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'screenings.get': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'screenings.close': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'rooms.list': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'rooms.add': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'rooms.setActive': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'availability.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'availability.set': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'availability.addException': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'availability.removeException': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'calendar.get': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'calendar.setDay': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'calendar.removeDay': { admin: A, counsellor: D, reception: D, kiosk: D, none: D },
  'appointments.list': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.create': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.createSeries': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.move': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.updateSeries': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.cancel': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.setStatus': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.complete': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'appointments.noShows': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'appointments.bookFollowUp': { admin: A, counsellor: A, reception: D, kiosk: D, none: D },
  'appointments.linkClient': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'waitlist.list': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'waitlist.add': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
  'waitlist.close': { admin: A, counsellor: A, reception: A, kiosk: D, none: D },
};

const deniedCodes = ['FORBIDDEN', 'UNAUTHENTICATED', 'LOCKED'];

describe('role matrix: every contract method as every caller', () => {
  let station: Station;
  const contexts = {} as Record<Caller, CallContext>;

  beforeAll(async () => {
    station = await createStation();
    const counsellor = await station.addUser('zixun', 'counsellor');
    const reception = await station.addUser('qiantai', 'reception');
    contexts.admin = { scope: 'staff', transport: 'direct', sessionToken: station.admin };
    contexts.counsellor = { scope: 'staff', transport: 'direct', sessionToken: counsellor };
    contexts.reception = { scope: 'staff', transport: 'direct', sessionToken: reception };
    // A real kiosk, opened by staff: its token is kiosk-scoped and its session has the kiosk role.
    const kiosk = await station.call(station.admin, 'kiosk.open', { scaleIds: ['PHQ-9'], pin: '2468' });
    contexts.kiosk = { scope: 'kiosk', transport: 'http', sessionToken: kiosk.sessionToken };
    contexts.none = { scope: 'staff', transport: 'direct', sessionToken: null };
  });
  afterAll(() => station.dispose());

  it('has a decided rule for every method in the contract, and no rule for a method that does not exist', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(contract).sort());
  });

  const cases = Object.entries(expected).flatMap(([method, row]) =>
    (Object.entries(row) as Array<[Caller, boolean]>).map(([caller, allowed]) => ({ method, caller, allowed })),
  );

  it.each(cases)('$method as $caller → allowed=$allowed', async ({ method, caller, allowed }) => {
    // A string is invalid input for every method: an allowed call stops at validation and changes nothing.
    const result = await station.core.call(contexts[caller], method, 'role-matrix-probe');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (allowed) {
      expect(deniedCodes).not.toContain(result.error.code);
    } else {
      expect(deniedCodes).toContain(result.error.code);
    }
  });

  it('a kiosk-scoped transport holding a staff session acts as nobody', async () => {
    for (const method of Object.keys(contract)) {
      const result = await station.core.call({ scope: 'kiosk', transport: 'http', sessionToken: station.admin }, method, 'probe');
      expect(result.ok ? 'ok' : result.error.code, method).toMatch(/FORBIDDEN|UNAUTHENTICATED|LOCKED/);
    }
  });

  it('a user whose password must change can only change it, look up who they are, or lock', async () => {
    await station.call(station.admin, 'users.create', {
      username: 'newbie',
      displayName: '新同事',
      role: 'counsellor',
      temporaryPassword: 'temporary-2026',
    });
    const session = await station.call(null, 'auth.unlock', { username: 'newbie', password: 'temporary-2026' });
    const blocked = await station.raw(session.sessionToken, 'station.get', {});
    expect(blocked.ok ? null : blocked.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await station.call(session.sessionToken, 'auth.me', {});
    expect(me.user.mustChangePassword).toBe(true);
  });
});
