/**
 * `npm run soak -- --requests 10000`: one service process takes a long stream of mixed uploads
 * (PDF, DOCX, text, HTML, broken and unsupported files, uploads the client aborts), 8 at a time.
 * Every answer must be the one its input calls for; resident memory and open file descriptors are
 * sampled along the way. Then, with uploads and webhook jobs in flight, SIGTERM: the in-flight
 * requests must finish, the process must exit 0 and the queued jobs must still be in the database.
 * Writes bench/results/soak.{json,md}.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signStandardWebhook } from '../src/app/webhooks/signature';
import { ROOT, SERVICE_ENV, SERVICE_NODE_FLAGS } from '../src/main/paths';
import { FIXTURES } from './fuzz-targets';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

interface Input {
  name: string;
  bytes: Buffer;
  filename: string;
  expect: number;
}

const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
const INPUTS: Input[] = [
  { name: 'pdf (LaTeX)', bytes: fixture('latex-two-column.pdf'), filename: 'cv.pdf', expect: 200 },
  { name: 'pdf (Chromium)', bytes: fixture('chromium-two-column.pdf'), filename: 'cv.pdf', expect: 200 },
  { name: 'docx', bytes: fixture('libreoffice-cv.docx'), filename: 'cv.docx', expect: 200 },
  { name: 'text', bytes: fixture('plain-cv.txt'), filename: 'cv.txt', expect: 200 },
  { name: 'markdown', bytes: fixture('cv.md'), filename: 'cv.md', expect: 200 },
  { name: 'html', bytes: fixture('cv-page.html'), filename: 'cv.html', expect: 200 },
  { name: 'truncated pdf', bytes: fixture('truncated.pdf'), filename: 'cv.pdf', expect: 422 },
  { name: 'scanned pdf', bytes: fixture('scanned.pdf'), filename: 'cv.pdf', expect: 422 },
  { name: 'zip bomb', bytes: fixture('zip-bomb.docx'), filename: 'cv.docx', expect: 422 },
  { name: 'legacy doc', bytes: fixture('legacy-word.doc'), filename: 'cv.doc', expect: 415 },
];

function procStats(pid: number): { rssMb: number; fds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssMb: Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024), fds: readdirSync(`/proc/${pid}/fd`).length };
}

/** An upload the client abandons half-way. */
function abortedUpload(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="cv.pdf"\r\n\r\n');
      socket.write(fixture('latex-two-column.pdf').subarray(0, 20_000), () => setTimeout(() => socket.destroy(), 5));
    });
    socket.on('close', () => resolve());
    socket.on('error', () => undefined);
  });
}

async function upload(base: string, input: Input): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(input.bytes)]), input.filename);
  const res = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const total = Number(args[args.indexOf('--requests') + 1] ?? 10_000) || 10_000;
  const concurrency = 8;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-soak-'));
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, path.join(ROOT, 'dist', 'src', 'main', 'server.js')], {
    env: { ...process.env, ...SERVICE_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, RATE_LIMIT_IP_PER_MINUTE: '0', WEBHOOK_SECRET_STANDARD: SECRET, JOB_CONCURRENCY: '1', SHUTDOWN_GRACE_MS: '20000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (/"msg":"listening"/.test(line)) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const pid = child.pid ?? 0;
  const samples: Array<{ requests: number; rssMb: number; fds: number }> = [{ requests: 0, ...procStats(pid) }];
  const unexpected = new Map<string, number>();
  let next = 0;
  let aborted = 0;
  const started = Date.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      if (i % 20 === 19) {
        aborted++;
        await abortedUpload(port);
      } else {
        const input = INPUTS[i % INPUTS.length] as Input;
        const status = await upload(base, input).catch(() => 0);
        if (status !== input.expect) unexpected.set(`${input.name}: ${status}`, (unexpected.get(`${input.name}: ${status}`) ?? 0) + 1);
      }
      if ((i + 1) % 500 === 0) samples.push({ requests: i + 1, ...procStats(pid) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;

  // Shutdown with work in flight: 8 uploads and 5 webhook events, then SIGTERM.
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const body = JSON.stringify({ type: 'application.created', data: { applicationId: `soak-${i}`, candidateId: `c-${i}`, jobId: 'j', resume: { base64: fixture('latex-two-column.pdf').toString('base64'), filename: 'cv.pdf' } } });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${base}/v1/webhooks/standard`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'webhook-id': `soak-${i}`, 'webhook-timestamp': String(ts), 'webhook-signature': signStandardWebhook(SECRET, `soak-${i}`, ts, body) } });
    const answer = (await res.json()) as { jobId?: string };
    if (res.status !== 202 || !answer.jobId) throw new Error(`webhook not accepted: ${res.status} ${JSON.stringify(answer)}`);
    ids.push(answer.jobId);
  }
  const inFlight = Array.from({ length: 8 }, () => upload(base, INPUTS[0] as Input).catch(() => 0));
  await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGTERM');
  const [statuses, exitCode] = await Promise.all([Promise.all(inFlight), new Promise<number | null>((r) => child.once('exit', r))]);
  const db = new Database(path.join(dataDir, 'skillmatch.db'), { readonly: true });
  const kept = db.prepare(`SELECT status, COUNT(*) AS n FROM jobs WHERE id IN (${ids.map(() => '?').join(',')}) GROUP BY status`).all(...ids) as Array<{ status: string; n: number }>;
  db.close();

  const warm = samples.filter((s) => s.requests >= 1000);
  const rss = warm.map((s) => s.rssMb);
  const fds = warm.map((s) => s.fds);
  const report = {
    requests: total,
    aborted,
    seconds: Math.round(seconds),
    unexpectedAnswers: Object.fromEntries(unexpected),
    afterWarmUp: { rssMb: { min: Math.min(...rss), max: Math.max(...rss) }, fds: { min: Math.min(...fds), max: Math.max(...fds) } },
    samples,
    shutdown: { inFlightStatuses: statuses, exitCode, queuedJobsKept: kept },
  };
  const ok = unexpected.size === 0 && exitCode === 0 && statuses.every((s) => s === 200) && kept.reduce((n, k) => n + k.n, 0) === ids.length;
  const md = [
    '# Soak run',
    '',
    `${total} requests (${aborted} uploads aborted by the client half-way), ${concurrency} at a time, against one service process, in ${Math.round(seconds)} s.`,
    `Unexpected answers: ${unexpected.size === 0 ? 'none' : JSON.stringify(report.unexpectedAnswers)}.`,
    `After warm-up (1,000 requests), resident memory stayed within ${report.afterWarmUp.rssMb.min}–${report.afterWarmUp.rssMb.max} MB and open file descriptors within ${report.afterWarmUp.fds.min}–${report.afterWarmUp.fds.max}.`,
    `SIGTERM with 8 uploads and 5 webhook jobs in flight: uploads answered ${JSON.stringify(statuses)}, exit code ${exitCode}, jobs kept in the queue: ${kept.map((k) => `${k.n} ${k.status}`).join(', ')}.`,
    '',
    '| requests | RSS MB | open fds |',
    '|---|---|---|',
    ...samples.map((s) => `| ${s.requests} | ${s.rssMb} | ${s.fds} |`),
    '',
    `Result: ${ok ? 'pass' : 'FAIL'}.`,
    '',
  ].join('\n');
  const out = path.join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'soak.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(out, 'soak.md'), md);
  process.stdout.write(`${md}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
