import { describe, expect, it } from 'vitest';
import { defaultChoice, periodKinds, previewInput } from '../../../renderer/src/features/reports/reportPeriod.js';
import { parsePeriod, periodLabel, periodsContaining } from '../../../shared/domain/periods.js';
import { lastFullMonth } from '../../../shared/reports/periodShift.js';

describe('periods', () => {
  it('reads a year, a month, a quarter and a half year as inclusive days with a Chinese name', () => {
    expect(parsePeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30', label: '2026年11月' });
    expect(parsePeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29', label: '2028年2月' });
    expect(parsePeriod('2026-12')?.to).toBe('2026-12-31');
    expect(parsePeriod('2026-q4')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' });
    expect(parsePeriod('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30', label: '2026年上半年' });
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
  });

  it('names nothing for a text that is no period', () => {
    for (const text of ['2026-13', '2026-00', '2026-Q5', '2026-H3', '26-11', '上月', '', '2026-11-01', '1999']) expect(parsePeriod(text), text).toBeNull();
  });

  it('heads a range by its name when it is a whole period, else by its two days', () => {
    expect(periodLabel('2026-11-01', '2026-11-30')).toBe('2026年11月');
    expect(periodLabel('2026-07-01', '2026-12-31')).toBe('2026年下半年');
    expect(periodLabel('2026-11-03', '2026-11-20')).toBe('2026-11-03 至 2026-11-20');
    expect(periodLabel('2026-11-03', '2026-11-03')).toBe('2026-11-03');
  });

  it('names the quarter, half and year a month falls in, the month first', () => {
    expect(periodsContaining('2026-11')).toEqual(['2026-11', '2026-Q4', '2026-H2', '2026']);
    expect(periodsContaining('2026-03')).toEqual(['2026-03', '2026-Q1', '2026-H1', '2026']);
    expect(periodsContaining('2026-06')).toEqual(['2026-06', '2026-Q2', '2026-H1', '2026']);
    expect(periodsContaining('2026-07')).toEqual(['2026-07', '2026-Q3', '2026-H2', '2026']);
    expect(periodsContaining('2026-12').every((key) => parsePeriod(key) !== null)).toBe(true);
  });

  it('are the periods the report screen opens first for each kind (what core reads ahead after an unlock)', () => {
    for (const today of ['2026-12-03', '2027-01-05', '2026-07-01', '2026-04-30']) {
      const choice = defaultChoice(today);
      const opened = periodKinds.filter((kind) => kind !== 'custom').map((kind) => previewInput({ ...choice, kind }));
      expect(opened.map((input) => (input && 'period' in input ? input.period : null)), today).toEqual(periodsContaining(lastFullMonth(today)));
    }
  });
});
