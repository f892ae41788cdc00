import type { QuestionnaireSummary, SurveyDetail, SurveyRecord, SurveyUpdateInput } from '../../../../shared/api/schemas/surveys.js';
import { localDay } from '../../../../shared/domain/dates.js';
import type { ScaleDefinition } from '../../../../shared/scales/definitionSchema.js';
import { builtinQuestionnaires } from '../../../../shared/scales/knowledgeLibrary.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { readActivity } from '../../repositories/activitiesRepo.js';
import { channelCounts, itemCorrectCounts, listResponses, type StoredResponse, type StoredSurvey } from '../../repositories/surveysRepo.js';

/** A shipped questionnaire (knowledgeLibrary.ts), of the version a survey was given with when named. */
export function findQuestionnaire(id: string, version?: number): ScaleDefinition {
  const definition = builtinQuestionnaires.get(id);
  if (!definition || (version !== undefined && definition.version !== version)) {
    throw fieldRefusal('questionnaireId', version === undefined ? `没有编号为 ${id} 的知晓率问卷。` : `没有知晓率问卷 ${id} 第 ${version} 版。`);
  }
  return definition;
}

export const summaryOf = (definition: ScaleDefinition): QuestionnaireSummary => ({
  id: definition.id,
  version: definition.version,
  name: definition.names.zh,
  itemCount: definition.items.length,
  passMinCorrect: definition.scoring.pass!.minCorrect,
});

/** The 站长 manages every survey; a counsellor the surveys they created (issue 12: counsellors record what they ran). */
export function mayEdit(session: Session, survey: StoredSurvey): boolean {
  return session.role === 'admin' || (session.role === 'counsellor' && survey.createdBy.id === session.userId);
}

export function requireEditable(session: Session, survey: StoredSurvey): void {
  if (!mayEdit(session, survey)) throw new AppError('FORBIDDEN', '只有站长或登记该调查的咨询师可以修改、结束或删除此知晓率调查。');
}

/** A mistyped response goes by the hand of the 站长, the survey's owner, or whoever typed it in. */
export function mayRemoveResponse(session: Session, survey: StoredSurvey, response: StoredResponse): boolean {
  return mayEdit(session, survey) || (response.enteredBy !== null && response.enteredBy.id === session.userId);
}

export function requireOpen(survey: StoredSurvey): void {
  if (survey.closed) throw new AppError('INVALID_INPUT', `${survey.date} 的知晓率调查已结束，不再收答卷；如需补录，请先重新开放。`);
}

/** A survey is recorded once given: not ahead of today, and not before the activity it was handed out at. */
export function checkSurvey(db: Db, now: Date, input: Omit<SurveyUpdateInput, 'id'>, current: StoredSurvey | null): void {
  if (input.date > localDay(now)) throw fieldRefusal('date', `调查日期 ${input.date} 还未到，不能登记；请在调查当天或之后登记。`);
  if (input.activityId === null || input.activityId === current?.activity?.id) return;
  const activity = readActivity(db, input.activityId);
  if (!activity) throw fieldRefusal('activityId', `活动 #${input.activityId} 不存在（或已删除）。`);
  if (input.date < activity.date) throw fieldRefusal('date', `调查日期 ${input.date} 早于所关联活动“${activity.theme}”的日期 ${activity.date}。`);
}

export function viewOf(session: Session, survey: StoredSurvey): SurveyRecord {
  const { questionnaireId, questionnaireVersion, ...rest } = survey;
  return { ...rest, questionnaire: summaryOf(findQuestionnaire(questionnaireId, questionnaireVersion)), editable: mayEdit(session, survey) };
}

/** Every item of the questionnaire with how many answered it correctly (zero before any response). */
export function detailOf(db: Db, session: Session, survey: StoredSurvey): SurveyDetail {
  const counted = new Map(itemCorrectCounts(db, survey.id).map((row) => [row.itemId, row.correct]));
  return {
    ...viewOf(session, survey),
    items: findQuestionnaire(survey.questionnaireId, survey.questionnaireVersion).items.map((item) => ({ itemId: item.id, correct: counted.get(item.id) ?? 0 })),
    byChannel: channelCounts(db, survey.id),
    responses: listResponses(db, survey.id).map((response) => ({ ...responseView(response), removable: mayRemoveResponse(session, survey, response) })),
  };
}

export const responseView = ({ surveyId: _survey, ...response }: StoredResponse) => response;
