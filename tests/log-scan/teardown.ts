import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_LOG_DIR } from '../helpers';
import { findLeaks, fixtureNeedles } from './needles';

/**
 * After the whole suite: every log line the services wrote is searched for the fixtures' CV text.
 * One hit fails the run. The scan must also have something to read: request logs of the suite.
 */
export default function scanTestLogs(): void {
  if (!existsSync(TEST_LOG_DIR)) return; // a run of suites that start no service
  const needles = fixtureNeedles();
  const lines = readdirSync(TEST_LOG_DIR)
    .filter((f) => f.endsWith('.ndjson'))
    .flatMap((f) => readFileSync(path.join(TEST_LOG_DIR, f), 'utf8').split('\n').filter(Boolean));
  const leaks = findLeaks(lines, needles);
  if (leaks.length) throw new Error(`Document text in ${leaks.length} log line(s) written during the tests:\n${leaks.slice(0, 10).join('\n')}`);
  process.stdout.write(`\nLog scan: ${lines.length} log lines written during the tests, none holds fixture CV text (${needles.length} sentences, e-mails and phone numbers looked for).\n`);
}
