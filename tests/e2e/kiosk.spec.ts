import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';

test.use({ demo: true });

test('a resident completes PHQ-9 at the kiosk with item 9 = 1; the counsellor sees the alert within 2 s', async ({ context, page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-alerts').click();
  await page.getByTestId('kiosk-open-pin').fill('2468');
  const [kiosk] = await Promise.all([context.waitForEvent('page'), page.getByTestId('kiosk-open').click()]);
  await kiosk.waitForLoadState();
  await expect(kiosk).toHaveURL(/\/kiosk$/);

  // The kiosk token reaches no staff method.
  const token = (await kiosk.evaluate('sessionStorage.getItem("xinyi.launchToken")')) as string;
  const staffCall = await kiosk.evaluate(async (kioskToken) => {
    const response = await fetch('/api/clients.search', { method: 'POST', headers: { 'content-type': 'application/json', 'x-xinyi-token': kioskToken }, body: '{}' });
    return response.status;
  }, token);
  expect([401, 403]).toContain(staffCall);

  await kiosk.getByTestId('kiosk-nickname').fill('小林');
  await kiosk.getByTestId('kiosk-agree').click();
  await kiosk.getByTestId('kiosk-scale-PHQ-9').click();
  for (let item = 1; item <= 8; item += 1) {
    await expect(kiosk.getByTestId('kiosk-item')).not.toBeEmpty();
    await kiosk.getByTestId('kiosk-option-0').click();
  }
  await kiosk.getByTestId('kiosk-back').click();
  await kiosk.getByTestId('kiosk-option-0').click();
  await expect(kiosk.getByTestId('kiosk-item')).toContainText('伤害自己');
  await kiosk.getByTestId('kiosk-option-1').click();
  await kiosk.getByTestId('kiosk-finish').click();
  const finishedAt = Date.now();
  await expect(page.locator('.alert-notification')).toBeVisible({ timeout: 2000 });
  expect(Date.now() - finishedAt).toBeLessThan(2000);
  await expect(kiosk.getByTestId('kiosk-critical')).toContainText('请稍候，工作人员会来与您交流');
  await expect(kiosk.locator('body')).toContainText('12356');
  await expect(page.getByTestId('alerts-table')).toContainText('小林');

  // Back to the start: nothing of this resident remains on the kiosk screen.
  await kiosk.getByTestId('kiosk-done').click();
  await expect(kiosk.locator('body')).not.toContainText('小林');
  await kiosk.getByTestId('kiosk-exit').click();
  await kiosk.getByTestId('kiosk-pin').fill('2468');
  await kiosk.getByTestId('kiosk-pin-submit').click();
  await expect(kiosk.locator('body')).toContainText('自助测评终端已关闭');
});
