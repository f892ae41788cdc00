import type { SurveyAgeBand, SurveyChannel, SurveyInput, SurveyPopulation, SurveyResponseInput, SurveyUpdateInput } from '../../../shared/api/schemas/surveys.js';
import type { Db } from '../db/driver.js';

/** A survey as stored, with its respondents and 知晓 counted (removed responses skipped); the service names the questionnaire. */
export type StoredSurvey = Readonly<{
  id: number;
  questionnaireId: string;
  questionnaireVersion: number;
  date: string;
  activity: { id: number; type: string; theme: string; date: string } | null;
  population: SurveyPopulation;
  place: string;
  note: string;
  closed: boolean;
  createdBy: { id: number; displayName: string };
  createdAt: string;
  updatedAt: string;
  respondents: number;
  aware: number;
}>;

export type SurveyFilter = Readonly<{ from: string; to: string; questionnaireId?: string | undefined; activityId?: number | undefined }>;

type Row = {
  id: number;
  questionnaire_id: string;
  questionnaire_version: number;
  held_on: string;
  activity_id: number | null;
  activity_type: string | null;
  activity_theme: string | null;
  activity_date: string | null;
  population: SurveyPopulation;
  place: string;
  note: string;
  closed_at: string | null;
  created_by: number;
  creator_name: string;
  created_at: string;
  updated_at: string;
  respondents: number;
  aware: number;
};

/** Counted per survey through survey_responses_by_survey. */
const selectSurveys = `
  SELECT s.*, u.display_name AS creator_name, a.type AS activity_type, a.theme AS activity_theme, a.held_on AS activity_date,
    (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id AND r.removed_at IS NULL) AS respondents,
    (SELECT coalesce(sum(r.aware), 0) FROM survey_responses r WHERE r.survey_id = s.id AND r.removed_at IS NULL) AS aware
  FROM surveys s JOIN users u ON u.id = s.created_by LEFT JOIN activities a ON a.id = s.activity_id AND a.removed_at IS NULL`;

function toSurvey(row: Row): StoredSurvey {
  return {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    date: row.held_on,
    activity: row.activity_id === null || row.activity_type === null ? null : { id: row.activity_id, type: row.activity_type!, theme: row.activity_theme!, date: row.activity_date! },
    population: row.population,
    place: row.place,
    note: row.note,
    closed: row.closed_at !== null,
    createdBy: { id: row.created_by, displayName: row.creator_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    respondents: row.respondents,
    aware: row.aware,
  };
}

export function readSurvey(db: Db, id: number): StoredSurvey | undefined {
  const row = db.prepare(`${selectSurveys} WHERE s.id = ? AND s.removed_at IS NULL`).get(id) as Row | undefined;
  return row && toSurvey(row);
}

/** A period's surveys by their day, oldest first (served by surveys_by_day; by activity through surveys_by_activity). */
export function listSurveys(db: Db, filter: SurveyFilter): StoredSurvey[] {
  const rows = db
    .prepare(
      `${selectSurveys}
       WHERE s.held_on BETWEEN @from AND @to AND s.removed_at IS NULL
         AND (@questionnaireId IS NULL OR s.questionnaire_id = @questionnaireId)
         AND (@activityId IS NULL OR s.activity_id = @activityId)
       ORDER BY s.held_on, s.id`,
    )
    .all({ from: filter.from, to: filter.to, questionnaireId: filter.questionnaireId ?? null, activityId: filter.activityId ?? null }) as Row[];
  return rows.map(toSurvey);
}

const columnParams = (survey: Omit<SurveyUpdateInput, 'id'>) => ({ heldOn: survey.date, activityId: survey.activityId, population: survey.population, place: survey.place, note: survey.note });

export function insertSurvey(db: Db, survey: SurveyInput, version: number, createdBy: number, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO surveys (questionnaire_id, questionnaire_version, held_on, activity_id, population, place, note, created_by, created_at, updated_at)
         VALUES (@questionnaireId, @version, @heldOn, @activityId, @population, @place, @note, @createdBy, @at, @at)`,
      )
      .run({ ...columnParams(survey), questionnaireId: survey.questionnaireId, version, createdBy, at }).lastInsertRowid,
  );
}

export function updateSurvey(db: Db, survey: SurveyUpdateInput, at: string): void {
  db.prepare('UPDATE surveys SET held_on = @heldOn, activity_id = @activityId, population = @population, place = @place, note = @note, updated_at = @at WHERE id = @id').run({
    ...columnParams(survey),
    id: survey.id,
    at,
  });
}

/** Closed (no more responses) or reopened; `at` null reopens. */
export function setSurveyClosed(db: Db, id: number, closedAt: string | null, at: string): void {
  db.prepare('UPDATE surveys SET closed_at = ?, updated_at = ? WHERE id = ?').run(closedAt, at, id);
}

export function removeSurvey(db: Db, id: number, removedBy: number, reason: string, at: string): void {
  db.prepare('UPDATE surveys SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?').run(at, removedBy, reason, id);
}

export type StoredResponse = Readonly<{
  id: number;
  surveyId: number;
  channel: SurveyChannel;
  sex: 'female' | 'male' | null;
  ageBand: SurveyAgeBand | null;
  correctCount: number;
  aware: boolean;
  enteredBy: { id: number; displayName: string } | null;
  createdAt: string;
}>;

type ResponseRow = {
  id: number;
  survey_id: number;
  channel: SurveyChannel;
  sex: 'female' | 'male' | null;
  age_band: SurveyAgeBand | null;
  correct_count: number;
  aware: 0 | 1;
  entered_by: number | null;
  enterer_name: string | null;
  created_at: string;
};

const selectResponses = 'SELECT r.*, u.display_name AS enterer_name FROM survey_responses r LEFT JOIN users u ON u.id = r.entered_by';

const toResponse = (row: ResponseRow): StoredResponse => ({
  id: row.id,
  surveyId: row.survey_id,
  channel: row.channel,
  sex: row.sex,
  ageBand: row.age_band,
  correctCount: row.correct_count,
  aware: row.aware === 1,
  enteredBy: row.entered_by === null ? null : { id: row.entered_by, displayName: row.enterer_name ?? '' },
  createdAt: row.created_at,
});

export function readResponse(db: Db, id: number): StoredResponse | undefined {
  const row = db.prepare(`${selectResponses} WHERE r.id = ? AND r.removed_at IS NULL`).get(id) as ResponseRow | undefined;
  return row && toResponse(row);
}

export function listResponses(db: Db, surveyId: number): StoredResponse[] {
  return (db.prepare(`${selectResponses} WHERE r.survey_id = ? AND r.removed_at IS NULL ORDER BY r.id`).all(surveyId) as ResponseRow[]).map(toResponse);
}

/** One respondent's answers, each item's correctness beside it, and the totals the counts read. */
export function insertResponse(
  db: Db,
  response: Readonly<{ input: SurveyResponseInput; channel: SurveyChannel; itemIds: readonly string[]; correct: readonly boolean[]; aware: boolean; enteredBy: number | null; at: string }>,
): number {
  const { input } = response;
  const id = Number(
    db
      .prepare(
        `INSERT INTO survey_responses (survey_id, channel, sex, age_band, correct_count, aware, entered_by, created_at)
         VALUES (@surveyId, @channel, @sex, @ageBand, @correctCount, @aware, @enteredBy, @at)`,
      )
      .run({
        surveyId: input.surveyId,
        channel: response.channel,
        sex: input.sex,
        ageBand: input.ageBand,
        correctCount: response.correct.filter(Boolean).length,
        aware: response.aware ? 1 : 0,
        enteredBy: response.enteredBy,
        at: response.at,
      }).lastInsertRowid,
  );
  const answer = db.prepare('INSERT INTO survey_answers (response_id, position, item_id, answer, correct) VALUES (?, ?, ?, ?, ?)');
  response.itemIds.forEach((itemId, index) => answer.run(id, index + 1, itemId, input.answers[index]!, response.correct[index] ? 1 : 0));
  return id;
}

export function removeResponse(db: Db, id: number, removedBy: number, reason: string, at: string): void {
  db.prepare('UPDATE survey_responses SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?').run(at, removedBy, reason, id);
}

/** Per item (in order), how many of the survey's respondents answered it correctly. */
export function itemCorrectCounts(db: Db, surveyId: number): Array<{ itemId: string; correct: number }> {
  return db
    .prepare(
      `SELECT a.item_id AS itemId, sum(a.correct) AS correct
       FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
       WHERE r.survey_id = ? AND r.removed_at IS NULL
       GROUP BY a.position ORDER BY a.position`,
    )
    .all(surveyId) as Array<{ itemId: string; correct: number }>;
}

export function channelCounts(db: Db, surveyId: number): Array<{ channel: SurveyChannel; respondents: number; aware: number }> {
  return db
    .prepare(
      `SELECT c.value AS channel, count(r.id) AS respondents, coalesce(sum(r.aware), 0) AS aware
       FROM json_each('["paper","kiosk"]') c LEFT JOIN survey_responses r ON r.channel = c.value AND r.survey_id = ? AND r.removed_at IS NULL
       GROUP BY c.key ORDER BY c.key`,
    )
    .all(surveyId) as Array<{ channel: SurveyChannel; respondents: number; aware: number }>;
}

type Counts = { surveys: number; respondents: number; aware: number };

/**
 * A period's surveys counted in SQL by the survey's day (a paper response entered later counts for the day it was
 * given): per questionnaire and population, per activity, and in all. The periodic report reads these.
 */
export function surveyCounts(db: Db, from: string, to: string) {
  const params = { from, to };
  const responses = 'LEFT JOIN survey_responses r ON r.survey_id = s.id AND r.removed_at IS NULL';
  const inPeriod = 'WHERE s.held_on BETWEEN @from AND @to AND s.removed_at IS NULL';
  const sums = 'count(DISTINCT s.id) AS surveys, count(r.id) AS respondents, coalesce(sum(r.aware), 0) AS aware';
  const byQuestionnaire = db
    .prepare(`SELECT s.questionnaire_id AS questionnaireId, s.population, ${sums} FROM surveys s ${responses} ${inPeriod} GROUP BY s.questionnaire_id, s.population ORDER BY s.questionnaire_id, s.population`)
    .all(params) as Array<Counts & { questionnaireId: string; population: SurveyPopulation }>;
  const byActivity = db
    .prepare(
      `SELECT s.activity_id AS activityId, a.type, a.theme, a.held_on AS date, s.questionnaire_id AS questionnaireId, ${sums}
       FROM surveys s JOIN activities a ON a.id = s.activity_id AND a.removed_at IS NULL ${responses} ${inPeriod}
       GROUP BY s.activity_id, s.questionnaire_id ORDER BY a.held_on, s.activity_id, s.questionnaire_id`,
    )
    .all(params) as Array<Counts & { activityId: number; type: string; theme: string; date: string; questionnaireId: string }>;
  const total = db.prepare(`SELECT ${sums} FROM surveys s ${responses} ${inPeriod}`).get(params) as Counts;
  return { byQuestionnaire, byActivity, total };
}
