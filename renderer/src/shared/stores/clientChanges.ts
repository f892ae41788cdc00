import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { RiskLevel } from '../../../../shared/api/schemas/clients.js';

/** A red grade just made, whose protocol next steps stay offered until the counsellor closes them. */
export type RedGrade = Readonly<{ clientId: number; followUpDue: string | null }>;

/**
 * A change to a client made on one screen (a grade, a follow-up) that every other view of that client
 * shows: the views listen here and reload at once, without being reopened.
 */
export const useClientChangesStore = defineStore('clientChanges', () => {
  const latest = ref<Readonly<{ clientId: number; serial: number }> | null>(null);
  const redGrade = ref<RedGrade | null>(null);

  function changed(clientId: number): void {
    latest.value = { clientId, serial: (latest.value?.serial ?? 0) + 1 };
  }

  /** A grade was recorded: red offers the next steps; any other colour withdraws an offer for that client. */
  function graded(clientId: number, level: RiskLevel, followUpDue: string | null): void {
    if (level === 'red') redGrade.value = { clientId, followUpDue };
    else if (redGrade.value?.clientId === clientId) redGrade.value = null;
    changed(clientId);
  }

  function closeRedGrade(): void {
    redGrade.value = null;
  }

  return { latest, redGrade, changed, graded, closeRedGrade };
});

/** Reload a view of a client whenever that client changes on another screen. */
export function onClientChange(clientId: () => number | undefined, reload: () => unknown): void {
  const changes = useClientChangesStore();
  watch(
    () => changes.latest,
    (change) => {
      if (change && change.clientId === clientId()) void reload();
    },
  );
}
