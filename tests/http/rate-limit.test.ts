import express from 'express';
import request from 'supertest';
import { hashApiKey } from '../../src/http/api-keys';
import { perIp } from '../../src/http/rate-limit';
import { createTestService, type TestService } from '../helpers';

describe('rate limits', () => {
  let svc: TestService;
  beforeAll(() => {
    svc = createTestService({ RATE_LIMIT_IP_PER_MINUTE: '3', RATE_LIMIT_KEY_PER_MINUTE: '0' });
  });
  afterAll(() => svc.close());

  it('per address: the fourth request in a minute gets 429 rate-limited with Retry-After; health checks and the page do not count', async () => {
    for (let i = 0; i < 5; i++) expect((await request(svc.app).get('/healthz')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(svc.app).post('/v1/analyze').send({ text: 'Python and PyTorch.' });
      statuses.push(res.status);
      expect(res.headers['ratelimit-remaining']).toBe(String(2 - i));
    }
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await request(svc.app).post('/v1/analyze').send({ text: 'Python and PyTorch.' });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(20);
    // Signed webhooks are not limited by address (they are refused here for their signature, not the rate).
    expect((await request(svc.app).post('/v1/webhooks/standard').send({})).status).not.toBe(429);
  });

  it('refills with time', async () => {
    let now = 0;
    const app = express();
    app.use(perIp(2, undefined, () => now));
    app.get('/v1/x', (_req, res) => {
      res.json({ ok: true });
    });
    expect((await request(app).get('/v1/x')).status).toBe(200);
    expect((await request(app).get('/v1/x')).status).toBe(200);
    const third = await request(app).get('/v1/x');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('30');
    now += 30_000; // half a minute: one request's worth
    expect((await request(app).get('/v1/x')).status).toBe(200);
    expect((await request(app).get('/v1/x')).status).toBe(429);
  });

  it('keeps client addresses apart', () => {
    const limiter = perIp(1, undefined, () => 0);
    const call = (address: string): number => {
      let status = 200;
      const headers: Record<string, string> = {};
      const res = {
        setHeader: (k: string, v: string) => (headers[k] = v),
        status(code: number) {
          status = code;
          return this;
        },
        type: () => res,
        json: () => res,
        send: () => res,
        get headersSent() {
          return false;
        },
        req: { id: 'x', complete: true },
      };
      const req = { path: '/v1/analyze', socket: { remoteAddress: address }, headers: {} };
      limiter(req as never, res as never, () => undefined);
      return status;
    };
    expect([call('10.0.0.1'), call('10.0.0.2'), call('10.0.0.1'), call('10.0.0.2')]).toEqual([200, 200, 429, 429]);
  });

  it('per API key, after the key check: a valid key has its own budget; a wrong key is refused before it gets one', async () => {
    const keyed = createTestService({ API_KEY_HASHES: hashApiKey('key-one'), RATE_LIMIT_IP_PER_MINUTE: '100', RATE_LIMIT_KEY_PER_MINUTE: '2' });
    const send = (key: string) => request(keyed.app).post('/v1/analyze').set('Authorization', `Bearer ${key}`).send({ text: 'Python.' });
    expect((await send('wrong')).status).toBe(401);
    expect((await send('key-one')).status).toBe(200);
    expect((await send('key-one')).status).toBe(200);
    const refused = await send('key-one');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate-limited');
    await keyed.close();
  });
});

describe('CORS', () => {
  it('is off by default: no CORS headers for any origin', async () => {
    const svc = createTestService();
    const res = await request(svc.app).post('/v1/analyze').set('Origin', 'https://ats.example').send({ text: 'Python.' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    await svc.close();
  });

  it('answers listed origins, preflight included, and nobody else', async () => {
    const svc = createTestService({ CORS_ORIGINS: 'https://ats.example, https://hr.example' });
    const preflight = await request(svc.app).options('/v1/match').set('Origin', 'https://ats.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://ats.example');
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    const res = await request(svc.app).post('/v1/analyze').set('Origin', 'https://hr.example').send({ text: 'Python.' });
    expect(res.headers['access-control-allow-origin']).toBe('https://hr.example');
    expect(res.headers.vary).toContain('Origin');
    const other = await request(svc.app).post('/v1/analyze').set('Origin', 'https://evil.example').send({ text: 'Python.' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await svc.close();
  });
});
