import { describe, expect, it } from 'vitest';
import { runContractFuzz } from './fuzzContract.js';

/** Short form inside `npm test`; `npm run soak` runs the same harness with 100,000 inputs. */
const runs = Number(process.env.XINYI_FUZZ_RUNS ?? 5_000);

describe('contract fuzz: every method, every role, schema-shaped and random input', () => {
  it(`${runs} calls answer ok or a known refusal, never INTERNAL, and refusals change nothing`, async () => {
    const result = await runContractFuzz({ runs });
    // Plus the session-ending methods' schema-shaped inputs on fresh stations: at least two calls each.
    expect(result.sessionEndingCalls).toBeGreaterThanOrEqual(28);
    expect(result.calls).toBe(runs + result.sessionEndingCalls);
    expect(result.failures.slice(0, 20)).toEqual([]);
    // Both sides were reached: some calls succeeded and many were refused.
    expect(result.byCode.ok ?? 0).toBeGreaterThan(0);
    expect(result.byCode.INVALID_INPUT ?? 0).toBeGreaterThan(0);
  });
});
