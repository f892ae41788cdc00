import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';

test.use({ demo: true });

test('a counsellor records PHQ-9 with item 9 = 1 and the 站长’s open window gets the alert pushed, without reloading (its speed: npm run bench, alertPush)', async ({ browser, page, station }) => {
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await manager.goto(station.url);
  await new LockScreen(manager).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(manager.getByTestId('today')).toBeVisible();

  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-table').locator('tbody tr').first().click();
  await page.getByRole('tab', { name: '测评记录' }).click();
  await page.getByTestId('scale-administer').click();
  await page.getByTestId('scale-choose').click();
  await page.getByRole('option', { name: /PHQ-9/ }).click();
  for (let item = 1; item <= 8; item += 1) await page.getByTestId(`scale-item-${item}`).getByText('完全不会').click();
  await page.getByTestId('scale-item-9').getByText('好几天').click();
  await expect(page.getByTestId('scale-preview')).toContainText('危急条目');

  await page.getByTestId('scale-submit').click();
  await expect(manager.locator('.alert-notification')).toBeVisible();
  await expect(manager.locator('.alert-notification')).toContainText('第 9 题');
  await expect(page.getByTestId('scale-saved')).toContainText('无或极轻');
  await expect(page.getByTestId('scale-suggest-red')).toBeVisible();

  await manager.locator('.alert-notification').click();
  await expect(manager.getByTestId('alerts-table')).toContainText('PHQ-9');
  await manager.getByTestId('alert-note').fill('已电话联系咨询师，当面评估中');
  await manager.getByTestId('alert-ack').click();
  await expect(manager.getByTestId('alerts-table')).toContainText('没有待处理的危急提醒');
  await managerContext.close();
});
