import { inject, type App, type InjectionKey } from 'vue';
import type { ApiClient } from './client.js';

const apiKey: InjectionKey<ApiClient> = Symbol('api');

export function provideApi(app: App, client: ApiClient): void {
  app.provide(apiKey, client);
}

/** For setup stores and components' composables; the client comes from main.ts. */
export function useApi(): ApiClient {
  const client = inject(apiKey);
  if (!client) throw new Error('ApiClient not provided');
  return client;
}
