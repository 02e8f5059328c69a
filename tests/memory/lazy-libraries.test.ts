import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Libraries that only some documents or settings need are loaded on first use, so a service
 * that never meets them does not hold them: pg (only with DATABASE_URL), tesseract.js and the
 * canvas library (only for a scan), mammoth (only for a DOCX), and natural's other languages.
 * Run in a child process: the module cache of this one is jest's.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function loadedAfter(script: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-lazy-'));
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', OCR: 'auto' },
      timeout: 60_000,
    });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LIBRARIES = ['/node_modules/pg/', '/node_modules/tesseract.js/', '/node_modules/@napi-rs/canvas/', '/node_modules/mammoth/', '/natural/lib/natural/stemmers/indonesian/', '/natural/lib/natural/stemmers/porter_stemmer_fr'];
const report = `console.log(JSON.stringify(${JSON.stringify(LIBRARIES)}.filter((l) => Object.keys(require.cache).some((k) => k.includes(l)))));`;

describe('libraries loaded on first use', () => {
  it('a service started on SQLite with OCR on holds none of them, and analyses text', () => {
    const loaded = loadedAfter(`
      const { loadConfig } = require('./src/main/config.ts');
      const { createServices } = require('./src/main/compose.ts');
      const services = createServices(loadConfig(process.env));
      services.analyzer.analyze(Buffer.from('Skills: Python, PyTorch and unit tests.'), { filename: 'cv.txt' }, 'cv')
        .then(() => services.close()).then(() => { ${report} });
    `);
    expect(loaded).toEqual([]);
  });

  it('a DOCX loads mammoth when it comes', () => {
    const loaded = loadedAfter(`
      const { readDocx } = require('./src/adapters/docx.ts');
      readDocx(require('fs').readFileSync('fixtures/libreoffice-cv.docx')).then(() => { ${report} });
    `);
    expect(loaded).toEqual(['/node_modules/mammoth/']);
  });
});
