import request from 'supertest';
import { analysisSchema } from '../../src/core/4-analyze/schema';
import { createTestService, fixture, type TestService } from '../helpers';

let svc: TestService;
beforeAll(() => {
  svc = createTestService();
});
afterAll(() => svc.close());

describe('POST /v1/analyze', () => {
  it('analyzes an uploaded PDF CV: schema, one entry per skill, evidence with offsets into the text', async () => {
    const res = await request(svc.app).post('/v1/analyze?include=text').field('kind', 'cv').attach('file', fixture('chromium-two-column.pdf'), 'cv.pdf');
    expect(res.status).toBe(200);
    const analysis = analysisSchema.parse(res.body);
    expect(analysis.kind).toBe('cv');
    expect(analysis.kindConfidence).toBe(1);
    expect(analysis.skills).toHaveLength(19);
    expect(res.body.lexiconVersion).toMatch(/^1\.\d+\.\d+\+/);
    const nlp = analysis.skills.find((s) => s.id === 'nlp');
    expect(nlp).toMatchObject({ present: true, category: 'subdisciplines' });
    const text: string = res.body.text;
    for (const e of analysis.skills.flatMap((s) => s.evidence)) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(analysis.coverage + analysis.gap).toBeCloseTo(1, 3);
    expect(res.body.filename).toBe('cv.pdf');
  });

  it('omits the text unless asked', async () => {
    const res = await request(svc.app).post('/v1/analyze').send({ text: 'Skills\nPython, PyTorch', kind: 'cv' });
    expect(res.status).toBe(200);
    expect(res.body.text).toBeUndefined();
  });

  it('classifies the document when kind is auto, and marks job skills required or preferred', async () => {
    const job = 'About the role\nYou will build ranking models.\n\nRequirements\n- 3+ years of Python\n- Experience with PyTorch\n\nNice to have\n- C++\n\nBenefits\n- A good salary and a learning budget';
    const res = await request(svc.app).post('/v1/analyze').send({ text: job });
    expect(res.body.kind).toBe('job');
    expect(res.body.kindConfidence).toBeGreaterThan(0.5);
    const skill = (id: string) => res.body.skills.find((s: { id: string }) => s.id === id);
    expect(skill('python')).toMatchObject({ present: true, requirement: 'required', years: 3 });
    expect(skill('cpp')).toMatchObject({ present: true, requirement: 'preferred' });
  });

  it('adds the noun phrases of long skills items to unmappedTerms only with include=noun-phrases', async () => {
    const text = 'Experience\nBuilt things.\n\nSkills\nPython, PyTorch\nExperiment tracking in Weights and Biases with Feast feature stores for online serving\n';
    const plain = await request(svc.app).post('/v1/analyze').send({ text, kind: 'cv' });
    const full = await request(svc.app).post('/v1/analyze?include=noun-phrases,text').send({ text, kind: 'cv' });
    expect(full.body.text).toBe(text.trim()); // extraction trims the trailing line break
    expect(full.body.unmappedTerms).toContain('Feast feature');
    expect(plain.body.unmappedTerms).not.toContain('Feast feature');
    const withoutText = { ...full.body, unmappedTerms: [] };
    delete withoutText.text;
    expect({ ...plain.body, unmappedTerms: [] }).toEqual(withoutText);
  });

  it('refuses a bad kind or include with 400 invalid-parameter', async () => {
    const bad = await request(svc.app).post('/v1/analyze').field('kind', 'resume').attach('file', Buffer.from('Python'), 'cv.txt');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-parameter');
    const include = await request(svc.app).post('/v1/analyze?include=everything').send({ text: 'Python' });
    expect(include.body.code).toBe('invalid-parameter');
  });

  it('passes extraction errors through as problems', async () => {
    const res = await request(svc.app).post('/v1/analyze').attach('file', fixture('blank-scan.pdf'), 'scan.pdf');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('no-text-layer');
  });

  it('GET /v1/analyze is 405', async () => {
    const res = await request(svc.app).get('/v1/analyze');
    expect(res.status).toBe(405);
  });
});

describe('GET /v1/roles/:id and /v1/lexicon', () => {
  it('returns the role model with weights and rationales', async () => {
    const res = await request(svc.app).get('/v1/roles/ml-engineer');
    expect(res.status).toBe(200);
    expect(res.body.categories.map((c: { id: string }) => c.id)).toEqual(['basic-technical', 'ml-concepts', 'subdisciplines', 'bridge', 'soft-skills']);
    const python = res.body.categories[0].skills.find((s: { id: string }) => s.id === 'python');
    expect(python).toMatchObject({ weight: 0.22, roleWeight: 0.0616 });
    expect(python.rationale.length).toBeGreaterThan(10);
    expect((await request(svc.app).get('/v1/roles/data-scientist')).status).toBe(404);
  });

  it('returns the lexicon with its version, filterable by skill', async () => {
    const res = await request(svc.app).get('/v1/lexicon?skill=audio-speech');
    expect(res.status).toBe(200);
    expect(res.body.version).toMatch(/^1\./);
    expect(res.body.termCount).toBeGreaterThanOrEqual(600);
    expect(res.body.terms.every((t: { skills: Record<string, number> }) => 'audio-speech' in t.skills)).toBe(true);
    expect((await request(svc.app).get('/v1/lexicon?skill=cooking')).body.code).toBe('invalid-parameter');
  });
});
