/**
 * An open-loop load generator, run as its own process: requests are sent at a fixed arrival rate,
 * each on schedule whether or not the earlier ones have been answered, as independent users
 * arrive. Latency runs from each request's scheduled time, so a service that falls behind is
 * charged for the wait (a closed loop, which sends the next request only after an answer, would
 * hide it).
 *   node dist/bench/open-loop.js <url> <content-type> <body file> <requests per second> <seconds>
 * Prints { rate, seconds, sent, ok, failed, failures, latencyMs: { p50, p99, max } } as JSON, for the
 * requests after a two-second warm-up.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One POST; resolves with the status once the answer has been read to its end, or the network error's code. */
function post(url: URL, body: Buffer, contentType: string, agent: Agent): Promise<number | string> {
  const codeOf = (error: unknown): string => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'network error');
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': body.length } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', (error) => resolve(codeOf(error)));
    });
    req.once('error', (error) => resolve(codeOf(error)));
    req.end(body);
  });
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

async function main(): Promise<void> {
  const [url, contentType, bodyFile, rateArg, secondsArg] = process.argv.slice(2);
  if (!url || !contentType || !bodyFile || !rateArg || !secondsArg) throw new Error('usage: open-loop.js <url> <content-type> <body file> <requests per second> <seconds>');
  const rate = Number(rateArg);
  const seconds = Number(secondsArg);
  const body = readFileSync(bodyFile);
  // Enough connections that no request waits for one: the queue, if any, is the service's.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  // The first two seconds warm the generator and the connections up and are not counted.
  const warmUp = Math.round(rate * 2);
  const total = warmUp + Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  // Why requests failed: an HTTP status or a network error's code, with how many of each.
  const failures: Record<string, number> = {};
  const start = performance.now() + 50;
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      post(target, body, contentType, agent).then((status) => {
        if (i < warmUp) return;
        if (typeof status === 'number' && status >= 200 && status < 300) latencies.push(performance.now() - due);
        else {
          failed++;
          failures[String(status)] = (failures[String(status)] ?? 0) + 1;
        }
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  process.stdout.write(
    JSON.stringify({ rate, seconds, sent: total - warmUp, ok: latencies.length, failed, failures, latencyMs: { p50: round(percentile(latencies, 0.5)), p99: round(percentile(latencies, 0.99)), max: round(latencies.at(-1) ?? 0) } }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
