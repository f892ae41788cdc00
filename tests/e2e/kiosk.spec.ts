import type { BrowserContext, Page } from '@playwright/test';
import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';

test.use({ demo: true });

/** Staff open the kiosk from the alerts page: in browser mode it comes up as a tab of this browser. */
async function openKiosk(context: BrowserContext, page: Page): Promise<Page> {
  await page.getByTestId('nav-alerts').click();
  await page.getByTestId('kiosk-open-pin').fill('2468');
  const [kiosk] = await Promise.all([context.waitForEvent('page'), page.getByTestId('kiosk-open').click()]);
  await kiosk.waitForLoadState();
  await expect(kiosk).toHaveURL(/\/kiosk$/);
  return kiosk;
}

test('opening the kiosk in browser mode locks the workbench in every tab of that browser', async ({ context, page, station }) => {
  // Two logins with the real key derivation, on a shared machine.
  test.slow();
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  const other = await context.newPage();
  await other.goto(station.url);
  await new LockScreen(other).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(other.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  const kiosk = await openKiosk(context, page);
  // The tab that opened it shows why it is locked; the other tab hears the lock event and leaves too.
  await expect(page).toHaveURL(/\/login\?reason=kiosk$/);
  await expect(page.locator('body')).toContainText('自助测评终端已在本浏览器中打开，工作台已随之锁定');
  await expect(other).toHaveURL(/\/login/);
  await expect(other.getByTestId('login-username')).toBeVisible();
  // The resident's tab works on its own; a code is tapped in on the screen, whose keypad fits a 1280×720 screen.
  await kiosk.getByTestId('kiosk-code-keypad').click();
  for (const key of ['K', '7', 'M', '2', 'Q', '9']) await kiosk.getByTestId(`keypad-key-${key}`).click();
  const done = (await kiosk.getByTestId('kiosk-code-done').boundingBox())!;
  expect(done.y + done.height).toBeLessThanOrEqual(720);
  expect(done.height).toBeGreaterThanOrEqual(64);
  await kiosk.getByTestId('kiosk-code-done').click();
  await expect(kiosk.getByTestId('kiosk-nickname')).toHaveValue('K7M2Q9');
});

test('a resident completes PHQ-9 at the kiosk with item 9 = 1; the counsellor’s open window gets the alert pushed, without reloading (its speed: npm run bench, alertPush)', async ({ context, page, station }) => {
  // Two logins with the real key derivation, on a shared machine.
  test.slow();
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  const kiosk = await openKiosk(context, page);
  // The workbench locked when the kiosk opened; the counsellor logs in again to watch for alerts.
  await expect(page).toHaveURL(/\/login\?reason=kiosk$/);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-alerts').click();

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
  await kiosk.getByTestId('kiosk-option-0').click();
  // The mouse rests where item 1's answer was, over item 2's first option: it looks like the others, not chosen.
  await expect(kiosk.getByTestId('kiosk-item')).toContainText('心情低落');
  expect(await kiosk.getByTestId('kiosk-option-0').evaluate((element) => element.matches(':hover'))).toBe(true);
  const look = (option: string) => kiosk.getByTestId(option).evaluate('(element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).borderColor].join()');
  expect(await look('kiosk-option-0')).toBe(await look('kiosk-option-2'));
  // 上一题 is as large as the answers.
  expect((await kiosk.getByTestId('kiosk-back').boundingBox())!.height).toBeGreaterThanOrEqual(64);
  for (let item = 2; item <= 8; item += 1) {
    await expect(kiosk.getByTestId('kiosk-item')).not.toBeEmpty();
    await kiosk.getByTestId('kiosk-option-0').click();
  }
  await kiosk.getByTestId('kiosk-back').click();
  await kiosk.getByTestId('kiosk-option-0').click();
  await expect(kiosk.getByTestId('kiosk-item')).toContainText('伤害自己');
  await kiosk.getByTestId('kiosk-option-1').click();
  expect((await kiosk.getByTestId('kiosk-finish').boundingBox())!.height).toBeGreaterThanOrEqual(64);
  await kiosk.getByTestId('kiosk-finish').click();
  await expect(page.locator('.alert-notification')).toBeVisible();
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
