import { expect, type Locator, type Page } from '@playwright/test';

/** Page objects: intent-named actions over the screens, so specs read like the journey. */

/**
 * Picks `option` in the list that belongs to the select marked `testId`. Element Plus keeps a closed
 * select's list in the page while it fades out, so an option looked up page-wide can match two lists.
 */
export async function chooseOption(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  const listId = await select.getByRole('combobox').getAttribute('aria-controls');
  await page.locator(`[id="${listId}"]`).getByRole('option', { name: option, exact: true }).click();
}

export class SetupWizard {
  constructor(private readonly page: Page) {}

  async fillStation(name: string, regionCode: string): Promise<void> {
    await this.page.getByTestId('station-name').fill(name);
    await this.page.getByTestId('station-region').fill(regionCode);
    await this.page.getByTestId('station-address').fill('重庆市永川区胜利路 1 号');
    await this.page.getByTestId('station-phone').fill('023-49881234');
    await this.page.getByTestId('setup-next').click();
  }

  async createAdmin(username: string, displayName: string, password: string): Promise<void> {
    await this.page.getByTestId('admin-username').fill(username);
    await this.page.getByTestId('admin-name').fill(displayName);
    await this.page.getByTestId('admin-password').fill(password);
    await this.page.getByTestId('admin-password-confirm').fill(password);
    await this.page.getByTestId('setup-create').click();
  }

  recoveryKey(): Locator {
    return this.page.getByTestId('recovery-key');
  }

  async confirmKeptAndFinish(): Promise<void> {
    await this.page.getByTestId('recovery-kept').click();
    await this.page.getByTestId('setup-finish').click();
  }
}

export class LockScreen {
  constructor(private readonly page: Page) {}

  async unlock(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  error(): Locator {
    return this.page.getByTestId('login-error');
  }
}

export class Workbench {
  constructor(private readonly page: Page) {}

  async lock(): Promise<void> {
    await this.page.getByTestId('lock-button').click();
    await expect(this.page).toHaveURL(/\/login/);
  }

  async open(section: 'home' | 'users' | 'audit' | 'settings'): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  currentUser(): Locator {
    return this.page.getByTestId('current-user');
  }
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async create(username: string, displayName: string, temporaryPassword: string): Promise<void> {
    await this.page.getByTestId('user-create-open').click();
    await this.page.getByTestId('new-user-username').fill(username);
    await this.page.getByTestId('new-user-name').fill(displayName);
    await this.page.getByTestId('new-user-password').fill(temporaryPassword);
    await this.page.getByTestId('new-user-submit').click();
    await expect(this.page.getByTestId('users-table')).toContainText(username);
  }
}

export class ChangePasswordPage {
  constructor(private readonly page: Page) {}

  async change(current: string, next: string): Promise<void> {
    await this.page.getByTestId('current-password').fill(current);
    await this.page.getByTestId('new-password').fill(next);
    await this.page.getByTestId('new-password-confirm').fill(next);
    await this.page.getByTestId('change-password-submit').click();
  }
}

export class ClientPages {
  constructor(private readonly page: Page) {}

  async register(fields: { name: string; gender: 'male' | 'female'; birthDate: string; guardianName: string; guardianPhone: string }): Promise<void> {
    await this.page.getByTestId('nav-clients').click();
    await this.page.getByTestId('client-register-open').click();
    await this.page.getByTestId('client-name').fill(fields.name);
    await this.page.getByTestId(`client-gender-${fields.gender}`).click();
    const birthDate = this.page.getByTestId('client-birth-date').locator('input');
    await birthDate.fill(fields.birthDate);
    await birthDate.press('Enter');
    await this.page.getByTestId('client-guardian-name').fill(fields.guardianName);
    await this.page.getByTestId('client-guardian-phone').fill(fields.guardianPhone);
    await this.page.getByTestId('client-submit').click();
    await expect(this.page.getByTestId('client-title')).toHaveText(fields.name);
  }

  async openCase(problem: string, reason: string): Promise<void> {
    await this.page.getByTestId('case-open').click();
    await chooseOption(this.page, 'case-problems', problem);
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('case-reason').fill(reason);
    await this.page.getByTestId('case-open-submit').click();
  }

  async addConsent(kind: string): Promise<void> {
    await this.page.getByTestId('consent-open').click();
    await chooseOption(this.page, 'consent-kind', kind);
    await this.page.getByTestId('consent-submit').click();
    await expect(this.page.getByTestId('consents-table')).toContainText(kind);
  }
}

export class AppointmentPages {
  constructor(private readonly page: Page) {}

  /** A walk-in booking through the form; `start` is local `YYYY-MM-DD HH:mm`. */
  async bookWalkIn(name: string, counsellor: string, room: string, start: string): Promise<void> {
    await this.page.getByTestId('appointment-new').click();
    await this.page.getByTestId('appointment-walkin').click();
    await this.page.getByTestId('appointment-walkin-name').fill(name);
    await chooseOption(this.page, 'appointment-counsellor', counsellor);
    await chooseOption(this.page, 'appointment-room', room);
    const when = this.page.getByTestId('appointment-start').locator('input');
    await when.fill(start);
    await when.press('Enter');
    await this.page.getByTestId('appointment-submit').click();
  }

  async retime(start: string): Promise<void> {
    const when = this.page.getByTestId('appointment-start').locator('input');
    await when.fill(start);
    await when.press('Enter');
    await this.page.getByTestId('appointment-submit').click();
  }

  /** FullCalendar's zh-cn hint names the arrow after the month in every view, so go by its class. */
  async nextPeriod(): Promise<void> {
    await this.page.getByTestId('calendar').locator('.fc-next-button').click();
  }

  event(text: string): Locator {
    return this.page.getByTestId('calendar').locator('.fc-timegrid-event', { hasText: text });
  }

  /** Drags a booking in week view by whole days, keeping its time of day. */
  async dragByDays(text: string, days: number): Promise<void> {
    await this.event(text).scrollIntoViewIfNeeded();
    const box = (await this.event(text).boundingBox())!;
    const column = (await this.page.getByTestId('calendar').locator('.fc-timegrid-col[data-date]').first().boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 6;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + (column.width * days) / 2, y, { steps: 8 });
    await this.page.mouse.move(x + column.width * days, y, { steps: 8 });
    await this.page.mouse.up();
  }
}

export class ActivityPages {
  constructor(private readonly page: Page) {}

  /** A planned activity on the form's day (today), from `start` to `end` (quarter hours, HH:mm). */
  async plan(fields: { type: string; target: string; theme: string; start: string; end: string; location: string }): Promise<void> {
    await this.page.getByTestId('activity-new').click();
    await chooseOption(this.page, 'activity-type', fields.type);
    await chooseOption(this.page, 'activity-targets', fields.target);
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('activity-theme').fill(fields.theme);
    await chooseOption(this.page, 'activity-start', fields.start);
    await chooseOption(this.page, 'activity-end', fields.end);
    await this.page.getByTestId('activity-location').fill(fields.location);
    await this.page.getByTestId('activity-submit').click();
    await expect(this.page.getByTestId('activity-form')).toBeHidden();
  }

  async open(theme: string): Promise<void> {
    await this.page.getByTestId('activities-table').getByRole('link', { name: theme }).click();
    await expect(this.page.getByTestId('activity-title')).toHaveText(theme);
  }

  async markDone(participants: number): Promise<void> {
    await this.page.getByTestId('activity-mark-done').click();
    await this.page.getByTestId('mark-done-count').locator('input').fill(String(participants));
    await this.page.getByTestId('mark-done-submit').click();
    await expect(this.page.getByTestId('activity-status')).toHaveText('已开展');
  }
}
