import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createLogger } from '../../src/adapters/logger';
import { createTestService, fixture } from '../helpers';
import { findLeaks, fixtureNeedles } from './needles';

describe('the log scan after the suite', () => {
  const needles = fixtureNeedles();

  it('looks for the sentences, e-mail addresses and phone numbers of every text fixture', () => {
    expect(needles.length).toBeGreaterThan(50);
    const plain = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'plain-cv.txt'), 'utf8');
    const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(plain)?.[0];
    if (email) expect(needles).toContain(email.toLowerCase());
  });

  it('finds CV text wherever it sits in a log line, and passes clean lines', () => {
    const sentence = needles.find((n) => n.split(' ').length >= 5) ?? '';
    const leaky = JSON.stringify({ level: 30, msg: 'parsed', text: `…${sentence.toUpperCase()}…` });
    const clean = JSON.stringify({ level: 30, msg: 'request completed', req: { path: '/v1/analyze' }, res: { status: 200 } });
    expect(findLeaks([clean, leaky], needles)).toHaveLength(1);
    expect(findLeaks([clean], needles)).toEqual([]);
  });

  it('has lines to read: the services of the suite log every request at trace level', async () => {
    const lines: string[] = [];
    const svc = createTestService({}, { logger: createLogger('trace', { write: (line: string) => lines.push(line) }) });
    await request(svc.app).post('/v1/analyze').attach('file', fixture('plain-cv.txt'), 'cv.txt');
    await request(svc.app).post('/v1/analyze').attach('file', fixture('truncated.pdf'), 'broken.pdf');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(findLeaks(lines, needles)).toEqual([]);
    await svc.close();
  });
});
