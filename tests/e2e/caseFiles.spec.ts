import { ClientPages, LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';

test.use({ demo: true });

test('minor with guardian consent → case → signed note → red grade (next steps offered) → follow-up recorded → overdue list shrinks', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await expect(page.getByTestId('today')).toBeVisible();

  await page.getByTestId('nav-follow-ups').click();
  const overdueRows = page.getByTestId('follow-ups-table').locator('tbody tr');
  await expect(overdueRows.first()).toBeVisible();
  const overdueBefore = await overdueRows.count();

  const clients = new ClientPages(page);
  await clients.register({ name: '林小雨', gender: 'female', birthDate: '2015-03-08', guardianName: '林海', guardianPhone: '13700001234' });
  await clients.openCase('学业压力', '学校转介：近期厌学、情绪低落');
  await expect(page.getByTestId('open-case-error')).toContainText('监护人同意书');
  await page.keyboard.press('Escape');
  await clients.addConsent('监护人同意');
  await clients.openCase('学业压力', '学校转介：近期厌学、情绪低落');
  await expect(page).toHaveURL(/\/cases\/\d+$/);

  await page.getByTestId('session-new').click();
  await page.getByTestId('note-complaint').fill('近一个月不愿上学，夜间哭泣');
  await page.getByTestId('note-assessment').fill('情绪低落，表露轻生念头，需密切关注');
  await page.getByTestId('session-sign').click();
  await page.getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('session-signed')).toContainText('签名于');
  await expect(page.getByTestId('note-complaint')).toBeDisabled();

  await page.getByRole('link', { name: '林小雨' }).click();
  await page.getByRole('tab', { name: '风险与随访' }).click();
  await page.getByTestId('case-grade').click();
  await page.getByTestId('grade-red').click();
  await page.getByTestId('grade-reason').fill('会谈中表露轻生念头');
  await page.getByTestId('grade-submit').click();
  await expect(page.getByTestId('risk-history')).toContainText('会谈中表露轻生念头');
  await expect(page.getByTestId('case-follow-ups')).toContainText('待随访');
  // The protocol's next steps are offered beside the page, none taken, and nothing blocks going on.
  await expect(page.getByTestId('red-next-steps')).toContainText('发起危机干预');
  await expect(page.getByTestId('red-next-steps')).toContainText('报告站长');

  await page.getByTestId('nav-follow-ups').click();
  await expect(overdueRows).toHaveCount(overdueBefore);
  await overdueRows.first().getByRole('button', { name: '记录随访' }).click();
  await page.getByTestId('follow-up-findings').fill('电话随访：情绪平稳，按时服药，家属陪伴');
  await page.getByTestId('follow-up-submit').click();
  await expect(overdueRows).toHaveCount(overdueBefore - 1);
});
