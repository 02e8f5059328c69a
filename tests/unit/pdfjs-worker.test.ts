import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { patchedWorkerSource } from '../../src/adapters/pdfjs-worker';

/**
 * pdf.js with its CFF string lookup indexed (src/adapters/pdfjs-worker.ts): the change applies to
 * the pdf-parse installed (a new version that moves the code fails here, not silently in
 * production), and PDFs read exactly as with pdf.js unchanged.
 */
const ROOT = path.join(__dirname, '..', '..');
const workerFile = path.join(path.dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs');

describe('pdf.js with an indexed string lookup', () => {
  it('finds the lookup once in the installed pdf.js and changes nothing else', () => {
    const source = readFileSync(workerFile, 'utf8');
    const patched = patchedWorkerSource(source);
    expect(patched).not.toBeNull();
    // The same before the lookup and from the method after it on: only getSID differs.
    const start = source.indexOf('getSID(e){');
    const next = source.indexOf('add(e){this.strings.push(e)}', start);
    expect(start).toBeGreaterThan(0);
    expect(next).toBeGreaterThan(start);
    expect(patched?.startsWith(source.slice(0, start))).toBe(true);
    expect(patched?.endsWith(source.slice(next))).toBe(true);
    expect(patched?.slice(start, patched.length - (source.length - next))).toMatch(/^getSID\(e\)\{const s=Ma\.__sidIndex\?\?=new Map/);
    expect(patchedWorkerSource('nothing to change')).toBeNull();
  });

  it('reads every PDF exactly as pdf.js unchanged does (text items, positions, hidden text, page sizes)', () => {
    const files = [
      'fixtures/latex-two-column.pdf',
      'fixtures/hidden-text.pdf',
      'fixtures/chromium-two-column.pdf',
      'fixtures/libreoffice-cv.pdf',
      '../shared/realworld/nnjr_jake-ryan_typst.pdf',
      '../shared/realworld/brilliant-cv_typst.pdf',
      '../shared/realworld/moderncv_classic_green_lualatex.pdf',
    ].filter((f) => existsSync(path.join(ROOT, f)));
    // Each mode in its own process: the module pdf.js uses is chosen once per thread.
    const read = (mode: 'indexed' | 'unchanged'): string => {
      const script = `
        const { pathToFileURL } = require('node:url');
        const { readFileSync } = require('node:fs');
        (async () => {
          if (${JSON.stringify(mode)} === 'unchanged') globalThis.pdfjsWorker = await import(pathToFileURL(${JSON.stringify(workerFile)}).href);
          const { usePatchedPdfJsWorker } = require('./src/adapters/pdfjs-worker.ts');
          const used = await usePatchedPdfJsWorker();
          const read = require('./src/adapters/pdf-worker.ts').default;
          const out = { used, files: [] };
          for (const f of ${JSON.stringify(files)}) out.files.push(await read({ bytes: new Uint8Array(readFileSync(f)), maxPages: 30 }));
          process.stdout.write(JSON.stringify(out));
        })();`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: 60_000 });
      if (r.status !== 0) throw new Error(r.stderr);
      return r.stdout;
    };
    const indexed = JSON.parse(read('indexed')) as { used: boolean; files: unknown[] };
    const unchanged = JSON.parse(read('unchanged')) as { used: boolean; files: unknown[] };
    expect(indexed.used).toBe(true);
    expect(unchanged.used).toBe(false);
    expect(indexed.files).toHaveLength(files.length);
    expect(indexed.files).toEqual(unchanged.files);
  }, 120_000);
});
