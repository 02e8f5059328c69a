/**
 * Webhooks end to end: signed events accepted per second (202), and processed per second (the
 * analysis done and its signed callback delivered to a loopback receiver), with real server
 * processes as `npm start` runs them: one on SQLite, and one and two replicas sharing PostgreSQL,
 * in the same run. PostgreSQL is the test database (BENCH_POSTGRES_URL, default the one the tests
 * use), in a schema of its own dropped after; without it the PostgreSQL rows say so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { signStandardWebhook } from '../src/app/webhooks/signature';
import { round, spread, type Spread } from './stats';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../src/main/paths';

export interface WebhookRun {
  backend: 'SQLite' | 'PostgreSQL';
  replicas: number;
  events: number;
  acceptedPerSecond: number;
  processedPerSecond: number;
  eventToCallbackMs: Spread;
}

export interface WebhookBench {
  runs: WebhookRun[];
  /** Why a configuration was not measured (no PostgreSQL reachable). */
  skipped: string[];
}

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CV = Buffer.from('Experience\nBuilt PyTorch models in Python, with unit tests and code review.\nSkills\nPython, SQL, Docker').toString('base64');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** The built server (dist/src/main/server.js), started on a free port; resolves with its port. */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, path.join(__dirname, '..', 'src', 'main', 'server.js')], {
      env: { ...process.env, ...SERVICE_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_IP_PER_MINUTE: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Ready (not only listening): the runner and the deliverer have started.
      if (/"msg":"ready"/.test(out)) {
        const port = Number(/"msg":"listening"[^\n]*/.exec(out)?.[0].match(/"port":(\d+)/)?.[1] ?? /"port":(\d+)/.exec(out)?.[1]);
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ child, port });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

async function postgresSchema(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const schema = `sm_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  return {
    url: `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** One configuration: `replicas` server processes on one store, 8 senders spreading `events` over them. */
async function run(backend: WebhookRun['backend'], replicas: number, events: number, databaseUrl?: string): Promise<WebhookRun> {
  const delivered = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const id = (JSON.parse(body) as { data?: { applicationId?: string } }).data?.applicationId;
      if (id && !delivered.has(id)) delivered.set(id, performance.now());
      res.end();
    });
  });
  const receiverPort = await listen(receiver);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-bench-'));
  const env = {
    DATA_DIR: dir,
    WEBHOOK_SECRET_STANDARD: SECRET,
    CALLBACK_URL: `http://127.0.0.1:${receiverPort}/`,
    CALLBACK_SECRET: SECRET,
    PDF_WORKERS: '1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const servers = await Promise.all(Array.from({ length: replicas }, () => startServer(env)));
  const accepted = new Map<string, number>();
  try {
    const started = performance.now();
    let next = 0;
    const send = async (): Promise<void> => {
      while (next < events) {
        const n = next++;
        const id = `bench-${n}`;
        const body = JSON.stringify({ type: 'application.created', data: { applicationId: id, candidateId: `c${n}`, jobId: 'j', job: { text: 'Requirements\n- Python, PyTorch' }, resume: { base64: CV, filename: 'cv.txt' } } });
        const ts = Math.floor(Date.now() / 1000);
        const server = servers[n % servers.length];
        const res = await fetch(`http://127.0.0.1:${server?.port}/v1/webhooks/standard`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, id, ts, body) },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
        accepted.set(id, performance.now());
      }
    };
    await Promise.all(Array.from({ length: 8 }, send));
    const acceptSeconds = (performance.now() - started) / 1000;
    const deadline = performance.now() + 180_000;
    while (delivered.size < events && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (delivered.size < events) throw new Error(`only ${delivered.size} of ${events} callbacks arrived`);
    const last = Math.max(...delivered.values());
    return {
      backend,
      replicas,
      events,
      acceptedPerSecond: round(events / acceptSeconds, 0),
      processedPerSecond: round(events / ((last - started) / 1000), 1),
      eventToCallbackMs: spread([...accepted].map(([id, at]) => (delivered.get(id) ?? at) - at)),
    };
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve)))));
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchWebhooks(events = 200): Promise<WebhookBench> {
  const runs: WebhookRun[] = [await run('SQLite', 1, events)];
  const skipped: string[] = [];
  for (const replicas of [1, 2]) {
    const schema = await postgresSchema();
    if (!schema) {
      skipped.push(`PostgreSQL × ${replicas}: no PostgreSQL at ${POSTGRES_URL.replace(/:[^:@/]*@/, ':…@')}`);
      continue;
    }
    try {
      runs.push(await run('PostgreSQL', replicas, events, schema.url));
    } finally {
      await schema.drop();
    }
  }
  return { runs, skipped };
}
