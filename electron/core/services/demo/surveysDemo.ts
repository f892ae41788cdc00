import { builtinQuestionnaires } from '../../../../shared/scales/knowledgeLibrary.js';
import { surveyAgeBands, type SurveyAgeBand } from '../../../../shared/api/schemas/surveys.js';
import { addDays } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import { between, chance, faker, pick } from './demoRandom.js';

/** How likely a resident knows each statement of 心理健康素养十条: sleep and medication are the ones most miss. */
const mhlKnown = [0.95, 0.85, 0.9, 0.7, 0.85, 0.62, 0.88, 0.82, 0.8, 0.9];
/** Station awareness: most know the station after a 5·25 or 10·10 day; fewer know the 12356 hotline or the hours. */
const stationKnown = [0.9, 0.85, 0.88, 0.72, 0.6, 0.7];
/** Who comes to a lecture: the school's pupils are under 18, a community audience leans older. */
const adultBands: readonly SurveyAgeBand[] = ['18to34', '35to59', '35to59', '60plus', '60plus'];

/**
 * A resident's answers: each item known with its probability (answered correctly), else a wrong option or 不知道.
 * The demo's knowledge rate therefore sits near the S5 line, some surveys above it and some below.
 */
function answersOf(questionnaireId: string, known: readonly number[]): number[] {
  const definition = builtinQuestionnaires.get(questionnaireId)!;
  return definition.items.map((item, index) => {
    const options = typeof item.options === 'string' ? definition.optionSets[item.options]! : item.options;
    if (chance(known[index]!)) return item.correct![0]!;
    return pick(options.filter((option) => !item.correct!.includes(option.value))).value;
  });
}

/**
 * A year of knowledge surveys (知晓率调查) at the demo's held activities, through the same handlers as the screens:
 * the 心理健康素养十条 questionnaire handed out at every second lecture (students at the school ones) and the
 * station-awareness questionnaire at the 5·25 and 10·10 publicity days, each with a sheaf of paper responses typed in
 * afterwards, closed once a month has passed.
 */
export async function seedSurveysDemo(handlers: Handlers, admin: Session, today: string): Promise<number> {
  faker.seed(20261230);
  const activities = await handlers['activities.list']({ from: addDays(today, -366), to: addDays(today, -1), status: 'done' }, admin);
  const lectures = activities.filter((activity) => activity.type === 'lecture').filter((_activity, index) => index % 2 === 0);
  const publicity = activities.filter((activity) => activity.type === 'publicity');
  let made = 0;
  for (const activity of [...lectures, ...publicity].sort((a, b) => a.date.localeCompare(b.date))) {
    const lecture = activity.type === 'lecture';
    const students = activity.outreachTargets.includes('school');
    const questionnaireId = lecture ? 'MHL-TEN-2018' : 'STATION-AWARENESS';
    const survey = await handlers['surveys.create'](
      { questionnaireId, date: activity.date, activityId: activity.id, population: students ? 'students' : 'public', place: activity.location, note: lecture ? '讲座结束后发放纸质问卷，当场回收' : '宣传咨询台现场填写' },
      admin,
    );
    const responses = Math.min(activity.participantCount ?? 20, between(15, 35));
    for (let count = 0; count < responses; count += 1) {
      await handlers['surveys.addResponse'](
        {
          surveyId: survey.id,
          answers: answersOf(questionnaireId, lecture ? mhlKnown : stationKnown),
          sex: chance(0.85) ? pick(['female', 'male'] as const) : null,
          ageBand: chance(0.8) ? (students ? pick(surveyAgeBands.slice(0, 2)) : pick(adultBands)) : null,
        },
        admin,
      );
    }
    if (activity.date < addDays(today, -30)) await handlers['surveys.close']({ id: survey.id }, admin);
    made += 1;
  }
  return made;
}
