import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/adapters/sqlite-store';
import { createJobRunner } from '../../src/app/run-job';
import type { DocumentFetcher } from '../../src/app/ports';
import { createTestService, testLogger, type TestService } from '../helpers';

/**
 * JOB_MAX_ATTEMPTS bounds every way a job can be tried again, including a process that dies
 * while holding the job; and a job still being worked on keeps its lease.
 */
const event = (id: string, resume: Record<string, string>): string =>
  JSON.stringify({ type: 'application.created', data: { applicationId: `app-${id}`, candidateId: 'c', jobId: 'j', resume } });

let svc: TestService;
beforeEach(() => {
  svc = createTestService();
});
afterEach(() => svc.close());

const noFetch: DocumentFetcher = { fetch: () => Promise.reject(new Error('not used')) };

describe('attempts and leases', () => {
  it('a job whose process died on its last allowed attempt fails for good instead of running again', async () => {
    const { store } = svc.services;
    await store.accept({ deliveryKey: 'k-dies', source: 'standard', type: 'application.created', payload: event('dies', { base64: Buffer.from('Python and PyTorch.').toString('base64'), filename: 'cv.txt' }), receivedAt: 0 }, 'job-dies');
    // Two runners took the job and died holding it (their leases ran out).
    expect((await store.claim(1_000, 100, 2))?.attempts).toBe(1);
    expect((await store.claim(2_000, 100, 2))?.attempts).toBe(2);
    expect(await store.claim(3_000, 100, 2)).toBeNull();
    let clock = 3_000;
    const runner = createJobRunner({ store, analyzer: svc.services.analyzer, fetcher: noFetch, logger: testLogger(), concurrency: 1, maxAttempts: 2, leaseMs: 100, pollMs: 10, callbacks: true, now: () => clock });
    await runner.runOnce();
    clock += 1_000;
    await runner.runOnce();
    const job = await store.get('job-dies');
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
    expect(job?.error).toMatch(/did not finish in 2 attempts/);
    // Its failure goes to the ATS like any other.
    expect((await store.listDeliveries('pending')).map((d) => [d.jobId, d.eventType])).toEqual([['job-dies', 'analysis.failed']]);
  });

  it('a job still being worked on renews its lease, so no second runner takes it', async () => {
    const { store } = svc.services;
    let release: () => void = () => undefined;
    const slow: DocumentFetcher = {
      fetch: () => new Promise((resolve) => {
        release = () => resolve({ bytes: Buffer.from('Python and PyTorch.') });
      }),
    };
    await store.accept({ deliveryKey: 'k-slow', source: 'standard', type: 'application.created', payload: event('slow', { url: 'https://cv.example/cv.txt', filename: 'cv.txt' }), receivedAt: Date.now() }, 'job-slow');
    const runner = createJobRunner({ store, analyzer: svc.services.analyzer, fetcher: slow, logger: testLogger(), concurrency: 1, maxAttempts: 3, leaseMs: 1_000, pollMs: 10, callbacks: false });
    const first = runner.runOnce();
    // Three leases long. The lease is renewed every third of it, so only a pause of two thirds of
    // a second in this process could let it lapse: a loaded machine does not make the test fail.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await store.claim(Date.now(), 1_000, 3)).toBeNull();
    release();
    await first;
    expect(await store.get('job-slow')).toMatchObject({ status: 'done', attempts: 1 });
  });
});

describe('restart recovery', () => {
  it('jobs leased by a process that is gone run again at once; a live process keeps its lease', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-restart-'));
    const file = path.join(dir, 'skillmatch.db');
    try {
      const before = openSqliteStore(file);
      for (const id of ['crashed', 'elsewhere']) await before.accept({ deliveryKey: `k-${id}`, source: 'standard', type: 'application.created', payload: '{}', receivedAt: id === 'crashed' ? 1 : 2 }, id);
      expect((await before.claim(Date.now(), 120_000))?.id).toBe('crashed');
      expect((await before.claim(Date.now(), 120_000))?.id).toBe('elsewhere');
      await before.close(); // the process "dies" holding both leases
      // The second lease belongs to another live process on this host (this test's parent).
      const raw = new Database(file);
      raw.prepare('UPDATE jobs SET lease_owner = ? WHERE id = ?').run(`${os.hostname()}:${process.ppid}:other`, 'elsewhere');
      raw.close();
      const after = openSqliteStore(file); // the restart: same process id, new instance
      expect(await after.claim(Date.now(), 120_000)).toBeNull(); // without recovery, both wait two minutes
      expect(await after.releaseOrphanedLeases()).toBe(1);
      expect(await after.claim(Date.now(), 120_000)).toMatchObject({ id: 'crashed', attempts: 2 });
      expect(await after.claim(Date.now(), 120_000)).toBeNull();
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
