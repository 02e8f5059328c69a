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
