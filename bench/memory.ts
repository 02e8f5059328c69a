/**
 * Where the service's resident memory goes at rest, part by part. A child process (run with
 * --expose-gc, so each figure is taken after a full collection) loads the service one part at a
 * time and reports the resident set after each: Node itself, the NLP libraries, the service's
 * code, the service built (compiled lexicon, store, HTTP layer, metrics), the lexicon's own share
 * (one more compiled copy), then two warm pdf.js worker threads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface MemoryPart {
  part: string;
  /** Resident set after this part, MB. */
  rssMb: number;
  /** What this part added, MB. */
  addedMb: number;
}

function measureInChild(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const parts: MemoryPart[] = [];
  let last = 0;
  const take = (part: string): void => {
    gc();
    const rssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
    parts.push({ part, rssMb, addedMb: rssMb - last });
    last = rssMb;
  };
  take('Node.js alone');
  // Required here, part by part, so each figure holds only what came before it.
  const { createNlp } = require('../src/adapters/nlp') as typeof import('../src/adapters/nlp');
  const nlp = createNlp();
  take('compromise and natural (stemmer, Jaro-Winkler)');
  const { loadLexicon, createServices, appDeps } = require('../src/main/compose') as typeof import('../src/main/compose');
  const { loadConfig } = require('../src/main/config') as typeof import('../src/main/config');
  const { createApp } = require('../src/http/app') as typeof import('../src/http/app');
  const { createLogger } = require('../src/adapters/logger') as typeof import('../src/adapters/logger');
  take('the service code (modules loaded, nothing built)');
  const config = loadConfig({ ...process.env, PDF_WORKERS: '2' });
  const services = createServices(config);
  createApp(appDeps(config, services, createLogger('silent'), () => true));
  take('the service built: compiled lexicon, store, HTTP layer, metrics');
  // The lexicon's own share: what one more compiled copy adds.
  const copy = loadLexicon(nlp);
  take(`of which the compiled lexicon (${copy.terms.length} terms), measured as a second copy`);
  services
    .warmUp()
    .then(() => {
      take('two warm pdf.js worker threads');
      process.stdout.write(`${JSON.stringify(parts)}\n`);
      return services.close();
    })
    .then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(String(error));
      process.exit(1);
    });
}

export function benchMemory(root: string): MemoryPart[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-bench-memory-'));
  try {
    const run = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'dist', 'bench', 'memory.js'), '--child'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', OCR: 'auto' },
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`the memory breakdown failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as MemoryPart[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.includes('--child')) measureInChild();
