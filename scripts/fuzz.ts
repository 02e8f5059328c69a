/**
 * `npm run fuzz -- --minutes 5 [--target name]`: runs every fuzz target in turn, with fresh seeds,
 * until the time is up. A failure (an exception other than our own errors, a broken invariant, a
 * hang past the per-input time limit, an unhandled rejection) is written to fixtures/fuzz/ as a
 * finding, which the test suite then replays; the run exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../src/main/config';
import { createServices } from '../src/main/compose';
import { encodeInput, FIXTURES, fuzzTargets } from './fuzz-targets';

const PER_INPUT_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const minutes = Number(args[args.indexOf('--minutes') + 1] ?? 1);
  const only = args.includes('--target') ? args[args.indexOf('--target') + 1] : undefined;
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('usage: npm run fuzz -- --minutes <n> [--target <name>]');
  let unhandled: unknown;
  process.on('unhandledRejection', (reason) => {
    unhandled = reason;
  });
  // OCR off, as in tests/fuzz: OCR's hostile inputs have their own cases (tests/hostile, tests/ocr).
  const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent', DB_PATH: ':memory:', PDF_TIMEOUT_MS: '5000', OCR: 'off' }));
  await services.warmUp();
  const targets = fuzzTargets(services).filter((t) => !only || t.name === only);
  if (targets.length === 0) throw new Error(`no target named ${only}`);
  const until = Date.now() + minutes * 60_000;
  const runs = new Map<string, number>();
  let failed = false;
  try {
    while (Date.now() < until && !failed) {
      for (const target of targets) {
        const seed = Math.floor(Math.random() * 2 ** 31);
        const result = await fc.check(
          fc.asyncProperty(target.arbitrary, async (input) => {
            await target.check(input);
          }),
          { seed, numRuns: target.quickRuns, timeout: PER_INPUT_TIMEOUT_MS, interruptAfterTimeLimit: Math.max(1000, until - Date.now()), markInterruptAsFailure: false },
        );
        runs.set(target.name, (runs.get(target.name) ?? 0) + result.numRuns);
        if (unhandled !== undefined) {
          result.failed = true;
          result.counterexample = null;
          result.errorInstance = unhandled;
        }
        if (result.failed) {
          failed = true;
          const dir = path.join(FIXTURES, 'fuzz');
          mkdirSync(dir, { recursive: true });
          const file = path.join(dir, `${target.name}-${seed}.json`);
          const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
          writeFileSync(file, `${JSON.stringify({ target: target.name, seed, error, input: result.counterexample ? encodeInput(result.counterexample[0]) : null }, null, 2)}\n`);
          process.stderr.write(`FINDING in ${target.name} (seed ${seed}): ${error}\nwritten to ${path.relative(process.cwd(), file)}\n`);
          break;
        }
        if (Date.now() >= until) break;
      }
    }
  } finally {
    await services.close();
  }
  const summary = [...runs].map(([name, n]) => `${name}: ${n}`).join(', ');
  process.stdout.write(`fuzz: ${minutes} min, inputs per target: ${summary}; ${failed ? '1 finding' : 'no crashes, hangs or unhandled rejections'}\n`);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
