import { ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { ApiCallError } from '../../../api/client.js';

type Overrides = { overrideReason: string; confirmHoliday: boolean; confirmPast: boolean };

/**
 * Core refuses a booking outside hours (NEEDS_REASON), on a holiday (HOLIDAY_CONFIRMATION) or in the
 * past (PAST_CONFIRMATION) until staff say why or confirm; ask, then send again with the answer. Any other refusal is thrown.
 */
export function useBookingRetry(): <T>(attempt: (overrides: Overrides) => Promise<T>) => Promise<T> {
  const { t } = useI18n();
  return (attempt) => withBookingOverrides(attempt, t('appointments.reasonRequired'));
}

async function withBookingOverrides<T>(attempt: (overrides: Overrides) => Promise<T>, reasonRequired: string): Promise<T> {
  let overrides: Overrides = { overrideReason: '', confirmHoliday: false, confirmPast: false };
  for (;;) {
    try {
      return await attempt(overrides);
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      if (error.code === 'NEEDS_REASON') {
        const { value } = await ElMessageBox.prompt(error.message, '', { inputValidator: (text) => text.trim().length >= 2, inputErrorMessage: reasonRequired });
        overrides = { ...overrides, overrideReason: value.trim() };
      } else if (error.code === 'HOLIDAY_CONFIRMATION') {
        await ElMessageBox.confirm(error.message, '', { type: 'warning' });
        overrides = { ...overrides, confirmHoliday: true };
      } else if (error.code === 'PAST_CONFIRMATION') {
        await ElMessageBox.confirm(error.message, '', { type: 'warning' });
        overrides = { ...overrides, confirmPast: true };
      } else {
        throw error;
      }
    }
  }
}
