import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createJobRunner } from '../../src/app/run-job';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { createOcr } from '../../src/adapters/ocr';
import { extractDocument, LOW_OCR_CONFIDENCE, type ExtractorPorts } from '../../src/core/1-text/document-text';
import { createTestService, FIXTURES, testLogger, type TestService } from '../helpers';
import { startServer } from '../support/server-process';

/**
 * OCR of scans and photos, offline (tesseract.js with the English model from the npm registry).
 * The fixtures are real PDFs printed to page images by pdftoppm and degraded with ImageMagick
 * (fixtures/build.sh scans): each scan must give the words and the skills of its text version.
 */
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

/** Words of two letters or more, lower-cased, with their counts. */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}+#]{2,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The share of the source's words (with repeats) that the OCR text holds. */
function wordRecall(source: string, ocr: string): number {
  const want = words(source);
  const got = words(ocr);
  let total = 0;
  let found = 0;
  for (const [w, n] of want) {
    total += n;
    found += Math.min(n, got.get(w) ?? 0);
  }
  return found / total;
}

let svc: TestService;
beforeAll(() => {
  svc = createTestService();
});
afterAll(() => svc.close());

async function analyze(file: string, options: { include?: boolean } = {}) {
  const res = await request(svc.app).post(`/v1/analyze${options.include ? '?include=text' : ''}`).attach('file', fixture(file), file);
  return res;
}

const present = (body: { skills: Array<{ id: string; present: boolean }> }): string[] => body.skills.filter((s) => s.present).map((s) => s.id).sort();

describe('OCR of scanned and photographed CVs', () => {
  const cases: Array<[string, string, number]> = [
    // scan, its text version, the least word recall asked of it
    ['scan-clean.png', 'libreoffice-cv.pdf', 0.95],
    ['scan-clean.tif', 'libreoffice-cv.pdf', 0.95],
    ['scan-noisy-skewed.jpg', 'libreoffice-cv.pdf', 0.85],
    ['scan-photo.jpg', 'libreoffice-cv.pdf', 0.85],
    ['scan-rotated-90.png', 'libreoffice-cv.pdf', 0.85],
    ['scanned-two-page.pdf', 'latex-two-column.pdf', 0.85],
  ];

  it.each(cases)('%s reads as its text version %s: word recall and the same skills', async (scan, source, minRecall) => {
    const [scanned, original] = await Promise.all([analyze(scan, { include: true }), analyze(source, { include: true })]);
    expect(scanned.status).toBe(200);
    expect(scanned.body.ocr).toEqual({ pages: source === 'latex-two-column.pdf' ? 2 : 1, meanConfidence: expect.any(Number) });
    expect(scanned.body.ocr.meanConfidence).toBeGreaterThanOrEqual(LOW_OCR_CONFIDENCE);
    expect(original.body.ocr).toBeUndefined();
    expect(wordRecall(original.body.text as string, scanned.body.text as string)).toBeGreaterThanOrEqual(minRecall);
    expect(present(scanned.body)).toEqual(present(original.body));
  }, 60_000);

  it('a PDF with a text page and a scanned page: the text page is read as text, the scanned one by OCR, in page order', async () => {
    const [mixed, original] = await Promise.all([analyze('mixed-text-and-scan.pdf', { include: true }), analyze('latex-two-column.pdf', { include: true })]);
    expect(mixed.status).toBe(200);
    expect(mixed.body.pages).toBe(2);
    expect(mixed.body.ocr).toEqual({ pages: 1, meanConfidence: expect.any(Number) });
    expect(wordRecall(original.body.text as string, mixed.body.text as string)).toBeGreaterThanOrEqual(0.9);
    // Page 1's words come first: its text layer is kept as it is.
    const page1 = (original.body.text as string).split('\n')[0] ?? '';
    expect((mixed.body.text as string).startsWith(page1)).toBe(true);
    expect(present(mixed.body)).toEqual(present(original.body));
    // Evidence on the scanned page carries its OCR confidence; evidence on the text page does not.
    const evidence = (mixed.body.skills as Array<{ evidence: Array<{ text: string; start: number; ocrConfidence?: number }> }>).flatMap((s) => s.evidence);
    const page2Start = (mixed.body.text as string).indexOf('Projects');
    const onScan = evidence.filter((e) => e.start >= page2Start);
    const onText = evidence.filter((e) => e.start < page2Start);
    expect(onScan.length).toBeGreaterThan(0);
    expect(onText.length).toBeGreaterThan(0);
    for (const e of onScan) expect(e.ocrConfidence).toEqual(expect.any(Number));
    for (const e of onText) expect(e.ocrConfidence).toBeUndefined();
  }, 60_000);

  it('every piece of evidence found on a scanned page carries the confidence of its words', async () => {
    const res = await analyze('scan-noisy-skewed.jpg');
    const evidence = (res.body.skills as Array<{ evidence: Array<{ ocrConfidence?: number }> }>).flatMap((s) => s.evidence);
    expect(evidence.length).toBeGreaterThan(5);
    for (const e of evidence) {
      expect(e.ocrConfidence).toBeGreaterThanOrEqual(0);
      expect(e.ocrConfidence).toBeLessThanOrEqual(100);
    }
  }, 60_000);

  it('a page with no text on it is 422 no-text-layer, with a fix that says what to send', async () => {
    const res = await analyze('blank-scan.pdf');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'no-text-layer', detail: expect.stringContaining('OCR found no readable text'), fix: expect.stringContaining('sharper scan') });
  }, 30_000);

  it('with OCR=off, images are refused (415) and scans get no-text-layer', async () => {
    const off = createTestService({ OCR: 'off' });
    try {
      const image = await request(off.app).post('/v1/analyze').attach('file', fixture('scan-clean.png'), 'cv.png');
      expect(image.status).toBe(415);
      expect(image.body.detail).toContain('OCR=off');
      const pdf = await request(off.app).post('/v1/analyze').attach('file', fixture('scanned-two-page.pdf'), 'cv.pdf');
      expect(pdf.body.code).toBe('no-text-layer');
      // A mixed PDF is read for its text pages, and says which page was left unread.
      const mixed = await request(off.app).post('/v1/analyze').attach('file', fixture('mixed-text-and-scan.pdf'), 'cv.pdf');
      expect(mixed.status).toBe(200);
      expect(mixed.body.ocr).toBeUndefined();
      expect(mixed.body.quality.warnings).toEqual(expect.arrayContaining([{ code: 'scanned-pages-skipped', message: expect.stringContaining('Page 2 has no text layer') }]));
    } finally {
      await off.close();
    }
  }, 30_000);

  it('reads only OCR_MAX_PAGES pages of a scanned PDF, and says so', async () => {
    const one = createTestService({ OCR_MAX_PAGES: '1' });
    try {
      const res = await request(one.app).post('/v1/analyze').attach('file', fixture('scanned-two-page.pdf'), 'cv.pdf');
      expect(res.status).toBe(200);
      expect(res.body.ocr.pages).toBe(1);
      expect(res.body.quality.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pages-truncated', message: expect.stringContaining('OCR read the first 1') })]));
    } finally {
      await one.close();
    }
  }, 30_000);
});

describe('the command and the webhook jobs read scans the same way', () => {
  it('skillmatch analyze reads a photo of a CV (JPEG)', () => {
    const root = path.join(__dirname, '..', '..');
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'skillmatch.cjs'), 'analyze', '--json', 'fixtures/scan-photo.jpg'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout) as { ocr?: { pages: number }; skills: Array<{ id: string; present: boolean }> };
    expect(body.ocr?.pages).toBe(1);
    expect(present(body)).toContain('reinforcement-learning');
  }, 60_000);

  it('a webhook whose résumé is a JPEG photo is analysed by OCR in its job', async () => {
    const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const hooks = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET });
    try {
      const body = JSON.stringify({ type: 'application.created', data: { applicationId: 'ocr-1', candidateId: 'c', jobId: 'j', resume: { base64: fixture('scan-photo.jpg').toString('base64'), filename: 'cv.jpg' } } });
      const ts = Math.floor(Date.now() / 1000);
      const accepted = await request(hooks.app).post('/v1/webhooks/standard').set({ 'content-type': 'application/json', 'webhook-id': 'ocr-1', 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, 'ocr-1', ts, body) }).send(body);
      expect(accepted.status).toBe(202);
      const runner = createJobRunner({ store: hooks.services.store, analyzer: hooks.services.analyzer, fetcher: hooks.services.fetcher, logger: testLogger(), concurrency: 1, maxAttempts: 1, leaseMs: 60_000, pollMs: 10, callbacks: false });
      expect(await runner.runOnce()).toBe(true);
      const job = await request(hooks.app).get(`/v1/analyses/${accepted.body.jobId}`);
      expect(job.body.status).toBe('done');
      expect(JSON.stringify(job.body.result)).toContain('reinforcement-learning');
    } finally {
      await hooks.close();
    }
  }, 60_000);
});

describe('the service log stays JSON lines while OCR runs', () => {
  it('tesseract writes nothing of its own to stdout or stderr', async () => {
    const server = await startServer({});
    const stdout: string[] = [];
    const stderr: string[] = [];
    server.child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
    server.child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    try {
      for (const file of ['scan-rotated-90.png', 'scanned-two-page.pdf']) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(fixture(file))]), file);
        expect((await fetch(`http://127.0.0.1:${server.port}/v1/analyze`, { method: 'POST', body: form })).status).toBe(200);
      }
      const lines = stdout.join('').split('\n').filter((l) => l.trim());
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((l) => !l.startsWith('{'))).toEqual([]);
      expect(stderr.join('')).toBe('');
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  }, 90_000);
});

describe('OCR confidence in the extraction stage', () => {
  const ports = (confidence: number): ExtractorPorts => ({
    readPdf: () => Promise.reject(new Error('not used')),
    readDocx: () => Promise.reject(new Error('not used')),
    htmlToText: (html) => ({ text: html, truncated: false }),
    markdownToHtml: (md) => md,
    ocr: {
      readImage: async () => ({ text: 'Experience\nTrained PyTorch models in Python for retail demand and wrote the unit tests.', confidence, words: [] }),
      readPdfPages: async () => [],
    },
  });
  const png = fixture('scan-clean.png');

  it('below the threshold, the document is low quality and says why', async () => {
    const low = await extractDocument(png, ports(LOW_OCR_CONFIDENCE - 12), { maxPages: 5 });
    expect(low.ocr).toEqual({ pages: 1, meanConfidence: LOW_OCR_CONFIDENCE - 12 });
    expect(low.quality.status).toBe('low');
    expect(low.quality.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'low-ocr-confidence', message: expect.stringContaining(`confidence of ${LOW_OCR_CONFIDENCE - 12}`) })]));
    const high = await extractDocument(png, ports(93), { maxPages: 5 });
    expect(high.quality.warnings.map((w) => w.code)).not.toContain('low-ocr-confidence');
  });
});

describe('which pages of a PDF OCR reads', () => {
  const line = (str: string, y: number) => ({ str, x: 50, y, width: 400, fontSize: 11 });
  const textPage = { width: 595, height: 842, items: [line('Experience', 80), line('Built data pipelines in Scala and tuned Spark jobs for the billing team.', 100)] };
  const emptyPage = (hasImage: boolean) => ({ width: 595, height: 842, items: [], hasImage });
  const portsFor = (pages: Array<typeof textPage | ReturnType<typeof emptyPage>>, asked: number[][]): ExtractorPorts => ({
    readPdf: async () => ({ totalPages: pages.length, pages }),
    readDocx: () => Promise.reject(new Error('not used')),
    htmlToText: (html) => ({ text: html, truncated: false }),
    markdownToHtml: (md) => md,
    ocr: {
      readImage: () => Promise.reject(new Error('not used')),
      readPdfPages: async (_bytes, { pages: wanted }) => {
        asked.push(wanted);
        return wanted.map(() => ({ text: 'Certifications\nCertified Kubernetes Administrator, 2021.', confidence: 88, words: [] }));
      },
    },
  });
  const pdfBytes = new TextEncoder().encode('%PDF-1.7\n');

  it('a page without text that paints an image among text pages is read; a blank one is not', async () => {
    const asked: number[][] = [];
    const mixed = await extractDocument(pdfBytes, portsFor([textPage, emptyPage(true), emptyPage(false)], asked), { maxPages: 10 });
    expect(asked).toEqual([[2]]);
    expect(mixed.ocr).toEqual({ pages: 1, meanConfidence: 88 });
    expect(mixed.text.indexOf('Scala')).toBeLessThan(mixed.text.indexOf('Kubernetes'));
  });

  it('a PDF with only text pages and a blank one is not OCR’d at all', async () => {
    const asked: number[][] = [];
    const plain = await extractDocument(pdfBytes, portsFor([textPage, emptyPage(false)], asked), { maxPages: 10 });
    expect(asked).toEqual([]);
    expect(plain.ocr).toBeUndefined();
  });

  it('more scanned pages than OCR_MAX_PAGES: the first are read, and the warning says how many were not', async () => {
    const asked: number[][] = [];
    const long = await extractDocument(pdfBytes, portsFor([textPage, emptyPage(true), emptyPage(true), emptyPage(true)], asked), { maxPages: 10, maxOcrPages: 2 });
    expect(asked).toEqual([[2, 3]]);
    expect(long.quality.warnings).toEqual(expect.arrayContaining([{ code: 'pages-truncated', message: '3 pages of the PDF are scans; OCR read the first 2 of them.' }]));
  });
});

describe('the OCR threads', () => {
  it('stop after OCR_IDLE_MS without work, giving their memory back, and start again for the next page', async () => {
    const engine = createOcr({ workers: 1, timeoutMs: 30_000, idleMs: 300, maxPages: 5, renderPdf: () => Promise.reject(new Error('not used')) });
    try {
      expect(engine.running()).toBe(false);
      const first = await engine.readImage(fixture('scan-clean.png'));
      expect(first.words.length).toBeGreaterThan(50);
      expect(engine.running()).toBe(true);
      const deadline = Date.now() + 10_000;
      while (engine.running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(engine.running()).toBe(false);
      const again = await engine.readImage(fixture('scan-clean.png'));
      expect(again.text).toBe(first.text);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
