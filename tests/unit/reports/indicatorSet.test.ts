import { describe, expect, it } from 'vitest';
import { unusualChange } from '../../../shared/reports/comparison.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import { lastFullMonth, previousRange, twelveMonths, yearEarlierRange } from '../../../shared/reports/periodShift.js';
import { checkRules } from '../../../shared/reports/rules.js';
import { validateIndicatorSet } from '../../../shared/reports/validateIndicatorSet.js';

/** The indicator set as data (issue 14): what a district's own version may not say, and the period arithmetic around it. */
const shipped = builtinIndicatorSets.get('sps-monthly')!;
const withChange = (change: (set: typeof shipped) => void) => {
  const copy = structuredClone(shipped);
  change(copy);
  return validateIndicatorSet(copy);
};
const problems = (check: ReturnType<typeof validateIndicatorSet>) => (check.ok ? [] : check.problems);

describe('a district’s indicator set', () => {
  it('ships SPS01–SPS20 and the checklist completion, each with a definition and a basis', () => {
    expect(shipped.indicators.map((item) => item.id)).toEqual([...Array.from({ length: 20 }, (_, index) => `SPS${String(index + 1).padStart(2, '0')}`), 'CHK01']);
    expect(shipped.indicators.every((item) => item.definition.length > 10 && item.basis)).toBe(true);
  });

  it('names every problem at its place, in Chinese', () => {
    expect(problems(withChange((set) => (set.indicators[0]!.values[0]!.fact.measure = 'hours')))).toEqual([expect.stringMatching(/^指标 SPS01（个体心理咨询（疏导）人次）的 SPS01：数据来源“个体咨询记录”没有“hours”这一统计方式/)]);
    expect(problems(withChange((set) => set.indicators[0]!.disaggregations.push('CALLP')))[0]).toMatch(/不能按“来电问题类型”分类/);
    expect(problems(withChange((set) => (set.indicators[1]!.values[0]!.code = 'SPS01')))).toContain('取值代码 SPS01 重复。');
    expect(problems(withChange((set) => (set.categories[1]!.options[1]!.ages = [10, 17])))).toContain('分类 AGE（年龄段）：年龄段 0–13 与 10–17 重叠。');
    expect(problems(withChange((set) => set.categories[0]!.options[1]!.values!.push('male')))).toContain('分类 SEX（性别）：取值“male”同时归入 M 和 F。');
    expect(problems(withChange((set) => (set.rules[0]!.left = ['SPS99'])))).toEqual([expect.stringMatching(/校验规则 R01（个体咨询人数不多于人次）：取值 SPS99 不存在/)]);
    expect(problems(withChange((set) => (set.indicators[3]!.values[0]!.fact.source = 'sessions')))).toContain('指标 SPS04（期末在管个案数）：期末数（stock）指标只能取期末数据来源。');
    expect(problems(withChange((set) => (set.indicators[0]!.values[0]!.code = 'sps 01')))[0]).toMatch(/代码只能由大写字母/);
    expect(validateIndicatorSet(shipped).ok).toBe(true);
  });
});

describe('validation rules', () => {
  const figures = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([code, total]) => [code, { total, breakdown: {} }]));
  it('compare summed sides and skip as the missing-value strategy says', () => {
    const violations = checkRules(shipped, figures({ SPS01: 3, SPS02: 4, SPS09A: 2, SPS09B: 2 }));
    expect(violations.map((violation) => [violation.ruleId, violation.left, violation.right])).toEqual([['R01', 4, 3]]);
  });
});

describe('comparison flags for small counts', () => {
  it('never flags a change below five, and beyond that only past three standard deviations', () => {
    expect(unusualChange(4, 0)).toBeNull();
    expect(unusualChange(8, 2)).toBe('rise');
    expect(unusualChange(30, 20)).toBeNull();
    expect(unusualChange(40, 20)).toBe('rise');
    expect(unusualChange(2, 20)).toBe('drop');
  });
});

describe('period arithmetic', () => {
  it('steps back a whole month, quarter or year and keeps month ends', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousRange({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousRange({ from: '2026-11-10', to: '2026-11-19' })).toEqual({ from: '2026-10-31', to: '2026-11-09' });
    expect(yearEarlierRange({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(yearEarlierRange({ from: '2028-02-29', to: '2028-03-03' })).toEqual({ from: '2027-02-28', to: '2027-03-03' });
    expect(twelveMonths('2026-02').map((month) => month.key)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('names the last whole month before a day, across a year’s turn', () => {
    expect(lastFullMonth('2026-11-30')).toBe('2026-10');
    expect(lastFullMonth('2027-01-01')).toBe('2026-12');
  });
});
