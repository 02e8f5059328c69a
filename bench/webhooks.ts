/**
 * Webhooks: signed events accepted per second (202), and the time from an accepted event to its
 * delivered callback, with the job runner and the deliverer running, against a loopback receiver.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/main/config';
import { signStandardWebhook } from '../src/app/webhooks/signature';
import { createApp } from '../src/http/app';
import { createDeliverer } from '../src/app/deliver-callback';
import { createJobRunner } from '../src/app/run-job';
import { createLogger } from '../src/adapters/logger';
import { appDeps, createServices } from '../src/main/compose';
import { round, spread, type Spread } from './stats';

export interface WebhookBench {
  events: number;
  acceptedPerSecond: number;
  processedPerSecond: number;
  eventToCallbackMs: Spread;
}

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CV = Buffer.from('Experience\nBuilt PyTorch models in Python, with unit tests and code review.\nSkills\nPython, SQL, Docker').toString('base64');

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function benchWebhooks(events = 200): Promise<WebhookBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-bench-'));
  const delivered = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const id = (JSON.parse(body) as { data?: { applicationId?: string } }).data?.applicationId;
      if (id) delivered.set(id, performance.now());
      res.end();
    });
  });
  const receiverPort = await listen(receiver);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dir, WEBHOOK_SECRET_STANDARD: SECRET });
  const services = createServices(config);
  const logger = createLogger('silent');
  const app = createApp(appDeps(config, services, logger, () => true));
  const server = http.createServer(app);
  const port = await listen(server);
  const runner = createJobRunner({ store: services.store, analyzer: services.analyzer, fetcher: services.fetcher, logger, concurrency: config.JOB_CONCURRENCY, maxAttempts: 3, leaseMs: 60_000, pollMs: 20, callbacks: true });
  const deliverer = createDeliverer({ store: services.store, callbackUrl: `http://127.0.0.1:${receiverPort}/`, secret: SECRET, schedule: [1, 5], timeoutMs: 5000, pollMs: 20, logger });
  const accepted = new Map<string, number>();
  try {
    await runner.start();
    deliverer.start();
    const started = performance.now();
    let next = 0;
    const send = async (): Promise<void> => {
      while (next < events) {
        const n = next++;
        const id = `bench-${n}`;
        const body = JSON.stringify({ type: 'application.created', data: { applicationId: id, candidateId: `c${n}`, jobId: 'j', job: { text: 'Requirements\n- Python, PyTorch' }, resume: { base64: CV, filename: 'cv.txt' } } });
        const ts = Math.floor(Date.now() / 1000);
        const res = await fetch(`http://127.0.0.1:${port}/v1/webhooks/standard`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, id, ts, body) },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
        accepted.set(id, performance.now());
      }
    };
    await Promise.all(Array.from({ length: 8 }, send));
    const acceptSeconds = (performance.now() - started) / 1000;
    const deadline = performance.now() + 120_000;
    while (delivered.size < events && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (delivered.size < events) throw new Error(`only ${delivered.size} of ${events} callbacks arrived`);
    const last = Math.max(...delivered.values());
    return {
      events,
      acceptedPerSecond: round(events / acceptSeconds, 0),
      processedPerSecond: round(events / ((last - started) / 1000), 1),
      eventToCallbackMs: spread([...accepted].map(([id, at]) => (delivered.get(id) ?? at) - at)),
    };
  } finally {
    await runner.stop();
    await deliverer.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
