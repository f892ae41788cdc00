import { seriousViolations } from './axe.js';
import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';
import { typedXlsx } from './sheets.js';

test.use({ demo: true });

const staffHeader = ['姓名', '性别', '联系电话', '类别', '工作量折算', '所在单位', '岗位/职务', '到岗日期', '资质', '证书编号', '发证日期', '有效期至'];

/**
 * Issue 12, the 人员台账 end to end: the 站长 is reminded of a certificate about to expire, imports the old Excel staff
 * list (first refused row by row, then whole), records a supervision and a certificate scan on a counsellor's page,
 * and prints the team list on A4 landscape. Axe checks the list, the person's page, the dialog and the print.
 */
test('the 站长 is reminded of an expiring certificate, imports the staff list, records a supervision and a scan, and prints the team list', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('expiring-card')).toContainText('李明');
  await expect(page.getByTestId('expiring-card')).toContainText('心理咨询师');

  await page.getByTestId('nav-people').click();
  await expect(page).toHaveURL(/\/people$/);
  const rows = page.getByTestId('people-table').locator('.el-table__body tbody tr');
  await expect(rows.filter({ hasText: '周建国' })).toContainText('兼职 0.1');
  const found: string[] = [...(await seriousViolations(page, 'people ledger'))];

  // The old list from Excel: a category the ledger does not know refuses the whole sheet, named by its row.
  const input = page.getByTestId('people-input');
  await input.setInputFiles(await typedXlsx('人员名单', staffHeader, [['孙丽', '女', '13900005555', '合同工', '', '阳光社区', '', '2025-09-01', '', '', '', '']]));
  await expect(page.getByTestId('people-refused')).toContainText('第 3 行：类别“合同工”');
  await input.setInputFiles(await typedXlsx('人员名单', staffHeader, [['孙丽', '女', '13900005555', '志愿者', '', '阳光社区', '心理志愿者', '2025-09-01', '', '', '', '']]));
  await expect(page.getByTestId('people-refused')).toBeHidden();
  await expect(rows.filter({ hasText: '孙丽' })).toContainText('志愿者');

  // A supervision and a certificate scan on the counsellor's page.
  await rows.filter({ hasText: '李明' }).getByTestId('person-open').click();
  await expect(page.getByTestId('person-title')).toHaveText('李明 · 兼职');
  await page.getByTestId('training-add').click();
  await page.getByTestId('training-kind').getByText('督导', { exact: true }).click();
  await page.getByTestId('training-topic').fill('危机个案督导');
  await page.getByTestId('training-hours').locator('input').fill('1.5');
  found.push(...(await seriousViolations(page, 'training dialog')));
  await page.getByTestId('training-submit').click();
  await expect(page.getByTestId('training-form')).toBeHidden();
  await expect(page.getByTestId('person-trainings')).toContainText('危机个案督导');
  await page.getByTestId('qualification-scans').click();
  await page.getByTestId('qualification-scan-list').getByTestId('attachment-input').setInputFiles({ name: '心理咨询师证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%演示证书\n') });
  await expect(page.getByTestId('qualification-scan-list')).toContainText('心理咨询师证.pdf');
  await expect(page.getByTestId('qualification-scans')).toContainText('（1）');
  found.push(...(await seriousViolations(page, 'person page')));

  // The team list for the wall and the inspector, on A4 landscape.
  await page.getByTestId('nav-people').click();
  await page.getByTestId('people-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  expect(await root.locator('style').evaluate((style) => style.textContent)).toContain('size: A4 landscape');
  await expect(root.getByTestId('people-ledger')).toContainText('孙丽');
  const today = String(await page.evaluate(`new Date().toLocaleDateString('sv-SE')`));
  await expectWholeOnPaper(page, ['print-station', 'people-ledger', 'print-signatures'], `人员台账（${today}）`, {
    orientation: 'landscape',
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed team list')));
    },
  });
  expect(found).toEqual([]);
});
