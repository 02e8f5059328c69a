import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { createJobRunner } from '../../src/app/run-job';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { hashApiKey } from '../../src/http/api-keys';
import { createTestService, FIXTURES, testLogger } from '../helpers';
import { startServer } from '../support/server-process';

/**
 * GET /metrics in the Prometheus text format (prom-client): requests by route pattern and status
 * with latency, document stages by format, the queue, callbacks and the PDF pool; labels never
 * carry what a client sent.
 */
const CV = 'Jane Quillfeather\njane.quillfeather@example.org · +44 20 7946 0321\n\nExperience\n- Built PyTorch ranking models in Python at Marrowbank Analytics.';

/** The value of one sample line of the exposition text, by metric name and labels (in any order). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    if (Object.entries(labels).every(([k, v]) => inside.includes(`${k}="${v}"`))) return Number(line.split(' ').pop());
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('counts requests by route pattern and status, documents by stage and format, and shows the queue and the PDF pool', async () => {
    const svc = createTestService();
    try {
      await request(svc.app).post('/v1/analyze').send({ text: CV }).expect(200);
      await request(svc.app).post('/v1/analyze').attach('file', Buffer.from(CV), 'Jane-Quillfeather-CV.txt').expect(200);
      await request(svc.app).get('/v1/analyses/3f9c2a77-missing-job').expect(404);
      const res = await request(svc.app).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.text;
      expect(sample(text, 'skillmatch_http_requests_total', { route: '/v1/analyze', method: 'POST', status: '200' })).toBe(2);
      expect(sample(text, 'skillmatch_http_requests_total', { route: '/v1/analyses/:id', method: 'GET', status: '404' })).toBe(1);
      expect(sample(text, 'skillmatch_http_request_duration_seconds_count', { route: '/v1/analyze', method: 'POST' })).toBe(2);
      expect(sample(text, 'skillmatch_document_stage_duration_seconds_count', { stage: 'analysis', format: 'text' })).toBe(2);
      expect(sample(text, 'skillmatch_document_stage_duration_seconds_count', { stage: 'extraction', format: 'text' })).toBe(2);
      expect(sample(text, 'skillmatch_jobs', { state: 'queued' })).toBe(0);
      expect(sample(text, 'skillmatch_oldest_queued_job_age_seconds', {})).toBe(0);
      expect(sample(text, 'skillmatch_dead_letters', {})).toBe(0);
      expect(sample(text, 'skillmatch_callbacks', { outcome: 'failed' })).toBe(0);
      expect(sample(text, 'skillmatch_store_up', {})).toBe(1);
      // No PDF has come yet: the pool keeps no thread at rest; a PDF starts one.
      expect(sample(text, 'skillmatch_pdf_pool_threads', {})).toBe(0);
      await request(svc.app).post('/v1/analyze').attach('file', readFileSync(path.join(FIXTURES, 'libreoffice-cv.pdf')), 'cv.pdf').expect(200);
      expect(sample((await request(svc.app).get('/metrics')).text, 'skillmatch_pdf_pool_threads', {})).toBeGreaterThan(0);
      expect(text).toContain('skillmatch_pdf_pool_utilisation');
      expect(text).toContain('skillmatch_process_resident_memory_bytes');
      expect(text).toContain('skillmatch_nodejs_eventloop_lag_p99_seconds');
      // No document text, file name, id, personal data or address in any label. The phone number
      // is looked for as written, with its space: a metric's value may hold any four digits.
      for (const secret of ['Quillfeather', 'quillfeather@example.org', '7946 0321', 'PyTorch ranking', 'Marrowbank', 'Jane-Quillfeather-CV.txt', '3f9c2a77', '127.0.0.1', '::ffff']) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await svc.close();
    }
  });

  it('every figure moves when its event happens: a queued job ages, a callback is queued and dead-lettered, a PDF is read', async () => {
    const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const svc = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET });
    const scrape = async (): Promise<string> => (await request(svc.app).get('/metrics')).text;
    try {
      const before = await scrape();
      expect(sample(before, 'skillmatch_jobs', { state: 'queued' })).toBe(0);
      expect(sample(before, 'skillmatch_document_stage_duration_seconds_count', { stage: 'analysis', format: 'pdf' })).toBeUndefined();

      const body = JSON.stringify({ type: 'application.created', data: { applicationId: 'a1', candidateId: 'c1', jobId: 'j1', resume: { base64: Buffer.from(CV).toString('base64'), filename: 'cv.txt' } } });
      const ts = Math.floor(Date.now() / 1000);
      await request(svc.app).post('/v1/webhooks/standard').set({ 'content-type': 'application/json', 'webhook-id': 'm-1', 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, 'm-1', ts, body) }).send(body).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const queued = await scrape();
      expect(sample(queued, 'skillmatch_jobs', { state: 'queued' })).toBe(1);
      expect(sample(queued, 'skillmatch_oldest_queued_job_age_seconds', {})).toBeGreaterThan(0);
      expect(sample(queued, 'skillmatch_http_requests_total', { route: '/v1/webhooks/:source', method: 'POST', status: '202' })).toBe(1);

      const runner = createJobRunner({ store: svc.services.store, analyzer: svc.services.analyzer, fetcher: svc.services.fetcher, logger: testLogger(), concurrency: 1, maxAttempts: 2, leaseMs: 60_000, pollMs: 10, callbacks: true });
      expect(await runner.runOnce()).toBe(true);
      const ran = await scrape();
      expect(sample(ran, 'skillmatch_jobs', { state: 'queued' })).toBe(0);
      expect(sample(ran, 'skillmatch_callbacks', { outcome: 'pending' })).toBe(1);
      expect(sample(ran, 'skillmatch_dead_letters', {})).toBe(0);

      const delivery = await svc.services.store.claimDelivery(Date.now(), 60_000);
      await svc.services.store.settleDelivery(delivery?.id ?? '', { status: 'failed', error: 'HTTP 500; dead-lettered after 1 attempt(s)' }, Date.now());
      const dead = await scrape();
      expect(sample(dead, 'skillmatch_callbacks', { outcome: 'pending' })).toBe(0);
      expect(sample(dead, 'skillmatch_callbacks', { outcome: 'failed' })).toBe(1);
      expect(sample(dead, 'skillmatch_dead_letters', {})).toBe(1);

      await request(svc.app).post('/v1/analyze').attach('file', readFileSync(path.join(FIXTURES, 'latex-two-column.pdf')), 'cv.pdf').expect(200);
      const pdf = await scrape();
      expect(sample(pdf, 'skillmatch_document_stage_duration_seconds_count', { stage: 'analysis', format: 'pdf' })).toBe(1);
      expect(sample(pdf, 'skillmatch_document_stage_duration_seconds_count', { stage: 'extraction', format: 'pdf' })).toBe(1);
      expect(sample(pdf, 'skillmatch_pdf_pool_utilisation', {})).toBeGreaterThan(0);

      // A store that no longer answers shows as down.
      await svc.services.store.close();
      expect(sample(await scrape(), 'skillmatch_store_up', {})).toBe(0);
    } finally {
      await svc.close().catch(() => undefined);
    }
  });

  it('needs an API key when keys are set, and is never rate-limited; refused requests are counted', async () => {
    const svc = createTestService({ API_KEY_HASHES: hashApiKey('metrics-key'), RATE_LIMIT_IP_PER_MINUTE: '1' });
    try {
      expect((await request(svc.app).get('/metrics')).status).toBe(401);
      expect((await request(svc.app).get('/Metrics/')).status).toBe(401);
      await request(svc.app).get('/v1/lexicon').set('Authorization', 'Bearer metrics-key');
      expect((await request(svc.app).get('/v1/lexicon').set('Authorization', 'Bearer metrics-key')).status).toBe(429);
      for (let i = 0; i < 3; i++) {
        const res = await request(svc.app).get('/metrics').set('Authorization', 'Bearer metrics-key');
        expect(res.status).toBe(200);
        expect(sample(res.text, 'skillmatch_rate_limited_requests_total', { scope: 'ip' })).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await svc.close();
    }
  });

  it('with METRICS_PORT, is served on that port only', async () => {
    // Port 0: the system picks a free port, so the test never races another process for a
    // fixed one. The metrics port is bound, and logged, before the service says it listens.
    const server = await startServer({ METRICS_PORT: '0' });
    try {
      const metricsPort = server.logs
        .join('')
        .split('\n')
        .filter((line) => line.includes('"msg":"metrics listening"'))
        .map((line) => (JSON.parse(line) as { port: number }).port)[0];
      expect(metricsPort).toBeGreaterThan(0);
      expect(metricsPort).not.toBe(server.port);
      const main = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(main.status).toBe(404);
      await main.arrayBuffer();
      const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('skillmatch_http_requests_total');
      const other = await fetch(`http://127.0.0.1:${metricsPort}/v1/lexicon`);
      expect(other.status).toBe(404);
      await other.arrayBuffer();
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  }, 60_000);

  it('with a METRICS_PORT already taken, stops at start-up with a message instead of announcing a service that then exits', async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startServer({ METRICS_PORT: String(port) })).rejects.toThrow(/server exited with 1[\s\S]*EADDRINUSE/);
    } finally {
      taken.close();
    }
  }, 60_000);
});
