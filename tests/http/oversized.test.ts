import net from 'node:net';
import { DRAIN_MAX_BYTES } from '../../src/http/problem';
import { startServer, type ServerProcess } from '../support/server-process';

/**
 * An oversized upload is refused with 413, and the answer reaches a client that is still sending:
 * Node's fetch writes the whole body before it reads the response, so a connection closed under
 * it used to surface as a reset (EPIPE) instead of the 413 and its message. The page's browser
 * case is in tests/web/page.test.ts.
 */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const MAX_FILE_BYTES = 10 * 2 ** 20;
// A real server process, as npm start runs it: an in-process app answered the same requests
// without the reset, so only the process shows what clients see.
let server: ServerProcess;
let base: string;
beforeAll(async () => {
  server = await startServer({ WEBHOOK_SECRET_STANDARD: SECRET, MAX_FILE_BYTES: String(MAX_FILE_BYTES), OCR: 'off' });
  base = `http://127.0.0.1:${server.port}`;
}, 60_000);
afterAll(async () => {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
});

const sixtyMegabytes = (): Uint8Array<ArrayBuffer> => new Uint8Array(60 * 2 ** 20).fill(0x41);

describe('a 60 MB upload gets its 413 in Node’s fetch, not a reset', () => {
  it('POST /v1/analyze, multipart: 413 file-too-large with the limit', async () => {
    const form = new FormData();
    form.append('file', new Blob([sixtyMegabytes()], { type: 'text/plain' }), 'big.txt');
    const res = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'file-too-large', limitBytes: MAX_FILE_BYTES });
  }, 60_000);

  it('POST /v1/match with one CV of 60 MB: 413', async () => {
    const form = new FormData();
    form.append('job', new Blob(['Python and PyTorch are required.']), 'job.txt');
    form.append('cv', new Blob([sixtyMegabytes()]), 'cv.txt');
    const res = await fetch(`${base}/v1/match`, { method: 'POST', body: form });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toMatch(/too-large/);
  }, 60_000);

  it('an unsigned 60 MB webhook: 401, read to the end and thrown away', async () => {
    const res = await fetch(`${base}/v1/webhooks/standard`, { method: 'POST', body: sixtyMegabytes(), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('invalid-signature');
  }, 60_000);

  it('after a refused body has been read, the next request is answered as usual', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(12 * 2 ** 20).fill(0x41)]), 'big.txt');
    expect((await fetch(`${base}/v1/analyze`, { method: 'POST', body: form })).status).toBe(413);
    expect((await fetch(`${base}/v1/analyze`, { method: 'POST', body: JSON.stringify({ text: 'Python and PyTorch.' }), headers: { 'content-type': 'application/json' } })).status).toBe(200);
  }, 60_000);
});

describe('what a refused upload may still cost', () => {
  it('reading the rest of a refused body stops at DRAIN_MAX_BYTES: the connection is cut', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    let closed = false;
    socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write(`POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${4 * DRAIN_MAX_BYTES}\r\n\r\n`);
    const piece = Buffer.alloc(2 ** 20, 0x41);
    let sent = 0;
    while (!closed && sent < 3 * DRAIN_MAX_BYTES) {
      if (!socket.write(piece)) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
      sent += piece.length;
    }
    await new Promise((resolve) => (closed ? resolve(undefined) : socket.once('close', resolve)));
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(closed).toBe(true);
    // Cut soon after the bound, far short of the 512 MB the client meant to send.
    expect(sent).toBeLessThan(DRAIN_MAX_BYTES + 64 * 2 ** 20);
  }, 60_000);
});
