import { ChangePasswordPage, LockScreen, SetupWizard, UsersPage, Workbench } from './pages.js';
import { expect, test } from './fixtures.js';

const station = '胜利路街道社会心理服务站';
const adminPassword = '阳光社区2026心理站';

test('setup → recovery key → lock → wrong password → unlock → new counsellor → forced change → audit', async ({ page, station: host }) => {
  const wizard = new SetupWizard(page);
  const lockScreen = new LockScreen(page);
  const workbench = new Workbench(page);

  await page.goto(host.url);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page).not.toHaveURL(/token=/);

  await wizard.fillStation(station, '500118001');
  await wizard.createAdmin('wangzz', '王站长', adminPassword);
  await expect(wizard.recoveryKey()).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/, { timeout: 20_000 });
  await expect(page.getByTestId('setup-finish')).toBeDisabled();
  await wizard.confirmKeptAndFinish();
  await expect(page.getByTestId('station-title')).toHaveText(station);
  await expect(workbench.currentUser()).toContainText('王站长');

  await workbench.lock();
  const lockedText = await page.locator('body').innerText();
  expect(lockedText).not.toContain(station);
  expect(lockedText).not.toContain('王站长');

  await lockScreen.unlock('wangzz', 'wrong-password-1');
  await expect(lockScreen.error()).toContainText('用户名或密码错误');
  await lockScreen.unlock('wangzz', adminPassword);
  await expect(workbench.currentUser()).toContainText('王站长');

  await workbench.open('users');
  await new UsersPage(page).create('liwei', '李伟', 'temporary-2026');
  await workbench.lock();

  await lockScreen.unlock('liwei', 'temporary-2026');
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByTestId('forced-change')).toBeVisible();
  await new ChangePasswordPage(page).change('temporary-2026', 'liwei-own-2026');
  await expect(workbench.currentUser()).toContainText('李伟');
  await expect(page.getByTestId('nav-users')).toHaveCount(0);
  await workbench.lock();

  await lockScreen.unlock('wangzz', adminPassword);
  await workbench.open('audit');
  const table = page.getByTestId('audit-table');
  for (const action of ['创建站点', '生成恢复密钥', '锁定', '登录解锁', '新建账号', '修改密码', '查看审计日志']) {
    await expect(table).toContainText(action);
  }
  await expect(table).toContainText('失败');
  // People by the name colleagues know them by, not their login.
  await expect(table).toContainText('李伟');
  await expect(table).not.toContainText('liwei');

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('审计日志哈希链完好');
});

test('backup now shows progress and lists the verified backup', async ({ page, station: host }) => {
  await page.goto(host.url);
  const wizard = new SetupWizard(page);
  await wizard.fillStation('阳光社区心理咨询室', '500118001001');
  await wizard.createAdmin('admin', '站长', adminPassword);
  await wizard.confirmKeptAndFinish();
  await new Workbench(page).open('settings');
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-table')).toContainText('.xybak');
  await page.getByRole('tab', { name: '关于' }).click();
  await expect(page.getByTestId('about')).toContainText('AEGIS-256 认证加密');
});

test('a lock from another window clears this one too (event stream)', async ({ page, context, station: host }) => {
  await page.goto(host.url);
  const wizard = new SetupWizard(page);
  await wizard.fillStation('阳光社区心理咨询室', '500118001001');
  await wizard.createAdmin('admin', '站长', adminPassword);
  await wizard.confirmKeptAndFinish();
  await expect(page.getByTestId('station-title')).toHaveText('阳光社区心理咨询室');

  const second = await context.newPage();
  await second.goto(host.url);
  await new LockScreen(second).unlock('admin', adminPassword);
  await new Workbench(second).lock();

  await expect(page).toHaveURL(/\/login/);
  expect(await page.locator('body').innerText()).not.toContain('阳光社区心理咨询室');
});
