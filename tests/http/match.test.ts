import request from 'supertest';
import { matchSchema } from '../../src/core/5-match/schema';
import { createTestService, fixture, type TestService } from '../helpers';

let svc: TestService;
beforeAll(() => {
  svc = createTestService({ MAX_CVS: '3', MAX_BATCH_BYTES: String(2 * 1024 * 1024) });
});
afterAll(() => svc.close());

const JOB = 'Requirements\n- Python and PyTorch.\n- Unit tests and code review.\n\nNice to have\n- Natural language processing.';

describe('POST /v1/match', () => {
  it('ranks uploaded CVs, and a broken file gets its own entry without failing the batch', async () => {
    const res = await request(svc.app)
      .post('/v1/match')
      .field('jobText', JOB)
      .attach('cv', fixture('chromium-two-column.pdf'), 'priya.pdf')
      .attach('cv', fixture('truncated.pdf'), 'broken.pdf')
      .attach('cv', fixture('libreoffice-cv.docx'), 'tomasz.docx');
    expect(res.status).toBe(200);
    const match = matchSchema.parse(res.body);
    expect(match.results.map((r) => [r.rank, r.filename])).toEqual([[1, 'priya.pdf'], [2, 'tomasz.docx'], [null, 'broken.pdf']]);
    expect(match.results[2]?.error).toMatchObject({ code: 'unreadable-document', status: 422 });
    expect(match.job.requirements.map((r) => r.skill)).toEqual(expect.arrayContaining(['python', 'neural-networks', 'software-engineering', 'nlp']));
    expect(match.results[0]?.requirements.find((r) => r.skill === 'nlp')?.status).toBe('met');
  });

  it('takes a JSON form with texts', async () => {
    const res = await request(svc.app)
      .post('/v1/match')
      .send({ job: { text: JOB, filename: 'ml.txt' }, cvs: [{ text: 'Skills\nPython, PyTorch, pytest', filename: 'a.txt' }, { text: 'Skills\nExcel', filename: 'b.txt' }] });
    expect(res.status).toBe(200);
    expect(res.body.job.filename).toBe('ml.txt');
    expect(res.body.results.map((r: { filename: string }) => r.filename)).toEqual(['a.txt', 'b.txt']);
  });

  it('returns the texts the evidence offsets index with include=text, redacted texts with redact=true, and coverage per category', async () => {
    const cv = 'Jane Roe, jane.roe@example.com\n\nSkills\nPython, PyTorch, pytest.';
    const res = await request(svc.app).post('/v1/match?include=text&redact=true').send({ job: { text: JOB }, cvs: [{ text: cv, filename: 'a.txt' }] });
    expect(res.status).toBe(200);
    const match = matchSchema.parse(res.body);
    const result = match.results[0];
    if (!result?.text || !match.job.text) throw new Error('texts missing');
    for (const r of result.requirements) for (const e of r.cvEvidence) expect(result.text.slice(e.start, e.end)).toBe(e.text);
    for (const r of match.job.requirements) for (const e of r.evidence) expect(match.job.text.slice(e.start, e.end)).toBe(e.text);
    expect(result.text).toContain('jane.roe@example.com');
    expect(result.redactedText).toBeDefined();
    expect(result.redactedText).not.toContain('jane.roe@example.com');
    expect(result.redactedText).not.toContain('Jane Roe');
    expect(result.categories.map((c) => c.id)).toEqual(svc.services.analyzer.lexicon.role.categories.map((c) => c.id));
    // Without the parameters, no text at all.
    const plain = await request(svc.app).post('/v1/match').send({ job: { text: JOB }, cvs: [{ text: cv, filename: 'a.txt' }] });
    expect(plain.body.job.text).toBeUndefined();
    expect(plain.body.results[0].text).toBeUndefined();
    expect(plain.body.results[0].redactedText).toBeUndefined();
    const bad = await request(svc.app).post('/v1/match?include=everything').send({ job: { text: JOB }, cvs: [{ text: cv }] });
    expect(bad.body.code).toBe('invalid-parameter');
  });

  it('answers with CSV when asked', async () => {
    const res = await request(svc.app).post('/v1/match').set('Accept', 'text/csv').send({ job: { text: JOB }, cvs: [{ text: 'Skills\nPython, PyTorch', filename: 'a.txt' }] });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.split('\r\n')[0]).toBe('rank,filename,score,role_coverage,met,partial,missing,required_met,preferred_met,missing_terms,warnings,error');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ranking.csv"');
    expect(res.text).toContain('"1","a.txt"');
  });

  it('refuses requests it cannot rank, with problems', async () => {
    const noCv = await request(svc.app).post('/v1/match').field('jobText', JOB);
    expect(noCv.status).toBe(400);
    expect(noCv.body.code).toBe('missing-file');
    const noJob = await request(svc.app).post('/v1/match').attach('cv', Buffer.from('Python'), 'a.txt');
    expect(noJob.body.code).toBe('missing-file');
    const tooMany = await request(svc.app).post('/v1/match').send({ job: { text: JOB }, cvs: [1, 2, 3, 4].map((i) => ({ text: `cv ${i}` })) });
    expect(tooMany.body.code).toBe('invalid-body');
    const tooManyFiles = await request(svc.app)
      .post('/v1/match')
      .field('jobText', JOB)
      .attach('cv', Buffer.from('a'), '1.txt')
      .attach('cv', Buffer.from('b'), '2.txt')
      .attach('cv', Buffer.from('c'), '3.txt')
      .attach('cv', Buffer.from('d'), '4.txt');
    expect(tooManyFiles.status).toBe(400);
    expect(tooManyFiles.body.code).toBe('too-many-files');
    const badJob = await request(svc.app).post('/v1/match').attach('job', fixture('blank-scan.pdf'), 'job.pdf').attach('cv', Buffer.from('Python'), 'a.txt');
    expect(badJob.status).toBe(422);
    expect(badJob.body.code).toBe('no-text-layer');
  });

  it('refuses a batch over the total size limit with 413', async () => {
    const res = await request(svc.app)
      .post('/v1/match')
      .field('jobText', JOB)
      .attach('cv', Buffer.alloc(1024 * 1024, 0x61), 'a.txt')
      .attach('cv', Buffer.alloc(1024 * 1024 + 10, 0x62), 'b.txt');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('body-too-large');
  });
});

describe('problems that fit the endpoint', () => {
  it('a wrong field is told the fields of /v1/match, not those of /v1/analyze', async () => {
    const extra = await request(svc.app).post('/v1/match').field('jobText', JOB).field('resume', 'Python').attach('cv', fixture('plain-cv.txt'), 'a.txt');
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('unexpected-field');
    expect(extra.body.fix).toMatch(/"job".*"jobText".*"cv".*"cvText"/);
    expect(extra.body.fix).not.toContain('"file"');
    const fileField = await request(svc.app).post('/v1/match').field('jobText', JOB).attach('file', fixture('plain-cv.txt'), 'a.txt');
    expect(fileField.status).toBe(400);
    expect(fileField.body.fix).toMatch(/"cv"/);
    const analyze = await request(svc.app).post('/v1/analyze').attach('cv', fixture('plain-cv.txt'), 'a.txt');
    expect(analyze.status).toBe(400);
    expect(analyze.body.fix).toMatch(/"file"/);
    expect(analyze.body.fix).toMatch(/"kind"/);
  });

  it('a scanned job ad is told about the job ad, and a scanned CV in the batch gets the fix in its entry', async () => {
    const res = await request(svc.app).post('/v1/match').attach('job', fixture('blank-scan.pdf'), 'job.pdf').field('cvText', 'Python.');
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/^The job ad: /);
    expect(res.body.fix).not.toMatch(/\bCV\b/);
    const cv = await request(svc.app).post('/v1/match').field('jobText', JOB).attach('cv', fixture('blank-scan.pdf'), 'scan.pdf');
    expect(cv.status).toBe(200);
    expect(cv.body.results[0].error).toMatchObject({ code: 'no-text-layer', fix: expect.stringContaining('export the document from its source') });
    // The detail adds to the title; it does not repeat it.
    expect(cv.body.results[0].error.detail).not.toContain(cv.body.results[0].error.title);
  });
});
