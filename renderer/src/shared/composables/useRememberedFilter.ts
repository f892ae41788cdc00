import { defineStore } from 'pinia';
import { reactive, watch, type UnwrapNestedRefs } from 'vue';

/** Filters of list screens while the workbench is open; a lock reloads the page, which forgets them. */
const useRememberedFilters = defineStore('rememberedFilters', () => ({ byScreen: new Map<string, string>() }));

/**
 * A list screen's filter that is still set when staff open a row and come back: the detail page's back link,
 * the menu and the browser's back button all find the list as it was left. Kept in memory only, never in the
 * address, where a searched name would end up in the browser's history. `defaults` must be plain data.
 */
export function useRememberedFilter<T extends object>(screen: string, defaults: T): UnwrapNestedRefs<T> {
  const { byScreen } = useRememberedFilters();
  const kept = byScreen.get(screen);
  const state = reactive(kept ? (JSON.parse(kept) as T) : defaults);
  watch(state, (value) => byScreen.set(screen, JSON.stringify(value)), { deep: true });
  return state;
}
