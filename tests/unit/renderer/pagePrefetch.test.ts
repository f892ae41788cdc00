import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { prefetchDelayMs, prefetchLanding, prefetchPages } from '../../../renderer/src/layouts/pagePrefetch.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A router whose pages record when their code is loaded. */
function routerLoading(loaded: string[]) {
  const page = (name: string) => async () => {
    loaded.push(name);
    return { render: () => null };
  };
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: page('login'), meta: { public: true } },
      { path: '/kiosk', component: page('kiosk'), meta: { kiosk: true } },
      { path: '/clients', component: page('clients') },
      { path: '/cases', component: page('cases'), meta: { roles: ['admin', 'counsellor'] } },
      { path: '/inspections', component: page('inspections'), meta: { roles: ['inspector'] } },
    ],
  });
}

describe('the workbench loads its pages’ code ahead', () => {
  it('loads, after a pause and then one at a time when idle, the code of each page the role may open, not the lock screen’s or the kiosk’s', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', (work: () => void) => setTimeout(work, 10));
    const loaded: string[] = [];
    prefetchPages(routerLoading(loaded), 'counsellor');
    // The workbench's first page loads first.
    await vi.advanceTimersByTimeAsync(prefetchDelayMs);
    expect(loaded).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(loaded).toEqual(['clients']);
    await vi.runAllTimersAsync();
    expect(loaded).toEqual(['clients', 'cases']);
  });

  it('leaves out the pages another role opens', async () => {
    vi.useFakeTimers();
    const loaded: string[] = [];
    prefetchPages(routerLoading(loaded), 'reception');
    await vi.runAllTimersAsync();
    expect(loaded).toEqual(['clients']);
    const inspector: string[] = [];
    prefetchPages(routerLoading(inspector), 'inspector');
    await vi.runAllTimersAsync();
    expect(inspector).toEqual(['inspections']);
  });
});

describe('the lock screen loads the landing page’s code ahead', () => {
  it('loads, one at a time when idle, the frame and the page an unlock lands on, then the home cards; no other page', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', (work: () => void) => setTimeout(work, 10));
    const loaded: string[] = [];
    const page = (name: string) => async () => {
      loaded.push(name);
      return { render: () => null };
    };
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/login', component: page('login'), meta: { public: true } },
        { path: '/', component: page('frame'), children: [{ path: '', component: page('home') }, { path: 'clients', component: page('clients') }] },
      ],
    });
    prefetchLanding(router, '/', [page('today card'), page('schedule card')]);
    expect(loaded).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(loaded).toEqual(['frame']);
    await vi.runAllTimersAsync();
    expect(loaded).toEqual(['frame', 'home', 'today card', 'schedule card']);
    // After a reload on a page, the unlock lands there.
    loaded.length = 0;
    prefetchLanding(router, '/clients', []);
    await vi.runAllTimersAsync();
    expect(loaded).toEqual(['frame', 'clients']);
  });
});
