import type { checklistContract } from '../../../../shared/api/contract/checklist.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { ChecklistService } from './checklistService.js';
import type { InspectionPackageService } from './inspectionPackage.js';
import type { InspectionsService } from './inspectionsService.js';

export type ChecklistDeps = Readonly<{ checklist: ChecklistService; inspections: InspectionsService; packages: InspectionPackageService }>;

/** The checklist feature's handlers (issue 13): the checklist and its inspections. */
export function createChecklistHandlers({ checklist, inspections, packages }: ChecklistDeps): FeatureHandlers<typeof checklistContract> {
  return {
    'checklist.templates': () => checklist.templates(),
    'checklist.get': (input) => checklist.get(input),
    'checklist.choose': (input, session) => checklist.choose(requireSession(session), input),
    'checklist.assess': (input, session) => checklist.assess(requireSession(session), input),
    'checklist.importTemplate': (input, session) => checklist.importTemplate(requireSession(session), input.templateJson),
    'inspections.list': (_input, session) => inspections.list(requireSession(session)),
    'inspections.get': (input, session) => inspections.get(requireSession(session), input.inspectionId),
    'inspections.create': (input, session) => inspections.create(requireSession(session), input),
    'inspections.addInspector': (input, session) => inspections.addInspector(requireSession(session), input),
    'inspections.extendInspector': (input, session) => inspections.extendInspector(requireSession(session), input),
    'inspections.score': (input, session) => inspections.score(requireSession(session), input),
    'inspections.addFinding': (input, session) => inspections.addFinding(requireSession(session), input),
    'inspections.removeFinding': (input, session) => inspections.removeFinding(requireSession(session), input.findingId),
    'inspections.conclude': (input, session) => inspections.conclude(requireSession(session), input),
    'inspections.addRectification': (input, session) => inspections.addRectification(requireSession(session), input),
    'inspections.submitRectification': (input, session) => inspections.submitRectification(requireSession(session), input),
    'inspections.recheck': (input, session) => inspections.recheck(requireSession(session), input),
    'inspections.close': (input, session) => inspections.close(requireSession(session), input.inspectionId),
    'inspections.sample': (input, session) => inspections.sample(requireSession(session), input),
    'inspections.package': (input, session) => packages.build(requireSession(session), input.inspectionId),
  };
}
