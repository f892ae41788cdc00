import { ref, type Ref } from 'vue';

/**
 * Reference data that many screens show (the station profile, the staff directory, the scale list,
 * rooms, dictionaries): fetched once, by the first screen that asks, and kept for the session (a lock
 * reloads the page, which drops it). A change made on this screen replaces it: `set` with the value
 * core answered, or `refresh` to fetch it again.
 */
export function referenceData<T>(fetch: () => Promise<T>, initial: T) {
  const value = ref(initial) as Ref<T>;
  let pending: Promise<T> | null = null;

  /** The data, fetched on the first call; a failed fetch is tried again at the next call. */
  function load(): Promise<T> {
    pending ??= fetch().then(
      (result) => {
        value.value = result;
        return result;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  }

  /** After a change: fetch again if a screen has asked for it, else leave it to the next `load`. */
  async function refresh(): Promise<void> {
    if (!pending) return;
    pending = null;
    await load();
  }

  /** After a change that answered with the new data. */
  function set(next: T): void {
    value.value = next;
    pending = Promise.resolve(next);
  }

  return { value, load, refresh, set };
}
