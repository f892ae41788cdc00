import type { caseFileStation } from './caseFileStation.js';

type Setup = Awaited<ReturnType<typeof caseFileStation>>;

/** The station's accounts by username: their ids for ledger rows that name staff. */
export async function userIds(setup: Setup): Promise<Record<string, number>> {
  const users = await setup.station.call(setup.station.admin, 'users.list', {});
  return Object.fromEntries(users.map((user) => [user.username, user.id]));
}

/** The audit rows of one action, newest first. */
export async function auditRows(setup: Setup, action: string) {
  return (await setup.station.call(setup.station.admin, 'audit.list', { action, pageSize: 200 })).rows;
}
