import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/api/contract/index.js';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { addDays, localDay } from '../../../shared/domain/dates.js';
import { addInspector, openInspection } from '../helpers/inspector.js';
import { createStation, type Station } from '../helpers/station.js';
import { appointmentsRows } from './roles/appointments.js';
import { caseFilesRows } from './roles/caseFiles.js';
import { checklistRows } from './roles/checklist.js';
import { districtRows } from './roles/district.js';
import { foundationRows } from './roles/foundation.js';
import { kioskRows } from './roles/kiosk.js';
import { ledgersRows } from './roles/ledgers.js';
import type { Caller, Row } from './roles/matrix.js';
import { reportsRows } from './roles/reports.js';
import { scalesRows } from './roles/scales.js';

/**
 * Who may call what: each feature's rows live in ./roles/<feature>.ts and are merged here. A method added to
 * the contract without a row fails the first test, so no method ships without a decided rule.
 */
const expected: Record<MethodName, Row> = {
  ...foundationRows,
  ...caseFilesRows,
  ...scalesRows,
  ...kioskRows,
  ...appointmentsRows,
  ...ledgersRows,
  ...checklistRows,
  ...reportsRows,
  ...districtRows,
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
    // An inspector let in for one inspection (issue 13), with its changed password.
    const inspection = await openInspection(station, localDay(new Date()));
    contexts.inspector = { scope: 'staff', transport: 'direct', sessionToken: await addInspector(station, inspection.id, 'jiancha', addDays(localDay(new Date()), 7)) };
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
