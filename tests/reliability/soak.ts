// `npm run soak`: the long forms, not part of `npm test`: the contract fuzz (XINYI_FUZZ_RUNS,
// default 100,000) and the kill trials (XINYI_KILL_TRIALS, default 1,000; 6-13 s each on 2 busy cores).
import { runContractFuzz } from './fuzzContract.js';
import { killTrial, scenarios } from './killTrials.js';

const runs = Number(process.env.XINYI_FUZZ_RUNS ?? 100_000);
const trials = Number(process.env.XINYI_KILL_TRIALS ?? 1_000);
const seed = process.env.XINYI_FUZZ_SEED === undefined ? undefined : Number(process.env.XINYI_FUZZ_SEED);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

let started = Date.now();
const fuzz = await runContractFuzz({ runs, ...(seed === undefined ? {} : { seed }) });
print({ fuzz: { runs: fuzz.calls, sessionEndingOnFreshStations: fuzz.sessionEndingCalls, seconds: Math.round((Date.now() - started) / 1000), byCode: fuzz.byCode, failures: fuzz.failures.length } });
for (const failure of fuzz.failures.slice(0, 50)) print(failure);

started = Date.now();
let killFailures = 0;
let acknowledged = 0;
// Where the rotation and migration kills fell, so the figures show they hit the work itself.
const landed: Record<string, number> = {};
for (let trial = 0; trial < trials; trial += 1) {
  const outcome = await killTrial(scenarios[trial % scenarios.length]!);
  acknowledged += Math.max(0, outcome.acknowledged + 1);
  if (outcome.landed) {
    const where = `${outcome.scenario}: ${outcome.landed}`;
    landed[where] = (landed[where] ?? 0) + 1;
  }
  if (outcome.problems.length > 0) {
    killFailures += 1;
    print(outcome);
  }
  // A long soak can be stopped by the session clock: the figures so far stay on record.
  if ((trial + 1) % 50 === 0) print({ killTrialsSoFar: { trials: trial + 1, acknowledgedWrites: acknowledged, lostOrBroken: killFailures, seconds: Math.round((Date.now() - started) / 1000) } });
}
print({ killTrials: { trials, acknowledgedWrites: acknowledged, lostOrBroken: killFailures, landed, seconds: Math.round((Date.now() - started) / 1000) } });
process.exitCode = fuzz.failures.length === 0 && killFailures === 0 ? 0 : 1;
