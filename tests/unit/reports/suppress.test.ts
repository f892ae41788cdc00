import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../shared/reports/compute.js';
import type { FactRow } from '../../../shared/reports/factSources.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';
import { suppressFigures } from '../../../shared/reports/suppress.js';

/** The shared copy's small-cell rules (reports-standards.md §6.3): counts 1–4 as "<5", zeros kept, no cell recoverable by subtraction. */
const set = builtinIndicatorSets.get('sps-monthly')!;
let next = 0;
const session = (sex: string, age: number, modality = 'in_person', group: string[] = []): FactRow => {
  next += 1;
  return { id: next, link: '', clientId: next, day: '2026-11-02', dims: { sex, age, group, topic: [], modality } };
};

describe('small-cell suppression of shared copies', () => {
  it('hides counts from 1 to 4, keeps zeros and counts of five or more', () => {
    const rows = [...Array.from({ length: 9 }, () => session('female', 40)), ...Array.from({ length: 3 }, () => session('male', 40))];
    const shown = suppressFigures(set, computeFigures(set, { sessions: rows }));
    expect(shown.SPS01!.total).toBe(12);
    // 男 3 is hidden, and with it the next smallest non-zero cell (女 9, marked *), else 12 − 9 = 3 gives it away.
    expect(shown.SPS01!.breakdown.SEX).toEqual({ M: '<5', F: '*', U: 0 });
    expect(shown.SPS03!.total).toBe(0);
  });

  it('hides a total below five and, with it, every non-zero cell', () => {
    const shown = suppressFigures(set, computeFigures(set, { sessions: [session('female', 30), session('female', 31)] }));
    expect(shown.SPS01!.total).toBe('<5');
    expect(shown.SPS01!.breakdown.SEX).toEqual({ M: 0, F: '<5', U: 0 });
  });

  it('adds no complementary hiding where a category holds several values per record (they do not add up to the total)', () => {
    const rows = [...Array.from({ length: 6 }, () => session('female', 40, 'in_person', ['youth', 'disabled'])), session('male', 40, 'in_person', ['hardship'])];
    const shown = suppressFigures(set, computeFigures(set, { sessions: rows }));
    expect(shown.SPS01!.breakdown.GRP).toMatchObject({ YOUTH: 6, DISAB: 6, HARD: '<5', NONE: 0 });
  });

  it('keeps hours, which count no person, and follows a chosen threshold', () => {
    const figures = computeFigures(set, { openDays: [{ id: 1, link: '', clientId: null, day: '2026-11-02', dims: {}, amounts: { hours: 3 } }], sessions: Array.from({ length: 7 }, () => session('female', 20)) });
    expect(suppressFigures(set, figures).SPS15A!.total).toBe(3);
    expect(suppressFigures(set, figures, 10).SPS01!.total).toBe('<10');
  });
});
