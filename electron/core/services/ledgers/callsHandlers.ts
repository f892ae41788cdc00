import type { callsContract } from '../../../../shared/api/contract/calls.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportCalls } from './callsExport.js';
import type { CallsService } from './callsService.js';

/** The hotline ledger's handlers, spread into the ledgers feature's table. */
export function createCallHandlers(vault: Vault, calls: CallsService): FeatureHandlers<typeof callsContract> {
  return {
    'calls.list': (input, session) => calls.list(requireSession(session), input),
    'calls.get': (input, session) => calls.get(requireSession(session), input.id),
    'calls.create': (input, session) => calls.create(requireSession(session), input),
    'calls.update': (input, session) => calls.update(requireSession(session), input),
    'calls.remove': (input, session) => calls.remove(requireSession(session), input),
    'calls.openCrisis': (input, session) => calls.openCrisis(requireSession(session), input),
    'calls.counts': (input) => calls.counts(input.from, input.to),
    'calls.export': (input, session) => exportCalls(vault, requireSession(session), input),
  };
}
