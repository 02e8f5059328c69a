import net, { type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../src/adapters/logger';
import { createTestService } from '../helpers';

/** A log stream whose JSON lines are kept for the test to read. */
function capturedLog(): { lines: Array<Record<string, unknown>>; sink: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, sink };
}

/** The request log: what the service answered on purpose is not logged as a crash. */
describe('the request log', () => {
  it('logs a 503 from /readyz while starting as a warning with its code, not as an error with a stack trace', async () => {
    const { lines, sink } = capturedLog();
    const svc = createTestService({}, { logger: createLogger('info', sink), isReady: () => false });
    try {
      expect((await request(svc.app).get('/readyz')).status).toBe(503);
      const entry = lines.find((l) => (l.req as { path?: string } | undefined)?.path === '/readyz');
      expect(entry).toMatchObject({ level: 40, code: 'service-unavailable' });
      expect(entry).not.toHaveProperty('err');
    } finally {
      await svc.close();
    }
  });
});

describe('a client that aborts its upload', () => {
  it('is logged below error level with no stack trace, and never as an unhandled error', async () => {
    const { lines, sink } = capturedLog();
    const svc = createTestService({}, { logger: createLogger('info', sink) });
    const server = svc.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const boundary = 'xyzBOUNDARY';
      socket.write(`POST /v1/analyze HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n`);
      socket.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\nPython and PyTorch, `);
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      // Wait until the service has seen the abort and written its log line.
      for (let i = 0; i < 50 && !lines.some((l) => (l.req as { path?: string } | undefined)?.path === '/v1/analyze'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      const entries = lines.filter((l) => (l.req as { path?: string } | undefined)?.path === '/v1/analyze' || l.msg === 'unhandled error');
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.level).toBeLessThan(50);
        expect(entry).not.toHaveProperty('err');
      }
      expect(lines.some((l) => l.msg === 'unhandled error')).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await svc.close();
    }
  });
});
