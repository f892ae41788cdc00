import type { checklistContract } from '../../../../shared/api/contract/checklist.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { ChecklistService } from './checklistService.js';

export type ChecklistDeps = Readonly<{ checklist: ChecklistService }>;

/** The checklist feature's handlers (issue 13). */
export function createChecklistHandlers({ checklist }: ChecklistDeps): FeatureHandlers<typeof checklistContract> {
  return {
    'checklist.templates': () => checklist.templates(),
    'checklist.get': (input) => checklist.get(input),
    'checklist.choose': (input, session) => checklist.choose(requireSession(session), input),
    'checklist.assess': (input, session) => checklist.assess(requireSession(session), input),
    'checklist.importTemplate': (input, session) => checklist.importTemplate(requireSession(session), input.templateJson),
  };
}
