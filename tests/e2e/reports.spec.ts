import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { LockScreen } from './pages.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

/** Shows another month's report. */
async function showMonth(page: Page, month: string): Promise<void> {
  const picker = page.getByTestId('report-period').locator('.el-date-editor input');
  await picker.fill(month);
  await picker.press('Enter');
}

/** Submits the period shown, through the confirmation. */
async function submit(page: Page): Promise<void> {
  await page.getByTestId('report-submit').click();
  await page.locator('.el-message-box__btns button').last().click();
}

/**
 * Issue 14, the station's half of "站长 previews November → fixes a validation note → submits → prints": the 站长 opens
 * 定期上报 on the demo station (a year of records), which previews last month; opens the records behind a number; is
 * refused submitting the month still running; on last month, is refused while a validation result is unexplained and
 * sees the refusal on its note (when the demo's month has one), explains it (and an unusual change, if any), submits
 * (待审核, the figures frozen), makes the signed upward file (已上报, the 站长 its 审核人) and prints the 月报 whole on A4. Axe checks the screen, the drill-down, the charts and
 * the paper.
 */
test('the 站长 previews last month, drills into a number, explains the validation results, submits and prints the 月报', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
  const lastMonth = String(await page.evaluate(`new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1).toLocaleDateString('sv-SE')`));
  const label = `${Number(lastMonth.slice(0, 4))}年${Number(lastMonth.slice(5, 7))}月`;

  await page.getByTestId('nav-reports').click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByTestId('report-label')).toHaveText(label);
  await expect(page.getByTestId('report-state')).toHaveText('尚未保存');
  const found: string[] = [...(await seriousViolations(page, 'reports'))];

  // The records behind last month's individual sessions: one line each, each a link to its record.
  const sessions = Number(await page.getByTestId('figure-SPS01').innerText());
  expect(sessions).toBeGreaterThan(0);
  await page.getByTestId('figure-SPS01').click();
  const drill = page.getByTestId('drill-dialog');
  await expect(drill.getByTestId('drill-total')).toHaveText(`合计 ${sessions}，共 ${Math.min(sessions, 500)} 条记录`);
  await expect(drill.getByTestId('drill-link')).toHaveCount(Math.min(sessions, 500));
  await expect(drill.getByTestId('drill-link').first()).toHaveAttribute('href', /\/cases\/\d+\/sessions\/\d+$/);
  found.push(...(await seriousViolations(page, 'drill-down')));
  await page.keyboard.press('Escape');
  await expect(drill).toBeHidden();

  // The month still running is kept as a draft but not submitted.
  const thisMonth = String(await page.evaluate(`new Date().toLocaleDateString('sv-SE')`)).slice(0, 7);
  await showMonth(page, thisMonth);
  await expect(page.getByTestId('report-label')).toHaveText(`${Number(thisMonth.slice(0, 4))}年${Number(thisMonth.slice(5, 7))}月`);
  await submit(page);
  await expect(page.getByTestId('report-error')).toContainText('尚未结束，结束后才能提交');
  await expect(page.getByTestId('report-state')).toHaveText('草稿');
  await showMonth(page, lastMonth.slice(0, 7));
  await expect(page.getByTestId('report-label')).toHaveText(label);

  await page.getByRole('tab', { name: /^图表/ }).click();
  await expect(page.getByTestId('chart-trend').getByRole('img')).toHaveAttribute('aria-label', new RegExp(`至 ${lastMonth.slice(0, 7)} 各月`));
  found.push(...(await seriousViolations(page, 'report charts')));

  // Submitting with a validation result unexplained is refused on that result's note; explained, it goes through.
  await page.getByRole('tab', { name: /^校验与说明/ }).click();
  const violations = page.getByTestId('validation-panel').locator('[data-testid^="violation-"]');
  const ruleCount = await violations.count();
  if (ruleCount > 0) {
    await submit(page);
    await expect(page.getByTestId('report-error')).toContainText('校验提示未说明');
    await expect(violations.first().locator('.el-form-item__error')).toContainText('请说明');
    await expect(page.getByTestId('report-state')).toHaveText('草稿');
    for (let index = 0; index < ruleCount; index += 1) {
      await violations.nth(index).locator('textarea').fill('已逐条核对登记记录，数字属实（示范站点数据）。');
    }
  } else {
    await page.getByTestId('report-save').click();
    await expect(page.getByTestId('report-state')).toHaveText('草稿');
  }
  // An unusual change may be explained too; the note travels with the report.
  const unusual = page.getByTestId('validation-panel').locator('[data-testid^="unusual-"]');
  const explainsChange = (await unusual.count()) > 0;
  if (explainsChange) await unusual.first().locator('textarea').fill('本月开展集中宣传，来访增多。');
  found.push(...(await seriousViolations(page, 'validation notes')));
  await submit(page);
  await expect(page.getByTestId('report-state')).toHaveText('待审核');
  await expect(page.getByTestId('report-frozen')).toBeVisible();
  await expect(page.getByTestId('report-submit')).toHaveCount(0);
  await page.getByRole('tab', { name: /^版本记录/ }).click();
  await expect(page.getByTestId('report-versions')).toContainText('第 1 版');

  // The signed upward file: making it is the 站长's review, and the report is 已上报.
  const [upward] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-package').click()]);
  expect(upward.suggestedFilename()).toMatch(new RegExp(`-${lastMonth.slice(0, 7)}\\.xyp$`));
  await expect(page.getByTestId('report-state')).toHaveText('已上报');
  const reviewer = (await page.getByTestId('current-user').innerText()).replace(/（.*$/, '');

  // The 月报 on A4: header block, one table per indicator, the notes, the seal and signatures.
  const unit = await page.getByTestId('report-unit').innerText();
  await page.getByTestId('report-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('print-figure-SPS01')).toHaveText(String(sessions));
  await expect(root.getByTestId('report-print-header')).toContainText('第 1 版（已上报）');
  await expect(root.getByTestId('report-print-header')).toContainText(reviewer);
  if (ruleCount > 0) await expect(root.getByTestId('report-print-notes')).toContainText('已逐条核对登记记录');
  if (explainsChange) await expect(root.getByTestId('report-print-notes')).toContainText('本月开展集中宣传，来访增多。');
  await expectWholeOnPaper(page, ['print-station', 'report-print-header', 'print-indicator-SPS01', 'print-indicator-CHK01', 'report-print-notes', 'print-signatures'], `${unit}社会心理服务工作${label}报表`, {
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed report')));
    },
  });
  expect(found).toEqual([]);
});
