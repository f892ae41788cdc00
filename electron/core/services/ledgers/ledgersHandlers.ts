import type { ledgersContract } from '../../../../shared/api/contract/ledgers.js';
import { requireSession } from '../../auth/actor.js';
import type { Clock } from '../../clock.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import type { ActivitiesService } from './activitiesService.js';
import { exportActivities } from './activitiesExport.js';
import { createCallHandlers } from './callsHandlers.js';
import type { CallsService } from './callsService.js';
import { createDutyHandlers } from './dutyHandlers.js';
import { createGroupHandlers } from './groupsHandlers.js';
import type { GroupsService } from './groupsService.js';
import type { DutyService } from './dutyService.js';
import { createVisitHandlers } from './visitsHandlers.js';
import type { VisitsService } from './visitsService.js';
import { createPeopleHandlers } from './peopleHandlers.js';
import type { PeopleService } from './peopleService.js';
import { createMeetingHandlers } from './meetingsHandlers.js';
import type { MeetingsService } from './meetingsService.js';
import { createRuleHandlers } from './rulesHandlers.js';
import type { RulesService } from './rulesService.js';
import { signInTemplate, type SignInsService } from './signInsService.js';
import { createSurveyHandlers } from './surveysHandlers.js';
import type { SurveysService } from './surveysService.js';

export type LedgerDeps = Readonly<{ vault: Vault; clock: Clock; activities: ActivitiesService; signIns: SignInsService; calls: CallsService; meetings: MeetingsService; rules: RulesService; people: PeopleService; duty: DutyService; visits: VisitsService; groups: GroupsService; surveys: SurveysService }>;

export function createLedgerHandlers({ vault, clock, activities, signIns, calls, meetings, rules, people, duty, visits, groups, surveys }: LedgerDeps): FeatureHandlers<typeof ledgersContract> {
  return {
    'activities.list': (input, session) => activities.list(requireSession(session), input),
    'activities.get': (input, session) => activities.get(requireSession(session), input.id),
    'activities.create': (input, session) => activities.create(requireSession(session), input),
    'activities.update': (input, session) => activities.update(requireSession(session), input),
    'activities.markDone': (input, session) => activities.markDone(requireSession(session), input),
    'activities.remove': (input, session) => activities.remove(requireSession(session), input),
    'activities.counts': (input) => activities.counts(input.from, input.to),
    'activities.export': (input, session) => exportActivities(vault, requireSession(session), input),
    'activities.importSignIns': (input, session) => signIns.import(requireSession(session), input),
    'activities.signIns': (input, session) => signIns.list(requireSession(session), input.id),
    'activities.signInTemplate': (input) => signInTemplate(vault, input.id),
    ...createCallHandlers(vault, calls),
    ...createMeetingHandlers(vault, clock, meetings),
    ...createRuleHandlers(vault, rules),
    ...createPeopleHandlers(vault, people),
    ...createDutyHandlers(vault, duty),
    ...createVisitHandlers(vault, visits),
    ...createGroupHandlers(vault, groups),
    ...createSurveyHandlers(vault, surveys),
  };
}
