import net, { type AddressInfo } from 'node:net';
import request from 'supertest';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../src/app/accept-webhook';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { createTestService, type TestService } from '../helpers';

/** What a webhook sender can make the service read and parse before its signature is known good. */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let svc: TestService;
beforeAll(() => {
  svc = createTestService({ WEBHOOK_SECRET_STANDARD: SECRET, WEBHOOK_SECRET_GREENHOUSE: 'gh-secret', MAX_WEBHOOK_BYTES: String(16 * 1024 * 1024) });
});
afterAll(() => svc.close());

/** Sends the head of a request that announces `length` bytes, and `sent` bytes of it; resolves with the status line. */
async function partialUpload(head: string, length: number, sent: number): Promise<string> {
  const server = svc.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    const answer = new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\r\n')) resolve(text.split('\r\n')[0] ?? '');
      });
      socket.on('error', reject);
      setTimeout(() => resolve('no answer while the body was still owed'), 3_000);
    });
    socket.write(`${head}Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);
    socket.write(Buffer.alloc(sent, 0x20));
    const status = await answer;
    socket.destroy();
    return status;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('webhook intake limits', () => {
  it('refuses an unsigned 16 MB body from its headers, without waiting for the body', async () => {
    expect(await partialUpload('POST /v1/webhooks/standard HTTP/1.1\r\nHost: x\r\n', 16 * 1024 * 1024 - 1, 1024)).toMatch(/^HTTP\/1\.1 401/);
    expect(await partialUpload('POST /v1/webhooks/greenhouse HTTP/1.1\r\nHost: x\r\n', 16 * 1024 * 1024 - 1, 1024)).toMatch(/^HTTP\/1\.1 401/);
    const stale = `webhook-id: m1\r\nwebhook-timestamp: ${Math.floor(Date.now() / 1000) - 3600}\r\nwebhook-signature: v1,xxxx\r\n`;
    expect(await partialUpload(`POST /v1/webhooks/standard HTTP/1.1\r\nHost: x\r\n${stale}`, 16 * 1024 * 1024 - 1, 1024)).toMatch(/^HTTP\/1\.1 401/);
  });

  it('refuses a signed body nested deeper than any event, before parsing it', async () => {
    const body = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const ts = Math.floor(Date.now() / 1000);
    const res = await request(svc.app).post('/v1/webhooks/standard').set('content-type', 'application/json').set('webhook-id', 'deep-1').set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(SECRET, 'deep-1', ts, body)).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid-body' });
    expect(res.body.detail).toMatch(/nested deeper than 64 levels/);
  });

  it('counts nesting outside strings only', () => {
    const nested = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(jsonDepthExceeds(Buffer.from(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from(nested(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ text: '['.repeat(500), quote: 'say \\"[[[[\\"' })), MAX_JSON_DEPTH)).toBe(false);
  });
});
