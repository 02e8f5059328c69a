/**
 * Preloaded into the service by the HTTP benchmark (node -r dist/bench/probe.js): measures the
 * event-loop delay, the resident memory and the CPU time of the main thread and of the others
 * inside the service itself. Each SIGUSR2 writes the figures of the window since the previous one
 * to BENCH_PROBE_OUT, then starts a new window.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Linux reports a thread's CPU time in /proc in ticks of 1/100 s (USER_HZ), whatever the kernel's own rate. */
const TICK_MS = 10;

/** CPU time (ms) of the process's main thread, the one whose id is the process's. */
function mainThreadCpuMs(): number {
  try {
    // The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU time (ms) of the whole process, threads that have exited included. */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  // The histogram holds the time between ticks of a RESOLUTION_MS timer: the delay is the excess.
  const RESOLUTION_MS = 5;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let peakRss = process.memoryUsage.rss();
  let mainAtStart = mainThreadCpuMs();
  let processAtStart = processCpuMs();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  sampler.unref();
  process.on('SIGUSR2', () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const mainMs = mainThreadCpuMs() - mainAtStart;
    const processMs = processCpuMs() - processAtStart;
    const ms = (ns: number): number => Math.max(0, Math.round(ns / 1e4) / 100 - RESOLUTION_MS);
    writeFileSync(
      out,
      JSON.stringify({
        eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
        peakRssMb: Math.round(peakRss / 2 ** 20),
        rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
        // CPU spent in the window: the main thread (HTTP, upload, layout, analysis, JSON) and every
        // other thread (PDF workers, the collector's helpers, libuv's pool).
        cpuMs: { mainThread: Math.round(mainMs), otherThreads: Math.max(0, Math.round(processMs - mainMs)) },
      }),
    );
    delay.reset();
    peakRss = process.memoryUsage.rss();
    mainAtStart = mainThreadCpuMs();
    processAtStart = processCpuMs();
  });
}
