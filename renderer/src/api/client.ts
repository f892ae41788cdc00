import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract/index.js';
import type { ApiError, ErrorCode, Result } from '../../../shared/api/errors.js';
import type { AppEvent } from '../../../shared/api/events.js';
import { openEventStream } from './eventStream.js';

/** A failed call, carrying the stable code and the Chinese message from core. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }
}

export type EventListener = (event: AppEvent) => void;

/** The one way screens reach core. Stores receive it; components never touch a transport. */
export type ApiClient = Readonly<{
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  setSession(token: string | null): void;
  onEvent(listener: EventListener): () => void;
}>;

type Transport = Readonly<{
  send(method: MethodName, input: unknown, session: string | null): Promise<Result<unknown>>;
  subscribe(session: string, emit: (event: AppEvent) => void): () => void;
}>;

function createClient(transport: Transport): ApiClient {
  let session: string | null = null;
  const listeners = new Set<EventListener>();
  let closeStream: (() => void) | null = null;
  const emit = (event: AppEvent) => listeners.forEach((listener) => listener(event));
  return {
    async call(method, input) {
      const result = await transport.send(method, input, session);
      if (!result.ok) {
        // Core locked while this screen still held a session (idle lock, another window): act as if
        // the lock event had arrived, so every screen takes the same path to the lock screen.
        if (result.error.code === 'LOCKED' && session) emit({ name: 'session.locked', payload: { reason: 'idle' } });
        throw new ApiCallError(result.error);
      }
      return result.value as never;
    },
    setSession(token) {
      session = token;
      closeStream?.();
      closeStream = token ? transport.subscribe(token, emit) : null;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const launchTokenKey = 'xinyi.launchToken';

/** Browser mode: the launcher's URL carries ?token=…; keep it for this tab and take it out of the address bar. */
export function takeLaunchToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(launchTokenKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return storage.getItem(launchTokenKey);
}

export function createHttpClient(launchToken: string, origin = ''): ApiClient {
  const headers = (session: string | null): Record<string, string> => ({
    'content-type': 'application/json',
    'x-xinyi-token': launchToken,
    ...(session ? { 'x-xinyi-session': session } : {}),
  });
  return createClient({
    async send(method, input, session) {
      try {
        const response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: headers(session),
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接心驿服务，请确认程序仍在运行。' } };
      }
    },
    subscribe: (session, emit) => openEventStream(`${origin}/api/events`, headers(session), emit),
  });
}

export function createIpcClient(api: NonNullable<Window['api']>): ApiClient {
  return createClient({
    send: (method, input, session) => api[method](input, session),
    subscribe: (_session, emit) => api.onEvent((name, payload) => emit({ name, payload } as AppEvent)),
  });
}
