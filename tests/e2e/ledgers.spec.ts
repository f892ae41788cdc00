import { seriousViolations } from './axe.js';
import { ActivityPages, LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';
import { countPrints, countPrintsFromNowOn, expectWholeOnPaper } from './paper.js';
import { typedXlsx } from './sheets.js';

test.use({ demo: true });

/**
 * Issue 12, the 活动台账 end to end: the 站长 plans a 讲座 for today, imports its sign-in sheet, marks it held with the number who came,
 * finds it in the month's ledger with the month's totals, and prints the month's ledger on A4 landscape. The
 * screens the demo station cannot show before an activity exists (its page, the mark-done dialog, the ledger
 * with a row and the printed ledger) are checked with axe on the way.
 */
test('the 站长 plans a 讲座, imports its sign-in sheet, marks it held with a photo, sees it in the month’s totals and prints the month’s ledger on landscape paper', async ({ page, station }) => {
  await countPrintsFromNowOn(page);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });

  // An hour that has begun on the browser's (the station's) clock, so it may be marked held today.
  const hour = Number(await page.evaluate('new Date().getHours()'));
  const clock = (value: number) => `${String(value).padStart(2, '0')}:00`;
  const [start, end] = [clock(Math.max(hour - 1, 0)), clock(Math.max(hour - 1, 0) + 1)];
  const month = String(await page.evaluate(`new Date().toLocaleDateString('sv-SE').slice(0, 7)`));
  const monthLabel = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

  // The side menu is reached with the keyboard: Tab to the entry, Enter opens it.
  const entry = page.getByTestId('nav-activities');
  await expect(entry).toHaveAttribute('tabindex', '0');
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/activities$/);

  // The demo station keeps a year of activities, this month's among them: what this test adds is counted on top.
  const table = page.getByTestId('activities-table');
  const totals = table.locator('.el-table__footer');
  const rows = table.locator('.el-table__body tbody tr');
  await expect(totals).toContainText('已开展');
  const before = { rows: await rows.count(), ...figures(await totals.innerText(), await page.getByTestId('activities-breakdown').innerText()) };

  const activities = new ActivityPages(page);
  await activities.plan({ type: '讲座', target: '进社区', theme: '情绪与睡眠健康讲座', start, end, location: '阳光社区活动室' });
  await expect(rows).toHaveCount(before.rows + 1);
  await expect(rows.filter({ hasText: '情绪与睡眠健康讲座' })).toContainText('计划中');

  const found: string[] = [];
  await activities.open('情绪与睡眠健康讲座');
  found.push(...(await seriousViolations(page, 'activity page')));
  // The sheet passed round on the day, typed into Excel afterwards: imported whole, then the count starts from it.
  const names = ['张桂英', '李国强', '王秀兰'];
  await page.getByTestId('sign-in-input').setInputFiles(await typedXlsx('情绪与睡眠健康讲座 签到表', ['序号', '姓名', '性别', '单位/社区', '联系电话'], names.map((name, index) => [index + 1, name, '', '阳光社区', ''])));
  await expect(page.getByTestId('sign-in-count')).toHaveText('已签到 3 人');
  await page.getByTestId('sign-in-show').click();
  await expect(page.getByTestId('sign-in-table').locator('tbody tr')).toHaveCount(3);
  found.push(...(await seriousViolations(page, 'sign-in sheet')));
  await page.getByTestId('activity-mark-done').click();
  await expect(page.getByTestId('mark-done-count').locator('input')).toHaveValue('3');
  found.push(...(await seriousViolations(page, 'mark-done dialog')));
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await activities.markDone(42);
  await expect(page.getByTestId('activity-participants')).toHaveText('42');
  await expect(page.getByTestId('activity-mark-done')).toBeHidden();
  // A photo of the lecture as evidence beside the ledger, encrypted like every file.
  const photos = page.getByTestId('activity-photos');
  await photos.getByTestId('attachment-input').setInputFiles({ name: '讲座现场.png', mimeType: 'image/png', buffer: onePixelPng });
  await expect(photos).toContainText('讲座现场.png');

  await page.getByTestId('nav-activities').click();
  const row = rows.filter({ hasText: '情绪与睡眠健康讲座' });
  await expect(row).toContainText('已开展');
  await expect(row).toContainText('进社区');
  await expect(totals).toContainText(`已开展 ${before.held + 1} 场`);
  await expect(totals).toContainText(`${before.people + 42} 人次`);
  await expect(totals).toContainText(`计划中 ${before.planned} 场`);
  await expect(page.getByTestId('activities-breakdown')).toContainText(`讲座 ${before.lectures + 1} 场 ${before.lecturePeople + 42} 人次`);
  found.push(...(await seriousViolations(page, 'ledger with its totals')));

  await page.getByTestId('activities-print').click();
  await expect.poll(() => countPrints(page)).toBe(1);
  const root = page.getByTestId('print-root');
  // The page rule turns the sheet (a <style> has no rendered text: read its source).
  expect(await root.locator('style').evaluate((style) => style.textContent)).toContain('size: A4 landscape');
  await expect(root.getByTestId('activity-ledger').locator('tbody tr').filter({ hasText: '情绪与睡眠健康讲座' })).toHaveCount(1);
  await expect(root.getByTestId('activity-ledger-totals')).toContainText(`已开展 ${before.held + 1} 场`);
  await expect(root.getByTestId('print-signatures')).toContainText('审核人');
  await expectWholeOnPaper(page, ['print-station', 'activity-ledger', 'activity-ledger-totals', 'activity-ledger-breakdown', 'print-signatures'], `${monthLabel}活动台账`, {
    orientation: 'landscape',
    onPaper: async () => {
      found.push(...(await seriousViolations(page, 'printed ledger')));
    },
  });
  expect(found).toEqual([]);
});

/** The month's totals row and breakdown as numbers: held 场次, 人次 and planned; held lectures and their 人次. */
function figures(totalsText: string, breakdownText: string) {
  const number = (text: string, pattern: RegExp, group = 1) => Number(pattern.exec(text)?.[group] ?? 0);
  return {
    held: number(totalsText, /已开展\s*(\d+)\s*场/),
    people: number(totalsText, /(\d+)\s*人次/),
    planned: number(totalsText, /计划中\s*(\d+)\s*场/),
    lectures: number(breakdownText, /讲座\s*(\d+)\s*场\s*(\d+)\s*人次/),
    lecturePeople: number(breakdownText, /讲座\s*(\d+)\s*场\s*(\d+)\s*人次/, 2),
  };
}

/** The smallest whole PNG (one white pixel): the photo stands for any phone picture under the downscale size. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');
