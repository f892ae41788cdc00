import type { RiskLevel } from '../../../../shared/api/schemas/clients.js';
import { addDays } from '../../../../shared/domain/dates.js';
import { builtinScales } from '../../../../shared/scales/library.js';
import { scoreAnswers } from '../../../../shared/scales/score.js';
import type { Db } from '../../db/driver.js';
import { insertConsent, setCurrentRisk } from '../../repositories/clientsRepo.js';
import { insertCrisis, insertCrisisContact, recordCrisisStep, resolveCrisis } from '../../repositories/crisesRepo.js';
import { advanceReferral, insertReferral } from '../../repositories/referralsRepo.js';
import { completeFollowUp, insertRiskGrade, scheduleFollowUp } from '../../repositories/riskRepo.js';
import { acknowledgeAlert, insertResult, raiseAlert } from '../../repositories/scalesRepo.js';
import { crisisResolvedMinute, crisisTimeline, gradeProfiles, reassessment, type GradeProfile } from './demoProfiles.js';
import { between, chance, codes, faker, pick, stationInstant } from './demoRandom.js';

/** The session an event happens at: its case, client, counsellor and when it was held. */
export type DemoSession = Readonly<{ clientId: number; caseId: number; owner: number; day: string; time: string; durationMinutes: number }>;

/** What the generator decided before writing the session's note, so the note says what happened in it. */
export type PlannedGrade = Readonly<{ level: RiskLevel; evidence: 'scale' | 'disclosure' | 'grid_report'; reason: string }>;

export function planGrade(age: number): PlannedGrade {
  const level = faker.helpers.weightedArrayElement([
    { weight: 1, value: 'red' as const },
    { weight: 3, value: 'yellow' as const },
    { weight: 6, value: 'green' as const },
  ]);
  // PHQ-9 is for adolescents and adults; a child is graded on what was said or reported.
  const evidence = age >= 12 ? pick(['scale', 'disclosure', 'grid_report'] as const) : pick(['disclosure', 'grid_report'] as const);
  return { level, evidence, reason: pick(gradeProfiles[level].reasons) };
}

/** PHQ-9 answers with a total and item 9 inside the colour's range. */
function phq9Answers(range: GradeProfile['phq9']): number[] {
  const item9 = between(range.item9[0], range.item9[1]);
  const total = between(Math.max(range.total[0], item9), Math.min(range.total[1], item9 + 24));
  const answers = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  for (let rest = total - item9; rest > 0; rest -= 1) {
    const open = answers.slice(0, 8).flatMap((answer, index) => (answer < 3 ? [index] : []));
    answers[pick(open)]! += 1;
  }
  return answers;
}

/** A grade at the end of the session: a scale grade first records the PHQ-9 taken in it (and its alert, seen and acted on). */
export function seedGrade(db: Db, at: DemoSession, grade: PlannedGrade, followUpDays: Record<RiskLevel, number>, trail: Trail): void {
  const gradedAt = stationInstant(at.day, at.time, at.durationMinutes + 5);
  let reason = grade.reason;
  if (grade.evidence === 'scale') {
    const result = takeScale(db, at, 'PHQ-9', phq9Answers(gradeProfiles[grade.level].phq9), '已当面评估并评为红色预警（演示数据）', gradedAt);
    reason = `PHQ-9 总分 ${result.total}，${grade.reason}`;
  }
  gradeAndFollowUp(db, at, { level: grade.level, reason: `${reason}（演示数据）`, evidence: grade.evidence, gradedAt }, followUpDays, trail);
}

/** How far a grade's follow-ups go: up to today, or — an old case's — until a season after its last contact, all done. */
export type Trail = Readonly<{ today: string; until?: string }>;

/**
 * The grade, then the follow-ups its colour asks for, as the service records them: each one done
 * re-grades the client that day and schedules the next from it; the last one is still due, unless the
 * trail ended long ago with the case's contact.
 */
function gradeAndFollowUp(
  db: Db,
  at: DemoSession,
  grade: { level: RiskLevel; reason: string; evidence: string; gradedAt: string },
  followUpDays: Record<RiskLevel, number>,
  { today, until }: Trail,
): void {
  insertRiskGrade(db, { clientId: at.clientId, level: grade.level, reason: grade.reason, evidence: grade.evidence }, at.owner, grade.gradedAt);
  let level = grade.level;
  let lastAt = grade.gradedAt;
  let due = addDays(at.day, followUpDays[level]);
  // Old follow-ups were almost all done; the most recent may still be waiting (and so overdue).
  while (due < (until ?? today) && chance(due < addDays(today, -14) ? 0.95 : 0.6)) {
    const doneOn = [addDays(due, between(0, 2)), addDays(today, -1)].sort()[0]!;
    const followUpId = scheduleFollowUp(db, at.clientId, level, due);
    const found = faker.helpers.weightedArrayElement(reassessment[level]);
    const findings = `${pick(gradeProfiles[found].findings)}（演示数据）`;
    completeFollowUp(
      db,
      followUpId,
      { doneOn, method: pick(['home_visit', 'phone', 'visit'] as const), participants: faker.helpers.arrayElements(codes('followUpParticipant'), { min: 1, max: 2 }), findings, reassessedLevel: found },
      at.owner,
    );
    lastAt = stationInstant(doneOn, '10:00');
    insertRiskGrade(db, { clientId: at.clientId, level: found, reason: `随访复评：${findings}`, evidence: 'follow_up' }, at.owner, lastAt);
    level = found;
    due = addDays(doneOn, followUpDays[level]);
  }
  if (until === undefined) scheduleFollowUp(db, at.clientId, level, due);
  setCurrentRisk(db, at.clientId, level, lastAt);
}

/** An item's answer as most people in a session give it: mostly 0 or 1, now and then more. */
const everydayAnswer = () => faker.helpers.weightedArrayElement([
  { weight: 50, value: 0 },
  { weight: 30, value: 1 },
  { weight: 15, value: 2 },
  { weight: 5, value: 3 },
]);

/**
 * A PHQ-9 (from 12 years old) or GAD-7 taken in a session, scored by the shared engine: the ten-year station's
 * routine measurement. PHQ-9's item 9 is rarely above 0; when it is, the alert was seen and acted on within the hour.
 */
export function seedSessionScale(db: Db, at: DemoSession, age: number, now: Date): void {
  const scaleId = age >= 12 && chance(0.6) ? 'PHQ-9' : 'GAD-7';
  const answers = builtinScales.get(scaleId)!.items.map((_item, index) => (scaleId === 'PHQ-9' && index === 8 ? (chance(0.01) ? 1 : 0) : everydayAnswer()));
  const seenAt = stationInstant(at.day, at.time, 20);
  takeScale(db, at, scaleId, answers, '已当面评估，暂无自伤计划（演示数据）', new Date(seenAt) <= now ? seenAt : null);
}

/** A scale taken a quarter hour into the session, scored by the shared engine; a critical answer raises its alert, acknowledged at `seenAt` once that has passed. */
function takeScale(db: Db, at: DemoSession, scaleId: string, answers: number[], response: string, seenAt: string | null) {
  const definition = builtinScales.get(scaleId)!;
  const result = scoreAnswers(definition, answers);
  const completedAt = stationInstant(at.day, at.time, 15);
  const resultId = insertResult(db, {
    scaleId: definition.id,
    version: definition.version,
    clientId: at.clientId,
    respondent: '',
    caseId: at.caseId,
    answers,
    result,
    via: 'counsellor',
    administeredBy: at.owner,
    comment: '会谈中完成（演示数据）',
    at: completedAt,
  });
  if (result.critical) {
    const alertId = raiseAlert(db, resultId, completedAt);
    if (seenAt) acknowledgeAlert(db, alertId, at.owner, response, seenAt);
  }
  return result;
}

export const crisisAssessment = '情绪失控，表露轻生念头，已启动危机干预';

/** A crisis during the session, worked through in protocol order, then the red grade it leads to. */
export function seedCrisis(db: Db, at: DemoSession, followUpDays: Record<RiskLevel, number>, today: string): void {
  const startedMinute = 10;
  const id = insertCrisis(db, { clientId: at.clientId, unknownPerson: '', location: '服务站咨询室', summary: '来访者情绪失控，表露轻生念头（演示数据）' }, at.owner, stationInstant(at.day, at.time, startedMinute));
  for (const { step, minute } of crisisTimeline) {
    const doneAt = stationInstant(at.day, at.time, startedMinute + minute);
    recordCrisisStep(db, id, step, '', at.owner, doneAt);
    if (step === 'family_contacted') insertCrisisContact(db, { crisisId: id, party: 'family', name: '家属', phone: '', note: '已到场（演示数据）' }, at.owner, doneAt);
  }
  const resolvedAt = stationInstant(at.day, at.time, startedMinute + crisisResolvedMinute);
  resolveCrisis(db, id, 'family_pickup', '情绪平复，家属接回（演示数据）', '次日电话随访', resolvedAt);
  const gradedAt = stationInstant(at.day, at.time, at.durationMinutes + 5);
  gradeAndFollowUp(db, at, { level: 'red', reason: '危机干预后评估：仍有轻生念头，评为红色预警（演示数据）', evidence: 'crisis', gradedAt }, followUpDays, { today });
}

/** A referral sent after the session, with the client's consent to share signed there first; receipt and feedback follow in days. */
export function seedReferral(db: Db, at: DemoSession, reason: string, today: string): void {
  const sentAt = stationInstant(at.day, at.time, at.durationMinutes + 20);
  insertConsent(db, { clientId: at.clientId, kind: 'sharing', signerName: '本人', signedOn: at.day, note: '演示数据' }, at.owner, sentAt);
  const id = insertReferral(
    db,
    { clientId: at.clientId, caseId: at.caseId, target: pick(codes('referralTarget')), targetDetail: '（演示数据）', reason: `${reason}，需进一步评估`, sharedInfo: '咨询记录摘要', sentOn: at.day },
    at.owner,
    sentAt,
  );
  const receivedOn = addDays(at.day, between(1, 5));
  const feedbackOn = addDays(receivedOn, between(3, 14));
  const state = faker.helpers.arrayElement(['sent', 'received', 'feedback', 'not_received'] as const);
  if (state === 'not_received' && addDays(at.day, 7) <= today) advanceReferral(db, id, { status: 'not_received', on: today, text: '来访者未前往（演示数据）' });
  if (state === 'received' && receivedOn <= today) advanceReferral(db, id, { status: 'received', on: receivedOn, text: '' });
  if (state === 'feedback' && feedbackOn <= today) {
    advanceReferral(db, id, { status: 'received', on: receivedOn, text: '' });
    advanceReferral(db, id, { status: 'feedback', on: feedbackOn, text: '已接诊，建议继续社区随访（演示数据）' });
  }
}
