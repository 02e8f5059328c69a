/**
 * Preloaded into the service by the HTTP benchmark (node -r dist/bench/probe.js): measures the
 * event-loop delay and the resident memory inside the service itself. Each SIGUSR2 writes the
 * figures of the window since the previous one to BENCH_PROBE_OUT, then starts a new window.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  // The histogram holds the time between ticks of a RESOLUTION_MS timer: the delay is the excess.
  const RESOLUTION_MS = 5;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  sampler.unref();
  process.on('SIGUSR2', () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const ms = (ns: number): number => Math.max(0, Math.round(ns / 1e4) / 100 - RESOLUTION_MS);
    writeFileSync(
      out,
      JSON.stringify({
        eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
        peakRssMb: Math.round(peakRss / 2 ** 20),
        rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
      }),
    );
    delay.reset();
    peakRss = process.memoryUsage.rss();
  });
}
