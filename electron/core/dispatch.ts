import { z } from 'zod';
import { canCall, type Role } from '../../shared/api/access.js';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract/index.js';
import { apiError, type ApiError, type Result } from '../../shared/api/errors.js';
import type { Session, SessionStore } from './auth/sessionStore.js';
import type { Clock } from './clock.js';
import { AppError, toApiError } from './errors.js';
import type { Handlers } from './handlerTable.js';

/** Where a call came from. `scope` is fixed by the transport's token: a kiosk token is `kiosk`. */
export type CallContext = Readonly<{
  sessionToken?: string | null | undefined;
  scope: 'staff' | 'kiosk';
  transport: 'ipc' | 'http' | 'cli' | 'direct';
}>;

export type Dispatch = (context: CallContext, method: string, input: unknown) => Promise<Result<unknown>>;

function invalidInput(error: z.ZodError): ApiError {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  return apiError('INVALID_INPUT', first ? `输入内容有误：${first.message}` : undefined, details);
}

/** Who is calling, given the token; a kiosk-scoped transport can only ever act as the kiosk role. */
function effectiveRole(session: Session | null, scope: CallContext['scope']): Role | null {
  if (!session) return null;
  if (scope === 'kiosk') return session.role === 'kiosk' ? 'kiosk' : null;
  return session.role;
}

/**
 * The single path every transport takes into core: method known → access → input → handler → output.
 * Output passes its schema too, which strips anything a handler returned by mistake.
 */
export function createDispatch(handlers: Handlers, sessions: SessionStore, clock: Clock): Dispatch {
  return async (context, method, input) => {
    if (!isMethodName(method)) return { ok: false, error: apiError('UNKNOWN_METHOD') };
    const spec = contract[method];
    sessions.endExpired(clock.now().getTime());
    const session = sessions.get(context.sessionToken);
    const role = effectiveRole(session, context.scope);
    if (spec.access.kind === 'roles') {
      if (!session) return { ok: false, error: apiError(sessions.expired(context.sessionToken) ? 'ACCOUNT_EXPIRED' : context.sessionToken ? 'LOCKED' : 'UNAUTHENTICATED') };
      if (!canCall(spec.access, role)) return { ok: false, error: apiError('FORBIDDEN') };
      if (session.mustChangePassword && !spec.access.allowDuringPasswordChange) {
        return { ok: false, error: apiError('PASSWORD_CHANGE_REQUIRED') };
      }
      if (session.role !== 'kiosk') sessions.touch(clock.now().getTime());
    } else if (context.scope === 'kiosk') {
      return { ok: false, error: apiError('FORBIDDEN') };
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
    try {
      const run = handlers[method] as (input: unknown, session: Session | null) => Promise<unknown> | unknown;
      const value = await run(parsed.data, session);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (!(error instanceof AppError)) logUnexpected(method, error);
      return { ok: false, error: toApiError(error) };
    }
  };
}

/** Unexpected failures go to stderr with the method and error class only: never inputs or keys. */
function logUnexpected(method: MethodName, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite repeats a failing URI in its message, and a keyed URI carries the data key.
  const message = error instanceof Error ? redactKeys(error.message).slice(0, 200) : '';
  process.stderr.write(`[xinyi] ${method} failed: ${name}${code ? ` ${String(code)}` : ''} ${message}\n`);
}

export function redactKeys(text: string): string {
  return text.replace(/raw:[0-9a-f]+/gi, 'raw:<redacted>');
}
