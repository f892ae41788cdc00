import { expiryReminderDays } from '../../../../shared/api/schemas/people.js';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** 已过期 / n 天后到期 within the reminder window; empty further off (the date alone says enough). */
export function expiryText(t: Translate, expiresOn: string, today: string): string {
  const days = Math.round((Date.parse(expiresOn) - Date.parse(today)) / 86_400_000);
  if (days < 0) return t('people.expired');
  return days <= expiryReminderDays ? t('people.expiresIn', { days }) : '';
}
