import type { peopleContract } from '../../../../shared/api/contract/people.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { Vault } from '../../vault.js';
import { exportPeople, staffListTemplate } from './peopleExport.js';
import type { PeopleService } from './peopleService.js';

/** The people ledger's handlers, spread into the ledgers feature's table. */
export function createPeopleHandlers(vault: Vault, people: PeopleService): FeatureHandlers<typeof peopleContract> {
  return {
    'people.list': (input) => people.list(input),
    'people.get': (input) => people.get(input.id),
    'people.create': (input, session) => people.create(requireSession(session), input),
    'people.update': (input, session) => people.update(requireSession(session), input),
    'people.saveQualification': (input, session) => people.saveQualification(requireSession(session), input),
    'people.removeQualification': (input, session) => people.removeQualification(requireSession(session), input.id),
    'people.addTraining': (input, session) => people.addTraining(requireSession(session), input),
    'people.removeTraining': (input, session) => people.removeTraining(requireSession(session), input.id),
    'people.addServiceHours': (input, session) => people.addServiceHours(requireSession(session), input),
    'people.removeServiceHours': (input, session) => people.removeServiceHours(requireSession(session), input.id),
    'people.expiring': () => people.expiring(),
    'people.counts': (input) => people.counts(input.from, input.to),
    'people.export': (input, session) => exportPeople(vault, people, requireSession(session), input),
    'people.importStaffList': (input, session) => people.importStaffList(requireSession(session), Buffer.from(input.dataBase64, 'base64')),
    'people.importTemplate': () => staffListTemplate(vault),
  };
}
