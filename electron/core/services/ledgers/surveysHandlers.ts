import type { surveysContract } from '../../../../shared/api/contract/surveys.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportSurveys } from './surveysExport.js';
import type { SurveysService } from './surveysService.js';

/** The knowledge surveys' handlers, spread into the ledgers feature's table. */
export function createSurveyHandlers(vault: Vault, surveys: SurveysService): FeatureHandlers<typeof surveysContract> {
  return {
    'surveys.questionnaires': () => surveys.questionnaires(),
    'surveys.questionnaire': (input) => surveys.questionnaire(input.id, input.version),
    'surveys.list': (input, session) => surveys.list(requireSession(session), input),
    'surveys.get': (input, session) => surveys.get(requireSession(session), input.id),
    'surveys.create': (input, session) => surveys.create(requireSession(session), input),
    'surveys.update': (input, session) => surveys.update(requireSession(session), input),
    'surveys.close': (input, session) => surveys.setClosed(requireSession(session), input.id, true),
    'surveys.reopen': (input, session) => surveys.setClosed(requireSession(session), input.id, false),
    'surveys.remove': (input, session) => surveys.remove(requireSession(session), input),
    'surveys.addResponse': (input, session) => surveys.addResponse(requireSession(session), input),
    'surveys.removeResponse': (input, session) => surveys.removeResponse(requireSession(session), input),
    'surveys.counts': (input) => surveys.counts(input.from, input.to),
    'surveys.export': (input, session) => exportSurveys(vault, requireSession(session), input),
  };
}
