/** Who may call a method. Core enforces this for every call; the renderer uses it only to hide menus. */
export const roles = ['admin', 'counsellor', 'reception', 'inspector', 'kiosk'] as const;
export type Role = (typeof roles)[number];

/** Staff roles are the ones a person logs in with; kiosk sessions are opened by staff for a screen. */
export const staffRoles = ['admin', 'counsellor', 'reception'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

/**
 * Everyone who logs in with a password: the staff, and an inspector (检查人员) the 站长 let in for one inspection
 * until a given day (issue 13). An inspector is not staff: no staff method lists the role unless it says so.
 */
export const accountRoles = [...staffRoles, 'inspector'] as const satisfies readonly Role[];
export type AccountRole = (typeof accountRoles)[number];

/**
 * - `public`: callable without a session (setup, unlock, status).
 * - a role list: callable only by a session whose role is listed.
 * `allowDuringPasswordChange` marks the few methods a user with a forced password change may call.
 */
export type Access =
  | Readonly<{ kind: 'public' }>
  | Readonly<{ kind: 'roles'; roles: readonly Role[]; allowDuringPasswordChange?: boolean }>;

export const publicAccess: Access = { kind: 'public' };
export const anyStaff: Access = { kind: 'roles', roles: staffRoles };
export const adminOnly: Access = { kind: 'roles', roles: ['admin'] };

export function canCall(access: Access, role: Role | null): boolean {
  if (access.kind === 'public') return true;
  return role !== null && access.roles.includes(role);
}

/** Case content and everything clinical: counsellors (their own and shared cases) and the 站长. */
export const clinical: Access = { kind: 'roles', roles: ['admin', 'counsellor'] };
/** The kiosk token calls only these. */
export const kioskOnly: Access = { kind: 'roles', roles: ['kiosk'] };
/** The few methods a user with a forced password change may call. */
export const duringPasswordChange: Access = { kind: 'roles', roles: accountRoles, allowDuringPasswordChange: true };
/** Whoever is logged in with a password, an inspector included (the station's name, the checklist and its evidence). */
export const anyAccount: Access = { kind: 'roles', roles: accountRoles };
