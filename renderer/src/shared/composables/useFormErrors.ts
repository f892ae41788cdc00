import { ref } from 'vue';
import type { z } from 'zod';
import { ApiCallError } from '../../api/client.js';

/**
 * Field errors from the same zod schemas core validates with, so the screen and core agree on
 * every rule and message; core still validates on its own.
 */
export function useFormErrors() {
  const errors = ref<Record<string, string>>({});
  const formError = ref('');
  /** The last refusal from core, for screens that act on a specific code. */
  const lastError = ref<ApiCallError | null>(null);

  function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
    const result = schema.safeParse(value);
    errors.value = {};
    formError.value = '';
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      errors.value[key] ??= issue.message;
    }
    return null;
  }

  /** Show a failed call: field errors from INVALID_INPUT details, else the message. */
  function fromError(error: unknown): void {
    errors.value = {};
    lastError.value = error instanceof ApiCallError ? error : null;
    if (error instanceof ApiCallError) {
      formError.value = error.message;
      if (error.code === 'INVALID_INPUT' && Array.isArray(error.details)) {
        for (const detail of error.details as Array<{ path: string; message: string }>) errors.value[detail.path] ??= detail.message;
      }
    } else {
      formError.value = error instanceof Error ? error.message : String(error);
    }
  }

  function clear(): void {
    errors.value = {};
    formError.value = '';
    lastError.value = null;
  }

  const busy = ref(false);

  /** Run a submission: busy while it runs, its failure shown on the form. */
  async function submit(work: () => Promise<void>): Promise<boolean> {
    busy.value = true;
    try {
      await work();
      return true;
    } catch (error) {
      fromError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** A repeated new password must equal the first; the message goes on the repeat field. */
  function repeated(key: string, password: string, repeat: string, message: string): boolean {
    if (password !== repeat) errors.value[key] = message;
    return password === repeat;
  }

  return { errors, formError, lastError, busy, check, fromError, clear, submit, repeated };
}
