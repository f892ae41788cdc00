import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import type { z } from 'zod';
import { ApiCallError } from '../../api/client.js';

/** What a failure says to the user: core's Chinese message for a refusal, else the error's own. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A confirm or prompt box the user closed ('cancel', 'close') is a choice, not a failure. */
export function isDismissed(error: unknown): boolean {
  return error === 'cancel' || error === 'close';
}

const toast = (error: unknown) => void ElMessage.error(errorMessage(error));

/**
 * The one way a screen runs an action that calls core: busy while it runs, and a failure shown
 * where the screen shows failures (a toast unless told otherwise); a dismissed confirm box shows
 * nothing. Returns whether the action succeeded.
 */
export function useSubmit(show: (error: unknown) => void = toast) {
  const busy = ref(false);

  async function submit(work: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    try {
      await work();
      return true;
    } catch (error) {
      if (!isDismissed(error)) show(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, submit };
}

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
    formError.value = errorMessage(error);
    if (error instanceof ApiCallError && error.code === 'INVALID_INPUT' && Array.isArray(error.details)) {
      for (const detail of error.details as Array<{ path: string; message: string }>) errors.value[detail.path] ??= detail.message;
    }
  }

  function clear(): void {
    errors.value = {};
    formError.value = '';
    lastError.value = null;
  }

  /** Run a submission: busy while it runs, its failure shown on the form. */
  const { busy, submit } = useSubmit(fromError);

  /** The usual save: check the form with the shared schema, then submit what passed. */
  async function save<S extends z.ZodType>(schema: S, value: unknown, work: (input: z.output<S>) => Promise<unknown>): Promise<boolean> {
    const input = check(schema, value);
    return input !== null && (await submit(() => work(input)));
  }

  /** A repeated new password must equal the first; the message goes on the repeat field. */
  function repeated(key: string, password: string, repeat: string, message: string): boolean {
    if (password !== repeat) errors.value[key] = message;
    return password === repeat;
  }

  return { errors, formError, lastError, busy, check, fromError, clear, submit, save, repeated };
}
