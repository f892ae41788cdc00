import type { groupsContract } from '../../../../shared/api/contract/groups.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportGroups } from './groupsExport.js';
import type { GroupsService } from './groupsService.js';

/** Group counselling's handlers, spread into the ledgers feature's table. */
export function createGroupHandlers(vault: Vault, groups: GroupsService): FeatureHandlers<typeof groupsContract> {
  return {
    'groups.list': (input, session) => groups.list(requireSession(session), input.status),
    'groups.get': (input, session) => groups.get(requireSession(session), input.id),
    'groups.create': (input, session) => groups.create(requireSession(session), input),
    'groups.update': (input, session) => groups.update(requireSession(session), input),
    'groups.close': (input, session) => groups.close(requireSession(session), input.id),
    'groups.signUp': (input, session) => groups.signUp(requireSession(session), input),
    'groups.admit': (input, session) => groups.admit(requireSession(session), input),
    'groups.leave': (input, session) => groups.leave(requireSession(session), input),
    'groups.addSession': (input, session) => groups.addSession(requireSession(session), input),
    'groups.updateSession': (input, session) => groups.updateSession(requireSession(session), input),
    'groups.removeSession': (input, session) => groups.removeSession(requireSession(session), input),
    'groups.recordAttendance': (input, session) => groups.recordAttendance(requireSession(session), input),
    'groups.addFeedback': (input, session) => groups.addFeedback(requireSession(session), input),
    'groups.removeFeedback': (input, session) => groups.removeFeedback(requireSession(session), input.id),
    'groups.feedback': (input, session) => groups.feedback(requireSession(session), input.activityId),
    'groups.counts': (input) => groups.counts(input.from, input.to),
    'groups.export': (input, session) => exportGroups(vault, requireSession(session), input),
  };
}
