import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPdfReader } from '../../src/adapters/pdf';

/** Idle PDF worker threads exit and give their memory back; the next PDF starts one again. */
describe('PDF worker threads at rest', () => {
  const pdf = createPdfReader({ threads: 2, timeoutMs: 30_000, memoryMb: 256, idleMs: 1_000 });
  afterAll(() => pdf.close());
  const fixture = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'libreoffice-cv.pdf'));

  it('warm threads exit after the idle time, and a PDF read afterwards is read in full', async () => {
    await pdf.warmUp();
    expect(pdf.stats().threads).toBe(2);
    const before = await pdf.readPdf(fixture, { maxPages: 30 });
    const deadline = Date.now() + 15_000;
    while (pdf.stats().threads > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(pdf.stats().threads).toBe(0);
    const after = await pdf.readPdf(fixture, { maxPages: 30 });
    const words = (r: typeof before): string => r.pages.flatMap((p) => p.items.map((i) => i.str)).join(' ');
    expect(words(before).length).toBeGreaterThan(500);
    expect(words(after)).toBe(words(before));
    expect(pdf.stats().threads).toBeGreaterThan(0);
  }, 60_000);
});
