import { computed } from 'vue';
import { useSessionStore } from '../../shared/stores/session.js';
import { useEveryoneDirectoryStore } from '../../shared/stores/staffDirectory.js';

type Person = Readonly<{ id: number; displayName: string }>;

/**
 * Whom a ledger form may name (a call's taker, who is on duty): every active account, plus the user and the
 * record's own person when no longer listed (a disabled account core lets an old record keep).
 */
export function useStaffOptions(kept: () => Person | null | undefined) {
  const session = useSessionStore();
  const directory = useEveryoneDirectoryStore();
  const options = computed(() => {
    const entries: Person[] = directory.staff.map((entry) => ({ id: entry.id, displayName: entry.displayName }));
    const extra = [session.user ? { id: session.user.id, displayName: session.user.displayName } : null, kept() ?? null];
    for (const entry of extra) if (entry && !entries.some((known) => known.id === entry.id)) entries.push(entry);
    return entries;
  });
  return { options, load: () => directory.load() };
}
