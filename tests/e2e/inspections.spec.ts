import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { ChangePasswordPage, chooseOption, LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

/**
 * Scores the items the five-ones standard scores by hand (the others are scored from the snapshot's records): 达到,
 * except the one named.
 */
async function scoreByHand(page: Page, short: string): Promise<void> {
  for (const item of ['venue-area', 'venue-environment', 'venue-equipment', 'team-upper-support']) {
    await page.getByTestId(`evaluate-${item}`).click();
    await page.getByTestId('assess-met').getByText(item === short ? '未达到' : '达到', { exact: true }).click();
    await page.getByTestId('assess-submit').click();
    await expect(page.getByTestId('assess-form')).toBeHidden();
  }
}

/** The inspection's page read afresh (a reload would end the window's session: it lives in memory). */
async function reopen(page: Page): Promise<void> {
  await page.getByTestId('nav-checklist').click();
  await page.getByTestId('nav-inspections').click();
  await page.getByTestId('inspections').getByText('2026 年度心理咨询室验收').click();
}

/**
 * Issue 13 end to end: the 站长 self-assesses the demo community room and opens an 验收 with a time-limited inspector
 * account; the inspector (its own window, a changed password) scores every item, records a finding, concludes and
 * issues a 整改 task; the 站长 closes it with a photo; the inspector's 复查 closes the inspection, and its 检查记录 prints
 * whole on A4 with both score columns. Axe checks the inspector's page.
 */
test('the 站长 applies for an inspection; its inspector scores, finds, issues a 整改 task and rechecks it; the record prints', async ({ page, station, browser }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('nav-checklist').click();
  await page.getByTestId('checklist-assess-venue-area').click();
  await page.getByTestId('assess-met').getByText('达到', { exact: true }).click();
  await page.getByTestId('assess-submit').click();
  await expect(page.getByTestId('checklist-assessment-venue-area')).toHaveText('达到');

  await page.getByTestId('nav-inspections').click();
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-title').fill('2026 年度心理咨询室验收');
  await page.getByTestId('inspection-body').fill('永川区社会心理服务中心');
  await page.getByTestId('inspection-submit').click();
  await expect(page).toHaveURL(/\/inspections\/\d+$/);
  await page.getByTestId('inspection-add-inspector').click();
  await page.getByTestId('inspector-name').fill('张督导');
  await page.getByTestId('inspector-username').fill('jiancha');
  await page.getByTestId('inspector-password').fill('jiancha-temp-2026');
  await page.getByTestId('inspector-submit').click();
  await expect(page.getByTestId('inspection-inspector')).toContainText('张督导（jiancha）');

  // The inspector, in its own window: a changed password, then its inspection and nothing else.
  const inspectorWindow = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 720 } })).newPage();
  await countPrintsFromNowOn(inspectorWindow);
  await inspectorWindow.goto(station.url);
  await new LockScreen(inspectorWindow).unlock('jiancha', 'jiancha-temp-2026');
  await new ChangePasswordPage(inspectorWindow).change('jiancha-temp-2026', 'jiancha-pass-2026');
  await expect(inspectorWindow).toHaveURL(/\/inspections$/);
  await expect(inspectorWindow.getByTestId('nav-clients')).toHaveCount(0);
  await inspectorWindow.getByTestId('inspections').getByText('2026 年度心理咨询室验收').click();
  await expect(inspectorWindow.getByTestId('evaluation-venue-area')).toHaveText('未评');
  await scoreByHand(inspectorWindow, 'venue-area');
  await expect(inspectorWindow.getByTestId('evaluation-venue-area')).toHaveText('未达到');

  await inspectorWindow.getByTestId('finding-add').click();
  await chooseOption(inspectorWindow, 'finding-item', '面积与用途');
  await inspectorWindow.getByTestId('finding-location').fill('心理咨询室');
  await inspectorWindow.getByTestId('finding-problem').fill('咨询室实测约 10 平方米，不足 12 平方米');
  await inspectorWindow.getByTestId('finding-submit').click();
  await expect(inspectorWindow.getByTestId('inspection-findings')).toContainText('不足 12 平方米');

  await inspectorWindow.getByTestId('inspection-conclude').click();
  await inspectorWindow.getByTestId('conclude-verdict').getByText('不通过', { exact: true }).click();
  await inspectorWindow.getByTestId('conclude-opinion').fill('场地面积未达标，限期整改后复查。');
  await inspectorWindow.getByTestId('conclude-submit').click();
  await expect(inspectorWindow.getByTestId('inspection-verdict')).toContainText('不通过');

  await inspectorWindow.getByTestId('rectification-add').click();
  await chooseOption(inspectorWindow, 'rectification-finding', '面积与用途：咨询室实测约 10 平方米，不足 12 平方米');
  await inspectorWindow.getByTestId('rectification-task').fill('调整用房，咨询室面积不少于 12 平方米');
  await chooseOption(inspectorWindow, 'rectification-owner', '王海燕');
  await inspectorWindow.getByTestId('rectification-submit').click();
  await expect(inspectorWindow.getByTestId('inspection-status')).toHaveText('整改中');

  // The 站长 reports the task done with a photo; the task waits for the 复查.
  await reopen(page);
  const tasks = page.getByTestId('inspection-rectifications');
  await tasks.locator('[data-testid^="rectification-submit-"]').click();
  await page.getByTestId('submit-rectification-note').fill('已将团辅室改作咨询室，实测 16 平方米，附照片。');
  await page.getByTestId('submit-rectification-form').getByTestId('attachment-input').setInputFiles({ name: '新咨询室.png', mimeType: 'image/png', buffer: onePixelPng });
  await expect(page.getByTestId('submit-rectification-form')).toContainText('新咨询室.png');
  await page.getByTestId('submit-rectification-submit').click();
  await expect(tasks).toContainText('待复查');

  await reopen(inspectorWindow);
  await inspectorWindow.getByTestId('inspection-rectifications').locator('[data-testid^="rectification-recheck-"]').click();
  await expect(inspectorWindow.getByTestId('recheck-form')).toContainText('新咨询室.png');
  await inspectorWindow.getByTestId('recheck-result').getByText('通过', { exact: true }).click();
  await inspectorWindow.getByTestId('recheck-note').fill('已现场核实，整改到位。');
  await inspectorWindow.getByTestId('recheck-submit').click();
  await expect(inspectorWindow.getByTestId('inspection-status')).toHaveText('已办结');
  const found = [...(await seriousViolations(inspectorWindow, 'inspection page'))];

  // The 站长 takes the 迎检包 away: one zip (its contents: tests/integration/checklist/inspectionPackage.test.ts).
  const download = page.waitForEvent('download');
  await page.getByTestId('inspection-package').click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/迎检包.*\.zip$/);
  expect(fs.readFileSync((await zip.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

  await inspectorWindow.getByTestId('inspection-print').click();
  await expect.poll(() => countPrints(inspectorWindow)).toBe(1);
  const printed = inspectorWindow.getByTestId('print-root');
  await expect(printed.getByTestId('print-checklist-items')).toContainText('自评得分');
  await expect(printed.getByTestId('print-checklist-items')).toContainText('评估得分');
  await expect(printed.getByTestId('print-findings')).toContainText('不足 12 平方米');
  await expectWholeOnPaper(inspectorWindow, ['print-station', 'inspection-record', 'print-checklist-items', 'print-findings', 'inspection-record-verdict', 'print-signatures'], '验收检查记录');
  expect(found).toEqual([]);
});
