import { describe, expect, it } from 'vitest';
import { askedItems, scoreAnswers } from '../../../shared/scales/score.js';
import { answersForRawTotal, bandOf, codeFor, scale } from './helpers.js';

/** Band boundaries of each scale's primary reading in scales.md §1 (both sides of every cut-off). */
const boundaries: Record<string, Array<[raw: number, band: string]>> = {
  'PHQ-9': [[0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'moderately_severe'], [19, 'moderately_severe'], [20, 'severe'], [27, 'severe']],
  'GAD-7': [[4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe']],
  'PHQ-15': [[4, 'minimal'], [5, 'low'], [9, 'low'], [10, 'medium'], [14, 'medium'], [15, 'high'], [30, 'high']],
  'WHO-5': [[7, 'likely_depression'], [8, 'poor'], [12, 'poor'], [13, 'good'], [25, 'good']],
  K10: [[10, 'low'], [15, 'low'], [16, 'moderate'], [21, 'moderate'], [22, 'high'], [29, 'high'], [30, 'very_high'], [50, 'very_high']],
  EPDS: [[9, 'low'], [10, 'possible'], [12, 'possible'], [13, 'probable'], [30, 'probable']],
  'GDS-15': [[4, 'normal'], [5, 'mild'], [8, 'mild'], [9, 'moderate'], [11, 'moderate'], [12, 'severe'], [15, 'severe']],
  'PSS-10': [[13, 'low'], [14, 'moderate'], [26, 'moderate'], [27, 'high'], [40, 'high']],
  AD8: [[1, 'normal'], [2, 'impairment_likely'], [8, 'impairment_likely']],
  'PCL-5': [[32, 'below'], [33, 'probable_ptsd'], [80, 'probable_ptsd']],
  AUDIT: [[7, 'zone1'], [8, 'zone2'], [15, 'zone2'], [16, 'zone3'], [19, 'zone3'], [20, 'zone4'], [40, 'zone4']],
  ISI: [[7, 'none'], [8, 'subthreshold'], [14, 'subthreshold'], [15, 'moderate'], [21, 'moderate'], [22, 'severe'], [28, 'severe']],
  'UCLA-3': [[3, 'not_lonely'], [5, 'not_lonely'], [6, 'lonely'], [9, 'lonely']],
};

describe('bands at the cited cut-offs', () => {
  for (const [id, cases] of Object.entries(boundaries)) {
    it.each(cases)(`${id}: raw %i → %s`, (raw, band) => {
      const answers = answersForRawTotal(scale(id), raw);
      const result = scoreAnswers(scale(id), answers);
      expect(result.raw).toBe(raw);
      expect(result.band?.id).toBe(band);
      expect(result.band?.index).toBe(scale(id).scoring.bands.findIndex((candidate) => candidate.id === band));
    });
  }
});

describe('SDS and SAS standard scores (raw × 1.25, rounded half up)', () => {
  it.each([
    [41, 51, 'normal'],
    [42, 53, 'mild'], // 52.5 → 53: the Chinese norm's "raw 41 ↔ 53" pairing (scales.md §3.1)
    [49, 61, 'mild'],
    [50, 63, 'moderate'],
    [57, 71, 'moderate'],
    [58, 73, 'severe'],
  ])('SDS raw %i → standard %i (%s)', (raw, standard, band) => {
    const result = scoreAnswers(scale('SDS'), answersForRawTotal(scale('SDS'), raw));
    expect([result.raw, result.total, result.band?.id]).toEqual([raw, standard, band]);
  });

  it.each([
    [39, 49, 'normal'],
    [40, 50, 'mild'],
    [47, 59, 'mild'],
    [48, 60, 'moderate'],
    [55, 69, 'moderate'],
    [56, 70, 'severe'],
  ])('SAS raw %i → standard %i (%s)', (raw, standard, band) => {
    const result = scoreAnswers(scale('SAS'), answersForRawTotal(scale('SAS'), raw));
    expect([result.raw, result.total, result.band?.id]).toEqual([raw, standard, band]);
  });

  it('reverse-keyed SDS items score 5 − x: all "很少" answers are not a raw of 20', () => {
    expect(scoreAnswers(scale('SDS'), Array(20).fill(1)).raw).toBe(10 * 1 + 10 * 4);
  });
});

describe('critical items fire whatever the total', () => {
  it('PHQ-9 item 9 ≥ 1 ("好几天")', () => {
    const answers = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    const result = scoreAnswers(scale('PHQ-9'), answers);
    expect(result).toMatchObject({ total: 1, critical: true, band: { id: 'minimal' } });
    expect(scoreAnswers(scale('PHQ-9'), [3, 3, 3, 3, 3, 3, 3, 3, 0]).critical).toBe(false);
  });

  it('EPDS item 10 scoring above 0 (answer codes are printed positions; item 10 is reverse-keyed)', () => {
    const definition = scale('EPDS');
    const answers = definition.items.map((item) => codeFor(definition, item, 0));
    expect(scoreAnswers(definition, answers).critical).toBe(false);
    answers[9] = codeFor(definition, definition.items[9]!, 1);
    expect(scoreAnswers(definition, answers)).toMatchObject({ total: 1, critical: true });
  });

  it('SDS item 19 at "相当多时间" or more, and SCL-90 item 15 at 2 or more', () => {
    const sds = Array(20).fill(2);
    sds[18] = 3;
    expect(scoreAnswers(scale('SDS'), sds).criticalReasons.map((reason) => reason.id)).toEqual(['item19']);
    const scl = Array(90).fill(1);
    expect(scoreAnswers(scale('SCL-90'), scl).critical).toBe(false);
    scl[14] = 2;
    expect(scoreAnswers(scale('SCL-90'), scl).critical).toBe(true);
  });
});

describe('screening rules', () => {
  const factorItems = (id: string) => scale('SCL-90').scoring.subscales.find((subscale) => subscale.id === id)!.items.map((item) => Number(item.slice(1)) - 1);
  const positive = (answers: number[]) => scoreAnswers(scale('SCL-90'), answers).flags.some((flag) => flag.id === 'positive');

  it('SCL-90: more than 43 positive items', () => {
    const answers = Array(90).fill(1);
    for (let index = 0; index < 43; index += 1) answers[index + 20] = 2;
    expect(positive(answers)).toBe(false);
    answers[80] = 2;
    expect(positive(answers)).toBe(true);
  });

  it('SCL-90: any of the nine main factors above 2 (strictly), but not the "other" factor', () => {
    const answers = Array(90).fill(1);
    const hostility = factorItems('hostility');
    hostility.slice(0, 3).forEach((index) => (answers[index] = 3));
    expect(scoreAnswers(scale('SCL-90'), answers).subscales.hostility).toBe(2);
    expect(positive(answers)).toBe(false);
    answers[hostility[3]!] = 2;
    expect(positive(answers)).toBe(true);
    const other = Array(90).fill(1);
    factorItems('other').forEach((index) => (other[index] = 4));
    expect(positive(other)).toBe(false);
  });

  it('SCL-90: total above 160 with few positives and every factor mean at most 2', () => {
    const answers = Array(90).fill(1);
    const perFactor: Record<string, number> = { somatization: 3, obsessive: 2, interpersonal: 2, depression: 3, anxiety: 2, hostility: 1, phobic: 1, paranoid: 1, psychoticism: 2 };
    for (const [factor, count] of Object.entries(perFactor)) factorItems(factor).filter((index) => index !== 14).slice(0, count).forEach((index) => (answers[index] = 5));
    answers[factorItems('other')[0]!] = 3;
    expect(scoreAnswers(scale('SCL-90'), answers).total).toBe(160);
    expect(positive(answers)).toBe(false);
    answers[factorItems('other')[0]!] = 4;
    expect(scoreAnswers(scale('SCL-90'), answers).total).toBe(161);
    expect(positive(answers)).toBe(true);
  });

  it('WHO-5: follow-up when the raw total is below 13 or any item is 0 or 1', () => {
    const flags = (answers: number[]) => scoreAnswers(scale('WHO-5'), answers).flags.map((flag) => flag.id);
    expect(flags([3, 3, 3, 2, 2])).toEqual([]);
    expect(flags([5, 5, 5, 5, 1])).toEqual(['follow_up']);
    expect(flags([3, 3, 2, 2, 2])).toEqual(['follow_up']);
  });

  it('PCL-5 provisional DSM-5 pattern and AUDIT dependence escalation', () => {
    const pcl = Array(20).fill(0);
    [0, 5, 7, 8, 14, 15].forEach((index) => (pcl[index] = 2));
    expect(scoreAnswers(scale('PCL-5'), pcl).flags.map((flag) => flag.id)).toEqual(['provisional_dsm5']);
    pcl[15] = 1;
    expect(scoreAnswers(scale('PCL-5'), pcl).flags).toEqual([]);
    const audit = [0, 0, 0, 2, 2, 0, 0, 0, 0, 0];
    expect(scoreAnswers(scale('AUDIT'), audit).flags.map((flag) => flag.id)).toEqual(['dependence', 'escalate']);
  });

  it('EPDS reports both screen-positive readings (China ≥10, UK ≥13)', () => {
    const definition = scale('EPDS');
    expect(scoreAnswers(definition, answersForRawTotal(definition, 10)).flags.map((flag) => flag.id)).toEqual(['positive_cn']);
    expect(scoreAnswers(definition, answersForRawTotal(definition, 13)).flags.map((flag) => flag.id)).toEqual(['positive_cn', 'positive_uk']);
  });
});

describe('C-SSRS screener: risk levels, skip logic', () => {
  const level = (answers: Array<number | null>) => bandOf('C-SSRS-screener', answers);
  it.each([
    [[0, 0, null, null, null, 0, null], 'none'],
    [[1, 0, null, null, null, 0, null], 'low'],
    [[1, 1, 0, 0, 0, 0, null], 'low'],
    [[1, 1, 1, 0, 0, 0, null], 'moderate'],
    [[0, 0, null, null, null, 1, 0], 'moderate'],
    [[1, 1, 0, 1, 0, 0, null], 'high'],
    [[0, 0, null, null, null, 1, 1], 'high'],
  ])('%j → %s', (answers, expected) => {
    expect(level(answers)).toBe(expected);
  });

  it('any yes is critical; high risk asks for immediate action; answers against the skip logic are refused', () => {
    const result = scoreAnswers(scale('C-SSRS-screener'), [1, 1, 1, 1, 0, 0, null]);
    expect(result).toMatchObject({ critical: true, band: { index: 3, id: 'high' }, total: null });
    expect(result.flags.map((flag) => flag.id)).toEqual(['immediate']);
    expect(scoreAnswers(scale('C-SSRS-screener'), [0, 0, null, null, null, 0, null]).critical).toBe(false);
    expect(() => scoreAnswers(scale('C-SSRS-screener'), [0, 0, 1, null, null, 0, null])).toThrow(/第 3 题/);
    expect(() => scoreAnswers(scale('C-SSRS-screener'), [1, 1, null, null, null, 0, null])).toThrow(/第 3、4、5 题未作答/);
  });

  it('askedItems tells the forms which items the scorer expects (the same skip rule)', () => {
    expect(askedItems(scale('C-SSRS-screener'), [0, 0, null, null, null, null, null]).slice(2, 5)).toEqual([false, false, false]);
    expect(askedItems(scale('C-SSRS-screener'), [1, 1, null, null, null, null, null]).slice(2, 5)).toEqual([true, true, true]);
    expect(askedItems(scale('PHQ-9'), Array(9).fill(null))).toEqual(Array(9).fill(true));
  });
});

describe('missing and invalid answers', () => {
  it('names the missing items', () => {
    expect(() => scoreAnswers(scale('PHQ-9'), [0, null, 0, 0, 0, 0, null, 0, 0])).toThrow('第 2、7 题未作答。');
  });
  it('refuses codes outside the options and the wrong number of answers', () => {
    expect(() => scoreAnswers(scale('PHQ-9'), [0, 0, 0, 0, 0, 0, 0, 0, 4])).toThrow(/第 9 题的答案不在选项范围内/);
    expect(() => scoreAnswers(scale('AUDIT'), [0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toThrow(/第 9 题/);
    expect(() => scoreAnswers(scale('GAD-7'), [0, 0, 0])).toThrow('GAD-7 有 7 道题，收到 3 个答案。');
  });
  it('K10 prorates one missing item and refuses two (PMHC-MDS rule)', () => {
    const nine = [2, 2, 2, 2, 2, 2, 2, 2, 2, null];
    expect(scoreAnswers(scale('K10'), nine)).toMatchObject({ total: 20, prorated: true, band: { id: 'moderate' } });
    expect(scoreAnswers(scale('K10'), [3, 3, 3, 3, 3, 3, 3, 3, 2, null]).total).toBe(29); // 26/9×10 = 28.9 → 29
    expect(() => scoreAnswers(scale('K10'), [2, 2, 2, 2, 2, 2, 2, 2, null, null])).toThrow('第 9、10 题未作答。');
  });
  it('PHQ-15 item 4 may be left empty (men); AD8 null means "不适用/不知道" and scores 0', () => {
    const phq15 = Array(15).fill(1);
    phq15[3] = null;
    expect(scoreAnswers(scale('PHQ-15'), phq15).total).toBe(14);
    expect(scoreAnswers(scale('AD8'), [1, 1, null, null, 0, 0, 0, 0])).toMatchObject({ total: 2, band: { id: 'impairment_likely' } });
  });
  it('UCLA-LS3-20 has no bands: band is null', () => {
    expect(scoreAnswers(scale('UCLA-LS3-20'), Array(20).fill(1))).toMatchObject({ band: null, total: 20 + 9 * 3 });
  });
});
