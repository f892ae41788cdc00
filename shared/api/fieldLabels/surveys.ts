/** Field names of the knowledge surveys' inputs (知晓率调查); keys shared with other features keep their names there. */
export const surveysFieldLabels: Readonly<Record<string, string>> = {
  ageBand: '年龄段',
  place: '调查地点',
  population: '调查对象',
  questionnaireId: '问卷',
  sex: '性别',
  surveyId: '知晓率调查',
};
