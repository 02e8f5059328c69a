import pg from 'pg';
import request from 'supertest';
import { checkout, MIGRATIONS, openPostgresStore } from '../../src/adapters/postgres-store';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { createJobRunner } from '../../src/app/run-job';
import { createTestService, testLogger } from '../helpers';
import { startServer } from '../support/server-process';
import { freshSchema, POSTGRES_URL, postgresReachable } from './backends';

/**
 * What only a shared PostgreSQL brings: migrations that several replicas start at once, webhooks
 * that wait out a database restart without losing an event, and rate limits counted across
 * replicas (two real server processes).
 */
const describePostgres = postgresReachable() ? describe : describe.skip;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function signedWebhook(id: string, applicationId: string) {
  const body = JSON.stringify({ type: 'application.created', data: { applicationId, candidateId: 'c', jobId: 'j', resume: { base64: Buffer.from('Python, PyTorch and statistics.').toString('base64'), filename: 'cv.txt' } } });
  const ts = Math.floor(Date.now() / 1000);
  return { body, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, id, ts, body) } };
}

describePostgres('PostgreSQL: several replicas', () => {
  it('replicas starting at once migrate the schema once, under an advisory lock', async () => {
    const schema = await freshSchema();
    const stores = Array.from({ length: 5 }, () => openPostgresStore(schema.url, { poolSize: 2 }));
    try {
      await Promise.all(stores.map((s) => s.ping()));
      const versions = await stores[0]?.pool.query<{ version: number }>('SELECT version FROM skillmatch_migrations ORDER BY version');
      expect(versions?.rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await schema.drop();
    }
  });

  it('when its connections are dropped (a restart), a webhook gets 503 with Retry-After or is stored; nothing is lost and the jobs run after', async () => {
    const schema = await freshSchema();
    // Its connections carry a name of their own, so that only they are terminated below.
    const name = `skillmatch-restart-${process.pid}`;
    const svc = createTestService({ DATABASE_URL: `${schema.url}&application_name=${name}`, WEBHOOK_SECRET_STANDARD: SECRET });
    const admin = new pg.Client({ connectionString: schema.url });
    await admin.connect();
    try {
      expect((await request(svc.app).get('/readyz')).status).toBe(200);
      const first = signedWebhook('pg-1', 'app-1');
      expect((await request(svc.app).post('/v1/webhooks/standard').set(first.headers).send(first.body)).status).toBe(202);

      // Every connection of the service's pool is terminated, as a database restart does.
      const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
      expect(killed.rowCount).toBeGreaterThan(0);
      const second = signedWebhook('pg-2', 'app-2');
      const res = await request(svc.app).post('/v1/webhooks/standard').set(second.headers).send(second.body);
      // The pool replaces a dead connection on the next query: the event is stored, or refused for a retry.
      if (res.status === 503) {
        expect(res.headers['retry-after']).toBe('30');
        const retried = await request(svc.app).post('/v1/webhooks/standard').set(second.headers).send(second.body);
        expect(retried.status).toBe(202);
      } else {
        expect(res.status).toBe(202);
      }
      // A redelivery of the first is still a duplicate: the acceptance survived.
      expect((await request(svc.app).post('/v1/webhooks/standard').set(first.headers).send(first.body)).status).toBe(200);

      const runner = createJobRunner({ store: svc.services.store, analyzer: svc.services.analyzer, fetcher: svc.services.fetcher, logger: testLogger(), concurrency: 1, maxAttempts: 3, leaseMs: 60_000, pollMs: 10, callbacks: false });
      expect(await runner.runOnce()).toBe(true);
      expect(await runner.runOnce()).toBe(true);
      expect(await runner.runOnce()).toBe(false);
      const done = await admin.query<{ status: string }>('SELECT status FROM jobs ORDER BY created_at');
      expect(done.rows.map((r) => r.status)).toEqual(['done', 'done']);
    } finally {
      await admin.end();
      await svc.close();
      await schema.drop();
    }
  });

  it('a connection whose backend dies while it is checked out fails its statement and is replaced; the process does not crash', async () => {
    // Before, pg's 'error' event on a checked-out client had no listener: an uncaught exception.
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const taken = await checkout(pool);
      const pid = Number((await taken.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
      const ended = new Promise((resolve) => taken.client.once('end', resolve));
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      await expect(taken.client.query('SELECT 1')).rejects.toThrow();
      taken.release();
      // The pool holds one connection: the dead one was destroyed, a new one answers.
      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(Number(again.rows[0]?.pid)).not.toBe(pid);
    } finally {
      await admin.end();
      await pool.end();
    }
  });

  it('with the database unreachable, /readyz says so and a webhook gets 503 with Retry-After', async () => {
    const svc = createTestService({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', WEBHOOK_SECRET_STANDARD: SECRET });
    try {
      const ready = await request(svc.app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.detail).toBe('The database cannot be reached.');
      const hook = signedWebhook('down-1', 'app-down');
      const res = await request(svc.app).post('/v1/webhooks/standard').set(hook.headers).send(hook.body);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      // Analysis needs no database: it still works.
      expect((await request(svc.app).post('/v1/analyze').send({ text: 'Python and PyTorch.' })).status).toBe(200);
    } finally {
      await svc.close();
    }
  });
});

describePostgres('PostgreSQL: rate limits shared by replicas', () => {
  it('a client spreading its requests over two server processes gets the limit of one', async () => {
    const schema = await freshSchema();
    const env = { DATABASE_URL: schema.url, RATE_LIMIT_IP_PER_MINUTE: '6' };
    const servers = await Promise.all([startServer(env), startServer(env)]);
    try {
      // Not at the very end of a clock minute, so all requests fall in one window.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const server = servers[i % 2];
        const res = await fetch(`http://127.0.0.1:${server?.port}/v1/lexicon?skill=python`);
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve)))));
      await schema.drop();
    }
  }, 90_000);
});
