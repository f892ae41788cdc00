import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../../shared/api/contract/index.js';
import { adult } from '../helpers/clients.js';
import { createStation, manualClock, type Station } from '../helpers/station.js';

/** Every field name in an input schema, nested ones as `outer.inner`. */
function fieldsOf(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (def.type === 'object') {
    return Object.entries((schema as unknown as z.ZodObject).shape).flatMap(([key, inner]) => [prefix + key, ...fieldsOf(inner as z.ZodType, `${prefix}${key}.`)]);
  }
  if (def.type === 'union') return (def.options as z.ZodType[]).flatMap((option) => fieldsOf(option, prefix));
  if (def.type === 'pipe') return fieldsOf(def.in as z.ZodType, prefix);
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') return fieldsOf(def.innerType as z.ZodType, prefix);
  return [];
}

/** Staff methods that take a record id (`id`, `…Id`): the ones another counsellor might aim at a record. */
const idTakingMethods = (Object.keys(contract) as MethodName[]).filter((method) => {
  const { access, input } = contract[method];
  return access.kind === 'roles' && access.roles.includes('counsellor') && fieldsOf(input).some((field) => /(^|\.)id$|Id$/.test(field));
});

type Expect =
  /** Refused: FORBIDDEN or NOT_FOUND, and nothing of the record in the answer. */
  | { input: unknown }
  /** Answered without the record's content (an empty list, registration masked). */
  | { input: unknown; answers: 'nothing' | 'masked' }
  /** Not a record of A's, or allowed on purpose: the reason is the rule. */
  | { exempt: string };

/**
 * Issue 9 §3.7: counsellor A (liwei) holds one of every record; counsellor B (chen) aims every
 * id-taking method at them. A method added to the contract with an id and no row here fails the first test.
 */
let station: Station;
let chen: string;
/** An upload A began and has not committed: staged for A's session only. */
let uploadOfA = '';
const ids = {} as Record<'client' | 'case' | 'session' | 'followUp' | 'crisis' | 'referral' | 'result' | 'alert' | 'attachment' | 'booking' | 'seriesBooking' | 'screening' | 'exception' | 'waitlist' | 'liwei' | 'room' | 'activity' | 'call' | 'meeting' | 'visit' | 'dutyLog' | 'chen' | 'group' | 'groupMember' | 'groupSession' | 'groupFeedback' | 'survey' | 'surveyResponse', number>;

beforeAll(async () => {
  const time = manualClock();
  station = await createStation({ clock: time.clock });
  const liwei = await station.addUser('liwei', 'counsellor');
  chen = await station.addUser('chen', 'counsellor');
  const users = await station.call(station.admin, 'users.list', {});
  ids.liwei = users.find((user) => user.username === 'liwei')!.id;
  ids.chen = users.find((user) => user.username === 'chen')!.id;
  ids.room = (await station.call(station.admin, 'rooms.add', { name: '咨询室一', kind: 'counselling' }))[0]!.id;
  ids.client = (await station.call(liwei, 'clients.register', { ...adult, address: '胜利路 8 号' })).id;
  ids.case = (await station.call(liwei, 'cases.open', { clientId: ids.client, problemCategories: ['emotion'], reason: '主诉失眠', openedOn: '2026-11-01' })).id;
  ids.session = (await station.call(liwei, 'sessions.saveDraft', { caseId: ids.case, heldOn: '2026-11-02', startTime: '09:00', durationMinutes: 50, modality: 'in_person', kind: 'intake', note: { complaint: '失眠三月', assessment: '', intervention: '', plan: '', freeText: '' } })).id;
  await station.call(liwei, 'risk.grade', { clientId: ids.client, level: 'yellow', reason: '睡眠差', evidence: 'disclosure' });
  ids.crisis = (await station.call(liwei, 'crises.open', { clientId: ids.client, summary: '深夜来电' })).id;
  // Opening the crisis graded the client red, which replaced the pending follow-up.
  ids.followUp = (await station.call(liwei, 'followUps.list', { scope: 'client', clientId: ids.client })).find((item) => item.status === 'due')!.id;
  ids.referral = (await station.call(liwei, 'referrals.create', { clientId: ids.client, target: 'mental_health_centre', reason: '就医评估', sentOn: '2026-11-20' })).id;
  const result = await station.call(liwei, 'results.submit', { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 2], clientId: ids.client });
  ids.result = result.id;
  ids.alert = result.alertId!;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('SCAN')]).toString('base64');
  ids.attachment = (await station.call(liwei, 'attachments.add', { ownerType: 'case', ownerId: ids.case, fileName: '评估.png', mime: 'image/png', dataBase64: png }))[0]!.id;
  uploadOfA = (await station.call(liwei, 'attachments.uploadBegin', { ownerType: 'case', ownerId: ids.case, fileName: '评估.png', mime: 'image/png', size: 12, sha256: '0'.repeat(64) })).uploadId;
  const booking = { clientId: ids.client, counsellorId: ids.liwei, roomId: ids.room, start: '2026-12-07T09:00', durationMinutes: 50, type: 'individual' as const };
  ids.booking = (await station.call(liwei, 'appointments.create', booking)).id;
  ids.seriesBooking = (await station.call(liwei, 'appointments.createSeries', { appointment: { ...booking, start: '2026-12-14T09:00' }, everyWeeks: 1, count: 2 })).created[0]!.id;
  ids.screening = (await station.call(liwei, 'screenings.create', { name: '初二（3）班', scaleIds: ['PHQ-9'], roster: ['王小明'] })).id;
  ids.exception = (await station.call(liwei, 'availability.addException', { userId: ids.liwei, fromDay: '2026-12-21', toDay: '2026-12-22', kind: 'leave' })).exceptions[0]!.id;
  ids.waitlist = (await station.call(liwei, 'waitlist.add', { clientId: ids.client, counsellorId: ids.liwei }))[0]!.id;
  ids.activity = (await station.call(liwei, 'activities.create', activity())).id;
  ids.call = (await station.call(liwei, 'calls.create', hotlineCall())).id;
  ids.meeting = (await station.call(liwei, 'meetings.create', caseMeeting())).id;
  ids.visit = (await station.call(liwei, 'visits.create', screeningVisit())).id;
  ids.dutyLog = (await station.call(liwei, 'duty.writeLog', dutyLog())).id;
  const group = await station.call(liwei, 'groups.create', { name: '睡眠改善成长小组', targetGroup: '社区居民', location: '团体活动室', plannedSessions: 6, capacity: 10, leaderIds: [ids.liwei] });
  ids.group = group.id;
  ids.groupMember = (await station.call(liwei, 'groups.signUp', groupSignUp())).members[0]!.id;
  await station.call(liwei, 'groups.admit', { memberId: ids.groupMember, agreementSignedOn: '2026-11-10' });
  ids.groupSession = (await station.call(liwei, 'groups.addSession', groupSession())).sessions[0]!.activityId;
  await station.call(liwei, 'groups.recordAttendance', { activityId: ids.groupSession, attendance: [{ memberId: ids.groupMember, status: 'present' }] });
  await station.call(liwei, 'groups.addFeedback', { activityId: ids.groupSession, satisfaction: 5, helpfulness: 4, atmosphere: 5, recommend: true, comment: '失眠三月后第一次睡好' });
  ids.groupFeedback = (await station.call(liwei, 'groups.feedback', { activityId: ids.groupSession }))[0]!.id;
  ids.survey = (await station.call(liwei, 'surveys.create', knowledgeSurvey())).id;
  ids.surveyResponse = (await station.call(liwei, 'surveys.addResponse', { surveyId: ids.survey, answers: [1, 2, 1, 2, 1, 2, 1, 1, 2, 2] })).response.id;
});

/** liwei's client signing up for liwei's group, the motive clinical. */
const groupSignUp = () => ({ groupId: ids.group, name: '赵六', phone: '13812345678', clientId: ids.client, signedUpOn: '2026-11-09', motive: '失眠三月' });
/** The group's first meeting, held before the clock's day. */
const groupSession = () => ({ groupId: ids.group, date: '2026-11-20', startTime: '14:00', endTime: '15:30', theme: '相识与规则' });

/** liwei's planned group session with their client on the roster. */
const activity = () => ({ type: 'group_counselling', theme: '睡眠改善小组', date: '2026-12-05', startTime: '14:00', endTime: '16:00', location: '团体活动室', staffIds: [ids.liwei], rosterClientIds: [ids.client] });
/** A 高危 call liwei took from their client, its note clinical. */
const hotlineCall = () => ({ date: '2026-11-20', startTime: '22:00', durationMinutes: 30, takenBy: ids.liwei, callerType: 'self', problemType: 'emotion', highRisk: true, outcome: 'counselled' as const, note: '失眠三月', clientId: ids.client });
/** liwei's 个案研讨 of their case, the minutes naming the client's trouble. */
const caseMeeting = () => ({ kind: 'case_discussion', date: '2026-11-20', startTime: '15:00', endTime: '16:00', location: '站内会议室', staffIds: [ids.liwei], agenda: '个案研讨', minutes: '失眠三月，讨论转介', caseId: ids.case });
/** liwei's visit to their client with the 网格员, the observations clinical. */
const screeningVisit = () => ({ date: '2026-11-20', visitorIds: [ids.liwei], clientId: ids.client, companionRoles: ['grid_worker'], tags: ['elderly_alone'], observations: '失眠三月' });
/** liwei's own duty log (a plain duty note). */
const dutyLog = () => ({ onDutyId: ids.liwei, date: '2026-11-20', startTime: '09:00', endTime: '12:00', events: '接待来访' });
/** liwei's 知晓率调查 at their activity (anonymous answers to a knowledge quiz). */
const knowledgeSurvey = () => ({ questionnaireId: 'MHL-TEN-2018', date: '2026-11-20', activityId: null, population: 'public' as const, place: '团体活动室' });
afterAll(() => station.dispose());

const cases = (): Record<string, Expect> => {
  const booking = { clientId: ids.client, counsellorId: ids.liwei, roomId: ids.room, start: '2026-12-08T09:00', durationMinutes: 50, type: 'individual' };
  return {
    'clients.get': { input: { id: ids.client }, answers: 'masked' },
    'clients.update': { input: { id: ids.client, client: adult } },
    'clients.addConsent': { input: { clientId: ids.client, kind: 'service', signerName: '张三', signedOn: '2026-11-02' } },
    'cases.open': { input: { clientId: ids.client, counsellorId: ids.liwei, problemCategories: ['emotion'], reason: '再次来访', openedOn: '2026-11-03' } },
    'cases.list': { input: { clientId: ids.client, status: 'all' } },
    'cases.get': { input: { id: ids.case } },
    'cases.close': { input: { id: ids.case, reason: '结案说明', closedOn: '2026-11-20' } },
    'cases.transfer': { input: { id: ids.case, counsellorId: ids.liwei, reason: '转移说明' } },
    'cases.share': { input: { id: ids.case, userId: ids.liwei, shared: true } },
    'sessions.saveDraft': { input: { id: ids.session, caseId: ids.case, heldOn: '2026-11-02', startTime: '09:00', durationMinutes: 50, modality: 'in_person', kind: 'intake', note: { complaint: 'x', assessment: '', intervention: '', plan: '', freeText: '' } } },
    'sessions.sign': { input: { id: ids.session } },
    'sessions.addAddendum': { input: { sessionId: ids.session, text: '补充说明' } },
    'risk.grade': { input: { clientId: ids.client, level: 'green', reason: '好转', evidence: 'disclosure' } },
    'risk.notifyManager': { input: { clientId: ids.client } },
    'followUps.list': { input: { scope: 'client', clientId: ids.client } },
    'followUps.record': { input: { followUpId: ids.followUp, doneOn: '2026-11-20', method: 'phone', participants: [], findings: '情况稳定', reassessedLevel: 'yellow' } },
    'crises.open': { exempt: 'in an emergency any counsellor present opens a crisis for any client (CrisisService): the crisis is theirs' },
    'crises.get': { input: { id: ids.crisis } },
    'crises.checkStep': { input: { crisisId: ids.crisis, step: 'safety_assessment' } },
    'crises.addContact': { input: { crisisId: ids.crisis, party: 'guardian', name: '张父', phone: '13700000000' } },
    'crises.resolve': { input: { crisisId: ids.crisis, outcome: 'stabilized', outcomeNote: '已稳定', followUpPlan: '回访' } },
    'referrals.create': { input: { clientId: ids.client, caseId: ids.case, target: 'mental_health_centre', reason: '就医评估', sentOn: '2026-11-20' } },
    'referrals.update': { input: { id: ids.referral, status: 'received', on: '2026-11-21' } },
    'referrals.list': { input: { clientId: ids.client } },
    'attachments.add': { input: { ownerType: 'case', ownerId: ids.case, fileName: 'x.png', mime: 'image/png', dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64') } },
    'attachments.list': { input: { ownerType: 'case', ownerId: ids.case } },
    'attachments.get': { input: { id: ids.attachment } },
    'attachments.uploadBegin': { input: { ownerType: 'case', ownerId: ids.case, fileName: 'x.png', mime: 'image/png', size: 12, sha256: '0'.repeat(64) } },
    'attachments.uploadChunk': { input: { uploadId: uploadOfA, index: 0, dataBase64: Buffer.from('SCAN').toString('base64') } },
    'attachments.uploadCommit': { input: { uploadId: uploadOfA } },
    'attachments.uploadAbort': { exempt: 'an abort answers ok for any id and drops only the caller\'s own upload (attachmentUpload.test.ts proves A\'s upload survives B\'s abort)' },
    'scales.get': { exempt: '`id` is a scale of the shared library, not a record' },
    'results.submit': { input: { scaleId: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], clientId: ids.client, caseId: ids.case } },
    'results.list': { input: { clientId: ids.client } },
    'results.export': { exempt: '`scaleId` names a scale of the library; the export lists only results the caller reaches (xlsxExports.test.ts)' },
    'results.get': { input: { id: ids.result } },
    'results.linkClient': { input: { resultId: ids.result, clientId: ids.client } },
    'alerts.acknowledge': { input: { id: ids.alert, actionNote: '已处理' } },
    'screenings.get': { input: { id: ids.screening } },
    'screenings.close': { input: { id: ids.screening } },
    'screenings.export': { input: { id: ids.screening } },
    'availability.get': { exempt: 'a counsellor\'s weekly hours are the shared calendar every booking screen shows' },
    'availability.set': { input: { userId: ids.liwei, slots: [] } },
    'availability.addException': { input: { userId: ids.liwei, fromDay: '2026-12-28', toDay: '2026-12-28', kind: 'leave' } },
    'availability.removeException': { input: { id: ids.exception } },
    'appointments.list': { input: { from: '2026-12-01', to: '2026-12-31', clientId: ids.client, counsellorId: ids.liwei, roomId: ids.room } },
    'appointments.days': { input: { from: '2026-12-01', to: '2026-12-31', counsellorId: ids.liwei, roomId: ids.room }, answers: 'masked' },
    'appointments.create': { input: { ...booking, followUpId: ids.followUp } },
    'appointments.createSeries': { input: { appointment: { ...booking, start: '2026-12-09T09:00' }, everyWeeks: 1, count: 2 } },
    'appointments.move': { input: { id: ids.booking, start: '2026-12-07T14:00', roomId: ids.room, counsellorId: ids.liwei } },
    'appointments.updateSeries': { input: { id: ids.seriesBooking, scope: 'all', startTime: '15:00', durationMinutes: 50, roomId: ids.room, counsellorId: ids.liwei } },
    'appointments.cancel': { input: { id: ids.booking, reason: '改期' } },
    'appointments.setStatus': { input: { id: ids.booking, status: 'arrived' } },
    'appointments.complete': { input: { id: ids.booking, caseId: ids.case } },
    'appointments.noShows': { input: { clientId: ids.client } },
    'appointments.bookFollowUp': { input: { followUpId: ids.followUp } },
    'appointments.linkClient': { input: { id: ids.booking, clientId: ids.client } },
    'waitlist.add': { input: { clientId: ids.client, counsellorId: ids.liwei } },
    'waitlist.close': { input: { id: ids.waitlist, status: 'removed' } },
    // Not clinical: B reads the ledger entry, the roster's names only of clients B reaches (none here).
    'activities.get': { input: { id: ids.activity }, answers: 'masked' },
    'activities.update': { input: { ...activity(), id: ids.activity, theme: '改名' } },
    'activities.markDone': { input: { id: ids.activity, participantCount: 8 } },
    'activities.remove': { input: { id: ids.activity, reason: '活动取消' } },
    // Residents' names and phones: only the front desk, the 站长 and the activity's own staff.
    'activities.importSignIns': { input: { activityId: ids.activity, dataBase64: Buffer.from('not a sheet').toString('base64') } },
    'activities.signIns': { input: { id: ids.activity } },
    'activities.signInTemplate': { exempt: 'the blank sheet carries the activity\'s date and theme, which every staff role reads in the ledger' },
    // The phone rings for whoever is on duty: B may record a call from A's client, and is answered without the client.
    'calls.create': { input: { ...hotlineCall(), takenBy: ids.chen, note: '值班来电' }, answers: 'masked' },
    // One client's calls: only for those who reach the client (the client page's card).
    'calls.list': { input: { from: '2026-01-01', to: '2026-12-31', clientId: ids.client } },
    'calls.get': { input: { id: ids.call }, answers: 'masked' },
    'calls.update': { input: { ...hotlineCall(), id: ids.call } },
    'people.get': { exempt: 'the people ledger is the station\'s own team list, read by every staff role (it hangs on the wall): it holds no client' },
    // B did not attend and does not reach the linked case: the meeting without its minutes, no edit, no link to A's case.
    'meetings.get': { input: { id: ids.meeting }, answers: 'masked' },
    'meetings.update': { input: { ...caseMeeting(), id: ids.meeting, staffIds: [ids.chen] } },
    'meetings.create': { input: { ...caseMeeting(), staffIds: [ids.chen] } },
    'rules.get': { exempt: 'the station\'s rules are read by every staff role; a rule is not a record of A\'s' },
    // Visits: B records a visit of A's client (B was at the door); B reads A's visit without its observations.
    'visits.list': { input: { from: '2026-11-01', to: '2026-11-30', visitorId: ids.liwei }, answers: 'masked' },
    'visits.get': { input: { id: ids.visit }, answers: 'masked' },
    'visits.create': { input: { ...screeningVisit(), visitorIds: [ids.chen], observations: '值班走访' }, answers: 'masked' },
    'visits.update': { input: { ...screeningVisit(), id: ids.visit } },
    'visits.registerClient': { input: { visitId: ids.visit, client: adult } },
    // Duty logs are plain duty notes every staff role reads; each writes and edits only their own.
    'duty.logs': { exempt: 'a duty log is a plain duty note (值班记录, not clinical) that every staff role reads for the hand-over' },
    'duty.writeLog': { exempt: '`onDutyId` names an account, not a record: writing a log as another person is refused on that field (duty.test.ts)' },
    'duty.updateLog': { input: { ...dutyLog(), id: ids.dutyLog } },
    // Group counselling: B reads A's group (names, as the front desk does) without motives or client links, and runs none of it.
    'groups.get': { input: { id: ids.group }, answers: 'masked' },
    'groups.update': { input: { id: ids.group, name: '改名', targetGroup: '社区居民', location: '团体活动室', plannedSessions: 6, capacity: 10, leaderIds: [ids.chen] } },
    'groups.close': { input: { id: ids.group } },
    'groups.signUp': { input: { ...groupSignUp(), name: '钱七' } },
    'groups.admit': { input: { memberId: ids.groupMember, agreementSignedOn: '2026-11-10' } },
    'groups.leave': { input: { memberId: ids.groupMember, on: '2026-11-22', reason: '搬家' } },
    'groups.addSession': { input: { ...groupSession(), date: '2026-11-27' } },
    'groups.updateSession': { input: { activityId: ids.groupSession, date: '2026-11-20', startTime: '14:00', endTime: '15:30', theme: '改名' } },
    'groups.removeSession': { input: { activityId: ids.groupSession, reason: '活动取消' } },
    'groups.recordAttendance': { input: { activityId: ids.groupSession, attendance: [{ memberId: ids.groupMember, status: 'absent' }] } },
    'groups.addFeedback': { input: { activityId: ids.groupSession, satisfaction: 1, helpfulness: 1, atmosphere: 1, recommend: false } },
    'groups.removeFeedback': { input: { id: ids.groupFeedback } },
    'groups.feedback': { input: { activityId: ids.groupSession } },
    'calls.openCrisis': { exempt: 'like crises.open: any counsellor present opens the crisis of a 高危 call, without its note (CallsService)' },
    // Knowledge surveys hold anonymous answers to a quiz: every staff role reads them and enters paper responses;
    // only the 站长 and the survey's own counsellor change it, and a response goes by whoever typed it or them.
    'surveys.questionnaire': { exempt: '`id` names a questionnaire of the shipped library, not a record' },
    'surveys.list': { exempt: '`activityId` filters the station\'s ledger, which every staff role reads; a survey holds no client' },
    'surveys.get': { exempt: 'a survey\'s results are anonymous counts every staff role reads (surveys.test.ts)' },
    'surveys.create': { exempt: '`activityId` links a ledger entry every staff role reads: B may hand a questionnaire out at A\'s 讲座' },
    'surveys.addResponse': { exempt: 'anyone at the desk types in paper responses of an open survey: anonymous, not clinical (surveys.test.ts)' },
    'surveys.update': { input: { ...knowledgeSurvey(), id: ids.survey } },
    'surveys.close': { input: { id: ids.survey } },
    'surveys.reopen': { input: { id: ids.survey } },
    'surveys.remove': { input: { id: ids.survey, reason: '重复登记' } },
    'surveys.removeResponse': { input: { id: ids.surveyResponse, reason: '录入错误' } },
    // Inspections are the station's, not a counsellor's: their evaluator is the inspection's inspector or the 站长
    // (the service holds every evaluator method to them); a 整改 task goes to its owner (inspections.test.ts).
    'inspections.get': { exempt: 'an inspection is the station\'s checklist snapshot and its findings, read by every staff role' },
    'inspections.score': { exempt: 'only the inspection\'s evaluator scores: a counsellor is refused (inspections.test.ts)' },
    'inspections.addFinding': { exempt: 'only the inspection\'s evaluator writes findings (inspections.test.ts)' },
    'inspections.removeFinding': { exempt: 'only the inspection\'s evaluator removes a finding (inspections.test.ts)' },
    'inspections.conclude': { exempt: 'only the inspection\'s evaluator concludes (inspections.test.ts)' },
    'inspections.addRectification': { exempt: 'only the inspection\'s evaluator issues 整改 tasks; `assigneeId` names an account (inspections.test.ts)' },
    'inspections.submitRectification': { exempt: 'only the 站长 or the task\'s owner submits it: another counsellor is refused (inspections.test.ts)' },
    'inspections.recheck': { exempt: 'only the inspection\'s evaluator rechecks (inspections.test.ts)' },
    'inspections.sample': { exempt: 'only the inspection\'s evaluator or the 站长 samples, and a sample is metadata with names masked (inspections.test.ts)' },
    'kiosk.open': { exempt: 'any counsellor may open the kiosk on an open survey: residents answer anonymously, and the kiosk sees nothing else (kiosk.test.ts)' },
  };
};

/** Content of A's records that must never come back to B. */
const secrets = /失眠三月|睡眠差|深夜来电|就医评估|王小明|评估\.png|胜利路 8 号|13812345678|11010519491231002X|"riskLevel":"(red|yellow)"/;

describe('another counsellor\'s records, through every id-taking method (§3.7)', () => {
  it('has a row for every staff method that takes a record id, and none for one that does not', () => {
    expect(Object.keys(cases()).sort()).toEqual([...idTakingMethods].sort());
  });

  it.each(idTakingMethods)('%s on A\'s ids, called by B', async (method) => {
    const row = cases()[method];
    expect(row, `no row for ${method}`).toBeDefined();
    if (!row || 'exempt' in row) return;
    const result = await station.raw(chen, method, row.input as never);
    expect(JSON.stringify(result)).not.toMatch(secrets);
    if ('answers' in row) {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (row.answers === 'nothing' && result.ok) expect(result.value).toEqual([]);
      return;
    }
    expect(result.ok ? 'ok' : result.error.code, JSON.stringify(result)).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
  });
});
