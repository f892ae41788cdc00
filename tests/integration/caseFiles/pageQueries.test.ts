import { describe, expect, it } from 'vitest';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { fullReads, statementsDuring } from '../helpers/queryPlans.js';
import { disposeWhenTestEnds } from '../helpers/station.js';

/**
 * The client's and the case's pages on a station after ten years (issue 15): each lookup they make per row must be an
 * index search. A full read of a table that grows with the years was 320 ms on the large station for a client with a
 * few follow-ups (each follow-up's booking looked up in all 150,000 bookings) and 150 ms for a case of 500 sessions
 * (each session's addenda); the home page's today cards 450-780 ms (the 站长's unsigned sessions found by reading all
 * 300,000 sessions in date order); the client's results were 105 ms (all 300,000 results read newest first for theirs). A
 * new station has no statistics, so its plans do not depend on how much it holds: a small one shows them.
 */
/** Tables that reach ten thousand rows and more on the ten-year station (crises, referrals and alerts stay near a thousand). */
const growing = ['appointments', 'counselling_sessions', 'session_addenda', 'follow_ups', 'risk_grades', 'scale_results', 'cases', 'clients', 'audit_log'];
/** Partial indexes that stay small however old the station: the sessions not yet signed. */
const smallIndexes = ['sessions_unsigned'];

describe('the pages of a client and a case read by index', () => {
  it('cases.get, clients.get, cases.list and results.list make no full read of a growing table', async () => {
    const { station, liwei, clientId, caseId } = disposeWhenTestEnds(await caseFileStation());
    const db = station.database();
    const statements = await statementsDuring(db, async () => {
      await station.call(liwei, 'cases.get', { id: caseId });
      // What the client page asks for besides the file: its cases and its scale results.
      await station.call(liwei, 'clients.get', { id: clientId });
      await station.call(liwei, 'cases.list', { status: 'all', clientId });
      await station.call(liwei, 'results.list', { clientId });
    });
    expect(statements.some((sql) => /follow_ups/.test(sql))).toBe(true);
    expect(statements.some((sql) => /session_addenda/.test(sql))).toBe(true);
    expect(statements.map((sql) => ({ sql: sql.replace(/\s+/g, ' ').trim(), fullReads: fullReads(db, sql, growing, smallIndexes) })).filter((statement) => statement.fullReads.length > 0)).toEqual([]);
  });

  it('the home page’s today cards make no full read of a growing table, for the 站长 and for a counsellor', async () => {
    const { station, liwei } = disposeWhenTestEnds(await caseFileStation());
    const db = station.database();
    const statements = await statementsDuring(db, async () => {
      await station.call(station.admin, 'dashboard.today', {});
      await station.call(liwei, 'dashboard.today', {});
    });
    expect(statements.some((sql) => /signed_at IS NULL/.test(sql))).toBe(true);
    expect(statements.map((sql) => ({ sql: sql.replace(/\s+/g, ' ').trim(), fullReads: fullReads(db, sql, growing, smallIndexes) })).filter((statement) => statement.fullReads.length > 0)).toEqual([]);
  });
});
