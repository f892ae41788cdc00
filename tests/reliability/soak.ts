// `npm run soak`: the contract fuzz's long form (XINYI_FUZZ_RUNS, default 100,000). Not part of `npm test`.
import { runContractFuzz } from './fuzzContract.js';

const runs = Number(process.env.XINYI_FUZZ_RUNS ?? 100_000);
const seed = process.env.XINYI_FUZZ_SEED === undefined ? undefined : Number(process.env.XINYI_FUZZ_SEED);
const started = Date.now();
const result = await runContractFuzz({ runs, ...(seed === undefined ? {} : { seed }) });
process.stdout.write(`${JSON.stringify({ runs: result.calls, seconds: Math.round((Date.now() - started) / 1000), byCode: result.byCode, failures: result.failures.length }, null, 2)}\n`);
for (const failure of result.failures.slice(0, 50)) process.stdout.write(`${JSON.stringify(failure)}\n`);
process.exitCode = result.failures.length === 0 ? 0 : 1;
