import type { Station } from './station.js';

/** An inspection opened by the 站长 on the station's current checklist (the last year, to today). */
export async function openInspection(station: Pick<Station, 'call' | 'admin'>, today: string, kind: 'self' | 'supervision' | 'acceptance' | 'recheck' = 'acceptance') {
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return station.call(station.admin, 'inspections.create', { kind, title: '2026 年度验收', inspectingBody: '永川区社会心理服务中心', plannedOn: today, from, to: today });
}

/** An inspector account let in for an inspection, logged in with its changed password; returns its session token. */
export async function addInspector(station: Pick<Station, 'call' | 'admin'>, inspectionId: number, username: string, accessUntil: string): Promise<string> {
  await station.call(station.admin, 'inspections.addInspector', { inspectionId, username, displayName: `检查员${username}`, temporaryPassword: 'temporary-2026', accessUntil });
  const session = await station.call(null, 'auth.unlock', { username, password: 'temporary-2026' });
  await station.call(session.sessionToken, 'auth.changePassword', { currentPassword: 'temporary-2026', newPassword: `${username}-pass-2026` });
  return session.sessionToken;
}
