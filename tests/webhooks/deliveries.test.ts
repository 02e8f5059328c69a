import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { completedCallbackSchema, failedCallbackSchema } from '../../src/app/callback-result';
import { createDeliverer, retryAfterMs, type Deliverer } from '../../src/app/deliver-callback';
import { createJobRunner, type JobRunner } from '../../src/app/run-job';
import { signStandardWebhook, verifyStandardWebhook } from '../../src/app/webhooks/signature';
import { createTestService, type TestService, testLogger } from '../helpers';

const INBOUND = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OUTBOUND = 'whsec_c2tpbGxtYXRjaC1jYWxsYmFjay1zZWNyZXQ=';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let svc: TestService;
let runner: JobRunner;
let deliverer: Deliverer;
let receiver: http.Server;
let clock = Date.now();
/** What the receiver answers next: status and headers; 200 when the queue is empty. */
const answers: Array<{ status: number; headers?: Record<string, string>; delayMs?: number }> = [];
const received: Received[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const answer = answers.shift() ?? { status: 200 };
      const reply = () => {
        if (!res.destroyed) res.writeHead(answer.status, answer.headers ?? {}).end();
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  svc = createTestService({ WEBHOOK_SECRET_STANDARD: INBOUND });
  const logger = testLogger();
  runner = createJobRunner({ store: svc.services.store, analyzer: svc.services.analyzer, fetcher: svc.services.fetcher, logger, concurrency: 1, maxAttempts: 2, leaseMs: 60_000, pollMs: 50, callbacks: true, now: () => clock });
  deliverer = createDeliverer({
    store: svc.services.store,
    callbackUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    secret: OUTBOUND,
    schedule: [30, 120],
    timeoutMs: 2000,
    pollMs: 50,
    logger,
    now: () => clock,
    random: () => 0.5,
  });
});
afterAll(async () => {
  await svc.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

let n = 0;
async function completeOneJob(resume: string | Buffer = 'Experience\nBuilt PyTorch models in Python.'): Promise<string> {
  n++;
  const id = `msg_deliveries_${n}`;
  const ts = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ type: 'application.created', data: { applicationId: `app-${n}`, candidateId: `c-${n}`, jobId: 'j', resume: { base64: Buffer.from(resume).toString('base64'), filename: 'cv.txt' } } });
  const res = await request(svc.app).post('/v1/webhooks/standard').set('content-type', 'application/json').set('webhook-id', id).set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(INBOUND, id, ts, body)).send(body);
  expect(res.status).toBe(202);
  expect(await runner.runOnce()).toBe(true);
  return res.body.jobId as string;
}

async function delivery(analysisId: string) {
  return (await svc.services.store.listDeliveries(undefined, 1000)).find((d) => d.jobId === analysisId);
}

describe('outbound callbacks', () => {
  it('delivers the result signed in the Standard Webhooks format, without CV text', async () => {
    const analysisId = await completeOneJob();
    expect(await deliverer.runOnce()).toBe(true);
    const last = received[received.length - 1] as Received;
    const verdict = verifyStandardWebhook(OUTBOUND, { id: String(last.headers['webhook-id']), timestamp: String(last.headers['webhook-timestamp']), signature: String(last.headers['webhook-signature']) }, Buffer.from(last.body), Math.floor(clock / 1000));
    expect(verdict).toEqual({ ok: true });
    const body = JSON.parse(last.body);
    expect(body.type).toBe('analysis.completed');
    expect(body.data.applicationId).toBe(`app-${n}`);
    // The body is the documented one (the OpenAPI document's webhooks section), and its ids join
    // it to the webhook's 202 (analysisId) and to the webhook-id header (deliveryId).
    expect(completedCallbackSchema.safeParse(body).success).toBe(true);
    expect(body.analysisId).toBe(analysisId);
    expect(body.deliveryId).toBe(last.headers['webhook-id']);
    expect(last.body).not.toContain('Built PyTorch');
    expect((await delivery(analysisId))?.status).toBe('delivered');
  });

  it('receiver down, then up: retried with backoff and the same webhook-id', async () => {
    const analysisId = await completeOneJob();
    answers.push({ status: 500 });
    await deliverer.runOnce();
    const first = received[received.length - 1] as Received;
    expect((await delivery(analysisId))).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    expect(await deliverer.runOnce()).toBe(false); // not due yet
    clock += 31_000; // the first wait is 30 s (± jitter; here exactly 30 s)
    await deliverer.runOnce();
    const second = received[received.length - 1] as Received;
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    expect((await delivery(analysisId))?.status).toBe('delivered');
  });

  it('receiver too slow: the attempt times out and is retried later with the same webhook-id', async () => {
    const analysisId = await completeOneJob();
    answers.push({ status: 200, delayMs: 3_000 }); // longer than the 2 s callback timeout
    await deliverer.runOnce();
    expect((await delivery(analysisId))).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await delivery(analysisId))?.lastError).toMatch(/time|abort/i);
    clock += 31_000;
    await deliverer.runOnce();
    expect((await delivery(analysisId))?.status).toBe('delivered');
  }, 15_000);

  it('receiver unreachable (connection refused): the delivery waits and goes out once it is up', async () => {
    const analysisId = await completeOneJob();
    const closed = http.createServer();
    const deadPort = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)));
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createDeliverer({ store: svc.services.store, callbackUrl: `http://127.0.0.1:${deadPort}/`, secret: OUTBOUND, schedule: [30, 120], timeoutMs: 2000, pollMs: 50, logger: testLogger(), now: () => clock, random: () => 0.5 });
    await unreachable.runOnce();
    expect((await delivery(analysisId))).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await delivery(analysisId))?.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    clock += 31_000;
    await deliverer.runOnce();
    expect((await delivery(analysisId))?.status).toBe('delivered');
  });

  it('429 and 503 honour Retry-After', async () => {
    const analysisId = await completeOneJob();
    answers.push({ status: 429, headers: { 'retry-after': '7' } });
    await deliverer.runOnce();
    expect((await delivery(analysisId))?.nextAttemptAt).toBe(clock + 7000);
    clock += 7000;
    await deliverer.runOnce();
    expect((await delivery(analysisId))?.status).toBe('delivered');
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
  });

  it('after the last attempt the delivery is dead-lettered; a manual retry sends it again', async () => {
    const analysisId = await completeOneJob();
    answers.push({ status: 500 }, { status: 502 }, { status: 500 });
    for (const wait of [0, 31_000, 121_000]) {
      clock += wait;
      await deliverer.runOnce();
    }
    expect((await delivery(analysisId))).toMatchObject({ status: 'failed', attempts: 3 });
    const failed = await request(svc.app).get('/v1/deliveries?status=failed');
    const entry = failed.body.deliveries.find((d: { analysisId: string }) => d.analysisId === analysisId);
    expect(entry.lastError).toMatch(/dead-lettered after 3 attempt/);
    expect((await request(svc.app).post(`/v1/deliveries/${entry.id}/retry`)).status).toBe(202);
    await deliverer.runOnce();
    expect((await delivery(analysisId))?.status).toBe('delivered');
  });

  it('410 Gone disables callbacks until an operator retries', async () => {
    const gone = await completeOneJob();
    const waiting = await completeOneJob();
    answers.push({ status: 410 });
    await deliverer.runOnce();
    expect((await delivery(gone))?.status).toBe('failed');
    expect(await svc.services.store.callbackEnabled()).toBe(false);
    expect(await deliverer.runOnce()).toBe(false);
    expect((await delivery(waiting))?.status).toBe('pending');
    // A retry of a delivery that does not exist is a 404 and leaves callbacks disabled.
    expect((await request(svc.app).post('/v1/deliveries/does-not-exist/retry')).status).toBe(404);
    expect(await svc.services.store.callbackEnabled()).toBe(false);
    const id = (await delivery(gone))?.id as string;
    await request(svc.app).post(`/v1/deliveries/${id}/retry`);
    expect(await svc.services.store.callbackEnabled()).toBe(true);
    while (await deliverer.runOnce()) {
      /* deliver what is due */
    }
    expect([(await delivery(gone))?.status, (await delivery(waiting))?.status]).toEqual(['delivered', 'delivered']);
  });

  it('a job that fails sends an analysis.failed callback with the reason', async () => {
    // A PNG cut off in its header: no size, nothing to read.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const analysisId = await completeOneJob(png);
    await deliverer.runOnce();
    const body = JSON.parse((received[received.length - 1] as Received).body);
    expect(body).toMatchObject({ type: 'analysis.failed', analysisId, data: { analysisId, error: expect.stringMatching(/^unreadable-document: The image header gives no size/) } });
    expect(failedCallbackSchema.safeParse(body).success).toBe(true);
  });
});
