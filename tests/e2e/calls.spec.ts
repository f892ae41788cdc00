import { seriousViolations } from './axe.js';
import { chooseOption, LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

/**
 * Issue 12, the 热线登记 end to end: the 站长 records a call marked 高危 and, in the same step, opens its crisis
 * record; the month's list shows it with the flag, its page links the crisis, and the crisis page names the caller
 * as the call's unknown person; the month's register prints on A4 landscape without the note. Axe checks the list,
 * the form, the call's page and the print on the way.
 */
test('the 站长 records a 高危 call, opens its crisis record in one step and prints the month’s register on landscape paper', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  // A minute that has passed on the browser's (the station's) clock: a call in the future is refused.
  const hour = Number(await page.evaluate('new Date().getHours()'));
  const start = `${String(Math.max(hour - 1, 0)).padStart(2, '0')}:00`;
  const month = String(await page.evaluate(`new Date().toLocaleDateString('sv-SE').slice(0, 7)`));
  const monthLabel = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

  await page.getByTestId('nav-calls').click();
  await expect(page).toHaveURL(/\/calls$/);
  const found: string[] = [...(await seriousViolations(page, 'hotline list'))];

  await page.getByTestId('call-new').click();
  await expect(page.getByTestId('call-form')).toBeVisible();
  await chooseOption(page, 'call-start', start);
  await page.getByTestId('call-duration').locator('input').fill('30');
  await chooseOption(page, 'call-caller', '本人');
  await chooseOption(page, 'call-problem', '情绪');
  await page.getByTestId('call-high-risk').click();
  await page.getByTestId('call-outcome').getByText('报警', { exact: true }).click();
  await page.getByTestId('call-note').fill('来电者称想结束生命，已报警并持续通话。');
  await page.getByTestId('call-open-crisis').click();
  found.push(...(await seriousViolations(page, 'call form')));
  await page.getByTestId('call-submit').click();
  await expect(page.getByTestId('call-form')).toBeHidden();

  const row = page.getByTestId('calls-table').locator('.el-table__body tbody tr').first();
  await expect(row).toContainText('高危');
  await expect(row).toContainText('报警');
  await expect(page.getByTestId('calls-totals')).toContainText('高危 1');
  await row.getByTestId('call-open').click();
  await expect(page.getByTestId('call-note')).toHaveText('来电者称想结束生命，已报警并持续通话。');
  await expect(page.getByTestId('call-crisis')).toContainText('危机干预记录');
  found.push(...(await seriousViolations(page, 'call page')));

  await page.getByTestId('call-crisis').getByRole('link').click();
  await expect(page).toHaveURL(/\/crises\/\d+$/);
  await expect(page.locator('main')).toContainText('热线来电者');

  // The month's register on A4 landscape, without the note.
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  expect(await root.locator('style').evaluate((style) => style.textContent)).toContain('size: A4 landscape');
  await expect(root.getByTestId('call-ledger').locator('tbody tr').first()).toContainText('高危');
  await expect(root).not.toContainText('结束生命');
  await expectWholeOnPaper(page, ['print-station', 'call-ledger', 'call-ledger-totals', 'call-ledger-breakdown', 'print-signatures'], `${monthLabel}热线/电话咨询登记表`, {
    orientation: 'landscape',
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed register')));
    },
  });
  expect(found).toEqual([]);
});
