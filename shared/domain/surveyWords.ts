import type { SurveyAgeBand, SurveyChannel, SurveyPopulation } from '../api/schemas/surveys.js';

/** Who a survey asked, in Chinese, for the screen, the print and the export. */
export const surveyPopulationWords: Readonly<Record<SurveyPopulation, string>> = { public: '公众', students: '学生' };

/**
 * The 知晓率 target line per population: 国家卫健委办公厅《探索抑郁症防治特色服务工作方案》(2020): 公众抑郁症防治知识
 * 知晓率 80%, 学生 85% (reports-standards.md S5 and §2.1 "Population").
 */
export const surveyTargets: Readonly<Record<SurveyPopulation, number>> = { public: 0.8, students: 0.85 };

export const surveyChannelWords: Readonly<Record<SurveyChannel, string>> = { paper: '纸质录入', kiosk: '自助终端' };

/** The report's AGE code list (reports-standards.md §3.2); no band given is 未知. */
export const surveyAgeBandWords: Readonly<Record<SurveyAgeBand, string>> = { under14: '14 岁以下', '14to17': '14–17 岁', '18to34': '18–34 岁', '35to59': '35–59 岁', '60plus': '60 岁及以上' };

export const surveySexWords: Readonly<Record<'female' | 'male', string>> = { female: '女', male: '男' };

/** 知晓率 as a percentage with one decimal (82.4%), or null with no respondent yet. */
export function awarenessRate(aware: number, respondents: number): number | null {
  return respondents === 0 ? null : Math.round((aware / respondents) * 1000) / 10;
}
