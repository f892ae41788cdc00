import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import type { Core } from '../../electron/core/createCore.js';
import { startHttpHost } from '../../electron/server/httpHost.js';
import { median, p95, round, type Login } from './measure.js';

/**
 * Issue 15's screens on the large station, in Debian's Chromium through the loopback host (reported, not asserted):
 * first paint after unlock, the client list, the case of the client with 500 sessions, the calendar's month with
 * its bookings, and the annual report — each ≤ 300 ms. A time runs from the action (or, after unlock, from the unlock
 * answer arriving) until the screen's content is visible, measured from the test's side, so it includes the
 * DevTools round trips: a little more than the user sees, never less. Null before `npm run build` made the renderer.
 */
export type ScreenSubjects = Readonly<{ login: Login; longCaseId: number; longClientId: number; busiestMonth: string }>;

const renderer = path.resolve(import.meta.dirname, '../../out/renderer');
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const runs = 5;

async function timeUntil(action: () => Promise<unknown>, shown: Locator): Promise<number> {
  const start = performance.now();
  await action();
  await shown.first().waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - start;
}

/** Moves inside the app as a click in its menu does (the session lives in the page: a reload would log out). */
const goTo = (page: Page, to: string) =>
  page.evaluate(async (target) => {
    type Mounted = { __vue_app__: { config: { globalProperties: { $router: { push(to: string): Promise<unknown> } } } } };
    const { document } = globalThis as unknown as { document: { querySelector(selector: string): Mounted } };
    await document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(target);
  }, to);

const figures = (times: number[]) => ({ medianMs: round(median(times)), p95Ms: round(p95(times)), targetMs: 300 });

export async function screenFigures(core: Core, subjects: ScreenSubjects) {
  if (!fs.existsSync(path.join(renderer, 'index.html'))) return null;
  const host = await startHttpHost({ core, staticDir: renderer, port: 0, token: `bench-${Date.now()}` });
  const browser = await chromium.launch({ ...(fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}), args: chromiumFlags });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })).newPage();
    const home = page.locator('h1.page-title');
    const firstPaint: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.goto(host.url);
      await page.getByTestId('login-username').fill(subjects.login.username);
      await page.getByTestId('login-password').fill(subjects.login.password);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth.unlock'));
      await page.getByTestId('login-submit').click();
      await answered;
      firstPaint.push(await timeUntil(async () => undefined, home));
    }
    const clientList: number[] = [];
    const longCase: number[] = [];
    const longClient: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await goTo(page, '/');
      await home.waitFor();
      clientList.push(await timeUntil(() => goTo(page, '/clients'), page.locator('[data-testid="clients-table"] .el-table__row')));
      longClient.push(await timeUntil(() => goTo(page, `/clients/${subjects.longClientId}`), page.getByTestId('client-title')));
      longCase.push(await timeUntil(() => goTo(page, `/cases/${subjects.longCaseId}`), page.locator('[data-testid^="session-"]').filter({ hasText: /\d/ })));
    }
    const calendarMonth: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await goTo(page, '/');
      await home.waitFor();
      await goTo(page, `/appointments?date=${subjects.busiestMonth}-15`);
      await page.locator('.fc-timegrid-event').first().waitFor();
      calendarMonth.push(await timeUntil(() => page.locator('.fc-dayGridMonth-button').click(), page.locator('.fc-daygrid-event, .fc-daygrid-more-link')));
    }
    const annualReport: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await goTo(page, '/');
      await home.waitFor();
      await goTo(page, '/reports');
      await page.getByTestId('report-label').waitFor();
      await page.getByTestId('report-period-kind').click();
      annualReport.push(await timeUntil(() => page.locator('.el-select-dropdown__item', { hasText: /^年报$/ }).click(), page.getByTestId('report-label').filter({ hasText: /^\d{4}年$/ })));
    }
    return {
      firstPaintAfterUnlock: figures(firstPaint),
      clientList: figures(clientList),
      clientWith500Sessions: figures(longClient),
      caseWith500Sessions: figures(longCase),
      calendarMonth: figures(calendarMonth),
      annualReport: figures(annualReport),
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
