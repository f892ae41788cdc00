import { SetupWizard, UsersPage, Workbench } from './pages.js';
import { expect, test } from './fixtures.js';

test('disabling an account rotates the keys; the users screen says what that means for older backups', async ({ page, station: host }) => {
  const wizard = new SetupWizard(page);
  const workbench = new Workbench(page);
  await page.goto(host.url);
  await wizard.fillStation('胜利路街道社会心理服务站', '500118001');
  await wizard.createAdmin('wangzz', '王站长', '阳光社区2026心理站');
  await expect(wizard.recoveryKey()).toBeVisible({ timeout: 20_000 });
  await wizard.confirmKeptAndFinish();

  await workbench.open('users');
  await expect(page.getByTestId('users-rotation-notice')).toContainText('更换前做的备份仍可恢复');
  await new UsersPage(page).create('zhaoqt', '赵前台', 'temporary-2026');
  await page.getByTestId('user-disable-zhaoqt').click();
  await expect(page.locator('.el-message-box')).toContainText('更换数据库密钥和临床密钥');
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('users-table').getByRole('row', { name: /zhaoqt/ })).toContainText('已停用', { timeout: 30_000 });
  await expect(page.getByTestId('users-rotation-progress')).toHaveCount(0);

  await page.getByTestId('recovery-key-new').click();
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('recovery-key-shown')).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/, { timeout: 20_000 });
});
