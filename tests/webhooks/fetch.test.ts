import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDocumentFetcher, fetchDocument, isInternalAddress, isPrivateNetwork, type FetchPolicy } from '../../src/adapters/fetch-url';
import { createJobRunner } from '../../src/app/run-job';
import { createTestService, testLogger } from '../helpers';

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/big') res.end(Buffer.alloc(64 * 1024, 0x61));
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000);
    else if (req.url === '/busy') res.writeHead(503).end();
    else res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const policy: FetchPolicy = { allowedHosts: [], allowLoopback: true, maxBytes: 16 * 1024, timeoutMs: 300, maxRedirects: 3 };

describe('fetching résumés', () => {
  it('caps the size', async () => {
    await expect(fetchDocument(`${base}/big`, policy)).rejects.toMatchObject({ code: 'fetch-too-large' });
  });

  it('caps the time', async () => {
    await expect(fetchDocument(`${base}/slow`, policy)).rejects.toMatchObject({ code: 'fetch-failed', retryable: true });
  });

  it('knows internal and private addresses; private ones pass only when allowed, metadata never', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '0.0.0.0']) expect(isInternalAddress(ip)).toBe(true);
    for (const ip of ['93.184.216.34', '2606:4700::1111']) expect(isInternalAddress(ip)).toBe(false);
    expect(isPrivateNetwork('10.1.2.3')).toBe(true);
    expect(isPrivateNetwork('169.254.169.254')).toBe(false);
  });

  it('refuses a private address unless allowed, and metadata even then', async () => {
    const strict: FetchPolicy = { ...policy, allowLoopback: false, allowedHosts: ['10.0.0.9', '169.254.169.254'] };
    await expect(fetchDocument('https://10.0.0.9/cv.pdf', strict)).rejects.toThrow(/internal address/);
    await expect(fetchDocument('https://169.254.169.254/cv.pdf', { ...strict, allowPrivate: true })).rejects.toThrow(/internal address/);
  });

  it('retries a failing fetch a few times, then fails the job with the reason', async () => {
    const svc = createTestService();
    const runner = createJobRunner({ store: svc.services.store, analyzer: svc.services.analyzer, fetcher: createDocumentFetcher(policy), logger: testLogger(), concurrency: 1, maxAttempts: 3, leaseMs: 60_000, pollMs: 10, callbacks: false });
    const payload = JSON.stringify({ type: 'application.created', data: { applicationId: 'a', candidateId: 'c', jobId: 'j', resume: { url: `${base}/busy`, filename: 'cv.pdf' } } });
    svc.services.store.accept({ deliveryKey: 'k', source: 'standard', type: 'application.created', payload, receivedAt: Date.now() }, 'job-busy');
    while (await runner.runOnce()) {
      /* run until the queue is empty */
    }
    expect(svc.services.store.get('job-busy')).toMatchObject({ status: 'failed', attempts: 3, error: 'fetch-failed: The server answered 503.' });
    await svc.close();
  });
});
