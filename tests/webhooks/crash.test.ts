import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signStandardWebhook } from '../../src/app/webhooks/signature';
import { fixture } from '../helpers';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-crash-'));
const OUTBOUND = 'whsec_c2tpbGxtYXRjaC1jYWxsYmFjay1zZWNyZXQ=';
/** Callbacks received, by application: the webhook-id and body of each. */
const callbacks = new Map<string, Array<{ id: string; body: string }>>();
let callbackUrl = '';

function start(): Promise<{ child: ChildProcessWithoutNullStreams; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'src', 'main', 'server.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      PDF_WORKERS: '1',
      LOG_LEVEL: 'info',
      WEBHOOK_SECRET_STANDARD: SECRET,
      JOB_CONCURRENCY: '2',
      JOB_LEASE_MS: '1500',
      CALLBACK_URL: callbackUrl,
      CALLBACK_SECRET: OUTBOUND,
      CALLBACK_SCHEDULE: '0.2,0.5,1',
      // A delivery caught by the kill stays leased for twice this (plus a second) before it is retried.
      CALLBACK_TIMEOUT_MS: '1000',
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const port = /"msg":"listening"/.test(line) ? (JSON.parse(line) as { port?: number }).port : undefined;
        if (port) {
          clearTimeout(timer);
          resolve({ child, base: `http://127.0.0.1:${port}` });
        }
      }
    });
  });
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${base}/readyz`).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not ready');
}

async function send(base: string, n: number): Promise<string> {
  const id = `crash-${n}`;
  const ts = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    type: 'application.created',
    data: { applicationId: `a${n}`, candidateId: `c${n}`, jobId: 'j', resume: { base64: fixture('latex-two-column.pdf').toString('base64'), filename: 'cv.pdf' }, job: { text: 'Requirements\n- Python, PyTorch' } },
  });
  const res = await fetch(`${base}/v1/webhooks/standard`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, id, ts, body) },
    body,
  });
  const json = (await res.json()) as { jobId: string };
  expect([200, 202]).toContain(res.status);
  return json.jobId;
}

async function state(base: string, id: string): Promise<{ status: string; result: unknown }> {
  return (await (await fetch(`${base}/v1/analyses/${id}`)).json()) as { status: string; result: unknown };
}

let receiver: http.Server;
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const app = (JSON.parse(body) as { data: { applicationId: string } }).data.applicationId;
      callbacks.set(app, [...(callbacks.get(app) ?? []), { id: String(req.headers['webhook-id']), body }]);
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  // The store holds the test's applications: it goes with the test.
  rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('a process killed with SIGKILL mid-work loses no accepted event, and finished results never change', async () => {
    let { child, base } = await start();
    await waitReady(base);
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push(await send(base, n));
    // Let some jobs finish and others be in flight, then kill without warning.
    let before: Record<string, string> = {};
    for (let i = 0; i < 100; i++) {
      const states = await Promise.all(ids.map((id) => state(base, id)));
      before = Object.fromEntries(ids.flatMap((id, k) => (states[k]?.status === 'done' ? [[id, JSON.stringify(states[k]?.result)]] : [])));
      if (Object.keys(before).length >= 1 && states.some((s) => s.status !== 'done')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // The kill must have caught work unfinished, or the test proves nothing.
    expect(Object.keys(before).length).toBeLessThan(ids.length);

    ({ child, base } = await start());
    await waitReady(base);
    // A redelivery after the restart is still a duplicate.
    expect(await send(base, 0)).toBe(ids[0]);
    let after: Array<{ status: string; result: unknown }> = [];
    for (let i = 0; i < 300; i++) {
      after = await Promise.all(ids.map((id) => state(base, id)));
      if (after.every((s) => s.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(after.map((s) => s.status)).toEqual(ids.map(() => 'done'));
    for (const [id, result] of Object.entries(before)) expect(JSON.stringify(after[ids.indexOf(id)]?.result)).toBe(result);
    // Every accepted event ends in exactly one delivered result: one webhook-id and one body per
    // application (a callback cut short by the crash may arrive twice, always the same).
    for (let i = 0; i < 200 && callbacks.size < ids.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(callbacks.size).toBe(ids.length);
    for (const [app, received] of callbacks) {
      expect({ app, ids: new Set(received.map((r) => r.id)).size, bodies: new Set(received.map((r) => r.body)).size }).toEqual({ app, ids: 1, bodies: 1 });
    }
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(-1);
      }, 20_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
  }, 120_000);

  it('events acknowledged with 202 survive a SIGKILL sent the moment the last 202 arrives', async () => {
    let { child, base } = await start();
    await waitReady(base);
    const ids = await Promise.all(Array.from({ length: 20 }, (_, k) => send(base, 100 + k)));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    ({ child, base } = await start());
    await waitReady(base);
    const known = await Promise.all(ids.map(async (id) => (await fetch(`${base}/v1/analyses/${id}`)).status));
    expect(known).toEqual(ids.map(() => 200));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }, 120_000);
});
