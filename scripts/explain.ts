/**
 * `npm run explain -- <file> [--kind cv|job] [--skill id] [--no-text]`: every stage for one
 * document (see src/tools/explain.ts). Runs the core in-process; no server needed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { isSkillmatchError } from '../src/core/errors';
import { createServices } from '../src/services';
import { explainDocument } from '../src/tools/explain';

function usage(): never {
  process.stderr.write('usage: npm run explain -- <file> [--kind cv|job|auto] [--skill <skill id>] [--no-text]\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--kind', '--skill'].includes(args[i - 1] ?? ''));
  if (!file) usage();
  const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : 'auto';
  if (kind !== 'cv' && kind !== 'job' && kind !== 'auto') usage();
  const skill = args.includes('--skill') ? args[args.indexOf('--skill') + 1] : undefined;
  const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent', PDF_WORKERS: '1', DB_PATH: ':memory:' }));
  try {
    await explainDocument(services, readFileSync(file), path.basename(file), { kind, skill, showText: !args.includes('--no-text') }, (l) => process.stdout.write(`${l}\n`));
  } catch (error) {
    if (!isSkillmatchError(error)) throw error;
    process.stderr.write(`${error.code}: ${error.detail}\n`);
    process.exitCode = 1;
  } finally {
    await services.close();
  }
}

void main();
