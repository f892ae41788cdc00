import type { visitsContract } from '../../../../shared/api/contract/visits.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportVisits } from './visitsExport.js';
import type { VisitsService } from './visitsService.js';

/** The screening-visit ledger's handlers, spread into the ledgers feature's table. */
export function createVisitHandlers(vault: Vault, visits: VisitsService): FeatureHandlers<typeof visitsContract> {
  return {
    'visits.list': (input, session) => visits.list(requireSession(session), input),
    'visits.get': (input, session) => visits.get(requireSession(session), input.id),
    'visits.create': (input, session) => visits.create(requireSession(session), input),
    'visits.update': (input, session) => visits.update(requireSession(session), input),
    'visits.remove': (input, session) => visits.remove(requireSession(session), input),
    'visits.registerClient': (input, session) => visits.registerClient(requireSession(session), input),
    'visits.counts': (input) => visits.counts(input.from, input.to),
    'visits.export': (input, session) => exportVisits(vault, requireSession(session), input),
  };
}
