import type { rulesContract } from '../../../../shared/api/contract/rules.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportRules } from './rulesExport.js';
import type { RulesService } from './rulesService.js';

/** The rules' handlers (制度), spread into the ledgers feature's table. */
export function createRuleHandlers(vault: Vault, rules: RulesService): FeatureHandlers<typeof rulesContract> {
  return {
    'rules.list': () => rules.list(),
    'rules.get': (input, session) => rules.get(requireSession(session), input.id),
    'rules.create': (input, session) => rules.create(requireSession(session), input),
    'rules.saveDraft': (input, session) => rules.saveDraft(requireSession(session), input),
    'rules.discardDraft': (input, session) => rules.discardDraft(requireSession(session), input.id),
    'rules.adopt': (input, session) => rules.adopt(requireSession(session), input),
    'rules.export': (_input, session) => exportRules(vault, requireSession(session)),
  };
}
