import request from 'supertest';
import { createTestService, fixture, type TestService } from '../helpers';

let svc: TestService;
beforeAll(() => {
  svc = createTestService({ MAX_FILE_BYTES: String(1024 * 1024), MAX_JSON_BYTES: String(64 * 1024) });
});
afterAll(() => svc.close());

function expectProblem(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `/v1/errors/${code}` });
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.detail).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /); // no stack traces
}

describe('POST /v1/extract: successful reads', () => {
  it('reads a PDF upload and returns text, sections and quality', async () => {
    const res = await request(svc.app).post('/v1/extract').attach('file', fixture('libreoffice-cv.pdf'), 'cv.pdf');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'pdf', filename: 'cv.pdf', pages: 1, quality: { status: 'ok', warnings: [] } });
    expect(res.body.chars).toBe(res.body.text.length);
    expect(res.body.text).toContain('Trained PPO and SAC agents');
    expect(res.body.sections.map((s: { kind: string }) => s.kind)).toEqual(['summary', 'experience', 'skills', 'education']);
  });

  it('reads JSON text, detecting Markdown by content', async () => {
    const text = '# Ada Obi\n\n## Experience\n\n- Built **PyTorch** models\n- Wrote [docs](https://example.org)\n\n## Skills\n\nPython, C++';
    const res = await request(svc.app).post('/v1/extract').send({ text });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('markdown');
    expect(res.body.filename).toBeNull();
    expect(res.body.pages).toBeNull();
    expect(res.body.text).toBe('# Ada Obi\n\n## Experience\n\n- Built PyTorch models\n- Wrote docs\n\n## Skills\n\nPython, C++');
  });

  it('reads a DOCX named .pdf by its content and warns about the name', async () => {
    const res = await request(svc.app).post('/v1/extract').attach('file', fixture('libreoffice-cv.docx'), { filename: 'cv.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('docx');
    expect(res.body.quality.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'format-mismatch' })]));
  });

  it('returns an X-Request-Id header, echoing a sane one from the client', async () => {
    const res = await request(svc.app).post('/v1/extract').set('X-Request-Id', 'abc-123').send({ text: 'hello world' });
    expect(res.headers['x-request-id']).toBe('abc-123');
  });
});

describe('POST /v1/extract: every error status and code', () => {
  const cases: Array<[string, string, number, string]> = [
    ['encrypted PDF', 'encrypted.pdf', 422, 'pdf-encrypted'],
    ['image-only PDF', 'blank-scan.pdf', 422, 'no-text-layer'],
    ['truncated PDF', 'truncated.pdf', 422, 'unreadable-document'],
    ['zip bomb named .docx', 'zip-bomb.docx', 422, 'archive-too-large'],
    ['zip bomb with lying sizes', 'zip-bomb-lying.docx', 422, 'archive-too-large'],
    ['macro-enabled .docm', 'macro.docm', 415, 'unsupported-format'],
    ['ZIP that is not a Word document', 'not-a-docx.docx', 415, 'unsupported-format'],
    ['legacy .doc', 'legacy-word.doc', 415, 'unsupported-format'],
    ['PNG image named .pdf, with no text on it', 'photo-named.pdf', 422, 'no-text-layer'],
  ];
  it.each(cases)('%s -> %i %s', async (_label, file, status, code) => {
    const res = await request(svc.app).post('/v1/extract').attach('file', fixture(file), file);
    expectProblem(res, status, code);
  });

  it('truncated DOCX -> 422 unreadable-document', async () => {
    const docx = fixture('libreoffice-cv.docx');
    const res = await request(svc.app).post('/v1/extract').attach('file', docx.subarray(0, docx.length - 200), 'cv.docx');
    expectProblem(res, 422, 'unreadable-document');
  });

  it('0-byte file -> 422 empty-document', async () => {
    const res = await request(svc.app).post('/v1/extract').attach('file', Buffer.alloc(0), 'empty.txt');
    expectProblem(res, 422, 'empty-document');
  });

  it('bytes that are not valid text -> 415 unsupported-format', async () => {
    const latin1 = Buffer.from('Curriculum vitae: Jos\xe9 Mu\xf1oz, ingeniero de aprendizaje autom\xe1tico', 'latin1');
    const res = await request(svc.app).post('/v1/extract').attach('file', latin1, 'cv.txt');
    expectProblem(res, 415, 'unsupported-format');
  });

  it('binary garbage named .txt -> 415 unsupported-format', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const res = await request(svc.app).post('/v1/extract').attach('file', garbage, 'notes.txt');
    expectProblem(res, 415, 'unsupported-format');
  });

  it('file over the limit -> 413 file-too-large', async () => {
    const res = await request(svc.app).post('/v1/extract').attach('file', Buffer.alloc(1024 * 1024 + 10, 0x61), 'big.txt');
    expectProblem(res, 413, 'file-too-large');
    expect(res.body.limitBytes).toBe(1024 * 1024);
  });

  it('two files in the "file" field -> 400 too-many-files', async () => {
    const res = await request(svc.app)
      .post('/v1/extract')
      .attach('file', Buffer.from('one cv'), 'a.txt')
      .attach('file', Buffer.from('two cv'), 'b.txt');
    expectProblem(res, 400, 'too-many-files');
  });

  it('a file in another field -> 400 unexpected-field', async () => {
    const res = await request(svc.app).post('/v1/extract').attach('resume', Buffer.from('a cv'), 'a.txt');
    expectProblem(res, 400, 'unexpected-field');
  });

  it('an unknown text field -> 400 unexpected-field', async () => {
    const res = await request(svc.app).post('/v1/extract').field('colour', 'blue').attach('file', Buffer.from('a cv'), 'a.txt');
    expectProblem(res, 400, 'unexpected-field');
  });

  it('multipart without a file -> 400 missing-file; with only an unknown field -> 400 unexpected-field', async () => {
    const boundary = 'XyZ';
    const send = (body: string) =>
      request(svc.app).post('/v1/extract').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
    expectProblem(await send(`--${boundary}--\r\n`), 400, 'missing-file');
    const onlyField = `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nvalue\r\n--${boundary}--\r\n`;
    expectProblem(await send(onlyField), 400, 'unexpected-field');
  });

  it('a malformed multipart body -> 400 malformed-multipart', async () => {
    const res = await request(svc.app)
      .post('/v1/extract')
      .set('Content-Type', 'multipart/form-data; boundary=abc')
      .send('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated');
    expectProblem(res, 400, 'malformed-multipart');
  });

  it('invalid JSON -> 400 invalid-json', async () => {
    const res = await request(svc.app).post('/v1/extract').set('Content-Type', 'application/json').send('{"text": ');
    expectProblem(res, 400, 'invalid-json');
  });

  it('JSON of the wrong shape -> 400 invalid-body, naming the field', async () => {
    const res = await request(svc.app).post('/v1/extract').send({ text: 42 });
    expectProblem(res, 400, 'invalid-body');
    expect(res.body.detail).toMatch(/^text:/);
    const extra = await request(svc.app).post('/v1/extract').send({ text: 'a cv', colour: 'blue' });
    expectProblem(extra, 400, 'invalid-body');
  });

  it('JSON body over the limit -> 413 body-too-large', async () => {
    const res = await request(svc.app).post('/v1/extract').send({ text: 'x'.repeat(70 * 1024) });
    expectProblem(res, 413, 'body-too-large');
  });

  it('another content type -> 415 unsupported-media-type; no body -> 400 missing-file', async () => {
    const res = await request(svc.app).post('/v1/extract').set('Content-Type', 'text/plain').send('a cv');
    expectProblem(res, 415, 'unsupported-media-type');
    const none = await request(svc.app).post('/v1/extract');
    expectProblem(none, 400, 'missing-file');
  });

  it('wrong method -> 405 with Allow; unknown path -> 404', async () => {
    const res = await request(svc.app).get('/v1/extract');
    expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.allow).toBe('POST');
    expectProblem(await request(svc.app).get('/v1/nothing-here'), 404, 'not-found');
  });

  it('the service keeps serving after every failure above', async () => {
    const res = await request(svc.app).post('/v1/extract').send({ text: 'Still here: Python and C++.' });
    expect(res.status).toBe(200);
  });
});

describe('operations endpoints', () => {
  it('GET /healthz and /readyz', async () => {
    expect((await request(svc.app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(svc.app).get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('sets helmet security headers', async () => {
    const res = await request(svc.app).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('GET /v1/errors/:code describes a code', async () => {
    const res = await request(svc.app).get('/v1/errors/pdf-encrypted');
    expect(res.body).toMatchObject({ code: 'pdf-encrypted', status: 422 });
  });
});
