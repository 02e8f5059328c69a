import request from 'supertest';
import { createTestService, fixture, type TestService } from './helpers';
import { textPdf } from './support/make-pdf';

describe('PDF limits', () => {
  let capped: TestService;
  let hurried: TestService;
  beforeAll(() => {
    capped = createTestService({ PDF_MAX_PAGES: '1' });
    hurried = createTestService({ PDF_TIMEOUT_MS: '100' });
  });
  afterAll(async () => {
    await capped.close();
    await hurried.close();
  });

  it('reads only the first PDF_MAX_PAGES pages, with a warning', async () => {
    const res = await request(capped.app).post('/v1/extract').attach('file', fixture('latex-two-column.pdf'), 'cv.pdf');
    expect(res.status).toBe(200);
    expect(res.body.pages).toBe(1);
    expect(res.body.quality.warnings).toEqual([{ code: 'pages-truncated', message: 'The PDF has 2 pages; only the first 1 were read.' }]);
    expect(res.body.text).toContain('Interests');
    expect(res.body.text).not.toContain('Certifications');
  });

  it('stops a PDF that takes longer than PDF_TIMEOUT_MS with 422 extraction-timeout, and keeps serving', async () => {
    // The first read in a fresh worker loads pdf.js and its fonts, which takes well over 100 ms.
    const res = await request(hurried.app).post('/v1/extract').attach('file', fixture('latex-two-column.pdf'), 'cv.pdf');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'extraction-timeout', limitMs: 100 });
    const after = await request(hurried.app).post('/v1/extract').send({ text: 'still serving' });
    expect(after.status).toBe(200);
  });
});

describe('a PDF worker that runs out of memory', () => {
  it('answers 422 document-too-complex for that PDF, replaces the pool, and reads the next PDFs as before', async () => {
    const svc = createTestService({ PDF_WORKER_MEMORY_MB: '64', PDF_MAX_PAGES: '5000', PDF_WORKERS: '1', PDF_TIMEOUT_MS: '60000' });
    await svc.services.warmUp();
    // 4,000 pages of text: pdf.js needs far more than 64 MB of heap for it.
    const heavy = textPdf(4000, (p) => Array.from({ length: 45 }, (_, i) => `Line ${i} of page ${p}: Python PyTorch statistics linear algebra deep learning`));
    const started = Date.now();
    await expect(svc.services.extractor.extract(heavy, { filename: 'heavy.pdf' })).rejects.toMatchObject({ code: 'document-too-complex' });
    expect(Date.now() - started).toBeLessThan(30_000); // answered when the worker died, not at the time limit
    const next = await svc.services.extractor.extract(fixture('latex-two-column.pdf'), { filename: 'cv.pdf' });
    expect(next.pages).toBe(2);
    await svc.close();
  }, 90_000);
});
