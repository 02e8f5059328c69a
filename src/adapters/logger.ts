import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs to stdout (or the given stream). Document text never goes in a log line: only sizes, codes and ids. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level, base: { service: 'skillmatch' } }, destination) : pino({ level, base: { service: 'skillmatch' } });
}
