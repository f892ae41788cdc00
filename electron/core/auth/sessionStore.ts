import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/api/access.js';

export type Session = Readonly<{
  token: string;
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  /** An inspector's session ends at the end of the account's last day (issue 13); staff sessions have no end. */
  endsAtMs?: number;
}>;

/** Sessions live in memory only: a restart or a lock ends them all. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly expiredTokens = new Set<string>();
  private lastActivity = 0;
  private endedListener: (() => void) | null = null;
  private startedListener: ((session: Session) => void) | null = null;

  /** Told after sessions end (logout, lock, disable), so keys no remaining session needs can be dropped. */
  onSessionsEnded(listener: () => void): void {
    this.endedListener = listener;
  }

  /** Told after a session starts (an unlock, a login, the kiosk): what its role will ask first can be read ahead. */
  onSessionStarted(listener: (session: Session) => void): void {
    this.startedListener = listener;
  }

  private ended(): void {
    this.endedListener?.();
  }

  create(session: Omit<Session, 'token'>, nowMs: number): Session {
    const created = { ...session, token: randomBytes(32).toString('base64url') };
    this.sessions.set(created.token, created);
    this.lastActivity = nowMs;
    this.startedListener?.(created);
    return created;
  }

  get(token: string | null | undefined): Session | null {
    return (token && this.sessions.get(token)) || null;
  }

  /** Ends the sessions past their end (an inspector's last day is over); run before every call is let in. */
  endExpired(nowMs: number): void {
    const expired = [...this.sessions.values()].filter((session) => session.endsAtMs !== undefined && nowMs >= session.endsAtMs);
    for (const session of expired) {
      this.sessions.delete(session.token);
      this.expiredTokens.add(session.token);
    }
    if (expired.length > 0) this.ended();
  }

  /** Whether a token was a session that ran out (its screen is told why, not just that it is locked). */
  expired(token: string | null | undefined): boolean {
    return token ? this.expiredTokens.has(token) : false;
  }

  update(token: string, changes: Partial<Omit<Session, 'token'>>): void {
    const session = this.sessions.get(token);
    if (session) this.sessions.set(token, { ...session, ...changes });
  }

  remove(token: string): void {
    this.sessions.delete(token);
    this.ended();
  }

  /** A staff lock ends staff sessions; an open kiosk goes on. */
  clearStaff(): void {
    for (const [token, session] of this.sessions) if (session.role !== 'kiosk') this.sessions.delete(token);
    this.ended();
  }

  /** A disabled or reset account loses every session it holds, at once. */
  endUser(userId: number): void {
    for (const [token, session] of this.sessions) if (session.userId === userId) this.sessions.delete(token);
    this.ended();
  }

  /** Any call from a staff session, or the renderer's heartbeat, counts as activity. */
  touch(nowMs: number): void {
    this.lastActivity = nowMs;
  }

  idleSinceMs(nowMs: number): number {
    return nowMs - this.lastActivity;
  }

  hasStaffSessions(): boolean {
    return [...this.sessions.values()].some((session) => session.role !== 'kiosk');
  }

  /** Sessions of a role that may hold the clinical key (站长, counsellor; a recovery login is a 站长 session). */
  hasSessionWithRole(roles: readonly Role[]): boolean {
    return [...this.sessions.values()].some((session) => roles.includes(session.role));
  }

  clear(): void {
    this.sessions.clear();
    this.expiredTokens.clear();
    this.ended();
  }
}
