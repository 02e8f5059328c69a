import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createDocumentFetcher, fetchDocument } from '../../src/adapters/fetch-url';
import { createJobRunner, type JobRunner } from '../../src/app/run-job';
import { signGreenhouse, signStandardWebhook } from '../../src/app/webhooks/signature';
import { createTestService, fixture, type TestService, testLogger } from '../helpers';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const GREENHOUSE = 'greenhouse-secret';

let svc: TestService;
let runner: JobRunner;
let files: http.Server;
let filesUrl = '';

beforeAll(async () => {
  // A real file server on loopback: résumés by URL, a redirect to another host, a slow answer.
  files = http.createServer((req, res) => {
    if (req.url === '/cv.txt') res.end('Experience\nBuilt PyTorch models in Python and wrote unit tests.');
    else if (req.url === '/away') res.writeHead(302, { location: 'http://localhost.example:1/cv.txt' }).end();
    else if (req.url === '/bomb.docx') res.end(fixture('zip-bomb.docx'));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  svc = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET, WEBHOOK_SECRET_GREENHOUSE: GREENHOUSE, FETCH_ALLOW_LOOPBACK: 'true' });
  runner = createJobRunner({
    store: svc.services.store,
    analyzer: svc.services.analyzer,
    fetcher: createDocumentFetcher({ ...svc.services.fetchPolicy, allowedHosts: ['files.example.com'] }),
    logger: testLogger(),
    concurrency: 1,
    maxAttempts: 2,
    leaseMs: 60_000,
    pollMs: 50,
    callbacks: false,
  });
});
afterAll(async () => {
  await svc.close();
  await new Promise<void>((resolve) => files.close(() => resolve()));
});

let counter = 0;
function event(resume: Record<string, string>, extra: Record<string, unknown> = {}): string {
  counter++;
  return JSON.stringify({ type: 'application.created', data: { applicationId: `app-${counter}`, candidateId: `cand-${counter}`, jobId: 'job-1', resume, ...extra } });
}

function post(body: string, id = `msg_${counter}_${Math.random()}`, timestamp = Math.floor(Date.now() / 1000)) {
  return request(svc.app)
    .post('/v1/webhooks/standard')
    .set('content-type', 'application/json')
    .set('webhook-id', id)
    .set('webhook-timestamp', String(timestamp))
    .set('webhook-signature', signStandardWebhook(SECRET, id, timestamp, body))
    .send(body);
}

async function drain(): Promise<void> {
  while (await runner.runOnce()) {
    /* run queued jobs one by one */
  }
}

describe('POST /v1/webhooks/standard', () => {
  it('accepts a signed event with 202, processes it, and stores a result without CV text', async () => {
    const cv = Buffer.from('Experience\nBuilt PyTorch models in Python and wrote unit tests.\nSkills\nOpenCV').toString('base64');
    const res = await post(event({ base64: cv, filename: 'cv.txt' }, { job: { text: 'Requirements\n- Python and PyTorch.\n\nNice to have\n- C++' } }));
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('accepted');
    await drain();
    const done = await request(svc.app).get(`/v1/analyses/${res.body.jobId}`);
    expect(done.body.status).toBe('done');
    expect(done.body.result.skills.find((s: { id: string }) => s.id === 'neural-networks').present).toBe(true);
    expect(done.body.result.match.requirements.map((r: { skill: string; status: string }) => [r.skill, r.status])).toEqual(
      expect.arrayContaining([['python', 'met'], ['cpp', 'missing']]),
    );
    expect(JSON.stringify(done.body)).not.toMatch(/Built PyTorch|unit tests/);
  });

  it('a redelivery (same webhook-id) returns 200 and queues nothing new', async () => {
    const body = event({ base64: Buffer.from('Python').toString('base64'), filename: 'cv.txt' });
    const first = await post(body, 'msg_repeat');
    const again = await post(body, 'msg_repeat');
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'duplicate', jobId: first.body.jobId });
    await drain();
  });

  it('refuses bad, missing and stale signatures with 401', async () => {
    const body = event({ base64: 'UHl0aG9u', filename: 'cv.txt' });
    const bad = await request(svc.app).post('/v1/webhooks/standard').set('webhook-id', 'm1').set('webhook-timestamp', String(Math.floor(Date.now() / 1000))).set('webhook-signature', 'v1,AAAA').send(body);
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('invalid-signature');
    const missing = await request(svc.app).post('/v1/webhooks/standard').send(body);
    expect(missing.body.code).toBe('invalid-signature');
    const stale = await post(body, 'm2', Math.floor(Date.now() / 1000) - 600);
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('stale-webhook');
  });

  it('answers 400 for a body that does not match the event schema, 200 for other event types', async () => {
    const invalid = await post(JSON.stringify({ type: 'application.created', data: { applicationId: 'x' } }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('invalid-body');
    const ping = await post(JSON.stringify({ type: 'ping' }));
    expect(ping.status).toBe(200);
    expect(ping.body.status).toBe('ignored');
  });

  it('404 for a source that is not enabled', async () => {
    expect((await request(svc.app).post('/v1/webhooks/lever').send('{}')).status).toBe(404);
  });
});

describe('POST /v1/webhooks/greenhouse', () => {
  it('verifies the signature, maps the application, and derives the delivery key', async () => {
    const body = JSON.stringify({
      action: 'new_candidate_application',
      payload: { application: { id: 4711, candidate: { id: 99, attachments: [{ filename: 'cv.txt', url: `${filesUrl}/cv.txt`, type: 'resume' }] }, jobs: [{ id: 5 }] } },
    });
    const send = () => request(svc.app).post('/v1/webhooks/greenhouse').set('content-type', 'application/json').set('signature', signGreenhouse(GREENHOUSE, body)).send(body);
    const first = await send();
    expect(first.status).toBe(202);
    expect((await send()).status).toBe(200);
    await drain();
    const done = await request(svc.app).get(`/v1/analyses/${first.body.jobId}`);
    expect(done.body).toMatchObject({ status: 'done', result: { applicationId: '4711', candidateId: '99', jobId: '5' } });
    const ping = JSON.stringify({ action: 'ping' });
    const pinged = await request(svc.app).post('/v1/webhooks/greenhouse').set('signature', signGreenhouse(GREENHOUSE, ping)).send(ping);
    expect(pinged.body.status).toBe('ignored');
  });
});

describe('résumés by URL', () => {
  async function outcome(url: string): Promise<{ status: string; error?: string }> {
    const res = await post(event({ url, filename: 'cv.txt' }));
    expect(res.status).toBe(202);
    await drain();
    return (await request(svc.app).get(`/v1/analyses/${res.body.jobId}`)).body as { status: string; error?: string };
  }

  it('fetches from loopback only under the test flag, over HTTP', async () => {
    expect((await outcome(`${filesUrl}/cv.txt`)).status).toBe('done');
  });

  it.each([
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data/', /internal address/],
    ['a private address', 'https://10.0.0.7/cv.pdf', /internal address/],
    ['a host not on the allow-list', 'https://evil.example.org/cv.pdf', /not on the allow-list/],
    ['plain HTTP to a public host', 'http://files.example.com/cv.pdf', /Only HTTPS/],
  ])('refuses %s, and the job fails with the reason', async (_label, url, reason) => {
    const result = await outcome(url);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(reason);
  });

  it('refuses a redirect to another host', async () => {
    const result = await outcome(`${filesUrl}/away`);
    expect(result).toMatchObject({ status: 'failed' });
    expect(result.error).toMatch(/another host/);
  });

  it('a zip-bomb résumé fails the job with its reason, and the runner goes on', async () => {
    const res = await post(event({ base64: fixture('zip-bomb.docx').toString('base64'), filename: 'cv.docx' }));
    await drain();
    const failed = (await request(svc.app).get(`/v1/analyses/${res.body.jobId}`)).body;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toMatch(/^archive-too-large/);
    expect((await outcome(`${filesUrl}/cv.txt`)).status).toBe('done');
  });
});

describe('erasure', () => {
  it('DELETE erases the document and result and keeps a tombstone: a late redelivery brings nothing back', async () => {
    const body = event({ base64: Buffer.from('Experience\nPython and PyTorch.').toString('base64'), filename: 'cv.txt' });
    const accepted = await post(body, 'msg_erase');
    await drain();
    expect((await request(svc.app).get(`/v1/analyses/${accepted.body.jobId}`)).body.status).toBe('done');
    expect((await request(svc.app).delete(`/v1/analyses/${accepted.body.jobId}`)).status).toBe(204);
    const erased = (await request(svc.app).get(`/v1/analyses/${accepted.body.jobId}`)).body;
    expect(erased).toMatchObject({ status: 'erased', result: null });
    const late = await post(body, 'msg_erase');
    expect(late.body).toEqual({ status: 'duplicate', jobId: accepted.body.jobId });
    expect(await runner.runOnce()).toBe(false);
    expect((await request(svc.app).get(`/v1/analyses/${accepted.body.jobId}`)).body.status).toBe('erased');
    expect((await request(svc.app).delete('/v1/analyses/no-such-id')).status).toBe(404);
  });
});

describe('loopback without the test flag', () => {
  it('refuses 127.0.0.1 when loopback is not allowed', async () => {

    await expect(fetchDocument(`${filesUrl}/cv.txt`, { ...svc.services.fetchPolicy, allowLoopback: false, allowedHosts: ['127.0.0.1'] })).rejects.toThrow(/Only HTTPS|internal address/);
  });
});

describe('GET /v1/analyses: the audit export', () => {
  it('lists every finished analysis with ids, versions, scores and counts, as CSV or JSON, with no CV text', async () => {
    const cvText = 'Experience\nZyxwv Qutrb built PyTorch models in Python at Flumox and wrote unit tests.';
    const cv = Buffer.from(cvText).toString('base64');
    const job = { job: { text: 'Requirements\n- Python and PyTorch.\n\nNice to have\n- C++' } };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(event({ base64: cv, filename: 'cv.txt' }, job));
      expect(res.status).toBe(202);
      ids.push(res.body.jobId);
    }
    while (await runner.runOnce()) {
      // run every queued job
    }
    const csv = await request(svc.app).get('/v1/analyses?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('analysisId,applicationId,candidateId,jobId,completedAt,lexiconVersion,roleVersion,roleCoverage,matchScore,requiredMet,requiredTotal,preferredMet,preferredTotal,warnings');
    for (const id of ids) {
      const line = lines.find((l) => l.startsWith(`"${id}"`));
      expect(line).toBeDefined();
      const cells = (line ?? '').split(',').map((c) => c.replace(/^"|"$/g, ''));
      expect(cells[3]).toBe('job-1');
      expect(Number(cells[8])).toBeGreaterThan(0); // match score
      expect(Number(cells[10])).toBe(2); // python, neural networks (PyTorch) required
      expect(cells[9]).toBe('2');
    }
    // Nothing of the CV's words: no name, no employer, no sentence.
    for (const word of ['Zyxwv', 'Qutrb', 'Flumox', 'unit tests']) expect(csv.text).not.toContain(word);

    // Pages of two, followed to the end, hold every row of the CSV once.
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await request(svc.app).get(`/v1/analyses?format=json&limit=2${next ? `&after=${encodeURIComponent(next)}` : ''}`);
      expect(page.body.analyses.length).toBeLessThanOrEqual(2);
      if (page.body.next) expect(page.headers.link).toContain('rel="next"');
      seen.push(...page.body.analyses.map((a: { analysisId: string }) => a.analysisId));
      next = page.body.next;
    } while (next);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(lines.length - 1);
    for (const id of ids) expect(seen).toContain(id);
    expect((await request(svc.app).get('/v1/analyses?format=xml')).body.code).toBe('invalid-parameter');
  });
});
