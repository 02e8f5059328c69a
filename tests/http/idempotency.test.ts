import request from 'supertest';
import { createTestService, type TestService } from '../helpers';

let svc: TestService;
beforeAll(() => {
  svc = createTestService();
});
afterAll(() => svc.close());

describe('Idempotency-Key', () => {
  it('replays the stored response for the same request on /v1/analyze', async () => {
    const first = await request(svc.app).post('/v1/analyze').set('Idempotency-Key', 'key-1').send({ text: 'Skills\nPython, PyTorch' });
    const again = await request(svc.app).post('/v1/analyze').set('Idempotency-Key', 'key-1').send({ text: 'Skills\nPython, PyTorch' });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });

  it('the same key with another body is 409', async () => {
    await request(svc.app).post('/v1/analyze').set('Idempotency-Key', 'key-2').send({ text: 'Python' });
    const other = await request(svc.app).post('/v1/analyze').set('Idempotency-Key', 'key-2').send({ text: 'C++' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency-conflict');
  });

  it('works for /v1/match, including CSV, and refuses a malformed key', async () => {
    const body = { job: { text: 'Requirements\n- Python' }, cvs: [{ text: 'Skills\nPython', filename: 'a.txt' }] };
    const first = await request(svc.app).post('/v1/match').set('Accept', 'text/csv').set('Idempotency-Key', 'm-1').send(body);
    const again = await request(svc.app).post('/v1/match').set('Accept', 'text/csv').set('Idempotency-Key', 'm-1').send(body);
    expect(again.headers['content-type']).toMatch(/^text\/csv/);
    expect(again.text).toBe(first.text);
    const json = await request(svc.app).post('/v1/match').set('Idempotency-Key', 'm-1').send(body);
    expect(json.status).toBe(409);
    expect((await request(svc.app).post('/v1/analyze').set('Idempotency-Key', 'spaces are not allowed').send({ text: 'x' })).body.code).toBe('invalid-parameter');
  });
});
