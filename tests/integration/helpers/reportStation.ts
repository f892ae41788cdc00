import { afterAll, beforeAll } from 'vitest';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract/index.js';
import { createStaffedStation, manualClock } from './station.js';

/**
 * A station whose records for September–December 2026 are few and chosen by hand, so that every figure of the
 * periodic report (issue 14) can be counted on paper; tests/integration/reports/*.test.ts hold the counts, each with
 * the records that make it. Everything is entered through the API as the 站长, in time order: records stamped with
 * an instant (client registrations, risk grades, scale results, crises) at the instant they stand for, the ones
 * carrying a date (cases, sessions, referrals, follow-ups, ledgers) once the clock stands at 2026-12-03 10:00 Beijing.
 *
 * Instants at the month edge, in Beijing time (UTC+8):
 * - 2026-10-31T15:59Z = Oct 31 23:59 · 2026-10-31T16:00Z = Nov 1 00:00
 * - 2026-11-30T15:59Z = Nov 30 23:59 · 2026-11-30T16:00Z = Dec 1 00:00 · 2026-11-30T16:30Z = Dec 1 00:30
 */
export const reportClock = {
  start: '2026-09-10T02:00:00Z',
  octoberGrade: '2026-10-12T02:00:00Z',
  lastOfOctober: '2026-10-31T15:59:00Z',
  firstOfNovember: '2026-10-31T16:00:00Z',
  midNovember: '2026-11-10T02:00:00Z',
  lastOfNovember: '2026-11-30T15:59:00Z',
  firstOfDecember: '2026-11-30T16:00:00Z',
  halfPastMidnight: '2026-11-30T16:30:00Z',
  entry: '2026-12-03T02:00:00Z',
} as const;

type Registration = MethodInput<'clients.register'>;

/** The clients, as registered: birthdays put two of them on either side of an age band's edge on Nov 30. */
export const reportClients = {
  /** 35 on her birthday, Nov 30 (A35_59 that day, A18_34 before it); 信访人员. */
  lin: { name: '林秀英', gender: 'female', birthDate: '1991-11-30', source: 'walk_in', tags: ['petitioner'] },
  /** 34 until Dec 1 (A18_34 all November); no population tag. */
  zhou: { name: '周建国', gender: 'male', birthDate: '1991-12-01', source: 'walk_in', tags: [] },
  /** 66, 独居老人. */
  wang: { name: '王桂兰', gender: 'female', birthDate: '1960-05-01', source: 'grid_worker', tags: ['elderly_alone'] },
  /** Sex and age not recorded. */
  zhao: { name: '赵晓', gender: 'unknown', source: 'hotline', tags: [] },
  /** Registered Nov 30 23:59; 青少年. */
  li: { name: '李想', gender: 'male', birthDate: '2000-01-01', source: 'school', tags: ['youth'] },
  /** Registered Dec 1 00:00; 困难群众. */
  sun: { name: '孙丽', gender: 'female', birthDate: '1985-03-03', source: 'walk_in', tags: ['hardship'] },
} as const satisfies Record<string, Registration>;

const note = { complaint: '情绪低落，睡眠差', assessment: '轻中度情绪困扰', intervention: '倾听与情绪疏导', plan: '两周后复诊', freeText: '' };

export async function reportStation(options: { readAheadMs?: number } = {}) {
  const time = manualClock(new Date(reportClock.start));
  const setTo = (instant: string) => time.advance(Date.parse(instant) - time.clock.now().getTime());
  const station = await createStaffedStation([], { clock: time.clock, ...options });
  const admin = station.admin;
  const call = <M extends Parameters<typeof station.call>[1]>(method: M, input: MethodInput<M>) => station.call(admin, method, input);
  const adminId = (await call('users.list', {})).find((user) => user.username === 'admin')!.id;

  // Sep 10: four clients registered (SPS11B of September: 林 and 王 carry a population tag).
  const register = async (client: Registration) => (await call('clients.register', client)).id;
  const clients = { lin: await register(reportClients.lin), zhou: await register(reportClients.zhou), wang: await register(reportClients.wang), zhao: await register(reportClients.zhao), li: 0, sun: 0 };
  const grade = (clientId: number, level: 'red' | 'yellow' | 'green') => call('risk.grade', { clientId, level, reason: '评估后分级', evidence: 'disclosure' });
  const result = async (scaleId: string, answers: number[], clientId?: number) => (await call('results.submit', { scaleId, answers, ...(clientId === undefined ? {} : { clientId }) })).id;
  const crisis = async (input: MethodInput<'crises.open'>) => (await call('crises.open', input)).id;

  setTo(reportClock.octoberGrade);
  await grade(clients.wang, 'yellow');

  setTo(reportClock.lastOfOctober);
  // GAD-7 total 15: 重度, a red band (abnormal) — October's.
  const resultOct31 = await result('GAD-7', [3, 3, 3, 3, 3, 0, 0], clients.zhou);

  setTo(reportClock.firstOfNovember);
  // GAD-7 total 0: normal — November's first minute.
  const resultNov1 = await result('GAD-7', [0, 0, 0, 0, 0, 0, 0], clients.zhou);

  setTo(reportClock.midNovember);
  // PHQ-9 total 1 (a green band) but item 9 answered: abnormal by its critical item.
  const resultCritical = await result('PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1], clients.wang);
  await grade(clients.lin, 'green');
  const crisisUnknown = await crisis({ unknownPerson: '身份不明的中年男子', location: '社区广场', summary: '情绪激动，扬言轻生' });

  setTo(reportClock.lastOfNovember);
  // PHQ-9 total 12: 中度, a yellow band (abnormal), anonymous.
  const resultNov30 = await result('PHQ-9', [2, 2, 2, 2, 2, 1, 1, 0, 0]);
  // Opening a crisis for a client grades them red at that instant: 周 is red on Nov 30.
  const crisisNov30 = await crisis({ clientId: clients.zhou, location: '来访者家中', summary: '与家人争吵后有自伤言语' });
  clients.li = await register(reportClients.li);

  setTo(reportClock.firstOfDecember);
  const resultDec1 = await result('GAD-7', [0, 0, 0, 0, 0, 0, 0], clients.lin);
  const crisisDec1 = await crisis({ clientId: clients.zhao, location: '站内', summary: '惊恐发作，过度换气' });
  clients.sun = await register(reportClients.sun);

  setTo(reportClock.halfPastMidnight);
  await grade(clients.wang, 'red');

  setTo(reportClock.entry);
  await call('crises.resolve', { crisisId: crisisNov30, outcome: 'family_pickup', outcomeNote: '家属到场后情绪平复', followUpPlan: '三日内电话随访' });
  await call('crises.resolve', { crisisId: crisisDec1, outcome: 'stabilized', outcomeNote: '呼吸训练后缓解', followUpPlan: '一周后复诊' });

  // Cases and their one-to-one sessions (drafts are records too).
  const openCase = async (clientId: number, problemCategories: string[], openedOn: string) => (await call('cases.open', { clientId, problemCategories, reason: '来访求助', openedOn })).id;
  const session = async (caseId: number, heldOn: string, modality: MethodInput<'sessions.saveDraft'>['modality']) =>
    (await call('sessions.saveDraft', { caseId, heldOn, startTime: '10:00', durationMinutes: 50, modality, kind: 'follow_up_session', note })).id;
  const close = (id: number, closedOn: string) => call('cases.close', { id, reason: '目标达成', closedOn });

  const cases = {
    zhaoSep: await openCase(clients.zhao, ['emotion'], '2026-09-15'),
    linOct: await openCase(clients.lin, ['emotion'], '2026-10-15'),
    zhouNov: await openCase(clients.zhou, ['family'], '2026-11-01'),
    wangNov: await openCase(clients.wang, ['dispute'], '2026-11-05'),
    liDec: 0,
    zhouDec: 0,
  };
  const sessions = {
    zhaoSep20: await session(cases.zhaoSep, '2026-09-20', 'in_person'),
    linOct31: await session(cases.linOct, '2026-10-31', 'in_person'),
    zhouNov1: await session(cases.zhouNov, '2026-11-01', 'in_person'),
    wangNov6: await session(cases.wangNov, '2026-11-06', 'home_visit'),
    wangNov20: await session(cases.wangNov, '2026-11-20', 'in_person'),
    wangNov27Group: await session(cases.wangNov, '2026-11-27', 'group'),
    linNov30: await session(cases.linOct, '2026-11-30', 'phone'),
    zhouNov30: await session(cases.zhouNov, '2026-11-30', 'online'),
    linDec1: await session(cases.linOct, '2026-12-01', 'in_person'),
  };
  await close(cases.zhaoSep, '2026-10-20');
  await close(cases.zhouNov, '2026-11-30');
  await close(cases.wangNov, '2026-12-01');
  cases.liDec = await openCase(clients.li, ['study'], '2026-12-02');
  cases.zhouDec = await openCase(clients.zhou, ['family'], '2026-12-02');

  // Referrals: receipt, feedback (a receipt too), refusal, none; one from October received in November.
  const refer = async (clientId: number, target: string, sentOn: string) => (await call('referrals.create', { clientId, target, reason: '需专科评估', sentOn })).id;
  const referrals = {
    wangPsych: await refer(clients.wang, 'mental_health_centre', '2026-11-05'),
    linHealth: await refer(clients.lin, 'community_health', '2026-11-30'),
    zhouLegalOct: await refer(clients.zhou, 'legal_aid', '2026-10-31'),
    zhouCivil: await refer(clients.zhou, 'civil_affairs', '2026-11-20'),
    wangHospital: await refer(clients.wang, 'hospital_psychology', '2026-11-12'),
    linSchoolDec: await refer(clients.lin, 'school', '2026-12-01'),
  };
  await call('referrals.update', { id: referrals.wangPsych, status: 'received', on: '2026-11-08' });
  await call('referrals.update', { id: referrals.zhouLegalOct, status: 'received', on: '2026-11-02' });
  await call('referrals.update', { id: referrals.zhouCivil, status: 'not_received', on: '2026-11-25', reason: '不在服务范围' });
  await call('referrals.update', { id: referrals.wangHospital, status: 'feedback', on: '2026-11-18', feedback: '已接诊，建议药物治疗' });

  // Follow-ups: each done one re-grades (at the clock's instant, Dec 3) and schedules the next.
  const due = async (clientId: number) => (await call('followUps.list', { scope: 'client', clientId })).find((item) => item.status === 'due')!.id;
  const followUp = async (clientId: number, doneOn: string, method: MethodInput<'followUps.record'>['method'], reassessedLevel: 'red' | 'yellow' | 'green') => {
    const followUpId = await due(clientId);
    await call('followUps.record', { followUpId, doneOn, method, findings: '情况稳定，继续观察', reassessedLevel });
    return followUpId;
  };
  const followUps = {
    linNov20: await followUp(clients.lin, '2026-11-20', 'phone', 'green'),
    linNov25: await followUp(clients.lin, '2026-11-25', 'video', 'yellow'),
    linDec1: await followUp(clients.lin, '2026-12-01', 'home_visit', 'yellow'),
    zhouNov30: await followUp(clients.zhou, '2026-11-30', 'visit', 'red'),
  };

  // The hotline ledger (a call is kept three years, so none is removed here).
  const callOn = async (date: string, problemType: string, flags: Partial<Pick<MethodInput<'calls.create'>, 'highRisk' | 'difficult' | 'repeatCaller'>>) =>
    (await call('calls.create', { date, startTime: '20:00', durationMinutes: 20, takenBy: adminId, callerType: 'self', problemType, outcome: 'counselled', ...flags })).id;
  const calls = {
    nov1: await callOn('2026-11-01', 'emotion', { highRisk: true }),
    nov30: await callOn('2026-11-30', 'family', { highRisk: true, difficult: true }),
    nov15: await callOn('2026-11-15', 'emotion', { repeatCaller: true }),
    oct31: await callOn('2026-10-31', 'emotion', { highRisk: true }),
    dec1: await callOn('2026-12-01', 'family', { highRisk: true }),
  };

  // The people ledger: a full-timer, a part-timer at half a post, a volunteer, one who left on Nov 30, one who came on Dec 1.
  const person = async (input: MethodInput<'people.create'>) => (await call('people.create', input)).id;
  const people = {
    fulltime: await person({ name: '陈静', employment: 'fulltime', joinedOn: '2025-01-01' }),
    parttime: await person({ name: '刘洋', employment: 'parttime', fte: 0.5, joinedOn: '2026-03-01' }),
    volunteer: await person({ name: '吴敏', employment: 'volunteer', joinedOn: '2026-06-01' }),
    leftNov30: await person({ name: '郑强', employment: 'parttime', fte: 0.3, joinedOn: '2026-01-01', leftOn: '2026-11-30' }),
    cameDec1: await person({ name: '冯雪', employment: 'fulltime', joinedOn: '2026-12-01' }),
  };
  await call('people.saveQualification', { personId: people.fulltime, kind: 'counsellor' });
  await call('people.saveQualification', { personId: people.parttime, kind: 'social_worker', issuedOn: '2023-12-01', expiresOn: '2026-11-30' });
  const training = (personId: number, kind: 'training' | 'supervision', date: string, hours: number) => call('people.addTraining', { personId, kind, date, topic: '危机干预实务', hours });
  await training(people.fulltime, 'training', '2026-11-10', 6);
  await training(people.parttime, 'supervision', '2026-11-30', 2);
  await training(people.fulltime, 'training', '2026-12-01', 3);
  await training(people.parttime, 'training', '2026-10-31', 1.5);
  const served = (date: string, hours: number) => call('people.addServiceHours', { personId: people.volunteer, date, hours });
  await served('2026-11-01', 2);
  await served('2026-11-20', 3.5);
  await served('2026-10-31', 4);

  // Meetings; one November meeting is removed.
  const meeting = async (kind: string, date: string, startTime = '14:00', endTime = '15:00') =>
    (await call('meetings.create', { kind, date, startTime, endTime, location: '站内会议室', staffIds: [adminId], agenda: '工作部署', minutes: '会议讨论并部署了本月工作。' })).id;
  const meetings = {
    leadingNov3: await meeting('leading_group', '2026-11-03'),
    jointNov30: await meeting('joint', '2026-11-30'),
    staffNov30: await meeting('staff', '2026-11-30', '16:00', '17:00'),
    staffOct31: await meeting('staff', '2026-10-31'),
    supervisionDec1: await meeting('supervision', '2026-12-01'),
    trainingNov12: await meeting('training', '2026-11-12'),
    removed: await meeting('staff', '2026-11-20'),
  };
  await call('meetings.remove', { id: meetings.removed, reason: '误录' });

  // The activities ledger: done ones count, planned ones do not.
  const activity = async (input: Partial<MethodInput<'activities.create'>> & Pick<MethodInput<'activities.create'>, 'type' | 'date' | 'status'>) =>
    (await call('activities.create', { theme: '心理健康宣传', startTime: '09:00', endTime: '11:00', location: '社区活动中心', staffIds: [adminId], ...input })).id;
  const activities = {
    lectureNov20: await activity({ type: 'lecture', date: '2026-11-20', status: 'done', participantCount: 120, outreachTargets: ['school'] }),
    onlineNov10: await activity({ type: 'online_post', date: '2026-11-10', status: 'done', participantCount: 0, outputs: { onlineReach: 500, onlineReachEstimated: true } }),
    publicityNov29: await activity({ type: 'publicity', date: '2026-11-29', status: 'planned', outreachTargets: ['community'] }),
    deskNov25: await activity({ type: 'consult_desk', date: '2026-11-25', status: 'planned' }),
    lectureDec1: await activity({ type: 'lecture', date: '2026-12-01', status: 'done', participantCount: 30, outreachTargets: ['enterprise'] }),
    lectureOct31: await activity({ type: 'lecture', date: '2026-10-31', status: 'done', participantCount: 50, outreachTargets: ['school'] }),
  };
  await call('activities.markDone', { id: activities.publicityNov29, participantCount: 40 });

  // A counselling group: three meetings with both members present, and their feedback forms.
  const group = await call('groups.create', { name: '情绪管理成长小组', targetGroup: '社区居民', goals: '学会情绪调节', location: '团体辅导室', plannedSessions: 4, capacity: 3, leaderIds: [adminId] });
  for (const name of ['甲组员', '乙组员']) await call('groups.signUp', { groupId: group.id, name, gender: 'female', age: 40, phone: '', signedUpOn: '2026-11-02', motive: '' });
  const members = (await call('groups.get', { id: group.id })).members;
  for (const member of members) await call('groups.admit', { memberId: member.id, agreementSignedOn: '2026-11-05' });
  const groupMeeting = async (date: string, satisfactions: number[]) => {
    const before = new Set((await call('groups.get', { id: group.id })).sessions.map((item) => item.activityId));
    const added = (await call('groups.addSession', { groupId: group.id, date, startTime: '15:00', endTime: '16:30', theme: '情绪觉察' })).sessions.find((item) => !before.has(item.activityId))!;
    await call('groups.recordAttendance', { activityId: added.activityId, attendance: members.map((member) => ({ memberId: member.id, status: 'present' as const })) });
    for (const satisfaction of satisfactions) await call('groups.addFeedback', { activityId: added.activityId, satisfaction, helpfulness: 4, atmosphere: 4, recommend: true, comment: '' });
    return added.activityId;
  };
  const groupMeetings = { nov16: await groupMeeting('2026-11-16', [5, 3]), nov30: await groupMeeting('2026-11-30', [4]), dec1: await groupMeeting('2026-12-01', [5]) };

  return {
    station,
    time,
    setTo,
    adminId,
    clients,
    cases,
    sessions,
    results: { resultOct31, resultNov1, resultCritical, resultNov30, resultDec1 },
    crises: { crisisUnknown, crisisNov30, crisisDec1 },
    referrals,
    followUps,
    calls,
    people,
    meetings,
    activities,
    groupMeetings,
    dispose: station.dispose,
  };
}

type ReportSetup = Awaited<ReturnType<typeof reportStation>>;

/**
 * One report station for a test file, built before its tests with the previews of these periods and disposed after
 * them: `const report = reportPreviews(['2026-11']);` then `report.total('SPS01', '2026-11')` inside a test.
 */
export function reportPreviews(periods: readonly string[]) {
  let setup: ReportSetup | undefined;
  const views = new Map<string, MethodOutput<'reports.preview'>>();
  beforeAll(async () => {
    setup = await reportStation();
    for (const period of periods) views.set(period, await setup.station.call(setup.station.admin, 'reports.preview', { period }));
  });
  afterAll(() => setup?.dispose());
  const view = (period: string) => views.get(period)!;
  const figure = (code: string, period: string) => view(period).figures[code]!;
  return { setup: () => setup!, view, figure, total: (code: string, period: string) => figure(code, period).total };
}
