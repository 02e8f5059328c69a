import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { z } from 'zod';
import { createTestService, hasShared, SHARED, type TestService } from './helpers';

/** The labelled development corpus beside the checkout (absent on a plain clone: skipped). */
const CORPUS = path.join(SHARED, 'eval', 'corpus');
const describeShared = hasShared ? describe : describe.skip;

const labelsSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string(),
      kind: z.enum(['cv', 'job']),
      present: z.array(z.string()).optional(),
      required: z.array(z.string()).optional(),
      preferred: z.array(z.string()).optional(),
    }),
  ),
  errors: z.array(z.object({ file: z.string(), expect_status: z.union([z.number(), z.array(z.number())]) })),
});

describeShared('development corpus: extraction', () => {
  let svc: TestService;
  const labels = hasShared ? labelsSchema.parse(JSON.parse(readFileSync(path.join(CORPUS, 'labels.json'), 'utf8'))) : { documents: [], errors: [] };
  beforeAll(() => {
    svc = createTestService();
  });
  afterAll(() => svc?.close());

  it('every labelled document extracts with ok quality and its sections', async () => {
    expect(labels.documents.length).toBeGreaterThan(0);
    for (const { file, kind } of labels.documents) {
      const res = await request(svc.app).post('/v1/extract').attach('file', readFileSync(path.join(CORPUS, file)), file);
      expect({ file, status: res.status, quality: res.body.quality?.status }).toEqual({ file, status: 200, quality: 'ok' });
      const kinds: string[] = res.body.sections.map((s: { kind: string }) => s.kind);
      const expected = kind === 'cv' ? ['experience', 'skills', 'education', 'publications', 'summary'] : ['requirements', 'responsibilities'];
      expect({ file, hasKeySection: kinds.some((k) => expected.includes(k)) }).toEqual({ file, hasKeySection: true });
    }
  });

  it('skill detection on the labelled documents: micro-F1 of at least 0.96 (the release bar is a held-out set)', async () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const doc of labels.documents) {
      const res = await request(svc.app).post('/v1/analyze').field('kind', doc.kind).attach('file', readFileSync(path.join(CORPUS, doc.file)), doc.file);
      expect(res.status).toBe(200);
      const gold = new Set(doc.kind === 'cv' ? (doc.present ?? []) : [...(doc.required ?? []), ...(doc.preferred ?? [])]);
      const predicted = new Set<string>(res.body.skills.filter((s: { present: boolean }) => s.present).map((s: { id: string }) => s.id));
      for (const id of predicted) if (gold.has(id)) tp++; else fp++;
      for (const id of gold) if (!predicted.has(id)) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    expect(f1).toBeGreaterThanOrEqual(0.96);
  });

  it('every error case gets its expected status: a problem document, or (a scan OCR reads) its text', async () => {
    expect(labels.errors.length).toBeGreaterThan(0);
    for (const { file, expect_status } of labels.errors) {
      const res = await request(svc.app).post('/v1/extract').attach('file', readFileSync(path.join(CORPUS, file)), file);
      const allowed = Array.isArray(expect_status) ? expect_status : [expect_status];
      expect({ file, ok: allowed.includes(res.status) }).toEqual({ file, ok: true });
      if (res.status === 200) {
        // Only a scan may be read: by OCR, which says so.
        expect(res.body.ocr).toEqual({ pages: expect.any(Number), meanConfidence: expect.any(Number) });
        continue;
      }
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(typeof res.body.code).toBe('string');
    }
  });
});
