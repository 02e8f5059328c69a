/**
 * The short fuzz run of the suite (about a minute): every target with a fresh seed (printed on
 * failure, with the shrunk input), and every earlier finding in fixtures/fuzz/ replayed.
 * `npm run fuzz -- --minutes N` runs the same targets for longer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { decodeInput, fuzzTargets } from '../../scripts/fuzz-targets';
import { createTestService, FIXTURES, type TestService } from '../helpers';

let svc: TestService;
beforeAll(async () => {
  // OCR off: random bytes that pass for an image, and every random PDF without text, would each be
  // rendered and recognised (seconds apiece, and the OCR model's memory in this worker). OCR's
  // own hostile inputs (image bombs, page bombs, corrupt and blank images) have their cases in
  // tests/hostile and tests/ocr.
  svc = createTestService({ PDF_TIMEOUT_MS: '5000', OCR: 'off' });
  await svc.services.warmUp();
});
afterAll(() => svc.close());

describe('fuzzing', () => {
  const names = ['sniffer', 'text-extraction', 'tokenizer', 'analysis', 'webhook-verifier', 'pdf', 'docx', 'docx-xml'];

  it.each(names)('%s: no crash, hang or broken invariant', async (name) => {
    const target = fuzzTargets(svc.services).find((t) => t.name === name);
    if (!target) throw new Error(`no target ${name}`);
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => {
      rejections.push(reason);
    };
    process.on('unhandledRejection', onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(target.arbitrary, async (input) => {
          await target.check(input);
        }),
        { numRuns: target.quickRuns, timeout: 20_000 },
      );
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  }, 120_000);

  const findings = existsSync(path.join(FIXTURES, 'fuzz')) ? readdirSync(path.join(FIXTURES, 'fuzz')).filter((f) => f.endsWith('.json')) : [];
  (findings.length ? it.each(findings) : it.skip.each(['(none yet)']))('earlier finding %s holds now', async (file) => {
    const finding = JSON.parse(readFileSync(path.join(FIXTURES, 'fuzz', file), 'utf8')) as { target: string; input: unknown };
    const target = fuzzTargets(svc.services).find((t) => t.name === finding.target);
    if (!target) throw new Error(`finding ${file} names no known target`);
    await target.check(decodeInput(finding.input) as never);
  });
});
