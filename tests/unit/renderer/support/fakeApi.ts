import type { App } from 'vue';
import { ApiCallError, type ApiClient, type EventListener } from '../../../../renderer/src/api/client.js';
import { provideApi } from '../../../../renderer/src/api/provide.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract/index.js';
import type { AppEvent } from '../../../../shared/api/events.js';
import type { ErrorCode } from '../../../../shared/api/errors.js';

export type FakeHandlers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** A refusal as core sends it: a stable code and a Chinese message. */
export const refusal = (code: ErrorCode, message: string) => new ApiCallError({ code, message });

/**
 * An ApiClient that answers from handlers and records every call, in order. A method without a
 * handler is refused (NOT_FOUND), so a screen calling something unexpected shows up in the test.
 */
export function fakeApi(handlers: FakeHandlers) {
  const calls: Array<{ method: MethodName; input: unknown }> = [];
  const listeners = new Set<EventListener>();
  const client: ApiClient = {
    async call(method, input) {
      calls.push({ method, input });
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw refusal('NOT_FOUND', `测试中没有 ${method} 的应答。`);
      return (await handler(input)) as never;
    },
    setSession: () => undefined,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    client,
    /** For mount(…, { global: { plugins: [api.plugin] } }). */
    plugin: { install: (app: App) => provideApi(app, client) },
    /** Method names called so far, in order. */
    methods: () => calls.map((call) => call.method),
    inputsOf: <M extends MethodName>(method: M) => calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>),
    emit: (event: AppEvent) => listeners.forEach((listener) => listener(event)),
  };
}
