import type { meetingsContract } from '../../../../shared/api/contract/meetings.js';
import { requireSession } from '../../auth/actor.js';
import type { Clock } from '../../clock.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportMeetings } from './meetingsExport.js';
import type { MeetingsService } from './meetingsService.js';

/** The meetings ledger's handlers, spread into the ledgers feature's table. */
export function createMeetingHandlers(vault: Vault, clock: Clock, meetings: MeetingsService): FeatureHandlers<typeof meetingsContract> {
  return {
    'meetings.list': (input, session) => meetings.list(requireSession(session), input),
    'meetings.get': (input, session) => meetings.get(requireSession(session), input.id),
    'meetings.create': (input, session) => meetings.create(requireSession(session), input),
    'meetings.update': (input, session) => meetings.update(requireSession(session), input),
    'meetings.remove': (input, session) => meetings.remove(requireSession(session), input),
    'meetings.export': (input, session) => exportMeetings(vault, clock, requireSession(session), input),
  };
}
