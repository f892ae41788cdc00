import { AppError } from '../errors.js';
import type { Session } from './sessionStore.js';

/** Handlers behind a role rule always have a session; this narrows the type and guards the rule. */
export function requireSession(session: Session | null): Session {
  if (!session) throw new AppError('UNAUTHENTICATED');
  return session;
}

/** Who an audit row names as having acted. */
export const actorOf = (session: Session) => ({ actorId: session.userId, actorName: session.username });
