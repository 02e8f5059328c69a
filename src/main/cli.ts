/**
 * The `skillmatch` command's composition root: the commands of src/cli on the real adapters.
 *   skillmatch analyze | match | explain | lexicon check | serve   (skillmatch --help)
 * Exit codes: 0 success, 1 some files failed (each reported on stderr), 2 bad usage.
 */
import { runCommand, type CliDeps, type Io } from '../cli/cli';

// The service, the adapters and the lexicon are loaded by the command that needs them: `--help`,
// a usage error or `lexicon check` need neither the HTTP stack nor the PDF and OCR adapters, and
// loading them all took most of a short command's time.
const compose = (): typeof import('./compose') => require('./compose') as typeof import('./compose');

export const cliDeps: CliDeps = {
  openAnalyzer() {
    const { createServices } = compose();
    const { loadConfig } = require('./config') as typeof import('./config');
    const { limitHeapGrowth } = require('./heap') as typeof import('./heap');
    // A folder of CVs is a burst like any other: the same heap growth limit as the service.
    limitHeapGrowth();
    // A command keeps nothing: no queue database on disk, no log lines.
    const services = createServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent', DB_PATH: ':memory:' }));
    return { analyzer: services.analyzer, close: () => services.close() };
  },
  serve: () => (require('./server') as typeof import('./server')).main(),
  checkLexicon: (dir, out, err) => {
    const { createNlp } = require('../adapters/nlp') as typeof import('../adapters/nlp');
    const { lexiconCheck } = require('../cli/lexicon-check') as typeof import('../cli/lexicon-check');
    return lexiconCheck(() => compose().loadLexicon(createNlp(), dir), out, err);
  },
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
