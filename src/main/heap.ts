import v8 from 'node:v8';

/**
 * How far V8 lets a heap grow past its live data after a full collection, in percent. V8 picks a
 * factor between 1.1 and 4 from how fast it collects, so a burst of uploads left every heap (the
 * main thread's and each PDF thread's) far larger than what it held. 1.2 instead: with 15 s of 32
 * concurrent PDF uploads, alternating with and without, peak RSS 236–243 MB instead of 322–332,
 * 141–148 MB instead of 177–188 at rest afterwards. The price is the extra collections: about 3%
 * fewer requests served at saturation (mean of twelve runs 1,564 against 1,606 of eleven, each
 * run's noise ±7%), and analysis alone, in one thread, 2–4% slower. A limit of 1.3 cost as much.
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Sets the growth limit for this process and the threads it starts later, unless the command line
 * gave one. A runtime flag rather than a command-line one: `NODE_OPTIONS` refuses it, and every way
 * of starting the service (`npm start`, the image, `skillmatch serve`, the bare server file) gets it.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = v8.setFlagsFromString): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
