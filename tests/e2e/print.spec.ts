import type { Page } from '@playwright/test';
import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

/**
 * Printouts go through one print layer: the document is rendered from data into the print root and
 * printed as the browser's print of that root alone; paper.ts looks at it as paper.
 */
test.use({ demo: true });

async function administerPhq9(page: Page, answer: string): Promise<void> {
  await page.getByTestId('scale-administer').click();
  await page.getByTestId('scale-choose').click();
  await page.getByRole('option', { name: /PHQ-9/ }).click();
  for (let item = 1; item <= 9; item += 1) await page.getByTestId(`scale-item-${item}`).getByText(answer, { exact: true }).click();
  await page.getByTestId('scale-submit').click();
  await expect(page.getByTestId('scale-saved')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
}

test.beforeEach(async ({ page }) => {
  // Two scales administered by clicking, on a machine shared with other work.
  test.setTimeout(300_000);
  await countPrintsFromNowOn(page);
});

test('the scale report printed from the case tab is whole: from the top of page one to the signature, with a readable trend', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-table').locator('tbody tr').first().click();
  // The case page scrolls: the old print overlay began where the screen was and stopped after four lines.
  await page.getByRole('tab', { name: '测评记录' }).click();
  await administerPhq9(page, '好几天');
  await administerPhq9(page, '完全不会');
  await page.mouse.wheel(0, 400);

  await page.getByTestId('result-print').first().click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('report-items').locator('tbody tr')).toHaveCount(9);
  await expect(root.getByTestId('print-station')).toContainText('街道');
  const chart = root.getByTestId('report-trend').locator('img');
  await expect(chart).toHaveAttribute('width', '640');
  const sections = ['print-station', 'report-client', 'report-result', 'report-items', 'report-trend', 'report-comment', 'print-signatures'];
  await expectWholeOnPaper(page, sections, '心理测评个人报告', {
    // Readable: drawn at its print size, not a thumbnail.
    onPaper: async () => expect((await chart.boundingBox())!.height).toBeGreaterThanOrEqual(200),
  });
});

test('the session record prints every note field, the addenda, the duration in minutes and the case number', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-table').locator('tbody tr').first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = /\/cases\/(\d+)/.exec(page.url())![1]!;
  await page.getByTestId('session-new').click();
  await page.getByTestId('note-complaint').fill('近两周入睡困难，白天注意力下降。'.repeat(12));
  await page.getByTestId('note-assessment').fill('焦虑情绪明显，无自伤念头。'.repeat(12));
  await page.getByTestId('note-intervention').fill('放松训练，睡眠卫生教育。'.repeat(12));
  await page.getByTestId('note-plan').fill('一周后复访，必要时做 GAD-7。');
  await page.getByTestId('session-sign').click();
  await page.getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('session-signed')).toContainText('签名于');
  await page.getByTestId('addendum-text').fill('来访者来电：睡眠较前改善。');
  await page.getByTestId('addendum-submit').click();
  await expect(page.getByText('来访者来电：睡眠较前改善。')).toBeVisible();

  await page.getByTestId('session-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('session-facts')).toContainText(`个案编号：${caseId}`);
  await expect(root.getByTestId('session-facts')).toContainText('时长：50 分钟');
  await expect(root.getByTestId('session-addenda')).toContainText('来访者来电：睡眠较前改善。');
  await expectWholeOnPaper(
    page,
    ['print-station', 'session-facts', 'session-complaint', 'session-assessment', 'session-intervention', 'session-plan', 'session-freeText', 'session-addenda', 'print-signatures'],
    '心理咨询记录',
  );
});

test('the front desk prints the day sheet of the calendar’s day: weekday, ruled lines, sign-in column', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('qiantai', 'xinyi-demo-2026');
  await page.getByTestId('nav-appointments').click();
  await page.getByTestId('appointments-print-day').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.locator('.print-title')).toContainText(/（星期.）预约登记表/);
  await expect(root.getByTestId('day-sheet').locator('thead')).toContainText('到达签到');
  await expectWholeOnPaper(page, ['print-station', 'day-sheet', 'print-signatures'], await root.locator('.print-title').innerText());
});

test('the 站长 prints the informed consent from settings, with the station’s name in its wording', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await page.getByTestId('nav-settings').click();
  await page.getByRole('tab', { name: '空白表单' }).click();
  await page.getByTestId('form-print-informedConsent').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  const stationName = (await root.getByTestId('print-station').locator('.print-station-name').innerText()).trim();
  expect(stationName.length).toBeGreaterThan(1);
  await expect(root.getByTestId('form-body')).toContainText(`欢迎来到${stationName}。`);
  await expectWholeOnPaper(page, ['print-station', 'form-body', 'print-signatures'], '心理咨询知情同意书');
});
