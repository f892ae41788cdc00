import type { Ref } from 'vue';
import type { Period } from '../../../../shared/domain/periods.js';
import { useSubmit } from '../../shared/composables/useFormErrors.js';

/**
 * A ledger's printed month: the whole month, whatever the screen's filters narrow to, printed by `print` once the
 * month is chosen; busy while it runs, a refusal shown as a toast.
 */
export function useMonthPrint(period: Ref<Period | null>) {
  const job = useSubmit();
  return {
    printing: job.busy,
    printMonth(print: (month: Period) => Promise<void>): Promise<boolean> | undefined {
      const month = period.value;
      return month ? job.submit(() => print(month)) : undefined;
    },
  };
}
