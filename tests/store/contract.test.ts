import type { AcceptedEvent, JobStore } from '../../src/app/ports/job-store';
import { backends, type Backend } from './backends';

/**
 * The job store's contract, run on every backend: SQLite always, PostgreSQL when it answers
 * (REQUIRE_POSTGRES=1 makes its absence an error, as in CI). Every behaviour the use cases rely on
 * is here: acceptance and duplicates, leases and their expiry, attempts, results and callbacks in
 * one transaction, retention, dead letters, erasure with tombstones, the audit export's paging and
 * idempotency keys; and that two connections never lease the same job.
 */
const event = (key: string, receivedAt = 1000): AcceptedEvent => ({ deliveryKey: key, source: 'standard', type: 'application.created', payload: `{"resume":"${key}"}`, receivedAt });
const callback = (id: string) => ({ deliveryId: `d-${id}`, eventType: 'analysis.completed', payload: `{"analysisId":"${id}"}` });

describe.each(backends().map((b) => [b.name, b] as const))('job store contract: %s', (_name: string, backend: Backend) => {
  let opened: Awaited<ReturnType<Backend['open']>>;
  let store: JobStore;
  beforeEach(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.close();
  });

  it('accepts an event once: a redelivery is a duplicate of the same job', async () => {
    expect(await store.accept(event('a'), 'job-a')).toEqual({ duplicate: false, jobId: 'job-a' });
    expect(await store.accept(event('a'), 'job-other')).toEqual({ duplicate: true, jobId: 'job-a' });
    expect(await store.get('job-a')).toMatchObject({ id: 'job-a', deliveryKey: 'a', status: 'queued', attempts: 0, payload: '{"resume":"a"}', result: null, createdAt: 1000 });
    expect(await store.get('job-other')).toBeNull();
  });

  it('leases the oldest job first; a leased job waits for its lease to expire, then is taken over; the first completion wins', async () => {
    await store.accept(event('late', 2000), 'job-late');
    await store.accept(event('early', 1000), 'job-early');
    expect((await store.claim(5000, 500))?.id).toBe('job-early');
    expect((await store.claim(5000, 500))?.id).toBe('job-late');
    expect(await store.claim(5200, 500)).toBeNull();
    const again = await store.claim(5600, 500);
    expect(again).toMatchObject({ id: 'job-early', status: 'running', attempts: 2 });
    expect(await store.complete('job-early', '{"first":true}', 5700)).toBe(true);
    expect(await store.complete('job-early', '{"second":true}', 5800)).toBe(false);
    expect(await store.get('job-early')).toMatchObject({ status: 'done', result: '{"first":true}', payload: null, updatedAt: 5700 });
  });

  it('a renewed lease keeps the job; attempts are bounded, and exhausted jobs are listed for failing', async () => {
    await store.accept(event('r'), 'job-r');
    await store.claim(1000, 100, 2);
    await store.renewLease('job-r', 5000);
    expect(await store.claim(2000, 100, 2)).toBeNull();
    expect((await store.claim(6000, 100, 2))?.attempts).toBe(2);
    expect(await store.claim(7000, 100, 2)).toBeNull();
    expect((await store.exhausted(7000, 2)).map((j) => j.id)).toEqual(['job-r']);
    await store.fail('job-r', 'internal: attempts used up', 7000, false, { deliveryId: 'd-r', eventType: 'analysis.failed', payload: '{}' });
    expect(await store.get('job-r')).toMatchObject({ status: 'failed', error: 'internal: attempts used up', payload: null });
    expect(await store.exhausted(8000, 2)).toEqual([]);
    expect((await store.listDeliveries('pending')).map((d) => [d.id, d.eventType])).toEqual([['d-r', 'analysis.failed']]);
  });

  it('a failed attempt goes back in the queue with its document; a final failure drops it', async () => {
    await store.accept(event('f'), 'job-f');
    await store.claim(1000, 60_000);
    await store.fail('job-f', 'fetch-failed: 503', 1100, true);
    expect(await store.get('job-f')).toMatchObject({ status: 'queued', error: 'fetch-failed: 503', payload: '{"resume":"f"}' });
    expect(await store.listDeliveries()).toEqual([]);
    expect((await store.claim(1200, 60_000))?.attempts).toBe(2);
  });

  it('stores the result and its callback in one step; keeps the document only for retention, then purges it', async () => {
    await store.accept(event('k'), 'job-k');
    await store.claim(1000, 60_000);
    expect(await store.complete('job-k', '{"ok":true}', 2000, callback('job-k'), true)).toBe(true);
    expect((await store.get('job-k'))?.payload).toBe('{"resume":"k"}');
    expect(await store.listDeliveries('pending')).toEqual([expect.objectContaining({ id: 'd-job-k', jobId: 'job-k', eventType: 'analysis.completed', status: 'pending', attempts: 0, nextAttemptAt: 2000 })]);
    expect(await store.purgeDocuments(2000)).toBe(0);
    expect(await store.purgeDocuments(2001)).toBe(1);
    expect((await store.get('job-k'))?.payload).toBeNull();
    expect((await store.get('job-k'))?.result).toBe('{"ok":true}');
  });

  it('leases a due delivery once; retries it later, dead-letters it, and sends it again by hand', async () => {
    await store.accept(event('c'), 'job-c');
    await store.claim(1000, 60_000);
    await store.complete('job-c', '{}', 1000, callback('job-c'));
    const first = await store.claimDelivery(1000, 10_000);
    expect(first).toMatchObject({ id: 'd-job-c', attempts: 1 });
    expect(await store.claimDelivery(1500, 10_000)).toBeNull(); // leased
    await store.settleDelivery('d-job-c', { status: 'pending', nextAttemptAt: 30_000, error: 'HTTP 500' }, 2000);
    expect(await store.claimDelivery(29_999, 10_000)).toBeNull(); // not due yet
    expect(await store.claimDelivery(30_000, 10_000)).toMatchObject({ attempts: 2, lastError: 'HTTP 500' });
    await store.settleDelivery('d-job-c', { status: 'failed', error: 'HTTP 500; dead-lettered after 2 attempt(s)' }, 31_000);
    expect((await store.listDeliveries('failed')).map((d) => d.id)).toEqual(['d-job-c']);
    expect(await store.listDeliveries('pending')).toEqual([]);
    expect(await store.retryDelivery('d-job-c', 40_000)).toBe(true);
    expect(await store.retryDelivery('d-job-c', 40_000)).toBe(false); // no longer failed
    expect(await store.retryDelivery('no-such-delivery', 40_000)).toBe(false);
    expect(await store.claimDelivery(40_000, 10_000)).toMatchObject({ attempts: 1, status: 'pending' });
    await store.settleDelivery('d-job-c', { status: 'delivered' }, 41_000);
    expect((await store.listDeliveries('delivered')).map((d) => d.id)).toEqual(['d-job-c']);
  });

  it('callbacks can be disabled (a 410) and enabled again', async () => {
    expect(await store.callbackEnabled()).toBe(true);
    await store.setCallbackEnabled(false);
    expect(await store.callbackEnabled()).toBe(false);
    await store.setCallbackEnabled(true);
    expect(await store.callbackEnabled()).toBe(true);
  });

  it('lists finished jobs oldest first, in pages that neither skip nor repeat', async () => {
    for (let i = 0; i < 7; i++) {
      await store.accept(event(`p${i}`, 1000 + (i % 3)), `job-p${i}`);
      await store.claim(5000, 60_000);
    }
    for (let i = 0; i < 7; i++) if (i !== 3) await store.complete(`job-p${i}`, `{"i":${i}}`, 6000);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.listDone({ ...(after ? { after } : {}), limit: 2 });
      seen.push(...page.map((j) => j.id));
      if (page.length < 2) break;
      after = page[page.length - 1]?.id;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen).not.toContain('job-p3');
    const created = await Promise.all(seen.map(async (id) => (await store.get(id))?.createdAt ?? 0));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('erases a job to a tombstone: no document, result or callback payload, and a redelivery stays a duplicate', async () => {
    await store.accept(event('e'), 'job-e');
    await store.claim(1000, 60_000);
    await store.complete('job-e', '{"evidence":"Python"}', 2000, callback('job-e'));
    expect(await store.erase('job-e', 3000)).toBe(true);
    expect(await store.erase('job-e', 3100)).toBe(false);
    expect(await store.get('job-e')).toMatchObject({ status: 'erased', payload: null, result: null, error: null });
    expect(await store.listDeliveries()).toEqual([expect.objectContaining({ id: 'd-job-e', payload: '{}', status: 'failed', lastError: 'erased before delivery' })]);
    expect(await store.accept(event('e'), 'job-new')).toEqual({ duplicate: true, jobId: 'job-e' });
    expect(await store.erase('no-such-job', 3000)).toBe(false);
  });

  it('keeps an idempotency key with its fingerprint, within its window only', async () => {
    await store.putIdempotencyKey({ key: 'k1', fingerprint: 'f1', createdAt: 10_000 });
    await store.putIdempotencyKey({ key: 'k1', fingerprint: 'f2', createdAt: 11_000 }); // the first stays
    expect(await store.getIdempotencyKey('k1', 12_000, 5_000)).toEqual({ key: 'k1', fingerprint: 'f1', createdAt: 10_000 });
    expect(await store.getIdempotencyKey('k1', 20_000, 5_000)).toBeNull();
    expect(await store.getIdempotencyKey('k2', 12_000, 5_000)).toBeNull();
  });

  it('two connections leasing at once never take the same job', async () => {
    const other = await opened.second();
    const jobs = 40;
    for (let i = 0; i < jobs; i++) await store.accept(event(`x${i}`, i), `job-x${i}`);
    const taken: string[] = [];
    const drain = async (s: JobStore): Promise<void> => {
      for (;;) {
        const job = await s.claim(100_000, 600_000);
        if (!job) return;
        taken.push(job.id);
      }
    };
    await Promise.all([drain(store), drain(other), drain(store), drain(other)]);
    expect(taken).toHaveLength(jobs);
    expect(new Set(taken).size).toBe(jobs);
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
