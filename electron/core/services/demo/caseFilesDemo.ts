import type { RiskLevel } from '../../../../shared/api/schemas/clients.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import { ageOn, checkCharacterFor } from '../../../../shared/domain/idNumber.js';
import { weekdayOf } from '../../../../shared/domain/localTime.js';
import type { Db } from '../../db/driver.js';
import { closeCase, insertCase } from '../../repositories/casesRepo.js';
import { idNumberTaken, insertClient, insertConsent, type Registration } from '../../repositories/clientsRepo.js';
import { insertAddendum, insertSession, signSession } from '../../repositories/sessionsRepo.js';
import { crisisAssessment, planGrade, seedCrisis, seedGrade, seedReferral, seedSessionScale, type DemoSession, type PlannedGrade } from './caseEventsDemo.js';
import { ageBands, assessments, interventions, plans, progressComplaints, type AgeBand, type Complaint, type Gender } from './demoProfiles.js';
import { between, chance, codes, faker, notAfter, pick, stationInstant } from './demoRandom.js';

/**
 * Synthetic case files for `xinyi demo` and the benchmark: zh_CN names, valid (synthetic) ID
 * numbers, two years of cases, sessions, grades and follow-ups in every state, drawn from the
 * profiles in demoProfiles.ts so that what is said of a client fits their age and gender, and in
 * the order things happen. Deterministic per seed and `now`.
 */
export type CaseFilesDemoOptions = Readonly<{
  clients: number;
  /** Share of clients with a case, and sessions per case. */
  caseShare: number;
  sessionsPerCase: readonly [min: number, max: number];
  counsellorIds: readonly number[];
  now: Date;
  seed: number;
  followUpDays: Record<RiskLevel, number>;
  /** How many years back the first sessions go: the demo's two, issue 15's ten-year station ten. */
  years?: number;
  /** The share of sessions with a PHQ-9 or GAD-7 taken in them besides a grade's (the ten-year station's 300,000 results). */
  scalesPerSession?: number;
  /** Grades at older sessions too, not only the last months', each with a follow-up trail that ends with the case's contact. */
  historyGrades?: boolean;
  /** The first client has come weekly since the first year, still in one open case of this many sessions (issue 15's screen figure: 500). */
  longCase?: number;
  /** Told every 1,000 clients how many are written. */
  progress?: (clients: number) => void;
}>;

const regions = ['500118', '110105', '440306', '440304', '320402', '330106', '420106'];
const communities = ['阳光社区', '胜利路社区', '红旗社区', '滨江社区', '新城社区', '桂花社区'];
/** One hour apart and at most an hour long: a counsellor's sessions on a day never overlap. */
const sessionTimes = ['09:00', '10:00', '11:00', '14:00', '15:00', '16:00'];

/** A synthetic but valid 18-character number: real region code, birth date, sequence, check digit. */
function syntheticIdNumber(birthDate: string, gender: Gender): string {
  const parity = gender === 'male' ? pick(['1', '3', '5', '7', '9']) : pick(['0', '2', '4', '6', '8']);
  const first17 = `${pick(regions)}${birthDate.replace(/-/g, '')}${faker.string.numeric(2)}${parity}`;
  return `${first17}${checkCharacterFor(first17)}`;
}

const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4) === '-02-29' ? '-02-28' : day.slice(4)}`;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A birth date that makes the client between the band's ages today. */
function birthDateIn(band: AgeBand, today: string): string {
  const earliest = addDays(yearsBefore(today, band.maxAge + 1), 1);
  return addDays(earliest, between(0, daysBetween(earliest, yearsBefore(today, band.minAge))));
}

type Person = { band: AgeBand; gender: Gender; birthDate: string; age: number; complaint: Complaint };

function person(today: string): Person {
  const band = faker.helpers.weightedArrayElement(ageBands.map((value) => ({ weight: value.weight, value })));
  const gender = faker.helpers.arrayElement(['male', 'female'] as const);
  const birthDate = birthDateIn(band, today);
  const complaint = pick(band.complaints.filter((item) => item.gender === undefined || item.gender === gender));
  return { band, gender, birthDate, age: ageOn(birthDate, today), complaint };
}

/** The person as they were when they first came: born as many days earlier as that day lies before today. */
function firstCameAt(who: Person, day: string, today: string): void {
  who.birthDate = addDays(who.birthDate, -daysBetween(day, today));
  who.age = ageOn(who.birthDate, day);
}

/** The complaint's own tags, and now and then one more the band allows (one 老年人 tag at most). */
function tagsOf(who: Person, withCase: boolean): string[] {
  const tags = new Set(withCase ? (who.complaint.tags ?? []) : []);
  const extra = chance(0.35) ? pick(who.band.tags) : undefined;
  if (extra && !(extra.startsWith('elderly') && [...tags].some((tag) => tag.startsWith('elderly')))) tags.add(extra);
  return [...tags];
}

function registration(who: Person, withCase: boolean): Registration {
  const minor = who.age < 18;
  const guardianRelation = minor ? pick(['母亲', '父亲', '祖母', '祖父']) : '';
  const guardianGender: Gender = guardianRelation === '母亲' || guardianRelation === '祖母' ? 'female' : 'male';
  return {
    name: faker.person.lastName() + faker.person.firstName(who.gender),
    gender: who.gender,
    birthDate: who.birthDate,
    idNumber: chance(0.7) ? syntheticIdNumber(who.birthDate, who.gender) : '',
    phone: `1${pick(['3', '5', '7', '8', '9'])}${faker.string.numeric(9)}`,
    address: `${pick(communities)}${between(1, 40)}栋${between(101, 2802)}室（演示数据）`,
    community: pick(communities),
    grid: `第${between(1, 12)}网格`,
    guardianName: minor ? faker.person.lastName() + faker.person.firstName(guardianGender) : '',
    guardianPhone: minor ? `13${faker.string.numeric(9)}` : '',
    guardianRelation,
    tags: tagsOf(who, withCase),
    source: minor ? pick(['walk_in', 'school', 'grid_worker', 'screening']) : pick(codes('clientSource')),
    note: '演示数据',
  };
}

/** Monday to Friday: a weekend day moves to the Monday after. */
const workday = (day: string) => (weekdayOf(day) > 5 ? addDays(day, 8 - weekdayOf(day)) : day);

/** Which hours each counsellor has already given, so one counsellor is never in two sessions at once. */
class Diary {
  private readonly taken = new Set<string>();

  /** A free hour on the day or one of the next two working days before `until`; a full week (the benchmark's one counsellor) doubles up. */
  book(counsellorId: number, wanted: string, until: string): { day: string; time: string } | null {
    let day = workday(wanted);
    if (day >= until) return null;
    const first = between(0, sessionTimes.length - 1);
    for (let tries = 0; tries < 3 && day < until; tries += 1, day = workday(addDays(day, 1))) {
      for (let offset = 0; offset < sessionTimes.length; offset += 1) {
        const time = sessionTimes[(first + offset) % sessionTimes.length]!;
        if (this.take(counsellorId, day, time)) return { day, time };
      }
    }
    return { day: workday(wanted), time: sessionTimes[first]! };
  }

  private take(counsellorId: number, day: string, time: string): boolean {
    const key = `${counsellorId}|${day}|${time}`;
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}

/** The case's sessions, each about a week or two after the last, all before `until`. */
function planSessions(diary: Diary, owner: number, openedOn: string, count: number, until: string, daysApart: readonly [number, number] = [6, 15]) {
  const planned: Array<{ day: string; time: string }> = [];
  let wanted = openedOn;
  for (let n = 0; n < count; n += 1) {
    const slot = diary.book(owner, wanted, until);
    if (!slot) break;
    planned.push(slot);
    wanted = addDays(slot.day, between(daysApart[0], daysApart[1]));
  }
  return { planned, ended: wanted < until };
}

type CaseEvents = { crisisAt: number | null; grade: { at: number; plan: PlannedGrade } | null; referralAt: number | null };

/**
 * Crises and grades happen at one of the last months' sessions; with `history`, a case without one may also have been
 * graded at an older session (its follow-up trail then ends with the case's last contact). Referrals at any session
 * after the intake.
 */
function planEvents(planned: ReadonlyArray<{ day: string }>, age: number, today: string, history: boolean): CaseEvents {
  const recent = planned.flatMap((slot, index) => (slot.day >= addDays(today, -180) ? [index] : []));
  const crisisAt = recent.length > 0 && chance(0.1) ? pick(recent) : null;
  const recentGrade = crisisAt === null && recent.length > 0 && chance(0.8) ? { at: pick(recent), plan: planGrade(age) } : null;
  const olderGrade = history && crisisAt === null && recentGrade === null && planned.length > 0 && chance(0.15) ? { at: between(0, planned.length - 1), plan: planGrade(age) } : null;
  const grade = recentGrade ?? olderGrade;
  const referralAt = planned.length > 1 && chance(0.06) ? between(1, planned.length - 1) : null;
  return { crisisAt, grade, referralAt };
}

function noteFor(index: number, complaint: Complaint, events: CaseEvents) {
  let assessment = pick(assessments);
  if (events.crisisAt === index) assessment = crisisAssessment;
  else if (events.grade?.at === index && events.grade.plan.evidence === 'disclosure') assessment = events.grade.plan.reason;
  return { complaint: index === 0 ? complaint.text : pick(progressComplaints), assessment, intervention: pick(interventions), plan: pick(plans), freeText: '' };
}

export function seedCaseFilesDemo(db: Db, options: CaseFilesDemoOptions): { clients: number; cases: number; sessions: number } {
  faker.seed(options.seed);
  const today = localDay(options.now);
  // From this week's Monday the calendar's bookings (appointmentsDemo.ts) are what sessions come from.
  const sessionsUntil = addDays(today, 1 - weekdayOf(today));
  const registrar = options.counsellorIds[0]!;
  const diary = new Diary();
  let caseCount = 0;
  let sessionCount = 0;
  const days = (options.years ?? 2) * 360;
  for (let index = 0; index < options.clients; index += 1) {
    if (index > 0 && index % 1_000 === 0) options.progress?.(index);
    const who = person(today);
    const long = index === 0 && options.longCase !== undefined;
    const withCase = chance(options.caseShare) || long;
    const firstDay = workday(addDays(sessionsUntil, long ? -days : -between(1, days)));
    const openedOn = firstDay < sessionsUntil ? firstDay : addDays(sessionsUntil, -3);
    // A station spanning years meets each client at the age drawn for them, on the day they first came.
    if (options.years !== undefined) firstCameAt(who, openedOn, today);
    const client = registration(who, withCase);
    // Synthetic ID numbers can collide; a collision just means this client has none.
    if (client.idNumber && idNumberTaken(db, client.idNumber)) client.idNumber = '';
    const registeredAt = stationInstant(openedOn, '08:40');
    const clientId = insertClient(db, client, registrar, registeredAt);
    const minor = who.age < 18;
    insertConsent(db, { clientId, kind: minor ? 'guardian' : 'service', signerName: minor ? client.guardianName : client.name, signedOn: openedOn, note: '演示数据' }, registrar, registeredAt);
    if (!withCase) continue;

    const owner = pick(options.counsellorIds);
    const caseId = insertCase(db, { clientId, counsellorId: owner, openedOn, reason: `${who.complaint.text}（演示数据）`, problems: who.complaint.problems }, stationInstant(openedOn, '08:45'));
    caseCount += 1;
    const { planned, ended } = long
      ? planSessions(diary, owner, openedOn, options.longCase!, sessionsUntil, [7, 7])
      : planSessions(diary, owner, openedOn, between(options.sessionsPerCase[0], options.sessionsPerCase[1]), sessionsUntil);
    const closed = !long && ended && planned.length > 1 && chance(0.6);
    const events = planEvents(planned, who.age, today, options.historyGrades === true);
    // An older grade's follow-ups go on for a season after the case's last contact, not for years to today.
    const trailEnd = planned.length > 0 && events.grade && planned[events.grade.at]!.day < addDays(today, -180) ? addDays(planned.at(-1)!.day, 90) : undefined;
    for (const [n, slot] of planned.entries()) {
      const isLast = n === planned.length - 1;
      const durationMinutes = n === 0 || events.crisisAt === n ? 60 : pick([45, 50, 60]);
      const kind = n === 0 ? 'intake' : events.crisisAt === n ? 'crisis' : closed && isLast ? 'closing' : 'follow_up_session';
      const endsAt = stationInstant(slot.day, slot.time, durationMinutes);
      const note = noteFor(n, who.complaint, events);
      const sessionId = insertSession(
        db,
        { caseId, heldOn: slot.day, startTime: slot.time, durationMinutes, modality: n === 0 ? 'in_person' : pick(['in_person', 'in_person', 'phone', 'home_visit', 'online'] as const), kind, note },
        owner,
        endsAt,
      );
      sessionCount += 1;
      // Only a recent note may still be a draft: a real station signs within days.
      const recentDraft = isLast && !closed && addDays(slot.day, 14) > today && chance(0.5);
      const signedAt = notAfter(stationInstant(slot.day, slot.time, durationMinutes + between(10, 180)), options.now);
      if (!recentDraft) signSession(db, sessionId, owner, signedAt);
      const addendumAt = stationInstant(slot.day, slot.time, durationMinutes + between(1, 3) * 1440);
      if (!recentDraft && !isLast && chance(0.03) && new Date(addendumAt) < options.now) insertAddendum(db, sessionId, '补充：来访者随后来电，情况稳定。（演示数据）', owner, addendumAt);

      const at: DemoSession = { clientId, caseId, owner, day: slot.day, time: slot.time, durationMinutes };
      if (events.crisisAt === n) seedCrisis(db, at, options.followUpDays, today);
      if (events.grade?.at === n) seedGrade(db, at, events.grade.plan, options.followUpDays, trailEnd !== undefined && trailEnd < today ? { today, until: trailEnd } : { today });
      else if (options.scalesPerSession && chance(options.scalesPerSession)) seedSessionScale(db, at, who.age, options.now);
      if (events.referralAt === n) seedReferral(db, at, note.assessment, today);
    }
    if (closed) closeCase(db, caseId, planned.at(-1)!.day, '目标达成，来访者同意结案（演示数据）');
  }
  return { clients: options.clients, cases: caseCount, sessions: sessionCount };
}
