import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../shared/reports/compute.js';
import type { FactRow } from '../../../shared/reports/factSources.js';
import { builtinIndicatorSets } from '../../../shared/reports/library.js';

/** A row standing for several records alike in every dimension (FactRow.weight): counted, summed and flagged as that many. */
const set = builtinIndicatorSets.get('sps-monthly')!;
const call = (id: number, problem: string, highRisk: boolean, weight?: number): FactRow => ({ id, link: '', clientId: null, day: '2026-11-02', dims: { callProblem: problem }, flags: { highRisk, difficult: false, repeat: false }, weight });
const lecture = (id: number, participants: number, weight?: number): FactRow => ({ id, link: '', clientId: null, day: '2026-11-02', dims: { activityType: 'lecture', outreachTarget: [] }, amounts: { participants, onlineReach: 0 }, weight });

describe('grouped rows', () => {
  it('count, sum and flag as the records they stand for, in totals and breakdowns alike', () => {
    const grouped = computeFigures(set, { calls: [call(1, 'emotion', true, 3), call(2, 'family', false, 2)], activities: [lecture(1, 40, 2)] });
    const listed = computeFigures(set, {
      calls: [call(1, 'emotion', true), call(2, 'emotion', true), call(3, 'emotion', true), call(4, 'family', false), call(5, 'family', false)],
      activities: [lecture(1, 40), lecture(2, 40)],
    });
    expect(grouped).toEqual(listed);
    expect([grouped.SPS14A!.total, grouped.SPS14B!.total, grouped.SPS06A!.total, grouped.SPS06B!.total]).toEqual([5, 3, 2, 80]);
  });
});
