import type { SetFigures } from './compute.js';
import { reportDimensions } from './factSources.js';
import type { IndicatorSet } from './indicatorSetSchema.js';

/** A figure as a shared copy shows it: the number, "<k" for a small count, or "*" for a cell hidden so that none can be worked out. */
export type ShownFigure = number | string;
export type ShownFigures = Record<string, { total: ShownFigure; breakdown: Record<string, Record<string, ShownFigure>> }>;

/** The default threshold k: counts 1–4 are shown as "<5" (reports-standards.md §6.3 rule 2, ONS sensitive-data practice). */
export const defaultSuppressionThreshold = 5;
/** A cell hidden only so that a small one cannot be recovered by subtraction (it may be large: "<k" would mislead). */
export const complementaryMark = '*';

const small = (value: number, k: number) => value > 0 && value < k;

/**
 * The figures of a shared copy (reports-standards.md §6.3, class (b) outputs): every count from 1 to k−1 shown as
 * "<k", zeros kept; and complementary suppression, so a hidden cell cannot be recovered by subtracting the others
 * from a shown total: where a one-valued category (sex, age band …) would hide exactly one cell, the next smallest
 * non-zero cell is hidden too, marked "*". Many-valued categories (a client's several tags) do not add up to the total, so they
 * give nothing away by subtraction. Amounts that are not counts of people or events (hours, points) are kept.
 */
export function suppressFigures(set: IndicatorSet, figures: SetFigures, k = defaultSuppressionThreshold): ShownFigures {
  const hidden = `<${k}`;
  const categories = new Map(set.categories.map((category) => [category.code, category]));
  const shown: ShownFigures = {};
  for (const item of set.indicators) {
    for (const value of item.values) {
      const figure = figures[value.code];
      if (!figure) continue;
      const counts = value.unit !== '小时' && value.unit !== '分';
      const hide = (n: number): ShownFigure => (counts && small(n, k) ? hidden : n);
      const breakdown: Record<string, Record<string, ShownFigure>> = {};
      for (const [code, cells] of Object.entries(figure.breakdown)) {
        const row: Record<string, ShownFigure> = Object.fromEntries(Object.entries(cells).map(([option, n]) => [option, hide(n)]));
        const many = reportDimensions[categories.get(code)!.dimension].many;
        const hiddenCells = Object.values(row).filter((cell) => cell === hidden).length;
        if (counts && !many && hiddenCells === 1 && typeof hide(figure.total) === 'number') {
          const next = Object.entries(cells)
            .filter(([option, n]) => n > 0 && row[option] !== hidden)
            .sort((a, b) => a[1] - b[1])[0];
          if (next) row[next[0]] = complementaryMark;
        }
        breakdown[code] = row;
      }
      shown[value.code] = { total: hide(figure.total), breakdown };
    }
  }
  return shown;
}
