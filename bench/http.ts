/**
 * The running service under load: autocannon in a second process on loopback posts a two-page
 * PDF to /v1/analyze at several concurrencies. The service runs with the probe preloaded, which
 * reports its own event-loop delay and peak RSS for each level.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../src/main/paths';

export interface HttpLevel {
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  peakRssMb: number;
  /**
   * CPU time per successful answer (ms), the requests the throughput counts: the service's main thread, its other threads (PDF workers
   * above all), and the load generator, which shares the machine. Their sum bounds the throughput
   * the cores allow: cores × 1,000 / sum a second.
   */
  cpuMsPerRequest: { mainThread: number; otherThreads: number; loadGenerator: number };
}

/** Requests at a fixed arrival rate, a share of the capacity measured at the highest concurrency. */
export interface OpenLoopLevel {
  share: number;
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  failed: number;
  /** Why requests failed: an HTTP status or a network error's code, with how many of each. */
  failures: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  /**
   * One request at a time, measured right before this level (closed loop, concurrency 1): the
   * unloaded latency the level is compared with, taken minutes nearer to it than the first level's.
   */
  unloadedP50Ms: number;
  /**
   * The throughput (answers a second) at the highest concurrency, measured right before this level
   * and before its unloaded reference: the capacity the level's rate is a share of.
   */
  capacityJustBefore: number;
}

export interface HttpBench {
  file: string;
  pdfWorkers: number;
  /** Peak RSS from start to ready, workers warm, before any load. */
  idleRssMb: number;
  /** RSS after all the load, once the PDF workers' idle time has passed (they exit): the service at rest. */
  restAfterIdleRssMb: number;
  /** The PDF workers' idle time the service ran with (PDF_IDLE_MS). */
  pdfIdleMs: number;
  levels: HttpLevel[];
  openLoop: OpenLoopLevel[];
  /**
   * The single-thread parse time of the same file, measured by the caller right before and right
   * after the highest concurrency (ms, the median of each): the parse limit's reference, taken
   * beside the load it is compared with. Absent without a `parseReference`.
   */
  parseAroundTopMs?: { before: number; after: number };
  /** The same, right before the first level (one request at a time): what a lone request spends besides parsing is measured against it. */
  parseBeforeFirstMs?: number;
}

/** Options of benchHttp beyond the levels. */
export interface HttpBenchOptions {
  openLoopShares?: number[];
  /** Times single-thread parses of the file in the caller's process; returns their median in ms. */
  parseReference?: () => Promise<number>;
}

type AutocannonJson = import('autocannon').Result & { generatorCpuMs: number };

/** What the probe inside the service writes for a window. */
interface ProbeWindow {
  eventLoopDelayMs: HttpLevel['eventLoopDelayMs'];
  peakRssMb: number;
  rssMb: number;
  cpuMs: { mainThread: number; otherThreads: number };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the service did not get ready at ${url}`);
}

function multipart(file: Buffer, filename: string): { body: Buffer; contentType: string } {
  const boundary = `----skillmatchbench${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncv\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Shorter than the service's default (60 s) so that the rest figure is reached in seconds; the behaviour is the same. */
const PDF_IDLE_MS = 10_000;
/** How long the service is left after a load before it is measured alone again. */
const SETTLE_MS = 2_000;
/** How long the unloaded reference before each open-loop level runs (one request at a time). */
const UNLOADED_SECONDS = 5;
/** How long the capacity measured before each open-loop level runs (the highest concurrency). */
const CAPACITY_SECONDS = 8;

/** Successful analyses only: an error answered fast is not throughput. */
const successes = (r: AutocannonJson): number => r.requests.total - r.non2xx;

/** A window's CPU time shared over the successful answers in it. */
function perRequest(cpu: ProbeWindow['cpuMs'], r: AutocannonJson): HttpLevel['cpuMsPerRequest'] {
  const answered = Math.max(1, successes(r));
  const each = (ms: number): number => Math.round((ms / answered) * 100) / 100;
  return { mainThread: each(cpu.mainThread), otherThreads: each(cpu.otherThreads), loadGenerator: each(r.generatorCpuMs) };
}

export async function benchHttp(root: string, file: string, concurrencies: number[], seconds: number, options: HttpBenchOptions = {}): Promise<HttpBench> {
  const openLoopShares = options.openLoopShares ?? [0.5, 0.8];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-bench-http-'));
  const probeOut = path.join(dir, 'probe.json');
  const { body, contentType } = multipart(readFileSync(path.join(root, file)), path.basename(file));
  const bodyFile = path.join(dir, 'body.bin');
  writeFileSync(bodyFile, body);
  const port = await freePort();
  const workers = os.cpus().length;
  const service = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '-r', path.join(root, 'dist', 'bench', 'probe.js'), path.join(root, 'dist', 'src', 'main', 'server.js')], {
    // Capacity is measured: the per-address rate limit (one client here) is off.
    env: { ...process.env, ...SERVICE_ENV, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PDF_WORKERS: String(workers), PDF_IDLE_MS: String(PDF_IDLE_MS), DATA_DIR: dir, BENCH_PROBE_OUT: probeOut, RATE_LIMIT_IP_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const levels: HttpLevel[] = [];
  const openLoop: OpenLoopLevel[] = [];
  let idle = 0;
  let restAfterIdle = 0;
  let parseAroundTopMs: HttpBench['parseAroundTopMs'];
  let parseBeforeFirstMs: number | undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/readyz`, 30_000);
    const loader = path.join(root, 'dist', 'bench', 'load.js');
    const load = (c: number, d: number): AutocannonJson => {
      const run = spawnSync(process.execPath, [loader, `${base}/v1/analyze`, contentType, bodyFile, String(c), String(d)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: (d + 60) * 1000,
      });
      if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
      return JSON.parse(run.stdout) as AutocannonJson;
    };
    const probe = async (): Promise<ProbeWindow> => {
      rmSync(probeOut, { force: true });
      service.kill('SIGUSR2');
      for (let i = 0; i < 50 && !existsSync(probeOut); i++) await new Promise((r) => setTimeout(r, 20));
      return JSON.parse(readFileSync(probeOut, 'utf8')) as ProbeWindow;
    };
    idle = (await probe()).peakRssMb;
    // Warm-up (pool threads, JIT), not reported.
    load(4, 3);
    const top = Math.max(...concurrencies);
    for (const [i, c] of concurrencies.entries()) {
      // The machine's speed drifts over minutes: the parse references are taken beside the levels they serve.
      const parseBefore = (c === top || i === 0) && options.parseReference ? await options.parseReference() : undefined;
      if (i === 0) parseBeforeFirstMs = parseBefore;
      await probe();
      const r = load(c, seconds);
      const p = await probe();
      if (c === top && parseBefore !== undefined && options.parseReference) {
        // The requests still queued when the load stopped are answered first.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        parseAroundTopMs = { before: parseBefore, after: await options.parseReference() };
      }
      levels.push({
        concurrency: c,
        seconds,
        requestsPerSecond: Math.round((successes(r) / r.duration) * 10) / 10,
        latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        eventLoopDelayMs: p.eventLoopDelayMs,
        peakRssMb: p.peakRssMb,
        cpuMsPerRequest: perRequest(p.cpuMs, r),
      });
    }
    // Latency as users feel it below capacity: arrivals at a fixed rate, a share of the throughput
    // at the highest concurrency. The machine's speed drifts over minutes (a level's rate taken from
    // the levels above once asked more than the machine then served): that throughput is measured
    // again right before each level, and the unloaded latency the level is compared with after it.
    const openLoader = path.join(root, 'dist', 'bench', 'open-loop.js');
    for (const share of (levels.at(-1)?.requestsPerSecond ?? 0) > 0 ? openLoopShares : []) {
      const burst = load(top, CAPACITY_SECONDS);
      const capacity = Math.round((successes(burst) / burst.duration) * 10) / 10;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const rate = Math.max(1, Math.round(capacity * share * 10) / 10);
      const unloaded = load(1, UNLOADED_SECONDS);
      const run = spawnSync(process.execPath, [openLoader, `${base}/v1/analyze`, contentType, bodyFile, String(rate), String(seconds)], { encoding: 'utf8', timeout: (seconds + 120) * 1000 });
      if (run.status !== 0) throw new Error(`the open-loop generator failed: ${run.stderr}`);
      openLoop.push({ share, ...(JSON.parse(run.stdout) as Omit<OpenLoopLevel, 'share' | 'unloadedP50Ms' | 'capacityJustBefore'>), unloadedP50Ms: unloaded.latency.p50, capacityJustBefore: capacity });
    }
    // At rest: the load is over and the PDF workers have been idle long enough to exit.
    await new Promise((r) => setTimeout(r, PDF_IDLE_MS + 5_000));
    restAfterIdle = (await probe()).rssMb;
  } finally {
    service.kill('SIGTERM');
    await new Promise((r) => service.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  return { file, pdfWorkers: workers, idleRssMb: idle, restAfterIdleRssMb: restAfterIdle, pdfIdleMs: PDF_IDLE_MS, levels, openLoop, ...(parseAroundTopMs ? { parseAroundTopMs } : {}), ...(parseBeforeFirstMs !== undefined ? { parseBeforeFirstMs } : {}) };
}
