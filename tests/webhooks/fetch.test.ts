import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDocumentFetcher, fetchDocument, isInternalAddress, isPrivateNetwork, type FetchPolicy } from '../../src/adapters/fetch-url';
import { classifyAddress } from '../../src/adapters/address-policy';
import { createJobRunner } from '../../src/app/run-job';
import { createTestService, testLogger } from '../helpers';

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/big') res.end(Buffer.alloc(64 * 1024, 0x61));
    else if (req.url === '/slow') {
      const late = setTimeout(() => res.end('late'), 3_000);
      res.once('close', () => clearTimeout(late));
    }
    else if (req.url === '/busy') res.writeHead(503).end();
    else res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const policy: FetchPolicy = { allowedHosts: [], allowLoopback: true, maxBytes: 16 * 1024, timeoutMs: 1_000, maxRedirects: 3 };

describe('fetching résumés', () => {
  it('caps the size', async () => {
    await expect(fetchDocument(`${base}/big`, policy)).rejects.toMatchObject({ code: 'fetch-too-large' });
  });

  it('caps the time', async () => {
    await expect(fetchDocument(`${base}/slow`, policy)).rejects.toMatchObject({ code: 'fetch-failed', retryable: true });
  });

  it('knows internal and private addresses; private ones pass only when allowed, metadata never', async () => {
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

  // Every spelling of an internal address is classified as the address it reaches.
  it.each([
    ['::ffff:127.0.0.1', 'loopback', 'IPv4-mapped, dotted'],
    ['::ffff:7f00:1', 'loopback', 'IPv4-mapped, as the URL parser writes it'],
    ['::ffff:a9fe:a9fe', 'link-local', 'metadata, IPv4-mapped'],
    ['::ffff:0:10.0.0.1', 'private', 'IPv4-translated'],
    ['::127.0.0.1', 'loopback', 'IPv4-compatible'],
    ['::a9fe:a9fe', 'link-local', 'IPv4-compatible metadata'],
    ['64:ff9b::127.0.0.1', 'loopback', 'NAT64, dotted'],
    ['64:ff9b::a9fe:a9fe', 'link-local', 'NAT64 metadata'],
    ['64:ff9b:1::a00:1', 'private', 'local-use NAT64'],
    ['2002:7f00:1::', 'loopback', '6to4'],
    ['2002:a9fe:a9fe::1', 'link-local', '6to4 metadata'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback', 'Teredo client'],
    ['0:0:0:0:0:0:0:1', 'loopback', 'IPv6 loopback, long form'],
    ['::', 'unspecified', 'IPv6 unspecified'],
    ['fe80::1%eth0', 'link-local', 'link-local with a zone'],
    ['fec0::1', 'link-local', 'old site-local'],
    ['ff02::1', 'multicast', 'IPv6 multicast'],
    ['240.0.0.1', 'reserved', 'IPv4 reserved'],
    ['198.18.0.1', 'reserved', 'benchmarking'],
    ['64:ff9b::808:808', 'public', 'NAT64 of a public address'],
    ['::ffff:8.8.8.8', 'public', 'IPv4-mapped public address'],
    ['2606:4700::1111', 'public', 'public IPv6'],
  ])('%s is %s (%s)', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
    expect(isInternalAddress(address)).toBe(expected !== 'public');
  });

  it('refuses an IPv4-mapped or NAT64 literal of an internal address in the URL, even when the host is allowed', async () => {
    for (const host of ['[::ffff:127.0.0.1]', '[::ffff:a9fe:a9fe]', '[64:ff9b::a9fe:a9fe]', '[::127.0.0.1]', '[2002:a9fe:a9fe::]']) {
      const strict: FetchPolicy = { ...policy, allowLoopback: false, allowedHosts: [new URL(`https://${host}/`).hostname] };
      await expect(fetchDocument(`https://${host}/cv.pdf`, strict)).rejects.toThrow(/internal address/);
    }
  });

  it('retries a failing fetch a few times, then fails the job with the reason', async () => {
    const svc = createTestService();
    const runner = createJobRunner({ store: svc.services.store, analyzer: svc.services.analyzer, fetcher: createDocumentFetcher(policy), logger: testLogger(), concurrency: 1, maxAttempts: 3, leaseMs: 60_000, pollMs: 10, callbacks: false });
    const payload = JSON.stringify({ type: 'application.created', data: { applicationId: 'a', candidateId: 'c', jobId: 'j', resume: { url: `${base}/busy`, filename: 'cv.pdf' } } });
    await svc.services.store.accept({ deliveryKey: 'k', source: 'standard', type: 'application.created', payload, receivedAt: Date.now() }, 'job-busy');
    while (await runner.runOnce()) {
      /* run until the queue is empty */
    }
    expect(await svc.services.store.get('job-busy')).toMatchObject({ status: 'failed', attempts: 3, error: 'fetch-failed: The server answered 503.' });
    await svc.close();
  });
});
