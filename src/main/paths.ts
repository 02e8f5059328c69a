import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The installation's root folder (the one holding package.json), found from this file whether it
 * runs from src/ (tsx, tests) or dist/src/ (npm start, the Docker image). Everything the service
 * reads beside its code (docs, the built page, fixtures for tools) is found from here.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export const ROOT = findRoot(__dirname);

/** The lexicon that ships with the service (LEXICON_DIR overrides it). */
export const DEFAULT_LEXICON_DIR = path.join(ROOT, 'lexicon');

/**
 * V8 flags the service process is started with (`npm start`, the Docker image, the benchmarks and
 * the soak run). A young-generation semi-space of 4 MB instead of V8's 16 MB keeps the main
 * thread's heap small: measured on a burst of development PDFs, about 250 instead of 315 MB at
 * the peak and 170 instead of 220 MB at rest afterwards, for some tenth more analysis time on the
 * main thread. Worker threads set their own limits.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment the service process is started with, beside the flags. glibc gives each thread that
 * allocates (the PDF and OCR threads, libuv's pool) a malloc arena of its own, up to eight per
 * core, and memory freed in an arena is seldom handed back to the system. Two arenas: measured
 * with 15 s of 32 concurrent PDF uploads, alternating, peak RSS 321–330 MB instead of 342–360, and
 * 164–190 MB instead of 194–219 at rest afterwards, with as many requests served. It must be set
 * before the process starts, so a process cannot set it for itself.
 */
export const SERVICE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
