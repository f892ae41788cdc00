import type { z } from 'zod';
import type { SurveyChannel, SurveyDetail, SurveyInput, SurveyRecord, SurveyResponseInput, SurveyUpdateInput, surveyListInput, surveyRemoveInput } from '../../../../shared/api/schemas/surveys.js';
import { fieldLabels } from '../../../../shared/api/fieldLabels/index.js';
import { surveyChannelWords } from '../../../../shared/domain/surveyWords.js';
import { builtinQuestionnaires } from '../../../../shared/scales/knowledgeLibrary.js';
import { scoreKnowledge } from '../../../../shared/scales/knowledge.js';
import { ScoreError } from '../../../../shared/scales/score.js';
import { actorOf } from '../../auth/actor.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import {
  insertResponse,
  insertSurvey,
  listSurveys,
  readResponse,
  readSurvey,
  removeResponse,
  removeSurvey,
  setSurveyClosed,
  surveyCounts,
  updateSurvey,
  type StoredSurvey,
} from '../../repositories/surveysRepo.js';
import type { Vault } from '../../vault.js';
import { checkSurvey, detailOf, findQuestionnaire, mayRemoveResponse, requireEditable, requireOpen, responseView, summaryOf, viewOf } from './surveyChecks.js';

const editableFields = ['date', 'activityId', 'population', 'place', 'note'] as const;
const storedValue = (survey: StoredSurvey, field: (typeof editableFields)[number]) => (field === 'activityId' ? (survey.activity?.id ?? null) : survey[field]);

/**
 * Knowledge surveys (知晓率调查): survey runs of a knowledge questionnaire and their anonymous responses, entered from
 * paper by staff or given at the kiosk. Every write is one audited transaction, so a refusal changes nothing.
 */
export class SurveysService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  private require(db: Db, id: number): StoredSurvey {
    const survey = readSurvey(db, id);
    if (!survey) throw new AppError('NOT_FOUND', '找不到该知晓率调查。');
    return survey;
  }

  questionnaires() {
    return [...builtinQuestionnaires.values()].map(summaryOf);
  }

  questionnaire(id: string, version?: number) {
    return { json: JSON.stringify(findQuestionnaire(id, version)) };
  }

  list(session: Session, filter: z.output<typeof surveyListInput>): SurveyRecord[] {
    return listSurveys(this.vault.connection(), filter).map((survey) => viewOf(session, survey));
  }

  get(session: Session, id: number): SurveyDetail {
    const db = this.vault.connection();
    return detailOf(db, session, this.require(db, id));
  }

  counts(from: string, to: string) {
    const counted = surveyCounts(this.vault.connection(), from, to);
    const name = (id: string) => builtinQuestionnaires.get(id)?.names.zh ?? id;
    return {
      from,
      to,
      byQuestionnaire: counted.byQuestionnaire.map((row) => ({ ...row, name: name(row.questionnaireId) })),
      byActivity: counted.byActivity.map((row) => ({ ...row, name: name(row.questionnaireId) })),
      total: counted.total,
    };
  }

  create(session: Session, input: SurveyInput): SurveyDetail {
    return this.vault.write((db, audit) => {
      const definition = findQuestionnaire(input.questionnaireId);
      checkSurvey(db, this.clock.now(), input, null);
      const id = insertSurvey(db, input, definition.version, session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'surveys.create', objectType: 'survey', objectId: id, detail: { questionnaire: definition.names.zh, surveyDate: input.date } });
      return detailOf(db, session, this.require(db, id));
    });
  }

  update(session: Session, input: SurveyUpdateInput): SurveyDetail {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      checkSurvey(db, this.clock.now(), input, current);
      updateSurvey(db, input, this.clock.now().toISOString());
      const changedFields = editableFields
        .filter((field) => storedValue(current, field) !== input[field])
        .map((field) => fieldLabels[field] ?? field)
        .join('、');
      audit({ ...actorOf(session), action: 'surveys.update', objectType: 'survey', objectId: input.id, detail: { changedFields } });
      return detailOf(db, session, this.require(db, input.id));
    });
  }

  /** Closed: the survey's figures are final, no response is added or removed until it is reopened. */
  setClosed(session: Session, id: number, closed: boolean): SurveyDetail {
    return this.vault.write((db, audit) => {
      const current = this.require(db, id);
      requireEditable(session, current);
      if (current.closed === closed) throw new AppError('INVALID_INPUT', closed ? '该知晓率调查已经结束。' : '该知晓率调查仍在进行，无需重新开放。');
      const at = this.clock.now().toISOString();
      setSurveyClosed(db, id, closed ? at : null, at);
      audit({ ...actorOf(session), action: closed ? 'surveys.close' : 'surveys.reopen', objectType: 'survey', objectId: id });
      return detailOf(db, session, this.require(db, id));
    });
  }

  remove(session: Session, input: z.output<typeof surveyRemoveInput>): { ok: true } {
    return this.vault.write((db, audit) => {
      const current = this.require(db, input.id);
      requireEditable(session, current);
      removeSurvey(db, input.id, session.userId ?? 0, input.reason, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'surveys.remove', objectType: 'survey', objectId: input.id, detail: { surveyDate: current.date } });
      return { ok: true as const };
    });
  }

  /**
   * One respondent's answers, from paper (`actor` the staff member typing) or the kiosk (no actor): scored against
   * the version the survey was given with, refused whole when an item is unanswered or not one of its options.
   */
  record(actor: Session | null, input: SurveyResponseInput, channel: SurveyChannel) {
    return this.vault.write((db, audit) => {
      const survey = this.require(db, input.surveyId);
      requireOpen(survey);
      const definition = findQuestionnaire(survey.questionnaireId, survey.questionnaireVersion);
      let result;
      try {
        result = scoreKnowledge(definition, input.answers);
      } catch (error) {
        if (error instanceof ScoreError) throw new AppError('INVALID_INPUT', error.message, [{ path: 'answers', message: error.message }]);
        throw error;
      }
      const at = this.clock.now().toISOString();
      const id = insertResponse(db, { input, channel, itemIds: definition.items.map((item) => item.id), correct: result.correct, aware: result.aware, enteredBy: actor?.userId ?? null, at });
      audit({
        actorId: actor?.userId ?? null,
        actorName: actor?.username ?? null,
        action: 'surveys.addResponse',
        objectType: 'surveyResponse',
        objectId: id,
        detail: { surveyId: survey.id, channel: surveyChannelWords[channel] },
      });
      const after = this.require(db, survey.id);
      return { definition, result, response: responseView(readResponse(db, id)!), respondents: after.respondents, aware: after.aware };
    });
  }

  addResponse(session: Session, input: SurveyResponseInput) {
    const recorded = this.record(session, input, 'paper');
    return { response: { ...recorded.response, removable: true }, itemCount: recorded.result.itemCount, respondents: recorded.respondents, aware: recorded.aware };
  }

  removeResponse(session: Session, input: { id: number; reason: string }): { ok: true } {
    return this.vault.write((db, audit) => {
      const response = readResponse(db, input.id);
      if (!response) throw new AppError('NOT_FOUND', '找不到该答卷。');
      const survey = this.require(db, response.surveyId);
      if (!mayRemoveResponse(session, survey, response)) throw new AppError('FORBIDDEN', '只有站长、登记该调查的咨询师或录入该答卷的人可以删除此答卷。');
      requireOpen(survey);
      removeResponse(db, input.id, session.userId ?? 0, input.reason, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'surveys.removeResponse', objectType: 'surveyResponse', objectId: input.id, detail: { surveyId: survey.id } });
      return { ok: true as const };
    });
  }

  /** The kiosk offers only an open survey. */
  requireOpenSurvey(id: number): StoredSurvey {
    const survey = this.require(this.vault.connection(), id);
    requireOpen(survey);
    return survey;
  }
}
