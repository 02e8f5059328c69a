import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

describe('Idempotency-Key and personal data', () => {
  it('stores no document text, evidence sentence or response in the database, even with include=text', async () => {
    const cv = 'Dana Okafor, dana.okafor@example.org, +44 7700 900123\nSkills\nBuilt churn models in PyTorch for a telecom.';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-idem-'));
    const own = createTestService({ DB_PATH: path.join(dir, 'skillmatch.db') });
    const first = await request(own.app).post('/v1/analyze?include=text').set('Idempotency-Key', 'pii-1').send({ text: cv });
    expect(first.status).toBe(200);
    expect(first.text).toContain('Okafor');
    const again = await request(own.app).post('/v1/analyze?include=text').set('Idempotency-Key', 'pii-1').send({ text: cv });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    const file = path.join(dir, 'skillmatch.db');
    const wal = existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0);
    const bytes = readFileSync(file);
    await own.close();
    for (const secret of ['Okafor', 'dana.okafor@example.org', '7700 900123', 'churn models', 'telecom']) {
      expect(bytes.includes(secret)).toBe(false);
      expect(wal.includes(secret)).toBe(false);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
