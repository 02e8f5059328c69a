import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { openSqliteStore } from '../../src/adapters/sqlite-store';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { createApp } from '../../src/http/app';
import { createTestService, testLogger } from '../helpers';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('SQLite job store', () => {
  const event = (key: string) => ({ deliveryKey: key, source: 'standard', type: 'application.created', payload: '{"resume":"secret"}', receivedAt: 1000 });

  it('deletes a document when its job is done, or keeps it until the retention purge', async () => {
    const store = openSqliteStore(':memory:');
    await store.accept(event('a'), 'job-a');
    await store.accept(event('b'), 'job-b');
    await store.claim(2000, 60_000);
    await store.complete('job-a', '{"ok":true}', 3000);
    expect((await store.get('job-a'))?.payload).toBeNull();
    await store.claim(4000, 60_000);
    await store.complete('job-b', '{"ok":true}', 5000, undefined, true);
    expect((await store.get('job-b'))?.payload).toBe('{"resume":"secret"}');
    expect(await store.purgeDocuments(4000)).toBe(0);
    expect(await store.purgeDocuments(6000)).toBe(1);
    expect((await store.get('job-b'))?.payload).toBeNull();
    await store.close();
  });

  it('a job whose lease expired is taken over; its first completion wins', async () => {
    const store = openSqliteStore(':memory:');
    await store.accept(event('c'), 'job-c');
    expect((await store.claim(1000, 500))?.id).toBe('job-c');
    expect(await store.claim(1200, 500)).toBeNull(); // still leased
    expect((await store.claim(1600, 500))?.attempts).toBe(2); // lease expired: taken over
    expect(await store.complete('job-c', '{"first":true}', 1700)).toBe(true);
    expect(await store.complete('job-c', '{"second":true}', 1800)).toBe(false);
    expect((await store.get('job-c'))?.result).toBe('{"first":true}');
    await store.close();
  });
});

describe('when the event cannot be stored', () => {
  it('answers 503 with Retry-After, so the sender retries', async () => {
    const store = openSqliteStore(':memory:');
    await store.close(); // every write now fails, as with a locked or full disk
    const svc = createTestService();
    const app = createApp({
      extractor: svc.services.extractor,
      analyzer: svc.services.analyzer,
      logger: testLogger(),
      limits: { maxFileBytes: 1024, maxJsonBytes: 1024, maxBatchBytes: 1024, maxCvs: 1 },
      isReady: () => true,
      jobs: { store, webhooks: { secrets: { standard: SECRET }, maxBytes: 1024 * 1024 } },
    });
    const body = JSON.stringify({ type: 'application.created', data: { applicationId: 'a', candidateId: 'c', jobId: 'j', resume: { base64: 'UHl0aG9u', filename: 'cv.txt' } } });
    const ts = Math.floor(Date.now() / 1000);
    const res = await request(app).post('/v1/webhooks/standard').set('webhook-id', 'x1').set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(SECRET, 'x1', ts, body)).send(body);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body.code).toBe('service-unavailable');
    await svc.close();
  });
});

describe('when the database file is locked by another process', () => {
  it('answers 503 with Retry-After, writes nothing half, and takes the redelivery once the lock is gone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-lock-'));
    const dbPath = path.join(dir, 'queue.db');
    const svc = createTestService({ DB_PATH: dbPath, WEBHOOK_SECRET_STANDARD: SECRET });
    const body = JSON.stringify({ type: 'application.created', data: { applicationId: 'locked-1', candidateId: 'c', jobId: 'j', resume: { base64: 'UHl0aG9u', filename: 'cv.txt' } } });
    const send = () => {
      const ts = Math.floor(Date.now() / 1000);
      return request(svc.app).post('/v1/webhooks/standard').set('webhook-id', 'lock-1').set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(SECRET, 'lock-1', ts, body)).send(body);
    };
    // Another connection holds the write lock, as a backup tool or a second process might.
    const other = new Database(dbPath);
    other.exec('BEGIN EXCLUSIVE');
    const refused = await send();
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body.code).toBe('service-unavailable');
    other.exec('ROLLBACK');
    other.close();
    // Nothing of the refused attempt stayed: the redelivery is new, not a duplicate.
    const accepted = await send();
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('accepted');
    await svc.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});

describe('when the disk is full', () => {
  it('answers 503 with Retry-After once the database cannot grow, keeps every stored event whole, and keeps serving', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-full-'));
    const dbPath = path.join(dir, 'queue.db');
    // A 0.2 MB cap makes SQLite fail writes as a full disk does (SQLITE_FULL).
    const svc = createTestService({ DB_PATH: dbPath, DB_MAX_MB: '0.2', WEBHOOK_SECRET_STANDARD: SECRET });
    const resume = Buffer.from('Experience\nBuilt PyTorch models in Python. '.repeat(400)).toString('base64');
    const statuses: number[] = [];
    let refused: request.Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const body = JSON.stringify({ type: 'application.created', data: { applicationId: `full-${i}`, candidateId: 'c', jobId: 'j', resume: { base64: resume, filename: 'cv.txt' } } });
      const ts = Math.floor(Date.now() / 1000);
      const res = await request(svc.app).post('/v1/webhooks/standard').set('webhook-id', `full-${i}`).set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(SECRET, `full-${i}`, ts, body)).set('content-type', 'application/json').send(body);
      statuses.push(res.status);
      if (res.status !== 202) refused = res;
    }
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(0);
    expect(refused?.status).toBe(503);
    expect(refused?.headers['retry-after']).toBeDefined();
    expect(refused?.body.code).toBe('service-unavailable');
    // Nothing half-written: every stored event has its job, and no more.
    const db = new Database(dbPath, { readonly: true });
    const counts = db.prepare('SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM jobs) AS jobs').get() as { events: number; jobs: number };
    db.close();
    expect(counts.events).toBe(counts.jobs);
    expect(counts.jobs).toBe(statuses.filter((s) => s === 202).length);
    expect((await request(svc.app).get('/healthz')).status).toBe(200);
    await svc.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
