/**
 * The `skillmatch` command's composition root: the commands of src/cli on the real adapters.
 *   skillmatch analyze | match | explain | lexicon check | serve   (skillmatch --help)
 * Exit codes: 0 success, 1 some files failed (each reported on stderr), 2 bad usage.
 */
import { createNlp } from '../adapters/nlp';
import { runCommand, type CliDeps, type Io } from '../cli/cli';
import { lexiconCheck } from '../cli/lexicon-check';
import { createServices, loadLexicon } from './compose';
import { loadConfig } from './config';
import { limitHeapGrowth } from './heap';
import { main as serve } from './server';

export const cliDeps: CliDeps = {
  openAnalyzer() {
    // A folder of CVs is a burst like any other: the same heap growth limit as the service.
    limitHeapGrowth();
    // A command keeps nothing: no queue database on disk, no log lines.
    const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent', DB_PATH: ':memory:' }));
    return { analyzer: services.analyzer, close: () => services.close() };
  },
  serve,
  checkLexicon: (dir, out, err) => lexiconCheck(() => loadLexicon(createNlp(), dir), out, err),
};

/** Runs one command on the real adapters; returns the exit code. */
export function runCli(argv: string[], io: Io): Promise<number> {
  return runCommand(argv, io, cliDeps);
}

export async function run(argv: string[]): Promise<void> {
  const code = await runCli(argv, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    tty: Boolean(process.stderr.isTTY),
    onInterrupt(handler) {
      // The first Ctrl-C asks the command to stop cleanly; a second one ends the process at once.
      const once = (): void => {
        process.removeListener('SIGINT', once);
        process.once('SIGINT', () => process.exit(130));
        handler();
      };
      process.on('SIGINT', once);
      return () => process.removeListener('SIGINT', once);
    },
  });
  if (code < 0) return;
  // Output to a pipe may still be queued (a pipe the reader made non-blocking takes a large write
  // in parts): exiting now would cut it. Exit once both streams have written what they hold.
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
