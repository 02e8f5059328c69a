import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { packPage, unpackPage } from '../../src/adapters/pdf-pages-wire';
import type { PdfPageContent } from '../../src/core/1-text/pdf-layout';

const ROOT = path.join(__dirname, '..', '..');

/** Packed, sent as a message is (structured clone), unpacked. */
const overTheWire = (page: PdfPageContent): PdfPageContent => unpackPage(structuredClone(packPage(page)));

describe('PDF pages packed for the message from a PDF thread', () => {
  it('come back field for field: texts of every kind, numbers of every kind, each hidden reason, an image mark', () => {
    const page: PdfPageContent = {
      width: 595.28,
      height: 841.89,
      items: [
        { str: 'Maren Aalto', x: 56.7, y: 72.1, width: 80.25, fontSize: 14 },
        { str: '', x: 0, y: -0, width: 0, fontSize: 0 },
        { str: ' ', x: 1e-9, y: 1e300, width: Number.NaN, fontSize: 9.5 },
        { str: 'Grüße, 𝐏𝐲𝐭𝐨𝐫𝐜𝐡 and 東京 😀', x: -12.5, y: 900.125, width: 210.000001, fontSize: 10, hidden: 'white' },
        { str: 'Kubernetes', x: 300, y: 400, width: 50, fontSize: 10, hidden: 'invisible' },
        { str: 'Terraform', x: 300, y: 410, width: 50, fontSize: 0.5, hidden: 'tiny' },
        { str: 'Rust', x: -5000, y: 410, width: 20, fontSize: 10, hidden: 'off-page' },
      ],
      hasImage: false,
    };
    const back = overTheWire(page);
    expect(back).toEqual(page);
    expect(Object.is(back.items[1]?.y, -0)).toBe(true);
    // The same fields in the same order: the layout reads the items as the PDF thread made them.
    expect(back.items.map((item) => Object.keys(item))).toEqual(page.items.map((item) => Object.keys(item)));
    expect(Object.keys(back)).toEqual(Object.keys(page));
  });

  it('leave a page without items, and without an image mark, as it was', () => {
    const page: PdfPageContent = { width: 612, height: 792, items: [] };
    expect(overTheWire(page)).toEqual(page);
    expect('hasImage' in overTheWire(page)).toBe(false);
    expect(overTheWire({ ...page, hasImage: true }).hasImage).toBe(true);
  });

  it('give the service the pages a PDF thread reads, for every PDF in the fixtures', () => {
    const files = readdirSync(path.join(ROOT, 'fixtures')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(ROOT, 'fixtures', f));
    expect(files.length).toBeGreaterThan(5);
    // In a process of its own, as the pool's threads run it: the changed pdf.js is loaded once per thread.
    const script = `
      const { readFileSync } = require('node:fs');
      const worker = require('./src/adapters/pdf-worker.ts');
      const { unpackPage } = require('./src/adapters/pdf-pages-wire.ts');
      (async () => {
        const out = [];
        for (const f of ${JSON.stringify(files)}) {
          // Each reading its own bytes: pdf.js keeps the array it is given.
          const task = () => ({ bytes: new Uint8Array(readFileSync(f)), maxPages: 30 });
          const read = await worker.readPdfInWorker(task());
          const sent = structuredClone(await worker.default(task()));
          const pages = sent.ok ? sent.pages.map(unpackPage) : sent;
          out.push([f, read.ok ? read.pages.reduce((n, p) => n + p.items.length, 0) : 0, JSON.stringify(read.ok ? read.pages : read), JSON.stringify(pages)]);
        }
        process.stdout.write(JSON.stringify(out));
      })();`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: 90_000 });
    if (run.status !== 0) throw new Error(run.stderr);
    const results = JSON.parse(run.stdout) as Array<[string, number, string, string]>;
    expect(results.map(([f]) => f)).toEqual(files);
    for (const [file, , read, sent] of results) expect([file, sent]).toEqual([file, read]);
    // Pages with text were compared, not only failures.
    expect(results.filter(([, items]) => items > 20).length).toBeGreaterThan(5);
  }, 120_000);
});
