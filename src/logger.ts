import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs to stdout. Document text never goes in a log line: only sizes, codes and ids. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'skillmatch' } });
}
