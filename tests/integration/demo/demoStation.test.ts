import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { crisisSteps } from '../../../shared/api/schemas/crises.js';
import { addDays, localDay } from '../../../shared/domain/dates.js';
import { weekdayOf } from '../../../shared/domain/localTime.js';
import { ageOn } from '../../../shared/domain/idNumber.js';
import { createCore } from '../../../electron/core/createCore.js';
import type { Db } from '../../../electron/core/db/driver.js';
import { openEncryptedDatabase } from '../../../electron/core/db/openDatabase.js';
import { databaseFileName } from '../../../electron/core/paths.js';
import { clinicalColumns, decryptText } from '../../../electron/core/repositories/clinicalFields.js';
import { readSettings } from '../../../electron/core/repositories/settingsRepo.js';
import { dayFacts } from '../../../electron/core/services/appointments/calendar.js';
import { createBenchStation } from '../../../electron/core/services/demo/benchStation.js';
import { openDemoDatabase } from '../helpers/demoDatabase.js';
import { databaseKeyOf, manualClock, stationInput, tempDir } from '../helpers/station.js';

/**
 * The demo is what every new station sees first, so its records must read as a real station's: tags,
 * complaints and grades that fit each client's age and gender and each other, and times in the order
 * things happen. The rules here are written from the domain, not from the generator's tables, and
 * are checked over every record the demo writes.
 */

/** A Wednesday afternoon in Beijing: some of today's sessions are over, some are still to come. */
const now = new Date('2026-11-25T06:10:00Z');
const today = localDay(now);

async function seededDemo(): Promise<Db> {
  const dataDir = tempDir('xinyi-demo-');
  const core = createCore({ dataDir, idleCheckMs: 0, backupCheckMs: 0, clock: manualClock(now).clock });
  try {
    await core.seedDemo();
  } finally {
    core.close();
  }
  return openDemoDatabase(dataDir);
}

const rows = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

/** A wall-clock time at the station (tests run on Beijing time) as an instant. */
const instantOf = (day: string, time: string) => new Date(`${day}T${time}:00`).getTime();
const ms = (iso: string) => new Date(iso).getTime();
const dayOf = (iso: string) => localDay(new Date(iso));

type Client = { id: number; name: string; gender: string; birth_date: string; created_at: string; risk_level: string | null; tags: string | null; guardian_name: string };
type Case = { id: number; client_id: number; counsellor_id: number; status: string; opened_on: string; closed_on: string | null; open_reason: string; created_at: string; problems: string | null };
type Session = {
  id: number;
  case_id: number;
  counsellor_id: number;
  held_on: string;
  start_time: string;
  duration_minutes: number;
  kind: string;
  complaint: string;
  assessment: string;
  plan: string;
  signed_at: string | null;
  created_at: string;
};
type Grade = { id: number; client_id: number; level: string; reason: string; evidence: string; graded_at: string };
type FollowUp = { id: number; client_id: number; due_on: string; level: string; status: string; done_on: string | null; findings: string; reassessed_level: string | null };

/**
 * Texts that only fit some ages or one gender: [what to look for, who it may be said of]. School
 * words said about 孩子 are a parent's worry, not the client's own schooling.
 */
const textFits: ReadonlyArray<readonly [RegExp, (age: number, gender: string) => boolean, string]> = [
  [/^(?!.*孩子).*(考试|学业|作业|老师|同学|校园|上学|升学|中考|高考)/, (age) => age >= 6 && age < 25, 'school'],
  [/孩子|子女|亲子|育儿/, (age) => age >= 22, 'a parent'],
  [/丧偶|老伴|退休|空巢|独居/, (age) => age >= 50, 'old age'],
  [/工作|职场|上司|同事|失业|下岗/, (age) => age >= 18 && age < 70, 'working age'],
  [/孕|产后|分娩|哺乳/, (age, gender) => gender === 'female' && age >= 15 && age < 50, 'childbearing'],
  [/丈夫|妻子|婚姻|离婚|配偶|夫妻/, (age) => age >= 20, 'married age'],
];

/** A red grade's reason speaks of risk; a grade below red never says there is none when it is red, and green never alarms. */
const deniesRisk = /无(自伤|自杀|消极|轻生)|未见.{0,4}(风险|自伤|自杀)|风险(低|较低)|否认.{0,4}(自伤|自杀|消极)/;
const speaksOfRisk = /自伤|自杀|轻生|消极念头|消极想法|伤害自己|不想活|死/;

describe('the demo station', () => {
  let db: Db;
  let clients: Map<number, Client & { age: number; tagList: string[] }>;
  let cases: Case[];
  let sessions: Session[];
  let grades: Grade[];
  let followUps: FollowUp[];

  beforeAll(async () => {
    db = await seededDemo();
    clients = new Map(
      rows<Client>(db, `SELECT c.*, (SELECT group_concat(tag) FROM client_tags t WHERE t.client_id = c.id) AS tags FROM clients c`).map((client) => [
        client.id,
        { ...client, age: ageOn(client.birth_date, today), tagList: client.tags ? client.tags.split(',') : [] },
      ]),
    );
    cases = rows<Case>(db, `SELECT c.*, (SELECT group_concat(category) FROM case_problems p WHERE p.case_id = c.id) AS problems FROM cases c`).map((item) => ({
      ...item,
      open_reason: item.open_reason,
    }));
    sessions = rows<Session>(db, 'SELECT * FROM counselling_sessions').map((session) => ({
      ...session,
      complaint: decryptText(db, 'counselling_sessions', 'complaint', session.id, session.complaint),
      assessment: decryptText(db, 'counselling_sessions', 'assessment', session.id, session.assessment),
      plan: decryptText(db, 'counselling_sessions', 'plan', session.id, session.plan),
    }));
    grades = rows<Grade>(db, 'SELECT * FROM risk_grades ORDER BY graded_at, id').map((grade) => ({ ...grade, reason: decryptText(db, 'risk_grades', 'reason', grade.id, grade.reason) }));
    followUps = rows<FollowUp>(db, 'SELECT * FROM follow_ups ORDER BY id').map((item) => ({ ...item, findings: decryptText(db, 'follow_ups', 'findings', item.id, item.findings) }));
  }, 180_000);

  afterAll(() => db?.close());

  const clientOf = (id: number) => clients.get(id)!;
  const caseOf = (id: number) => cases.find((item) => item.id === id)!;

  it('fills every part of a station: clients, cases, signed and draft notes, all three colours, follow-ups, crises, referrals, scale results', () => {
    expect(clients.size).toBeGreaterThanOrEqual(300);
    expect(cases.length).toBeGreaterThan(100);
    expect(sessions.some((session) => session.signed_at === null)).toBe(true);
    expect(new Set(grades.map((grade) => grade.level))).toEqual(new Set(['red', 'yellow', 'green']));
    expect(followUps.some((item) => item.status === 'done')).toBe(true);
    // The follow-up lists (and the e2e tests that work them) need some overdue and some coming up.
    expect(followUps.some((item) => item.status === 'due' && item.due_on < today)).toBe(true);
    expect(followUps.some((item) => item.status === 'due' && item.due_on >= today)).toBe(true);
    for (const table of ['crises', 'referrals', 'scale_results', 'alerts', 'appointments']) {
      expect({ table, rows: rows<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0]!.n > 0 }).toEqual({ table, rows: true });
    }
  });

  it('gives population tags only to those they describe', () => {
    const wrong: string[] = [];
    for (const client of clients.values()) {
      const { age, gender } = client;
      for (const tag of client.tagList) {
        const fits =
          tag === 'perinatal' ? gender === 'female' && age >= 15 && age <= 49
          : tag === 'youth' || tag === 'left_behind_child' ? age < 18
          : tag.startsWith('elderly') ? age >= 60
          : ['community_correction', 'released', 'sanshi_yipian', 'petitioner', 'dispute_party', 'domestic_violence', 'severe_mental_family', 'hardship'].includes(tag) ? age >= 18
          : true;
        if (!fits) wrong.push(`${client.name} (${gender}, ${age}): ${tag}`);
      }
      // A minor is registered with a guardian; an adult is not.
      if ((age < 18) !== (client.guardian_name !== '')) wrong.push(`${client.name} (${age}): guardian "${client.guardian_name}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes complaints, assessments and plans that fit the client’s age and gender', () => {
    const wrong: string[] = [];
    const check = (clientId: number, text: string, where: string) => {
      const { age, gender, name } = clientOf(clientId);
      for (const [pattern, fits, what] of textFits) {
        if (pattern.test(text) && !fits(age, gender)) wrong.push(`${where} of ${name} (${gender}, ${age}) speaks of ${what}: ${text}`);
      }
    };
    for (const item of cases) check(item.client_id, item.open_reason, 'case reason');
    for (const session of sessions) {
      const { client_id } = caseOf(session.case_id);
      check(client_id, `${session.complaint} ${session.assessment} ${session.plan}`, 'session note');
    }
    // Problem categories follow age too: 学业压力 for pupils and students, 职场压力 for those of working age.
    for (const item of cases) {
      const { age, name } = clientOf(item.client_id);
      const problems = item.problems?.split(',') ?? [];
      if (problems.includes('study') && age >= 25) wrong.push(`case of ${name} (${age}): study`);
      if (problems.includes('work') && (age < 18 || age >= 70)) wrong.push(`case of ${name} (${age}): work`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps a case’s notes in the order they happened: held within the case, signed after the session ended', () => {
    const wrong: string[] = [];
    const nowMs = now.getTime();
    for (const session of sessions) {
      const item = caseOf(session.case_id);
      const start = instantOf(session.held_on, session.start_time);
      const end = start + session.duration_minutes * 60_000;
      const label = `session ${session.id} (${session.held_on} ${session.start_time})`;
      if (session.held_on < item.opened_on) wrong.push(`${label} before its case opened ${item.opened_on}`);
      if (item.closed_on && session.held_on > item.closed_on) wrong.push(`${label} after its case closed ${item.closed_on}`);
      if (end > nowMs) wrong.push(`${label} has not ended yet`);
      if (session.signed_at && ms(session.signed_at) < end) wrong.push(`${label} signed ${session.signed_at} before it ended`);
      if (session.signed_at && ms(session.signed_at) > nowMs) wrong.push(`${label} signed in the future`);
      if (ms(session.created_at) < start) wrong.push(`${label} written ${session.created_at} before it began`);
    }
    for (const addendum of rows<{ id: number; session_id: number; signed_at: string }>(db, 'SELECT * FROM session_addenda')) {
      const session = sessions.find((item) => item.id === addendum.session_id)!;
      if (!session.signed_at || ms(addendum.signed_at) <= ms(session.signed_at)) wrong.push(`addendum ${addendum.id} not after its note was signed`);
    }
    // One intake per case, and it is the first session.
    for (const item of cases) {
      const own = sessions.filter((session) => session.case_id === item.id).sort((a, b) => instantOf(a.held_on, a.start_time) - instantOf(b.held_on, b.start_time));
      if (own.filter((session) => session.kind === 'intake').length > 1 || (own[0] && own[0].kind !== 'intake')) wrong.push(`case ${item.id}: intake is not the first session`);
      if (item.closed_on && (item.closed_on > today || item.closed_on < item.opened_on)) wrong.push(`case ${item.id} closed ${item.closed_on}`);
      if (item.opened_on > today) wrong.push(`case ${item.id} opens in the future`);
      if (dayOf(clientOf(item.client_id).created_at) > item.opened_on) wrong.push(`case ${item.id} opened before its client was registered`);
    }
    // A counsellor holds one session at a time.
    for (const counsellorId of new Set(sessions.map((session) => session.counsellor_id))) {
      const own = sessions.filter((session) => session.counsellor_id === counsellorId);
      const spans = own.map((session) => [instantOf(session.held_on, session.start_time), session.duration_minutes * 60_000, session.id] as const).sort((a, b) => a[0] - b[0]);
      for (let index = 1; index < spans.length; index += 1) {
        const [start, length, id] = spans[index - 1]!;
        if (start + length > spans[index]![0]) wrong.push(`sessions ${id} and ${spans[index]![2]} overlap`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('records consent before the service it covers', () => {
    const wrong: string[] = [];
    const consents = rows<{ client_id: number; kind: string; signed_on: string }>(db, 'SELECT * FROM consents');
    for (const consent of consents) {
      const client = clientOf(consent.client_id);
      if (consent.signed_on > today || consent.signed_on < dayOf(client.created_at)) wrong.push(`consent of ${client.name} signed ${consent.signed_on}`);
      if (consent.kind === 'guardian' && client.age >= 18) wrong.push(`guardian consent for adult ${client.name}`);
      if (consent.kind === 'service' && client.age < 18) wrong.push(`own consent for minor ${client.name}`);
    }
    for (const item of cases) {
      const first = consents.filter((consent) => consent.client_id === item.client_id && consent.kind !== 'sharing').map((consent) => consent.signed_on).sort()[0];
      if (!first || first > item.opened_on) wrong.push(`case ${item.id} opened ${item.opened_on} without consent (${first ?? 'none'})`);
    }
    expect(wrong).toEqual([]);
  });

  it('grades with reasons that fit the colour, after the case opened, and keeps the client’s colour and follow-ups in step', () => {
    const wrong: string[] = [];
    for (const grade of grades) {
      const client = clientOf(grade.client_id);
      const opened = cases.filter((item) => item.client_id === grade.client_id).map((item) => item.opened_on).sort()[0];
      const label = `${grade.level} grade of ${client.name} (${grade.reason})`;
      if (!opened || dayOf(grade.graded_at) < opened) wrong.push(`${label} before any case opened`);
      if (ms(grade.graded_at) > now.getTime()) wrong.push(`${label} in the future`);
      if (grade.level === 'red' && (deniesRisk.test(grade.reason) || !speaksOfRisk.test(grade.reason))) wrong.push(`${label}: red without risk`);
      if (grade.level !== 'red' && deniesRisk.test(grade.reason) === false && /自伤念头|自杀念头|轻生/.test(grade.reason)) wrong.push(`${label}: risk below red`);
    }
    const followUpDays = readSettings(db).followUpDays;
    for (const client of clients.values()) {
      const own = grades.filter((grade) => grade.client_id === client.id);
      const latest = own.at(-1);
      if (client.risk_level !== (latest?.level ?? null)) wrong.push(`${client.name} shows ${client.risk_level}, last graded ${latest?.level}`);
      const pending = followUps.filter((item) => item.client_id === client.id && item.status === 'due');
      if (latest && (pending.length !== 1 || pending[0]!.level !== latest.level || pending[0]!.due_on !== addDays(dayOf(latest.graded_at), followUpDays[latest.level as 'red']))) {
        wrong.push(`${client.name}: pending follow-up ${JSON.stringify(pending)} does not follow the last grade ${latest.level} ${latest.graded_at}`);
      }
      if (!latest && pending.length > 0) wrong.push(`${client.name}: follow-up without a grade`);
    }
    for (const item of followUps.filter((followUp) => followUp.status === 'done')) {
      const earlier = grades.filter((grade) => grade.client_id === item.client_id && dayOf(grade.graded_at) < item.due_on).at(-1);
      if (!earlier) wrong.push(`follow-up ${item.id} done without an earlier grade`);
      else if (item.done_on! < dayOf(earlier.graded_at) || item.done_on! > today) wrong.push(`follow-up ${item.id} done ${item.done_on}, graded ${earlier.graded_at}`);
      // Recording a follow-up re-grades the client that day, as the service does.
      const regrade = grades.find((grade) => grade.client_id === item.client_id && grade.evidence === 'follow_up' && dayOf(grade.graded_at) === item.done_on);
      if (!regrade || regrade.level !== item.reassessed_level) wrong.push(`follow-up ${item.id} re-assessed ${item.reassessed_level} without that grade`);
      if (item.reassessed_level === 'red' && deniesRisk.test(item.findings)) wrong.push(`follow-up ${item.id} red but "${item.findings}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('backs a grade made on a scale with a PHQ-9 result of that colour, alerting on the critical ones', () => {
    const wrong: string[] = [];
    const results = rows<{ id: number; client_id: number; scale_id: string; total: number; critical: number; answers: string; completed_at: string }>(db, 'SELECT * FROM scale_results').map(
      (result) => ({ ...result, answers: JSON.parse(decryptText(db, 'scale_results', 'answers', result.id, result.answers)) as number[] }),
    );
    const alerts = rows<{ result_id: number; raised_at: string; acknowledged_at: string | null }>(db, 'SELECT * FROM alerts');
    for (const grade of grades.filter((item) => item.evidence === 'scale')) {
      const result = results.find((item) => item.client_id === grade.client_id && item.scale_id === 'PHQ-9' && dayOf(item.completed_at) === dayOf(grade.graded_at));
      if (!result) {
        wrong.push(`scale grade ${grade.id} without a PHQ-9 that day`);
        continue;
      }
      const item9 = result.answers[8]!;
      const fits = grade.level === 'red' ? result.total >= 20 || item9 > 0 : grade.level === 'yellow' ? result.total >= 10 && result.total < 20 && item9 === 0 : result.total < 10 && item9 === 0;
      if (!fits) wrong.push(`${grade.level} grade on PHQ-9 ${result.total} (item 9: ${item9})`);
      if (ms(result.completed_at) > ms(grade.graded_at)) wrong.push(`grade ${grade.id} before its PHQ-9`);
    }
    for (const result of results) {
      if (result.answers.reduce((sum, answer) => sum + answer, 0) !== result.total) wrong.push(`result ${result.id} total ${result.total} is not its answers' sum`);
      const alert = alerts.find((item) => item.result_id === result.id);
      if (Boolean(result.critical) !== Boolean(alert)) wrong.push(`result ${result.id} critical ${result.critical} with alert ${JSON.stringify(alert)}`);
      if (alert && (alert.raised_at !== result.completed_at || (alert.acknowledged_at && ms(alert.acknowledged_at) < ms(alert.raised_at)))) wrong.push(`alert of result ${result.id} out of order`);
    }
    expect(wrong).toEqual([]);
  });

  it('works through a crisis in protocol order, after the case opened, and grades the client red', () => {
    const wrong: string[] = [];
    const crises = rows<{ id: number; client_id: number | null; started_at: string; resolved_at: string | null }>(db, 'SELECT * FROM crises');
    const steps = rows<{ crisis_id: number; step: (typeof crisisSteps)[number]; done_at: string }>(db, 'SELECT * FROM crisis_steps');
    const contacts = rows<{ crisis_id: number; contacted_at: string }>(db, 'SELECT * FROM crisis_contacts');
    // A stranger's crisis (a 高危 hotline caller) has no case nor grade before it; the calls check covers it.
    for (const crisis of crises.filter((item) => item.client_id !== null)) {
      const opened = cases.filter((item) => item.client_id === crisis.client_id).map((item) => item.opened_on).sort()[0];
      if (!opened || dayOf(crisis.started_at) < opened) wrong.push(`crisis ${crisis.id} before the case opened`);
      const own = steps.filter((step) => step.crisis_id === crisis.id).sort((a, b) => crisisSteps.indexOf(a.step) - crisisSteps.indexOf(b.step));
      let last = ms(crisis.started_at);
      for (const step of own) {
        if (ms(step.done_at) < last) wrong.push(`crisis ${crisis.id}: ${step.step} at ${step.done_at} out of order`);
        last = Math.max(last, ms(step.done_at));
      }
      for (const contact of contacts.filter((item) => item.crisis_id === crisis.id)) {
        if (ms(contact.contacted_at) < ms(crisis.started_at)) wrong.push(`crisis ${crisis.id}: contact before it started`);
      }
      if (crisis.resolved_at && (ms(crisis.resolved_at) < last || ms(crisis.resolved_at) > now.getTime())) wrong.push(`crisis ${crisis.id} resolved ${crisis.resolved_at} out of order`);
      if (!grades.some((grade) => grade.client_id === crisis.client_id && grade.level === 'red' && ms(grade.graded_at) >= ms(crisis.started_at))) wrong.push(`crisis ${crisis.id} without a red grade`);
    }
    expect(wrong).toEqual([]);
  });

  it('sends referrals while the case is open, with consent to share first, and receives them after they were sent', () => {
    const wrong: string[] = [];
    const referrals = rows<{ id: number; client_id: number; case_id: number; sent_on: string; received_on: string | null; feedback_on: string | null }>(db, 'SELECT * FROM referrals');
    const sharing = rows<{ client_id: number; signed_on: string }>(db, "SELECT * FROM consents WHERE kind = 'sharing'");
    for (const referral of referrals) {
      const item = caseOf(referral.case_id);
      if (referral.sent_on < item.opened_on || referral.sent_on > today || (item.closed_on && referral.sent_on > item.closed_on)) wrong.push(`referral ${referral.id} sent ${referral.sent_on} outside its case`);
      if (!sharing.some((consent) => consent.client_id === referral.client_id && consent.signed_on <= referral.sent_on && consent.signed_on >= item.opened_on)) wrong.push(`referral ${referral.id} without consent to share`);
      if (referral.received_on && (referral.received_on < referral.sent_on || referral.received_on > today)) wrong.push(`referral ${referral.id} received ${referral.received_on}`);
      if (referral.feedback_on && (referral.feedback_on < (referral.received_on ?? referral.sent_on) || referral.feedback_on > today)) wrong.push(`referral ${referral.id} feedback ${referral.feedback_on}`);
    }
    expect(wrong).toEqual([]);
  });

  it('books appointments around the sessions: a completed booking is its session, and no counsellor is in two places', () => {
    const wrong: string[] = [];
    const appointments = rows<{ id: number; client_id: number; counsellor_id: number; start_minute: number; end_minute: number; status: string; session_id: number | null }>(
      db,
      "SELECT * FROM appointments WHERE status NOT IN ('cancelled', 'no_show')",
    );
    // Station wall-clock minutes (see localTime.ts) of each session.
    const minuteOf = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`) / 60_000;
    for (const booking of appointments) {
      if (booking.status === 'completed') {
        const session = sessions.find((item) => item.id === booking.session_id);
        if (!session || minuteOf(session.held_on, session.start_time) !== booking.start_minute) wrong.push(`booking ${booking.id} completed without its session`);
        continue;
      }
      for (const session of sessions.filter((item) => item.counsellor_id === booking.counsellor_id)) {
        const start = minuteOf(session.held_on, session.start_time);
        if (start < booking.end_minute && booking.start_minute < start + session.duration_minutes) wrong.push(`booking ${booking.id} overlaps session ${session.id}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps a year of the activities ledger: held ones in the past with their counts, plans ahead, "五进" all reached, the mental-health days marked', () => {
    type Activity = { id: number; type: string; held_on: string; start_time: string; status: string; participant_count: number | null; online_reach: number | null; online_reach_estimated: number };
    const activities = rows<Activity>(db, 'SELECT * FROM activities WHERE removed_at IS NULL ORDER BY held_on');
    const wrong: string[] = [];
    for (const item of activities) {
      if (item.status === 'done' && item.held_on >= today) wrong.push(`activity ${item.id} held on ${item.held_on}, not before today`);
      if (item.status === 'planned' && item.held_on < today) wrong.push(`activity ${item.id} still planned on ${item.held_on}`);
      if (item.status === 'done' && item.participant_count === null) wrong.push(`activity ${item.id} held without a count`);
      if (weekdayOf(item.held_on) > 5) wrong.push(`activity ${item.id} on a weekend`);
      if (item.type === 'online_post' && !(item.online_reach !== null && item.online_reach_estimated === 1)) wrong.push(`post ${item.id} without an estimated reach`);
    }
    expect(wrong).toEqual([]);
    // Twelve months back from today's month: every month has a lecture; plans wait ahead.
    const months = new Set(activities.filter((item) => item.type === 'lecture').map((item) => item.held_on.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(activities[0]!.held_on >= addDays(today, -366)).toBe(true);
    expect(activities.filter((item) => item.status === 'planned' && item.held_on > today).length).toBeGreaterThanOrEqual(2);
    const targets = rows<{ target: string }>(db, 'SELECT DISTINCT target FROM activity_outreach').map((row) => row.target).sort();
    expect(targets).toEqual(['community', 'enterprise', 'government', 'school', 'village']);
    const days = activities.filter((item) => item.type === 'publicity').map((item) => item.held_on.slice(5));
    expect(days.some((day) => day >= '10-10' && day <= '10-12')).toBe(true);
    // The front desk helps on those days, so it is among the staff of some activity.
    expect(rows(db, "SELECT 1 FROM activity_staff s JOIN users u ON u.id = s.user_id WHERE u.role = 'reception'").length).toBeGreaterThan(0);
  });

  it('keeps the team in the people ledger: every account a person, a certificate due for renewal, monthly supervision, volunteers at the lectures', () => {
    const accounts = rows<{ id: number }>(db, 'SELECT id FROM users');
    const linked = rows<{ user_id: number }>(db, 'SELECT user_id FROM people WHERE user_id IS NOT NULL');
    expect(linked.map((row) => row.user_id).sort()).toEqual(accounts.map((row) => row.id).sort());
    const kinds = rows<{ employment: string }>(db, 'SELECT DISTINCT employment FROM people ORDER BY 1').map((row) => row.employment);
    expect(kinds).toEqual(['fulltime', 'parttime', 'volunteer']);
    const due = rows(db, 'SELECT 1 FROM person_qualifications WHERE expires_on BETWEEN ? AND ?', today, addDays(today, 60));
    expect(due).toHaveLength(1);
    const supervisionMonths = new Set(rows<{ held_on: string }>(db, "SELECT held_on FROM person_trainings WHERE kind = 'supervision'").map((row) => row.held_on.slice(0, 7)));
    expect(supervisionMonths.size).toBeGreaterThanOrEqual(11);
    const service = rows<{ served_on: string; held_on: string; type: string }>(db, 'SELECT h.served_on, a.held_on, a.type FROM volunteer_service_hours h JOIN activities a ON a.id = h.activity_id');
    expect(service.length).toBeGreaterThanOrEqual(10);
    expect(service.filter((row) => row.served_on !== row.held_on || row.type !== 'lecture' || row.served_on > today)).toEqual([]);
  });

  it('keeps a year of meetings: monthly 例会 and 督导, a 领导小组会议 each half year, a 个案研讨 on a case, plans ahead without minutes', () => {
    type Meeting = { id: number; kind: string; held_on: string; minutes: string; case_id: number | null; decisions: number; open_late: number };
    const meetings = rows<Meeting>(
      db,
      `SELECT m.*, (SELECT count(*) FROM meeting_decisions d WHERE d.meeting_id = m.id) AS decisions,
         (SELECT count(*) FROM meeting_decisions d WHERE d.meeting_id = m.id AND d.done = 0 AND d.due_on < '${addDays(today, -60)}') AS open_late
       FROM meetings m WHERE removed_at IS NULL ORDER BY held_on`,
    );
    const wrong: string[] = [];
    for (const item of meetings) {
      if (item.held_on > today && (item.minutes !== '' || item.decisions > 0)) wrong.push(`planned meeting ${item.id} with minutes`);
      if (item.held_on <= today && item.minutes === '') wrong.push(`held meeting ${item.id} without minutes`);
      if (weekdayOf(item.held_on) > 5) wrong.push(`meeting ${item.id} on a weekend`);
    }
    expect(wrong).toEqual([]);
    const held = meetings.filter((item) => item.held_on <= today && item.held_on > addDays(today, -366));
    const monthsOf = (kind: string) => new Set(held.filter((item) => item.kind === kind).map((item) => item.held_on.slice(0, 7))).size;
    expect(monthsOf('supervision')).toBeGreaterThanOrEqual(11);
    expect(monthsOf('staff')).toBeGreaterThanOrEqual(11);
    const leading = held.filter((item) => item.kind === 'leading_group').map((item) => item.held_on);
    expect(leading).toHaveLength(2);
    expect(addDays(leading[0]!, 150) <= leading[1]!).toBe(true);
    const discussion = held.find((item) => item.kind === 'case_discussion');
    expect(discussion?.case_id).not.toBeNull();
    const discussed = caseOf(discussion!.case_id!);
    expect(discussed.opened_on <= discussion!.held_on).toBe(true);
    expect(decryptText(db, 'meetings', 'minutes', discussion!.id, discussion!.minutes)).toContain(clientOf(discussed.client_id).name);
    expect(meetings.filter((item) => item.held_on > today).length).toBeGreaterThanOrEqual(1);
    // Most decisions get done; a few stay open, none from long ago forgotten in bulk.
    expect(meetings.reduce((sum, item) => sum + item.open_late, 0)).toBeLessThan(meetings.reduce((sum, item) => sum + item.decisions, 0) / 4);
  });

  it('keeps the eight 制度 of seed 003, adopted at the station’s opening, one revised since', () => {
    type Version = { template_code: string; version_no: number; adopted_on: string };
    const versions = rows<Version>(db, 'SELECT r.template_code, v.version_no, v.adopted_on FROM rule_versions v JOIN station_rules r ON r.id = v.rule_id ORDER BY r.id, v.version_no');
    expect(new Set(versions.map((version) => version.template_code)).size).toBe(8);
    const opening = versions[0]!.adopted_on;
    expect(opening <= addDays(today, -700)).toBe(true);
    expect(opening <= rows<{ first: string }>(db, 'SELECT min(opened_on) AS first FROM cases')[0]!.first).toBe(true);
    const revised = versions.filter((version) => version.version_no === 2);
    expect(revised.map((version) => version.template_code)).toEqual(['appointment']);
    expect(revised[0]!.adopted_on > opening && revised[0]!.adopted_on < today).toBe(true);
    expect(versions.filter((version) => version.version_no === 1).every((version) => version.adopted_on === opening)).toBe(true);
  });

  it('keeps a year of the duty roster on every working day, logs for past shifts only, never one person twice at once', () => {
    type Range = { id: number; user_id: number; day: string; start_time: string; end_time: string };
    const shifts = rows<Range>(db, 'SELECT * FROM duty_shifts ORDER BY day, start_time');
    const logs = rows<Range>(db, 'SELECT * FROM duty_logs ORDER BY day, start_time');
    const wrong: string[] = [];
    for (const [name, list] of [['shift', shifts], ['log', logs]] as const) {
      list.forEach((item, index) => {
        if (item.end_time <= item.start_time) wrong.push(`${name} ${item.id} ends before it starts`);
        const clash = list.slice(index + 1).find((other) => other.user_id === item.user_id && other.day === item.day && other.start_time < item.end_time);
        if (clash) wrong.push(`${name} ${item.id} overlaps ${clash.id}`);
      });
    }
    for (const log of logs) if (log.day >= today) wrong.push(`log ${log.id} on ${log.day}, not before today`);
    expect(wrong).toEqual([]);
    // A shift on every working day of the last half year (调休 weekends too), none on a holiday or a weekend off.
    const rostered = new Set(shifts.map((item) => item.day));
    const misplaced: string[] = [];
    for (let day = addDays(today, -180); day < today; day = addDays(day, 1)) {
      const working = ['normal', 'workday'].includes(dayFacts(db, day).kind);
      if (working !== rostered.has(day)) misplaced.push(`${day} ${dayFacts(db, day).kind}`);
    }
    expect(misplaced).toEqual([]);
    expect(shifts[0]!.day >= addDays(today, -366)).toBe(true);
    // Nearly every past shift was logged; the front desk is on the roster and writes logs too.
    expect(logs.length / shifts.filter((item) => item.day < today).length).toBeGreaterThan(0.9);
    expect(rows(db, "SELECT 1 FROM duty_logs l JOIN users u ON u.id = l.user_id WHERE u.role = 'reception'").length).toBeGreaterThan(0);
  });

  it('keeps monthly 走访排查 rounds with the 网格员: households by building only, clients visited after their file was made', () => {
    type Visit = { id: number; visited_on: string; client_id: number | null; area: string; companion_roles: string; client_created: string | null };
    const visits = rows<Visit>(db, 'SELECT v.*, c.created_at AS client_created FROM screening_visits v LEFT JOIN clients c ON c.id = v.client_id ORDER BY visited_on');
    const wrong: string[] = [];
    for (const visit of visits) {
      if (visit.visited_on >= today) wrong.push(`visit ${visit.id} on ${visit.visited_on}, not before today`);
      if (!visit.companion_roles.split(',').includes('grid_worker')) wrong.push(`visit ${visit.id} without the 网格员`);
      if (visit.client_id === null && !/栋|院|组/.test(visit.area)) wrong.push(`household visit ${visit.id} without a building`);
      if (visit.client_created && dayOf(visit.client_created) >= visit.visited_on) wrong.push(`visit ${visit.id} before client ${visit.client_id} was registered`);
    }
    expect(wrong).toEqual([]);
    expect(new Set(visits.map((visit) => visit.visited_on.slice(0, 7))).size).toBeGreaterThanOrEqual(11);
    expect(visits.some((visit) => visit.client_id !== null) && visits.some((visit) => visit.client_id === null)).toBe(true);
    expect(rows(db, 'SELECT 1 FROM screening_visit_tags').length).toBe(visits.length);
  });

  it('keeps a year of 热线登记 taken on duty by the staff on the roster, known callers after their file was made, one recent 高危 call with its crisis', () => {
    type Call = { id: number; called_on: string; start_time: string; duration_minutes: number; taken_by: number; role: string; caller_type: string; high_risk: number; difficult: number; repeat_caller: number; outcome: string; client_id: number | null; client_created: string | null; crisis_id: number | null; on_duty: number };
    const calls = rows<Call>(
      db,
      `SELECT h.*, u.role, c.created_at AS client_created,
         (SELECT count(*) FROM duty_shifts s WHERE s.user_id = h.taken_by AND s.day = h.called_on AND s.start_time <= h.start_time AND s.end_time > h.start_time) AS on_duty
       FROM hotline_calls h JOIN users u ON u.id = h.taken_by LEFT JOIN clients c ON c.id = h.client_id ORDER BY h.called_on, h.start_time`,
    );
    const wrong: string[] = [];
    for (const call of calls) {
      if (call.called_on >= today || call.called_on < addDays(today, -366)) wrong.push(`call ${call.id} on ${call.called_on}, not in the past year`);
      if (call.on_duty !== 1) wrong.push(`call ${call.id} at ${call.called_on} ${call.start_time} taken by someone not on duty`);
      if (call.client_created && dayOf(call.client_created) >= call.called_on) wrong.push(`call ${call.id} from client ${call.client_id} before they were registered`);
      if ((call.crisis_id !== null) !== (call.high_risk === 1 && call.called_on >= addDays(today, -4))) wrong.push(`call ${call.id} on ${call.called_on}: crisis ${call.crisis_id}`);
    }
    expect(wrong).toEqual([]);
    // A few calls a week, in every month, taken by the whole team including the front desk.
    expect(calls.length).toBeGreaterThan(100);
    expect(calls.length).toBeLessThan(300);
    expect(new Set(calls.map((call) => call.called_on.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    expect(new Set(calls.map((call) => call.role))).toEqual(new Set(['admin', 'counsellor', 'reception']));
    expect(new Set(calls.map((call) => call.caller_type)).size).toBeGreaterThanOrEqual(3);
    const highRisk = calls.filter((call) => call.high_risk === 1);
    expect(highRisk.length).toBeGreaterThanOrEqual(2);
    expect(new Set(highRisk.map((call) => call.outcome)).size).toBeGreaterThanOrEqual(2);
    expect(calls.some((call) => call.difficult === 1) && calls.some((call) => call.repeat_caller === 1) && calls.some((call) => call.client_id !== null)).toBe(true);
    // The one crisis opened from a call: opened after the call ended, naming the caller by the call, not a client.
    const opened = calls.filter((call) => call.crisis_id !== null);
    expect(opened).toHaveLength(1);
    const crisis = rows<{ client_id: number | null; unknown_person: string; started_at: string }>(db, 'SELECT * FROM crises WHERE id = ?', opened[0]!.crisis_id)[0]!;
    expect(crisis.client_id).toBeNull();
    expect(crisis.unknown_person).toContain(`来电记录 ${opened[0]!.id}`);
    expect(ms(crisis.started_at)).toBeGreaterThanOrEqual(instantOf(opened[0]!.called_on, opened[0]!.start_time) + opened[0]!.duration_minutes * 60_000);
    expect(ms(crisis.started_at)).toBeLessThanOrEqual(now.getTime());
  });

  it('keeps a year of 团体辅导: groups that met weekly with a register at every past meeting, forms no more than those present, the past groups closed and one still running', () => {
    type Meeting = { id: number; held_on: string; status: string; participant_count: number | null; group_id: number; present: number; expected: number; forms: number; closed_at: string | null };
    const meetings = rows<Meeting>(
      db,
      `SELECT a.id, a.held_on, a.status, a.participant_count, a.group_id, g.closed_at,
         (SELECT count(*) FROM counselling_group_attendance t WHERE t.activity_id = a.id AND t.status = 'present') AS present,
         (SELECT count(*) FROM counselling_group_attendance t WHERE t.activity_id = a.id) AS expected,
         (SELECT count(*) FROM counselling_group_feedback f WHERE f.activity_id = a.id) AS forms
       FROM activities a JOIN counselling_groups g ON g.id = a.group_id WHERE a.removed_at IS NULL ORDER BY a.held_on`,
    );
    const wrong: string[] = [];
    for (const meeting of meetings) {
      if (meeting.held_on < today && (meeting.status !== 'done' || meeting.expected === 0)) wrong.push(`meeting ${meeting.id} on ${meeting.held_on} without its register`);
      if (meeting.held_on > today && meeting.status !== 'planned') wrong.push(`meeting ${meeting.id} ahead of today marked held`);
      if (meeting.status === 'done' && meeting.participant_count !== meeting.present) wrong.push(`meeting ${meeting.id}: 参与人数 ${meeting.participant_count} but ${meeting.present} present`);
      if (meeting.forms > meeting.present) wrong.push(`meeting ${meeting.id}: ${meeting.forms} forms for ${meeting.present} present`);
    }
    expect(wrong).toEqual([]);
    const groups = new Set(meetings.map((meeting) => meeting.group_id));
    expect(groups.size).toBe(3);
    expect(new Set(meetings.filter((meeting) => meeting.closed_at !== null).map((meeting) => meeting.group_id)).size).toBeGreaterThanOrEqual(2);
    expect(meetings.some((meeting) => meeting.closed_at === null)).toBe(true);
    const members = rows<{ status: string }>(db, 'SELECT status FROM counselling_group_members');
    expect(new Set(members.map((member) => member.status))).toEqual(new Set(['admitted', 'declined', 'withdrawn']));
  });

  it('keeps a year of 知晓率调查 at held lectures and publicity days: paper responses scored, students at the school, the older ones closed', () => {
    type Survey = { id: number; questionnaire_id: string; held_on: string; population: string; closed_at: string | null; activity_date: string; activity_type: string; targets: string; respondents: number; aware: number };
    const surveys = rows<Survey>(
      db,
      `SELECT s.*, a.held_on AS activity_date, a.type AS activity_type,
         (SELECT group_concat(target) FROM activity_outreach o WHERE o.activity_id = a.id) AS targets,
         (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) AS respondents,
         (SELECT sum(aware) FROM survey_responses r WHERE r.survey_id = s.id) AS aware
       FROM surveys s JOIN activities a ON a.id = s.activity_id ORDER BY s.held_on`,
    );
    const wrong: string[] = [];
    for (const survey of surveys) {
      if (survey.held_on !== survey.activity_date || survey.held_on >= today) wrong.push(`survey ${survey.id} on ${survey.held_on}, not its activity's past day`);
      if ((survey.questionnaire_id === 'MHL-TEN-2018') !== (survey.activity_type === 'lecture')) wrong.push(`survey ${survey.id} with the wrong questionnaire`);
      if ((survey.population === 'students') !== (survey.targets ?? '').includes('school')) wrong.push(`survey ${survey.id} asked the wrong population`);
      if (survey.respondents < 15) wrong.push(`survey ${survey.id} with ${survey.respondents} responses`);
      if ((survey.closed_at !== null) !== survey.held_on < addDays(today, -30)) wrong.push(`survey ${survey.id} closed ${survey.closed_at}`);
    }
    expect(wrong).toEqual([]);
    expect(surveys.filter((survey) => survey.questionnaire_id === 'MHL-TEN-2018').length).toBeGreaterThanOrEqual(5);
    expect(surveys.some((survey) => survey.questionnaire_id === 'STATION-AWARENESS')).toBe(true);
    // Around the S5 line: some surveys reach 80%, some do not; every response is typed in from paper.
    const rates = surveys.map((survey) => survey.aware / survey.respondents);
    expect(rates.some((rate) => rate >= 0.8) && rates.some((rate) => rate < 0.8)).toBe(true);
    expect(rows(db, "SELECT DISTINCT channel FROM survey_responses")).toEqual([{ channel: 'paper' }]);
    expect(rows<{ wrong: number }>(db, 'SELECT count(*) AS wrong FROM survey_responses r WHERE r.correct_count != (SELECT sum(correct) FROM survey_answers a WHERE a.response_id = r.id)')[0]!.wrong).toBe(0);
  });

  it('keeps the 站长’s 自评 of the "五个一" with notes, and a 自查 scored against its snapshot, concluded and closed', () => {
    const answers = rows<{ item_id: string; met: number; note: string }>(db, 'SELECT item_id, met, note FROM checklist_answers ORDER BY item_id');
    expect(answers.map((answer) => [answer.item_id, answer.met])).toEqual([['team-upper-support', 1], ['venue-area', 1], ['venue-environment', 1], ['venue-equipment', 1]]);
    expect(answers.every((answer) => answer.note.length > 4)).toBe(true);
    type Inspection = { kind: string; status: string; verdict: string; planned_on: string; template_id: string; snapshot: string; inspector_id: number | null; scores: number };
    const inspections = rows<Inspection>(db, 'SELECT i.*, (SELECT count(*) FROM inspection_scores s WHERE s.inspection_id = i.id) AS scores FROM inspections i');
    expect(inspections).toHaveLength(1);
    expect(inspections[0]).toMatchObject({ kind: 'self', status: 'closed', template_id: 'yongchuan-community-five-ones', inspector_id: null, scores: 4, planned_on: addDays(today, -30) });
    expect(['pass', 'fail']).toContain(inspections[0]!.verdict);
    expect((JSON.parse(inspections[0]!.snapshot) as { answers: unknown[] }).answers).toHaveLength(4);
  });
});

/** Every case-file row the seeding writes, clinical ciphertext left out (its nonces differ run to run). */
function caseFileRows(db: Db): string {
  const tables = ['clients', 'client_tags', 'consents', 'cases', 'case_problems', 'counselling_sessions', 'session_addenda', 'risk_grades', 'follow_ups', 'crises', 'crisis_steps', 'crisis_contacts', 'referrals', 'scale_results', 'alerts'];
  return JSON.stringify(
    tables.map((table) => {
      const clinical: readonly string[] = table in clinicalColumns ? clinicalColumns[table as keyof typeof clinicalColumns].columns : [];
      const columns = rows<{ name: string }>(db, `PRAGMA table_info("${table}")`).map((column) => column.name).filter((name) => !clinical.includes(name));
      return [table, rows(db, `SELECT ${columns.map((name) => `"${name}"`).join(', ')} FROM "${table}" ORDER BY ${columns.map((_, index) => index + 1).join(', ')}`)];
    }),
  );
}

describe('demo and bench seeding', () => {
  async function seededBenchStation(seedClients: number): Promise<string> {
    const dataDir = tempDir('xinyi-bench-demo-');
    const password = 'bench-station-pass';
    const bench = createBenchStation({ dataDir, idleCheckMs: 0, backupCheckMs: 0, clock: manualClock(now).clock });
    onTestFinished(() => bench.core.close());
    const setup = await bench.core.call({ scope: 'staff', transport: 'direct', sessionToken: null }, 'setup.create', {
      station: stationInput,
      admin: { username: 'admin', displayName: '站长', password },
    });
    expect(setup.ok).toBe(true);
    const counts = await bench.seedCaseFiles({ clients: seedClients, sessionsPerCase: [2, 10] });
    expect(counts.clients).toBe(seedClients);
    expect(counts.sessions).toBeGreaterThan(counts.cases);
    // closes mid-test: the database is read after close
    bench.core.close();
    const db = openEncryptedDatabase(path.join(dataDir, databaseFileName), await databaseKeyOf(dataDir, 'admin', password), { readonly: true });
    try {
      return caseFileRows(db);
    } finally {
      db.close();
    }
  }

  it('gives the same station for the same seed and day, through the bench’s bulk seeding', async () => {
    const first = await seededBenchStation(150);
    expect(first.length).toBeGreaterThan(10_000);
    expect(await seededBenchStation(150)).toBe(first);
  }, 180_000);
});
