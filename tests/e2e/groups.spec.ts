import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';

test.use({ demo: true });

/** A day before today at the station (the browser runs on Beijing time), as the date pickers take it. */
const daysAgo = async (page: Page, days: number) => String(await page.evaluate(`new Date(Date.now() - ${days} * 86400000).toLocaleDateString('sv-SE')`));

async function pickDay(page: Page, testId: string, day: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.fill(day);
  await input.press('Enter');
}

/**
 * Issue 12, 团体辅导 end to end: the 站长 starts a group, takes a sign-up, admits the member on the day they signed the
 * agreement, holds a meeting, records its register and an anonymous feedback form (a second form is refused: one
 * member was there), then prints the group's record on A4 landscape. Axe checks the list, the page, the register
 * form and the print.
 */
test('the 站长 runs a counselling group from sign-up to a printed register', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('nav-groups').click();
  await expect(page.getByTestId('groups-table')).toContainText('青少年情绪管理成长小组');
  const found: string[] = [...(await seriousViolations(page, 'groups list'))];

  await page.getByTestId('group-new').click();
  await page.getByTestId('group-name').fill('正念减压小组');
  await page.getByTestId('group-target').fill('社区居民');
  await page.getByTestId('group-location').fill('团体辅导室');
  await page.getByTestId('group-planned').locator('input').fill('2');
  await page.getByTestId('group-submit').click();
  await expect(page).toHaveURL(/\/groups\/\d+$/);
  await expect(page.getByTestId('group-title')).toHaveText('正念减压小组');

  await page.getByTestId('group-signup').click();
  await page.getByTestId('group-signup-name').fill('林晓');
  await page.getByTestId('group-signup-phone').fill('13900001111');
  await pickDay(page, 'group-signup-date', await daysAgo(page, 3));
  await page.getByTestId('group-signup-submit').click();
  const members = page.getByTestId('group-members');
  await expect(members).toContainText('已报名');

  await members.getByTestId('group-admit').click();
  await pickDay(page, 'group-admit-date', await daysAgo(page, 2));
  await page.getByTestId('group-admit-submit').click();
  await expect(members).toContainText('已入组');

  await page.getByTestId('group-meeting-add').click();
  await pickDay(page, 'group-meeting-date', await daysAgo(page, 1));
  await page.getByTestId('group-meeting-theme').fill('正念呼吸');
  await page.getByTestId('group-meeting-submit').click();
  const meetings = page.getByTestId('group-meetings');
  await expect(meetings).toContainText('计划中');

  await meetings.getByTestId('group-register').click();
  await expect(page.getByTestId('group-register-form')).toContainText('林晓');
  found.push(...(await seriousViolations(page, 'group register')));
  await page.getByTestId('group-register-submit').click();
  await expect(meetings).toContainText('出席 1 · 请假 0 · 缺席 0');

  const giveForm = async () => {
    await meetings.getByTestId('group-feedback').click();
    for (const question of ['satisfaction', 'helpfulness', 'atmosphere']) await page.getByTestId(`group-feedback-${question}`).getByText('5', { exact: true }).click();
    await page.getByTestId('group-feedback-recommend').getByText('是', { exact: true }).click();
    await page.getByTestId('group-feedback-submit').click();
  };
  await giveForm();
  await expect(meetings).toContainText('1 份，满意度 5.0');
  await giveForm();
  await expect(page.getByTestId('group-feedback-error')).toHaveText('反馈表份数不能多于出席人数（1 人）。');
  await page.getByTestId('group-feedback-form').press('Escape');
  await expect(meetings).toContainText('1 份，满意度 5.0');
  found.push(...(await seriousViolations(page, 'group page')));

  await page.getByTestId('group-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  await expect(root.getByTestId('group-print-register')).toContainText('林晓');
  await expect(root.getByTestId('group-print-register')).toContainText('到');
  await expectWholeOnPaper(page, ['print-station', 'group-print-info', 'group-print-register', 'group-print-meetings', 'print-signatures'], '正念减压小组 · 团体辅导小组记录', {
    orientation: 'landscape',
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed group record')));
    },
  });
  expect(found).toEqual([]);
});
