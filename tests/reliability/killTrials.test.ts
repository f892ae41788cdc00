import { describe, expect, it } from 'vitest';
import { killTrial, scenarios } from './killTrials.js';

/** Short form inside `npm test` (20 trials); `npm run soak` runs XINYI_KILL_TRIALS (default 1,000). */
const trials = Number(process.env.XINYI_KILL_TRIALS ?? 20);

describe('kill trials through the real host', () => {
  it(`${trials} SIGKILLs during writes, backups and restores lose nothing acknowledged and leave a station that verifies`, async () => {
    const failures: unknown[] = [];
    let acknowledgedWrites = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const outcome = await killTrial(scenarios[trial % scenarios.length]!);
      acknowledgedWrites += Math.max(0, outcome.acknowledged + 1);
      if (outcome.problems.length > 0) failures.push(outcome);
    }
    expect(failures).toEqual([]);
    // The kills landed while work was acknowledged, not before any started.
    expect(acknowledgedWrites).toBeGreaterThan(trials);
  });
});
