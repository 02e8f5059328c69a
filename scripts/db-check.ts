/**
 * npm run db:check [file]: the full integrity check of the queue database (default: the one the
 * configuration names). Exit 0 when sound, 1 with the problems listed when not.
 */
import path from 'node:path';
import { checkDatabaseIntegrity } from '../src/adapters/sqlite-store';
import { loadConfig } from '../src/main/config';

const config = loadConfig();
const file = process.argv[2] ?? config.DB_PATH ?? path.join(config.DATA_DIR, 'skillmatch.db');
const problems = checkDatabaseIntegrity(file);
if (problems.length === 0) {
  process.stdout.write(`${file}: ok\n`);
} else {
  process.stdout.write(`${file}: ${problems.length} problem(s)\n${problems.slice(0, 50).map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
}
