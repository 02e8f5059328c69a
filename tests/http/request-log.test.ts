import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../src/adapters/logger';
import { createTestService } from '../helpers';

/** The request log: what the service answered on purpose is not logged as a crash. */
describe('the request log', () => {
  it('logs a 503 from /readyz while starting as a warning with its code, not as an error with a stack trace', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
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
