import { seriousViolations } from './axe.js';
import { chooseOption, LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

/**
 * Issue 12, the 会议记录 end to end: the 站长 records today's 工作例会 with a decision, finds it in the year's list,
 * opens it and prints its 会议记录 on A4 with the decision and the chair's and recorder's signature lines. Axe checks
 * the list, the form, the meeting's page and the print.
 */
test('the 站长 records a meeting with a decision and prints its 会议记录', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('nav-meetings').click();
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.getByTestId('meetings-table')).toContainText('领导小组会议');
  const found: string[] = [...(await seriousViolations(page, 'meetings list'))];

  await page.getByTestId('meeting-new').click();
  await expect(page.getByTestId('meeting-form')).toBeVisible();
  await chooseOption(page, 'meeting-kind', '工作例会');
  await chooseOption(page, 'meeting-start', '08:00');
  await chooseOption(page, 'meeting-end', '08:45');
  await page.getByTestId('meeting-location').fill('咨询室会议角');
  await page.getByTestId('meeting-agenda').fill('一、迎检材料分工；二、下月宣传安排');
  await page.getByTestId('meeting-minutes').fill('站长通报迎检要求，逐项核对台账和制度上墙情况。');
  await page.getByTestId('meeting-add-decision').click();
  await page.getByTestId('decision-text').fill('补齐上季度活动照片');
  await chooseOption(page, 'decision-responsible', '陈静');
  found.push(...(await seriousViolations(page, 'meeting form')));
  await page.getByTestId('meeting-submit').click();
  await expect(page.getByTestId('meeting-form')).toBeHidden();

  const row = page.getByTestId('meetings-table').locator('.el-table__body tbody tr', { hasText: '迎检材料分工' });
  await expect(row).toContainText('1 项，未完成 1 项');
  await row.getByTestId('meeting-open').click();
  await expect(page.getByTestId('meeting-minutes')).toHaveText('站长通报迎检要求，逐项核对台账和制度上墙情况。');
  await expect(page.getByTestId('meeting-decisions')).toContainText('陈静');
  found.push(...(await seriousViolations(page, 'meeting page')));

  await page.getByTestId('meeting-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('meeting-record-decisions')).toContainText('补齐上季度活动照片');
  await expect(root.getByTestId('print-signatures')).toContainText('主持人');
  await expectWholeOnPaper(page, ['print-station', 'meeting-record', 'meeting-record-decisions', 'print-signatures'], '会议记录', {
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed meeting record')));
    },
  });
  expect(found).toEqual([]);
});

/**
 * The 制度 end to end: the 站长 opens 预约服务制度 (adopted at the demo station's opening and revised once), drafts the
 * next version from the current text, adopts it today, and prints it for the wall on one A4 page with the station's
 * name; the earlier versions stay listed.
 */
test('the 站长 adopts a new version of a rule and prints it for the wall', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
  const today = String(await page.evaluate(`new Date().toLocaleDateString('sv-SE')`));

  await page.getByTestId('nav-rules').click();
  await expect(page).toHaveURL(/\/rules$/);
  const found: string[] = [...(await seriousViolations(page, 'rules list'))];
  const row = page.getByTestId('rules-table').locator('.el-table__body tbody tr', { hasText: '预约服务制度' });
  await expect(row).toContainText('第 2 版');
  await row.getByTestId('rule-open').click();

  await page.getByTestId('rule-new-draft').click();
  const body = page.getByTestId('rule-draft-body');
  await expect(body).toHaveValue(/爽约两次以上/);
  await body.fill(`${await body.inputValue()}\n七、法定节假日暂停预约，危机来访不受此限。`);
  found.push(...(await seriousViolations(page, 'rule draft')));
  await page.getByTestId('rule-adopt').click();
  await expect(page.getByTestId('rule-current')).toHaveText(`第 3 版　${today} 通过`);
  await expect(page.getByTestId('rule-version')).toHaveCount(3);
  await expect(page.getByTestId('rule-draft')).toHaveCount(0);
  found.push(...(await seriousViolations(page, 'rule page')));

  await page.getByTestId('rule-print').first().click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('print-station')).toContainText('阳光社区心理咨询室');
  await expect(root.getByTestId('rule-wall-body')).toContainText('法定节假日暂停预约');
  await expect(root.getByTestId('rule-wall-version')).toHaveText(`第 3 版　${today} 通过`);
  await expectWholeOnPaper(page, ['print-station', 'rule-wall-body', 'rule-wall-version'], '预约服务制度', {
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'rule on the wall')));
      // The viewport is the sheet's printable area here: the whole rule fits on one page.
      const height = await root.evaluate((element) => element.scrollHeight);
      expect(height, 'the wall print fits one A4 page').toBeLessThanOrEqual(page.viewportSize()!.height);
    },
  });
  expect(found).toEqual([]);
});
