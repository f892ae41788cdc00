import { ref, type Ref } from 'vue';
import type { SurveyPopulation } from '../../../../shared/api/schemas/surveys.js';
import type { ScaleDefinition } from '../../../../shared/scales/definitionSchema.js';
import { awarenessRate, surveyTargets } from '../../../../shared/domain/surveyWords.js';
import type { ApiClient } from '../../api/client.js';

/** 知晓率 as the screens and prints show it: 66.7%, or a dash before any response. */
export function rateText(aware: number, respondents: number): string {
  const rate = awarenessRate(aware, respondents);
  return rate === null ? '—' : `${rate}%`;
}

/** The S5 target of the population, in percent (80 / 85). */
export const targetPercent = (population: SurveyPopulation): number => Math.round(surveyTargets[population] * 100);

/** Whether the rate reaches its target line; null before any response. */
export function reachesTarget(aware: number, respondents: number, population: SurveyPopulation): boolean | null {
  return respondents === 0 ? null : aware / respondents >= surveyTargets[population];
}

/** A questionnaire's definition (the scale format), read once per id and version while the screen is open. */
export function useQuestionnaire(api: ApiClient): { definition: Ref<ScaleDefinition | null>; load: (id: string, version: number) => Promise<ScaleDefinition> } {
  const definition = ref<ScaleDefinition | null>(null) as Ref<ScaleDefinition | null>;
  async function load(id: string, version: number): Promise<ScaleDefinition> {
    if (definition.value?.id !== id || definition.value.version !== version) {
      definition.value = JSON.parse((await api.call('surveys.questionnaire', { id, version })).json) as ScaleDefinition;
    }
    return definition.value;
  }
  return { definition, load };
}
