import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { signStandardWebhook, verifyStandardWebhook } from '../../src/app/webhooks/signature';
import { startServer, type ServerProcess } from '../support/server-process';
import { freshSchema, postgresReachable } from './backends';

/**
 * Three service processes on one PostgreSQL take 300 signed webhook events spread over them (and
 * redeliveries of a third of them to another replica); one replica is killed (SIGKILL) while it
 * holds leased jobs. In the end every accepted event has produced exactly one logical callback
 * (one webhook-id per event, every signature valid), none is lost and none ran to completion twice.
 */
const describePostgres = postgresReachable() ? describe : describe.skip;
const INBOUND = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OUTBOUND = 'whsec_cGxhY2Vob2xkZXItb3V0Ym91bmQtc2VjcmV0';
const EVENTS = 300;

/** A CV long enough that a job takes a few milliseconds, so replicas hold leases while working. */
const CV = Array.from({ length: 40 }, (_, i) => `- Project ${i}: trained PyTorch models in Python, wrote unit tests and reviewed code with the data engineers; reported A/B test results with confidence intervals.`).join('\n');

interface Callback {
  id: string;
  body: string;
  valid: boolean;
}

function event(n: number): { id: string; body: string } {
  const body = JSON.stringify({
    type: 'application.created',
    data: { applicationId: `app-${n}`, candidateId: `cand-${n}`, jobId: 'job-1', resume: { base64: Buffer.from(`Experience\n${CV}`).toString('base64'), filename: `cv-${n}.txt` } },
  });
  return { id: `evt-${n}`, body };
}

async function send(server: ServerProcess, e: { id: string; body: string }): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${server.port}/v1/webhooks/standard`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': e.id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(INBOUND, e.id, ts, e.body) },
    body: e.body,
  });
  await res.arrayBuffer();
  return res.status;
}

describePostgres('three replicas on one PostgreSQL', () => {
  it('300 events with redeliveries and a replica killed holding leases: one callback each, none lost, none run twice', async () => {
    const schema = await freshSchema();
    const callbacks: Callback[] = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const headers = { id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']) };
        callbacks.push({ id: headers.id, body: body.toString(), valid: verifyStandardWebhook(OUTBOUND, headers, body, Math.floor(Date.now() / 1000)).ok });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = {
      DATABASE_URL: schema.url,
      WEBHOOK_SECRET_STANDARD: INBOUND,
      CALLBACK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callbacks`,
      CALLBACK_SECRET: OUTBOUND,
      JOB_CONCURRENCY: '3',
      JOB_LEASE_MS: '1500',
      CALLBACK_TIMEOUT_MS: '2000',
      RATE_LIMIT_IP_PER_MINUTE: '0',
    };
    const replicas = await Promise.all([startServer(env), startServer(env), startServer(env)]);
    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    const victim = replicas[1] as ServerProcess;
    try {
      // Sends events [from, to) over the given replicas, 20 at a time; every third one is sent again
      // to the next replica (a redelivery).
      const statuses: number[] = [];
      const sendAll = async (from: number, to: number, over: ServerProcess[]): Promise<void> => {
        const work: Array<() => Promise<void>> = [];
        for (let n = from; n < to; n++) {
          const e = event(n);
          work.push(async () => {
            statuses.push(await send(over[n % over.length] as ServerProcess, e));
          });
          if (n % 3 === 0) work.push(async () => {
            statuses.push(await send(over[(n + 1) % over.length] as ServerProcess, e));
          });
        }
        for (let i = 0; i < work.length; i += 20) await Promise.all(work.slice(i, i + 20).map((w) => w()));
      };
      // The first half builds a backlog on all three.
      await sendAll(0, EVENTS / 2, replicas);
      // Freeze the victim; once it is seen holding leased jobs, kill it.
      let killedHolding = -1;
      for (let tries = 0; tries < 500 && killedHolding < 0; tries++) {
        victim.child.kill('SIGSTOP');
        const held = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM jobs WHERE status = 'running' AND lease_owner LIKE $1", [`%:${victim.child.pid}:%`]);
        if (Number(held.rows[0]?.n) > 0) {
          killedHolding = Number(held.rows[0]?.n);
          victim.child.kill('SIGKILL');
        } else {
          victim.child.kill('SIGCONT');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      expect(killedHolding).toBeGreaterThan(0);
      // The second half goes to the two survivors.
      await sendAll(EVENTS / 2, EVENTS, replicas.filter((r) => r !== victim));
      expect(statuses.every((s) => s === 202 || s === 200)).toBe(true);
      expect(statuses.filter((s) => s === 202)).toHaveLength(EVENTS);

      // Wait until every job is done and every callback delivered (leases of the dead replica expire first).
      const deadline = Date.now() + 90_000;
      for (;;) {
        const jobs = await db.query<{ status: string; n: string }>('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status');
        const deliveries = await db.query<{ status: string; n: string }>('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status');
        const count = (rows: Array<{ status: string; n: string }>, status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
        if (count(jobs.rows, 'done') === EVENTS && count(deliveries.rows, 'delivered') === EVENTS) break;
        if (Date.now() > deadline) throw new Error(`not finished: jobs ${JSON.stringify(jobs.rows)}, deliveries ${JSON.stringify(deliveries.rows)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // Every accepted event is one job, done once: exactly EVENTS jobs for EVENTS distinct events.
      const jobs = await db.query<{ delivery_key: string; status: string }>('SELECT delivery_key, status FROM jobs');
      expect(jobs.rows).toHaveLength(EVENTS);
      expect(new Set(jobs.rows.map((j) => j.delivery_key)).size).toBe(EVENTS);
      // One logical callback per event: one webhook-id per application; a callback received twice
      // (a delivery retried after its sender died) carries the same id and the same body.
      expect(callbacks.every((c) => c.valid)).toBe(true);
      const byApplication = new Map<string, Set<string>>();
      const bodies = new Map<string, string>();
      for (const c of callbacks) {
        const applicationId = (JSON.parse(c.body) as { data: { applicationId: string } }).data.applicationId;
        byApplication.set(applicationId, (byApplication.get(applicationId) ?? new Set()).add(c.id));
        if (bodies.has(c.id)) expect(bodies.get(c.id)).toBe(c.body);
        bodies.set(c.id, c.body);
      }
      expect(byApplication.size).toBe(EVENTS);
      expect([...byApplication.values()].every((ids) => ids.size === 1)).toBe(true);
    } finally {
      for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
      await Promise.all(replicas.map((r) => (r.child.exitCode !== null || r.child.signalCode !== null ? null : new Promise((resolve) => r.child.once('exit', resolve)))));
      await db.end();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await schema.drop();
    }
  }, 180_000);
});
