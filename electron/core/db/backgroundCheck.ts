import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cipherAlgorithm, databaseCipher, problemsIn } from './openDatabase.js';

/**
 * The quick_check after unlock (DESIGN.md §4). It reads the whole file, so its time grows with the
 * station (about half a second at 30,000 clients): run inside unlock it was most of the budget for
 * everything after the key derivation. Instead a worker thread opens its own read-only connection to
 * the same file (WAL lets a reader run beside the writer) and reports; the vault blocks writes if it
 * finds damage (vault.ts).
 */
export type QuickCheckOutcome = Readonly<{
  /** `stopped`: the station locked (or swapped files) before a verdict; the next unlock checks again. */
  verdict: 'sound' | 'damaged' | 'stopped';
  /** SQLite's own lines, for logs and counting only (users read integrityFailureMessage). */
  problems: readonly string[];
  /** From start to verdict, worker start-up included. */
  ms: number;
}>;

export type RunningCheck = Readonly<{
  /** Settles (never rejects) once the worker thread has exited, so nothing of it outlives the outcome. */
  outcome: Promise<QuickCheckOutcome>;
  /** Lock, rotation, restore: end the check. Resolves once the worker and its connection are gone. */
  stop(): Promise<QuickCheckOutcome>;
}>;

type WorkerReport = { lines: string[] } | { failure: string };

/** SQLite's answers for a file it cannot read as a database: a verdict, not a failure to check. */
const damageCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Plain CommonJS run with `eval`: no worker file to find in the bundles or the asar, and nothing
 * the TypeScript tooling could rewrite. The key arrives as a transferred buffer and is zeroed once
 * the connection is keyed (the pragma's text cannot be zeroed; the main thread's open makes the same).
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const key = Buffer.from(workerData.key);
let db = null;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma("cipher='" + workerData.cipher + "'");
  db.pragma("algorithm='" + workerData.algorithm + "'");
  db.pragma("key='raw:" + key.toString('hex') + "'");
  key.fill(0);
  const rows = db.pragma('quick_check');
  parentPort.postMessage({ lines: rows.map((row) => String(Object.values(row)[0])) });
} catch (error) {
  parentPort.postMessage({ failure: String((error && (error.code || error.name)) || 'unknown') });
} finally {
  key.fill(0);
  if (db) db.close();
}
`;

/**
 * The driver's entry file, for the worker to load its own copy (in the CommonJS bundles import.meta.url
 * is the bundle's own file: build/buildNode.mjs). If it cannot be found, the check runs in-thread.
 */
function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
}

/**
 * Start the check of `file` under `dataKey`. If the worker cannot run it (its module does not load,
 * the file does not open), `inThread` runs it on the main connection instead — one pause of the event
 * loop, but the protection holds; it returns null when the station closed meanwhile.
 */
export function startQuickCheck(file: string, dataKey: Buffer, inThread: () => string[] | null): RunningCheck {
  const started = performance.now();
  let report: WorkerReport | null = null;
  let stopped = false;
  // A copy the worker takes over: transferring detaches it here, so no extra copy stays on this thread.
  const key = new Uint8Array(dataKey.length);
  key.set(dataKey);
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerSource, {
      eval: true,
      workerData: { driver: driverPath(), file, key: key.buffer, cipher: databaseCipher, algorithm: cipherAlgorithm },
      transferList: [key.buffer],
    });
    // Not unref'd: whoever awaits the outcome (the bench, a script) must not see the process end first;
    // a lock or close ends the worker, and the CLI exits explicitly.
    worker.on('message', (message: WorkerReport) => (report ??= message));
    worker.on('error', () => (report ??= { failure: 'worker' }));
  } catch {
    key.fill(0);
  }

  const settle = (): QuickCheckOutcome => {
    const outcome = (verdict: QuickCheckOutcome['verdict'], problems: readonly string[]) => ({ verdict, problems, ms: performance.now() - started });
    const found = report && 'lines' in report ? problemsIn(report.lines) : report && damageCodes.has(report.failure) ? [report.failure] : null;
    if (found) return outcome(found.length > 0 ? 'damaged' : 'sound', found);
    if (stopped) return outcome('stopped', []);
    process.stderr.write(`[xinyi] quick_check worker unavailable (${report && 'failure' in report ? report.failure : 'no report'}): checking on the main thread\n`);
    try {
      const problems = inThread();
      if (problems === null) return outcome('stopped', []);
      return outcome(problems.length > 0 ? 'damaged' : 'sound', problems);
    } catch (error) {
      const code = String((error as { code?: unknown }).code);
      // Any other failure gives no verdict; the next unlock checks again.
      return damageCodes.has(code) ? outcome('damaged', [code]) : outcome('stopped', []);
    }
  };
  const thread = worker;
  const outcome = new Promise<QuickCheckOutcome>((resolve) => {
    if (thread) thread.once('exit', () => resolve(settle()));
    else setImmediate(() => resolve(settle()));
  });
  return {
    outcome,
    stop: () => {
      stopped = true;
      // A worker inside the native check leaves when it returns; its connection closes as the thread ends.
      void thread?.terminate();
      return outcome;
    },
  };
}
