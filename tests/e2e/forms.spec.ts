import type { Page } from '@playwright/test';
import { AppointmentPages, chooseOption, LockScreen, SetupWizard, UsersPage, Workbench } from './pages.js';
import { expect, test } from './fixtures.js';

/** Forms and messages (issue 11): Chinese field messages, dialogs that fit 1280×720, a reload that keeps the page. */

const viewportHeight = 720;

/** Every button of the open dialog (its footer's and its form's) lies inside the 1280×720 window. */
async function expectDialogButtonsInView(page: Page, name: string): Promise<void> {
  const dialog = page.locator('.el-dialog:visible').last();
  await expect(dialog, name).toBeVisible();
  const buttons = dialog.locator('.el-dialog__footer button:visible, .el-dialog__footer ~ * button:visible');
  const all = (await buttons.count()) > 0 ? buttons : dialog.locator('button:visible').filter({ hasNotText: /^$/ });
  for (let index = 0; index < (await all.count()); index += 1) {
    const box = (await all.nth(index).boundingBox())!;
    expect(box.y + box.height, `${name}: ${await all.nth(index).innerText()}`).toBeLessThanOrEqual(viewportHeight);
  }
  const whole = (await dialog.boundingBox())!;
  expect(whole.y + whole.height, `${name}: the dialog`).toBeLessThanOrEqual(viewportHeight);
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('.el-dialog:visible')).toHaveCount(0);
}

/** Next week's day (1 = Monday), local: the demo books 李明 at 09:00 on working days. */
function nextWeek(weekday: number): string {
  const day = new Date();
  day.setDate(day.getDate() + 7 - ((day.getDay() + 6) % 7) + (weekday - 1));
  return day.toLocaleDateString('sv-SE');
}

function localDay(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  return day.toLocaleDateString('sv-SE');
}

test.describe('with the demo station', () => {
  test.use({ demo: true });

  test('an empty booking marks each field in Chinese; a 0 duration is refused, not turned into 5; a past start asks first; 保存 stays in view', async ({ page, station }) => {
    await page.goto(station.url);
    await new LockScreen(page).unlock('qiantai', 'xinyi-demo-2026');
    await page.getByTestId('nav-appointments').click();
    await page.getByTestId('appointment-new').click();
    const dialog = page.locator('.el-dialog:visible');

    await page.getByTestId('appointment-submit').click();
    const errors = dialog.locator('.el-form-item__error');
    await expect(errors).toContainText(['请选择来访者，或填写临时来访者的姓名（二选一）。', '请选择咨询师。', '请选择房间。', '请填写开始时间。']);
    expect((await errors.allInnerTexts()).join('')).not.toMatch(/期望|number|数值过小/);

    const duration = dialog.locator('.el-input-number input');
    await duration.fill('0');
    await duration.blur();
    await page.getByTestId('appointment-submit').click();
    await expect(errors).toContainText(['时长至少 5 分钟。']);
    await expect(duration).toHaveValue('0');
    await duration.fill('50');

    // The walk-in label stays on one line beside its switch, not wrapped into the next row.
    await page.getByTestId('appointment-walkin').click();
    const label = dialog.locator('.el-form-item__label', { hasText: '临时来访者' }).first();
    expect((await label.boundingBox())!.height).toBeLessThan(40);

    const booking = new AppointmentPages(page);
    await page.getByTestId('appointment-walkin-name').fill('钱补登');
    for (const [testId, option] of [
      ['appointment-counsellor', '李明'],
      ['appointment-room', '个体咨询室一（演示）'],
    ] as const) {
      await chooseOption(page, testId, option);
    }
    await booking.retime(`${localDay(-1)} 10:00`);
    await expect(page.locator('.el-message-box')).toContainText('已经过去，请确认是补登已发生的预约');
    await page.locator('.el-message-box').getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('appointment-submit')).toBeVisible();

    // A refusal from core shows as a banner above the form, and 保存 is still inside the window.
    await booking.retime(`${nextWeek(3)} 09:00`);
    await expect(page.getByTestId('appointment-error')).toContainText('咨询师在该时段已有预约');
    await expectDialogButtonsInView(page, '预约');
  });

  test('no main dialog puts its buttons below a 1280×720 window', async ({ page, station }) => {
    await page.goto(station.url);
    await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');

    await page.getByTestId('nav-appointments').click();
    await page.getByTestId('appointment-new').click();
    await page.getByTestId('appointment-walkin').click();
    await page.getByRole('radio', { name: '每周' }).click({ force: true });
    await expectDialogButtonsInView(page, '预约');
    await closeDialog(page);

    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-register-open').click();
    await expectDialogButtonsInView(page, '登记来访者');
    await closeDialog(page);

    await page.getByTestId('clients-table').locator('tbody tr').first().click();
    for (const [opener, name] of [
      ['client-edit', '修改来访者'],
      ['consent-open', '登记同意书'],
      ['grade-open', '分级'],
      ['case-open', '开案'],
      ['crisis-open', '危机干预'],
    ] as const) {
      await page.getByTestId(opener).click();
      await expectDialogButtonsInView(page, name);
      await closeDialog(page);
    }

    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create-open').click();
    await expectDialogButtonsInView(page, '新建账号');
    await closeDialog(page);
    await page.getByTestId('user-edit-zixun1').click();
    await expectDialogButtonsInView(page, '修改账号');
    await closeDialog(page);
  });

  test('a scale form names unanswered items only after a submit attempt, and PHQ-9 says 过去两周 once', async ({ page, station }) => {
    await page.goto(station.url);
    await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-table').locator('tbody tr').first().click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    await expect(page.getByTestId('scale-administer').or(page.getByRole('tab', { name: '测评记录' })).first()).toBeVisible();
    await page.getByRole('tab', { name: '测评记录' }).click();
    await page.getByTestId('scale-administer').click();
    await page.getByTestId('scale-choose').click();
    await page.getByRole('option', { name: /PHQ-9/ }).click();
    const instruction = await page.getByTestId('scale-instruction').innerText();
    expect(instruction.split('过去两周').length - 1).toBe(1);
    await page.getByTestId('scale-item-1').getByText('完全不会').click();
    await expect(page.getByTestId('scale-missing')).toBeHidden();
    await expect(page.locator('.el-dialog:visible')).not.toContainText('未作答');
    await page.getByTestId('scale-submit').click();
    await expect(page.getByTestId('scale-missing')).toContainText('未作答');
    await expect(page.getByTestId('scale-item-2')).toHaveClass(/unanswered/);
    await expect(page.getByTestId('scale-item-1')).not.toHaveClass(/unanswered/);
  });
});

test('the header follows a station rename; F5 asks for the password and returns to the same page; the 站长 edits an account', async ({ page, station }) => {
  await page.goto(station.url);
  const wizard = new SetupWizard(page);
  await wizard.fillStation('阳光社区心理咨询室', '500118001001');
  await wizard.createAdmin('admin', '站长', 'station-pass-2026');
  await wizard.confirmKeptAndFinish();
  await expect(page.getByTestId('station-title')).toHaveText('阳光社区心理咨询室');
  await expect(page.getByTestId('last-login')).toBeHidden();

  const workbench = new Workbench(page);
  await workbench.open('settings');
  await page.getByTestId('station-name').fill('阳光社区心理服务站');
  await page.getByTestId('station-save').click();
  await expect(page.getByTestId('station-title')).toHaveText('阳光社区心理服务站');

  await workbench.open('users');
  await new UsersPage(page).create('lixiang', '李想', 'temporary-2026');
  await page.getByTestId('user-edit-admin').click();
  await expect(page.getByTestId('edit-user-role').locator('.is-disabled, [aria-disabled="true"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('user-edit-lixiang').click();
  await page.getByTestId('edit-user-name').fill('');
  await page.getByTestId('edit-user-submit').click();
  await expect(page.locator('.el-dialog:visible .el-form-item__error')).toHaveText('请填写姓名。');
  await page.getByTestId('edit-user-name').fill('李想老师');
  await page.getByTestId('edit-user-submit').click();
  await expect(page.getByTestId('users-table')).toContainText('李想老师');

  // The session token lives only in memory: a reload asks for the password, then goes back to 用户管理.
  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)users$/);
  await new LockScreen(page).unlock('admin', 'station-pass-2026');
  await expect(page).toHaveURL(/\/users$/, { timeout: 30_000 });
  // Unlocking derives keys with scrypt: on a loaded machine the list can take a while.
  await expect(page.getByTestId('users-table')).toContainText('李想老师', { timeout: 30_000 });
  await expect(page.getByTestId('station-title')).toHaveText('阳光社区心理服务站');
});
