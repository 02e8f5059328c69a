import request from 'supertest';
import { loadConfig } from '../../src/main/config';
import { hashApiKey } from '../../src/http/api-keys';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { createTestService, type TestService } from '../helpers';

const KEY = 'sk_test_0123456789abcdef';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let svc: TestService;
beforeAll(() => {
  svc = createTestService({ API_KEY_HASHES: `${hashApiKey('sk_other')},${hashApiKey(KEY)}`, WEBHOOK_SECRET_STANDARD: SECRET });
});
afterAll(() => svc.close());

describe('API keys', () => {
  it('every /v1 route needs a valid key when keys are configured', async () => {
    const none = await request(svc.app).post('/v1/analyze').send({ text: 'Python' });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthorized');
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await request(svc.app).get('/v1/lexicon').set('Authorization', 'Bearer sk_wrong')).status).toBe(401);
    expect((await request(svc.app).post('/v1/analyze').set('Authorization', `Bearer ${KEY}`).send({ text: 'Python' })).status).toBe(200);
  });

  it('health checks and signed webhooks need no key', async () => {
    expect((await request(svc.app).get('/healthz')).status).toBe(200);
    const body = JSON.stringify({ type: 'ping' });
    const ts = Math.floor(Date.now() / 1000);
    const res = await request(svc.app).post('/v1/webhooks/standard').set('webhook-id', 'k1').set('webhook-timestamp', String(ts)).set('webhook-signature', signStandardWebhook(SECRET, 'k1', ts, body)).send(body);
    expect(res.status).toBe(200);
  });

  it('refuses keys that are not SHA-256 hex in the configuration', async () => {

    expect(() => loadConfig({ API_KEY_HASHES: 'my-plain-key' })).toThrow(/API_KEY_HASHES/);
  });
});
