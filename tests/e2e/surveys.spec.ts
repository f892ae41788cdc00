import { seriousViolations } from './axe.js';
import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

/**
 * Issue 12, the 知晓率调查 end to end: the 站长 records a survey handed out at a recent 讲座, types in two paper
 * questionnaires from the keyboard, opens the kiosk on the survey where a resident answers and sees the key, then
 * reads the results (three responses, the 知晓率 against the 80% line) and prints them on A4. Axe on the way.
 */
test('a survey at a 讲座: two paper responses, a resident at the kiosk, the 知晓率 and its print', async ({ context, page, station }) => {
  // Two logins with the real key derivation, on a shared machine.
  test.slow();
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('nav-surveys').click();
  await expect(page).toHaveURL(/\/surveys$/);
  const found: string[] = [...(await seriousViolations(page, 'survey list'))];

  // Today's survey, at the latest 讲座 of the last two months; its place comes from the activity.
  await page.getByTestId('survey-new').click();
  await expect(page.getByTestId('survey-form')).toBeVisible();
  const activity = page.getByTestId('survey-activity');
  await activity.click();
  const listId = await activity.getByRole('combobox').getAttribute('aria-controls');
  await page.locator(`[id="${listId}"]`).getByRole('option').filter({ hasText: '讲座' }).first().click();
  await expect(page.getByTestId('survey-place')).not.toHaveValue('');
  found.push(...(await seriousViolations(page, 'survey form')));
  await page.getByTestId('survey-save').click();
  await expect(page).toHaveURL(/\/surveys\/\d+$/);
  await expect(page.getByTestId('survey-activity-link')).toContainText('讲座');

  // Two paper sheets by keyboard: all ten right, then seven right (the last three 不知道).
  await page.getByTestId('survey-enter').click();
  const pad = page.getByTestId('survey-entry');
  await pad.focus();
  for (const sheet of ['1212121121', '1212121333']) {
    for (const key of sheet) await pad.press(key);
    await expect(page.getByTestId('survey-entry-progress')).toHaveText('已答 10/10 题');
    found.push(...(await seriousViolations(page, 'paper entry')));
    await pad.press('Enter');
    await expect(page.getByTestId('survey-entry-progress')).toHaveText('已答 0/10 题');
  }
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('survey-rate')).toContainText('答卷 2 份，知晓 1 人');

  // The kiosk on this survey: in browser mode a tab of this browser, the workbench locked.
  await page.getByTestId('survey-kiosk').click();
  await page.getByTestId('survey-kiosk-pin').fill('2468');
  const [kiosk] = await Promise.all([context.waitForEvent('page'), page.getByTestId('survey-kiosk-open').click()]);
  await kiosk.waitForLoadState();
  await expect(kiosk.locator('body')).toContainText('欢迎参加心理健康知识问答');
  await kiosk.getByTestId('kiosk-agree').click();
  for (const value of ['1', '2', '1', '2', '1', '2', '1', '1', '2']) {
    await expect(kiosk.getByTestId('kiosk-item')).not.toBeEmpty();
    await kiosk.getByTestId(`kiosk-option-${value}`).click();
  }
  await kiosk.getByTestId('kiosk-option-1').click();
  found.push(...(await seriousViolations(kiosk, 'kiosk survey')));
  await kiosk.getByTestId('kiosk-finish').click();
  await expect(kiosk.getByTestId('kiosk-survey-result')).toHaveText('您答对了 9 题，共 10 题。');
  await expect(kiosk.getByTestId('kiosk-survey-key')).toContainText('正确答案：错');
  found.push(...(await seriousViolations(kiosk, 'kiosk key')));
  await kiosk.getByTestId('kiosk-done').click();
  await kiosk.getByTestId('kiosk-exit').click();
  await kiosk.getByTestId('kiosk-pin').fill('2468');
  await kiosk.getByTestId('kiosk-pin-submit').click();
  await expect(kiosk.locator('body')).toContainText('自助测评终端已关闭');

  // Back at the workbench: three responses, two 知晓 (66.7%), below the public's 80% line.
  await expect(page).toHaveURL(/\/login\?reason=kiosk$/);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-surveys').click();
  await page.getByTestId('survey-open').last().click();
  await expect(page.getByTestId('survey-rate')).toContainText('66.7%');
  await expect(page.getByTestId('survey-rate')).toContainText('答卷 3 份，知晓 2 人');
  await expect(page.getByTestId('survey-target')).toHaveText('低于目标');
  found.push(...(await seriousViolations(page, 'survey page')));

  await page.getByTestId('survey-print-results').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('survey-results-rate')).toContainText('66.7%');
  await expectWholeOnPaper(page, ['print-station', 'survey-results-head', 'survey-results-items', 'print-signatures'], '知晓率调查结果', {
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed results')));
    },
  });
  expect(found).toEqual([]);
});
