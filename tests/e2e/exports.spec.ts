import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';

test.use({ demo: true });

/** Click an export button, export with what the dialog offers, and open the downloaded workbook. */
async function exportFrom(page: Page, button: string, before?: () => Promise<void>) {
  await page.getByTestId(button).click();
  await before?.();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-start').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  return { fileName: download.suggestedFilename(), title: String(sheet.getCell('A1').value), headers: (sheet.getRow(2).values as unknown[]).slice(1), rows: sheet.rowCount - 2 };
}

test('the 站长 exports the client list unmasked and the audit log of this month', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  // Unlocking derives a key with real scrypt: slow on a busy machine.
  await expect(page.getByTestId('nav-clients')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('nav-clients').click();
  const clients = await exportFrom(page, 'clients-export', () => page.getByTestId('export-unmasked').click());
  expect(clients.fileName).toBe('来访者名单.xlsx');
  expect(clients.title).toMatch(/ · 来访者名单（演示数据）$/);
  expect(clients.headers).toEqual(expect.arrayContaining(['姓名', '出生日期', '身份证号', '联系电话', '预警等级']));
  expect(clients.rows).toBeGreaterThan(0);
  // The dialog closes once the file is handed over.
  await expect(page.getByTestId('export-start')).toBeHidden();

  await page.getByTestId('nav-audit').click();
  const audit = await exportFrom(page, 'audit-export');
  expect(audit.title).toMatch(/ · 审计日志 · \d{4}年\d{1,2}月（演示数据）$/);
  expect(audit.headers).toEqual(['序号', '时间', '操作人', '账号', '操作', '对象', '对象编号', '结果', '说明']);

});

test('a counsellor may not unmask the client list, and exports the sessions of this month', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  // Unlocking derives a key with real scrypt: slow on a busy machine.
  await expect(page.getByTestId('nav-clients')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-export').click();
  await expect(page.getByTestId('export-unmasked')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-cases').click();
  const sessions = await exportFrom(page, 'sessions-export');
  expect(sessions.headers).toEqual(['日期', '开始时间', '时长（分钟）', '方式', '类型', '来访者', '个案编号', '问题类别', '咨询师', '签名', '签名时间']);
});
