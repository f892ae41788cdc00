import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { startHostProcess, stopHostProcess } from '../e2e/hostProcess.js';
import { median, p95, round, type Login } from './measure.js';

/**
 * Issue 15's screens on the large station, in Debian's Chromium through the loopback host (reported, not asserted):
 * first paint after unlock (and the home page with its today card), the client list, the client and the case with 500 sessions, the calendar's month with
 * its bookings, and the annual report — each ≤ 300 ms, each opened from the home page as a click in the menu would.
 * The host is the built browser-mode host (out/server) in its own process, as a station runs it: its memory after
 * the screens is the issue's "host RSS" (≤ 300 MB). Null before `npm run build` made the renderer and the host.
 */
export type ScreenSubjects = Readonly<{ login: Login; longCaseId: number; longClientId: number; busiestMonth: string }>;

const repo = path.resolve(import.meta.dirname, '../..');
const renderer = path.join(repo, 'out/renderer');
const server = path.join(repo, 'out/server/index.cjs');
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const runs = 9;

/** What one measurement does inside the page: open a route or click an element, then wait for the content. */
type Target = Readonly<{ selector: string; text?: string }>;
type Step = Readonly<{ open?: string; click?: Target; shown: Target; since?: 'unlock answer' }>;

/**
 * Times a step inside the page: from the route push or the click (or from the unlock answer's arrival, read from the
 * page's resource timing) until the content is on screen, checked each animation frame — the frame it is found in is
 * the one that paints it. Measured in the page, so no DevTools round trip counts. Plain JavaScript in a string: the
 * bench runs through tsx, whose compiled functions call a helper the page does not have.
 */
const measureInPage = `async ({ open, click, shown, since }) => {
  const find = (target) => [...document.querySelectorAll(target.selector)]
    .find((element) => element.offsetParent !== null && (target.text === undefined || new RegExp(target.text).test(element.textContent.trim())));
  const start = performance.now();
  if (open) void document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(open);
  if (click) find(click).click();
  const shownAt = await new Promise((resolve, reject) => {
    const check = () => {
      if (find(shown)) resolve(performance.now());
      else if (performance.now() - start > 60000) reject(new Error('not shown: ' + shown.selector + ' ' + (shown.text ?? '')));
      else requestAnimationFrame(check);
    };
    check();
  });
  if (since !== 'unlock answer') return shownAt - start;
  const answer = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/auth.unlock')).at(-1);
  return shownAt - answer.responseEnd;
}`;

const inPage = (page: Page, step: Step): Promise<number> => page.evaluate(`(${measureInPage})(${JSON.stringify(step)})`);

const figures = (times: number[]) => ({ medianMs: round(median(times)), p95Ms: round(p95(times)), targetMs: 300 });

/** One screen's runs; a screen that fails says why in the figures instead of ending the bench. */
async function screen(measure: () => Promise<number>) {
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) times.push(await measure());
    return figures(times);
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** A process's resident memory in MB, from /proc (Linux, where the bench runs). */
const residentMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** The screens on the station in `dataDir` (no other process may hold it open). */
export async function screenFigures(dataDir: string, subjects: ScreenSubjects) {
  if (!fs.existsSync(path.join(renderer, 'index.html')) || !fs.existsSync(server)) return null;
  const host = await startHostProcess(dataDir);
  const browser = await chromium.launch({ ...(fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}), args: chromiumFlags });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })).newPage();
    // The workbench's home greets the user (the lock screen has a page title too).
    const home = { selector: 'h1.page-title', text: '您好$' };
    // The 站长's home is settled once its today card has come (its call would otherwise hold up the next page's).
    const today = { selector: '[data-testid="today"]' };
    const fromHome = async (step: Step) => {
      await inPage(page, { open: '/', shown: today });
      return inPage(page, step);
    };
    const firstPaintAfterUnlock = await screen(async () => {
      await page.goto(host.url);
      await page.getByTestId('login-username').fill(subjects.login.username);
      await page.getByTestId('login-password').fill(subjects.login.password);
      return inPage(page, { click: { selector: '[data-testid="login-submit"]' }, shown: home, since: 'unlock answer' });
    });
    const homeWithTodayCard = await screen(async () => {
      await page.goto(host.url);
      await page.getByTestId('login-username').fill(subjects.login.username);
      await page.getByTestId('login-password').fill(subjects.login.password);
      return inPage(page, { click: { selector: '[data-testid="login-submit"]' }, shown: today, since: 'unlock answer' });
    });
    // Each unlock started a quick check of the whole file in the background (about a second on this station): the
    // screens after it are timed without it.
    await sleep(8_000);
    const clientList = await screen(() => fromHome({ open: '/clients', shown: { selector: '[data-testid="clients-table"] .el-table__row' } }));
    const clientWith500Sessions = await screen(() => fromHome({ open: `/clients/${subjects.longClientId}`, shown: { selector: '[data-testid="client-title"]' } }));
    const caseWith500Sessions = await screen(() => fromHome({ open: `/cases/${subjects.longCaseId}`, shown: { selector: '.el-timeline-item [data-testid^="session-"]' } }));
    const calendarMonth = await screen(async () => {
      await fromHome({ open: `/appointments?date=${subjects.busiestMonth}-15`, shown: { selector: '.fc-timegrid-event' } });
      return inPage(page, { click: { selector: '.fc-dayGridMonth-button' }, shown: { selector: '[data-testid="month-booking"]' } });
    });
    const annualReport = await screen(async () => {
      await fromHome({ open: '/reports', shown: { selector: '[data-testid="report-label"]' } });
      await page.getByTestId('report-period-kind').click();
      return inPage(page, { click: { selector: '.el-select-dropdown__item', text: '^年报$' }, shown: { selector: '[data-testid="report-label"]', text: '^\\d{4}年$' } });
    });
    return { firstPaintAfterUnlock, homeWithTodayCard, clientList, clientWith500Sessions, caseWith500Sessions, calendarMonth, annualReport, hostRssAfterScreensMb: residentMb(host.child.pid!), hostRssTargetMb: 300 };
  } finally {
    await browser.close();
    await stopHostProcess(host.child);
  }
}
