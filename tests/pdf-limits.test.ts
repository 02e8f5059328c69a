import request from 'supertest';
import { createTestService, fixture, type TestService } from './helpers';

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
