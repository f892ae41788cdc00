import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { chooseOption, LockScreen } from './pages.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

/**
 * Issue 12, the 值班 and 走访排查 ledgers end to end on the demo station: the 站长 rosters next month from the weekly
 * pattern (the demo's roster runs to the end of this month), writes today's duty log, prints the month's roster on
 * A4 landscape, then records a visit to an anonymous household with the 网格员 and files it (建档): the new client
 * file opens from the visit. Axe checks the screens, the forms and the print on the way.
 */
test('the 站长 rosters a month from a week, writes today’s log, prints the roster; records a household visit and files it', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  // A quarter hour that has passed on the browser's (the station's) clock: a log in the future is refused. In the
  // first hour of a day the last one that has passed whole is yesterday's, written on yesterday's date.
  const now = JSON.parse(String(await page.evaluate(`JSON.stringify({ hour: new Date().getHours(), yesterday: new Date(Date.now() - 86400000).toLocaleDateString('sv-SE') })`))) as { hour: number; yesterday: string };
  const logDay = now.hour >= 1 ? null : now.yesterday;
  const hour = logDay ? 22 : now.hour - 1;
  const [start, end] = [`${String(hour).padStart(2, '0')}:00`, `${String(hour).padStart(2, '0')}:15`];
  const next = String(await page.evaluate(`(() => { const d = new Date(); d.setDate(1); d.setMonth(d.getMonth() + 1); return d.toLocaleDateString('sv-SE').slice(0, 7); })()`));
  const nextLabel = `${Number(next.slice(0, 4))}年${Number(next.slice(5, 7))}月`;

  await page.getByTestId('nav-duty').click();
  await expect(page).toHaveURL(/\/duty$/);
  await expect(page.getByTestId('duty-hours')).toContainText('开放时间对照');
  const found: string[] = [...(await seriousViolations(page, 'duty screen'))];

  // Next month from the weekly pattern: Monday to Friday, the 站长 on duty 09:00–17:30.
  const month = page.getByLabel('月份', { exact: true });
  await month.fill(next);
  await month.press('Enter');
  await expect(page.getByTestId('duty-roster').locator('.el-table__body tbody tr').first()).toContainText(`${next}-01`);
  await page.getByTestId('duty-repeat').click();
  await expect(page.getByTestId('duty-repeat-form')).toBeVisible();
  found.push(...(await seriousViolations(page, 'weekly pattern')));
  await page.getByTestId('duty-repeat-submit').click();
  await expect(page.getByTestId('duty-repeat-form')).toBeHidden();
  await expect(page.getByTestId('duty-roster')).toContainText('王海燕 09:00–17:30');
  await expect(page.getByTestId('duty-hours')).not.toContainText('排班 0 小时');

  // Today's duty log, a plain note.
  await page.getByTestId('duty-write-log').click();
  await expect(page.getByTestId('duty-log-form')).toBeVisible();
  await expect(page.getByTestId('duty-log-hint')).toContainText('不要写来访者的咨询内容');
  if (logDay) {
    const date = page.getByTestId('duty-log-form').getByLabel('日期', { exact: true });
    await date.fill(logDay);
    await date.press('Enter');
  }
  await chooseOption(page, 'duty-log-start', start);
  await chooseOption(page, 'duty-log-end', end);
  await page.getByTestId('duty-log-visitors').locator('input').fill('2');
  await page.getByTestId('duty-log-events').fill('接待居民咨询预约流程。');
  await page.getByTestId('duty-log-handover').fill('咨询室钥匙已交前台。');
  found.push(...(await seriousViolations(page, 'duty log form')));
  await page.getByTestId('duty-log-submit').click();
  await expect(page.getByTestId('duty-log-form')).toBeHidden();

  // Next month's roster on A4 landscape.
  await page.getByTestId('duty-print-roster').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  expect(await root.locator('style').evaluate((style) => style.textContent)).toContain('size: A4 landscape');
  await expect(root.getByTestId('duty-roster-print')).toContainText('王海燕 09:00–17:30');
  await expectWholeOnPaper(page, ['print-station', 'duty-roster-print', 'duty-roster-print-hours', 'print-signatures'], `${nextLabel}值班安排表`, {
    orientation: 'landscape',
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed roster')));
    },
  });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // This month's logs carry today's.
  await page.getByTestId('nav-visits').click();
  await page.getByTestId('nav-duty').click();
  if (logDay) {
    await month.fill(logDay.slice(0, 7));
    await month.press('Enter');
  }
  await page.getByRole('tab', { name: '值班记录' }).click();
  await expect(page.getByTestId('duty-logs')).toContainText('咨询室钥匙已交前台。');

  // A household visited with the 网格员, then filed.
  await page.getByTestId('nav-visits').click();
  await expect(page).toHaveURL(/\/visits$/);
  found.push(...(await seriousViolations(page, 'visits list')));
  await page.getByTestId('visit-new').click();
  await expect(page.getByTestId('visit-form')).toBeVisible();
  await page.getByTestId('visit-area').fill('阳光小区 9 栋');
  await chooseOption(page, 'visit-companions', '网格员');
  await page.keyboard.press('Escape');
  await chooseOption(page, 'visit-tags', '老年人（独居）');
  await page.keyboard.press('Escape');
  await page.getByTestId('visit-observations').fill('独居老人，近来睡眠差。');
  await expect(page.getByTestId('visit-observations-hint')).toContainText('前台不可见');
  found.push(...(await seriousViolations(page, 'visit form')));
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('visit-form')).toBeHidden();
  const row = page.getByTestId('visits-table').locator('.el-table__body tbody tr', { hasText: '阳光小区 9 栋' });
  await expect(row).toContainText('未建档住户');
  await row.getByTestId('visit-open').click();
  await expect(page.getByTestId('visit-observations')).toHaveText('独居老人，近来睡眠差。');
  found.push(...(await seriousViolations(page, 'visit page')));

  await page.getByTestId('visit-register').click();
  await page.getByTestId('client-name').fill('测试奶奶');
  found.push(...(await seriousViolations(page, 'register from visit')));
  await page.getByTestId('client-submit').click();
  await expect(page.getByTestId('visit-client')).toContainText('测试奶奶（走访后建档）');
  await page.getByTestId('visit-client').getByRole('link').click();
  await expect(page).toHaveURL(/\/clients\/\d+$/);
  await expect(page.getByTestId('client-title')).toHaveText('测试奶奶');
  expect(found).toEqual([]);
});
