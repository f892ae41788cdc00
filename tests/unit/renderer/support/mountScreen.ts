import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../../../renderer/src/i18n/index.js';
import type { fakeApi } from './fakeApi.js';

enableAutoUnmount(afterEach);

/**
 * Mounts one screen as the app would (Chinese messages, a fresh Pinia, a router on `path` matched
 * by `pattern`) with the fake ApiClient, and waits for its first calls to settle. A given Pinia may
 * carry stores' state in advance (`pinia.state.value.session = …`: who is logged in); a dialog takes its `props`;
 * `stubs` names components a test leaves alone and happy-dom renders slowly (a time select draws every slot).
 */
export async function mountScreen(
  screen: Component,
  options: { api: ReturnType<typeof fakeApi>; pattern: string; path: string; pinia?: Pinia; props?: Record<string, unknown>; stubs?: Record<string, boolean> },
) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: options.pattern, component: screen },
      { path: '/:other(.*)*', component: { render: () => null } },
    ],
  });
  await router.push(options.path);
  await router.isReady();
  const wrapper = mount(screen, { attachTo: document.body, props: options.props, global: { plugins: [createAppI18n('zh-CN'), options.pinia ?? createPinia(), router, options.api.plugin], stubs: options.stubs ?? {} } });
  await flushPromises();
  return { wrapper, router };
}
