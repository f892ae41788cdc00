import { staffRoles, type AccountRole, type StaffRole } from '../../../shared/api/access.js';
import type { UserSummary } from '../../../shared/api/schemas/users.js';
import type { Db } from '../db/driver.js';

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  role: AccountRole;
  disabled: 0 | 1;
  must_change_password: 0 | 1;
  created_at: string;
  last_login_at: string | null;
  access_until: string | null;
};

function toUser(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    accessUntil: row.access_until,
  };
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser);
}

/** Who may hold cases and bookings: enabled counsellors and 站长, never the front desk or an inspector. */
export const canCounsel = (user: Pick<UserSummary, 'disabled' | 'role'>): boolean => !user.disabled && (user.role === 'admin' || user.role === 'counsellor');

/** The station's own people (an inspector let in for one inspection is not one of them). */
export const isStaff = (user: Pick<UserSummary, 'role'>): boolean => (staffRoles as readonly string[]).includes(user.role);

export function isActiveCounsellor(db: Db, id: number): boolean {
  const user = findUserById(db, id);
  return user !== undefined && canCounsel(user);
}

export function findUserById(db: Db, id: number): UserSummary | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(row);
}

export function findUserByUsername(db: Db, username: string): UserSummary | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row && toUser(row);
}

export type NewUser = Readonly<{
  username: string;
  displayName: string;
  role: AccountRole;
  mustChangePassword: boolean;
  createdAt: string;
  /** An inspector's last day (Beijing date); staff have none. */
  accessUntil?: string;
}>;

export function insertUser(db: Db, user: NewUser): UserSummary {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO users (username, display_name, role, must_change_password, created_at, access_until)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(user.username, user.displayName, user.role, user.mustChangePassword ? 1 : 0, user.createdAt, user.accessUntil ?? null);
  return findUserById(db, Number(lastInsertRowid)) as UserSummary;
}

/** An inspector's last day, moved (a 复查 after the first day it was let in for). */
export function setAccessUntil(db: Db, id: number, accessUntil: string): void {
  db.prepare(`UPDATE users SET access_until = ? WHERE id = ? AND role = 'inspector'`).run(accessUntil, id);
}

export function setUserDisabled(db: Db, id: number, disabled: boolean): void {
  db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
}

export function updateUserProfile(db: Db, id: number, profile: { displayName: string; role: StaffRole }): void {
  db.prepare('UPDATE users SET display_name = ?, role = ? WHERE id = ?').run(profile.displayName, profile.role, id);
}

export function setMustChangePassword(db: Db, id: number, mustChange: boolean): void {
  db.prepare('UPDATE users SET must_change_password = ? WHERE id = ?').run(mustChange ? 1 : 0, id);
}

export function recordLogin(db: Db, id: number, at: string): void {
  db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id);
}

/** The id the next inserted user takes: one past the highest. */
export function nextUserId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM users').get() as { id: number }).id;
}
