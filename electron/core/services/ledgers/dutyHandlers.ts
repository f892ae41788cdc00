import type { dutyContract } from '../../../../shared/api/contract/duty.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportDuty } from './dutyExport.js';
import type { DutyService } from './dutyService.js';

/** The duty ledger's handlers, spread into the ledgers feature's table. */
export function createDutyHandlers(vault: Vault, duty: DutyService): FeatureHandlers<typeof dutyContract> {
  return {
    'duty.month': (input) => duty.month(input.month),
    'duty.addShift': (input, session) => duty.addShift(requireSession(session), input),
    'duty.updateShift': (input, session) => duty.updateShift(requireSession(session), input),
    'duty.removeShift': (input, session) => duty.removeShift(requireSession(session), input.id),
    'duty.repeatWeek': (input, session) => duty.repeatWeek(requireSession(session), input),
    'duty.logs': (input, session) => duty.logs(requireSession(session), input),
    'duty.writeLog': (input, session) => duty.writeLog(requireSession(session), input),
    'duty.updateLog': (input, session) => duty.updateLog(requireSession(session), input),
    'duty.export': (input, session) => exportDuty(vault, requireSession(session), input),
  };
}
