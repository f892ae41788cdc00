import { useSubmit } from '../../shared/composables/useFormErrors.js';

/**
 * A ledger list asks again whenever a filter changes; answers may come back out of order, so only the answer to
 * the last question asked is applied. Refusals are shown as toasts (useSubmit).
 */
export function useLatestAnswer() {
  const { submit } = useSubmit();
  let asked = 0;
  return async function ask<T>(question: () => Promise<T>, apply: (answer: T) => void): Promise<void> {
    const mine = ++asked;
    await submit(async () => {
      const answer = await question();
      if (mine === asked) apply(answer);
    });
  };
}
