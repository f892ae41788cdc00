import { seriousViolations } from './axe.js';
import { AppointmentPages, LockScreen } from './pages.js';
import { expect, test } from './fixtures.js';

test.use({ demo: true });

/** Next week's Wednesday and Thursday, local: the demo books 09:00, 10:30 and 14:30 on working days. */
function nextWeek(weekday: number): string {
  const day = new Date();
  day.setDate(day.getDate() + 7 - ((day.getDay() + 6) % 7) + (weekday - 1));
  return day.toLocaleDateString('sv-SE');
}

test('book → clash refused by name → booked → dragged → checked in → completed into a session draft', async ({ page, station }) => {
  const wednesday = nextWeek(3);
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-appointments').click();
  await expect(page.getByTestId('calendar').locator('.fc-timegrid-event').first()).toBeVisible();

  const appointments = new AppointmentPages(page);
  await appointments.bookWalkIn('赵临时', '李明', '个体咨询室一（演示）', `${wednesday} 09:00`);
  await expect(page.getByTestId('appointment-error')).toContainText('咨询师在该时段已有预约');
  await expect(page.getByTestId('appointment-error')).toContainText('李明');
  await appointments.retime(`${wednesday} 16:00`);
  await expect(page.getByTestId('appointment-submit')).toBeHidden();

  await appointments.nextPeriod();
  await expect(appointments.event('赵临时')).toBeVisible();
  await appointments.dragByDays('赵临时', 1);
  await expect(page.getByText(`已改约到 ${nextWeek(4)} 16:00`)).toBeVisible();
  await appointments.event('赵临时').click();
  await expect(page.getByTestId('appointment-detail')).toContainText(`${nextWeek(4)} 16:00`);
  await page.getByTestId('appointment-checkin').click();
  await expect(page.getByTestId('appointment-detail')).toBeHidden();
  await appointments.event('赵临时').click();
  await expect(page.getByTestId('appointment-detail')).toContainText('已到');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('appointment-detail')).toBeHidden();

  // A registered client's booking completes into a draft session note of that client's case.
  await appointments.event('李明').filter({ hasText: /^9:00 - 9:50/ }).first().click();
  await page.getByTestId('appointment-complete').click();
  await expect(page).toHaveURL(/\/cases\/\d+\/sessions\/\d+$/);
});

test('the month lists each day’s bookings in its cell; one opens its details, and the week comes back whole', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-appointments').click();
  const calendar = page.getByTestId('calendar');
  await expect(calendar.locator('.fc-timegrid-event').first()).toBeVisible();

  await calendar.locator('.fc-dayGridMonth-button').click();
  await expect(calendar.locator('.fc-dayGridMonth-button')).toHaveClass(/fc-button-active/);
  const bookings = calendar.getByTestId('month-booking');
  await expect(bookings.first()).toBeVisible();
  // The month's cells draw the bookings; FullCalendar lays out none of its own (nor the week's it held).
  await expect(calendar.locator('.fc-daygrid-event')).toHaveCount(0);
  expect(await seriousViolations(page, '/appointments · 月')).toEqual([]);
  // A working day of the demo: 09:00, 10:30 and 14:30, in time order.
  const day = calendar.locator('td.fc-daygrid-day').filter({ has: page.getByTestId('month-booking') }).first();
  const times = (await day.getByTestId('month-booking').allInnerTexts()).map((text) => text.slice(0, 5));
  expect(times.length).toBeGreaterThanOrEqual(3);
  expect(times).toEqual([...times].sort());
  for (const time of times) expect(time).toMatch(/^\d\d:\d\d$/);

  // Pressing a booking opens it, not a new booking on its day.
  await day.getByTestId('month-booking').first().click();
  await expect(page.getByTestId('appointment-detail')).toContainText(times[0]!);
  await expect(page.getByTestId('appointment-submit')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('appointment-detail')).toBeHidden();

  await calendar.locator('.fc-timeGridWeek-button').click();
  await expect(calendar.locator('.fc-timegrid-event').first()).toBeVisible();
  await expect(bookings).toHaveCount(0);
});

test('a due follow-up is booked from its list in one click and found on the calendar', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zixun1', 'xinyi-demo-2026');
  await page.getByTestId('nav-follow-ups').click();
  const row = page.getByTestId('follow-ups-table').locator('tbody tr').filter({ has: page.getByTestId('book-follow-up') }).first();
  const client = (await row.locator('td').first().innerText()).trim();
  await row.getByTestId('book-follow-up').click();
  await expect(page.getByText(/已预约随访：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
  const bookedRow = page.getByTestId('follow-ups-table').locator('tbody tr', { hasText: client }).first();
  await bookedRow.getByRole('link', { name: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/ }).click();
  await expect(page).toHaveURL(/\/appointments\?date=\d{4}-\d{2}-\d{2}$/);
  await expect(new AppointmentPages(page).event(client).first()).toBeVisible();
});

test('the 站长 adds a room and a station closure day in 预约设置', async ({ page, station }) => {
  await page.goto(station.url);
  await new LockScreen(page).unlock('zhanzhang', 'xinyi-demo-2026');
  await page.getByTestId('nav-settings').click();
  await page.getByRole('tab', { name: '预约设置' }).click();
  await page.getByTestId('room-name').fill('宣泄室（测试）');
  await page.getByTestId('room-add').click();
  await expect(page.getByTestId('rooms-table')).toContainText('宣泄室（测试）');
  const day = page.getByTestId('calendar-day').locator('input');
  await day.fill(nextWeek(5));
  await day.press('Enter');
  await page.getByTestId('calendar-day-name').fill('站内培训');
  await page.getByTestId('calendar-day-add').click();
  await expect(page.getByTestId('calendar-days')).toContainText('站内培训');
  await expect(page.getByTestId('calendar-days')).toContainText('本站录入');
});
