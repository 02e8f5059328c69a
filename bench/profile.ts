/**
 * Where a piece of synchronous work spends its time, from a CPU profile V8 takes while it runs
 * (the inspector's sampling profiler, in-process): the share spent inside regular expressions
 * (V8 reports their compiled code as frames of their own, named after the pattern), in garbage
 * collection, and in each project file's own code. It says why a time is what it is, in the same
 * run as the time.
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { round } from './stats';

interface CallFrame {
  functionName: string;
  url: string;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  /** Percent of the profiled time. */
  percent: number;
}

export interface ProfileShares {
  samples: number;
  /** Inside regular expressions' own code, whoever called them. */
  regexPercent: number;
  /** How many distinct patterns ran. */
  patterns: number;
  /** Regular-expression time by the file whose code ran the pattern. */
  regexByCaller: Share[];
  /** The patterns that took the most time (their opening characters). */
  topPatterns: Share[];
  gcPercent: number;
  /** Time in each file's own code (regular expressions and garbage collection apart). */
  byFile: Share[];
}

const REGEX_FRAME = 'RegExp: ';

/** A frame's file as the project names it: src/core/…, a package's name, or the frame's own label. */
function fileOf(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(engine)';
  const packageAt = url.lastIndexOf('/node_modules/');
  if (packageAt >= 0) {
    const parts = url.slice(packageAt + '/node_modules/'.length).split('/');
    return `${parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '')} (package)`;
  }
  if (url.startsWith('node:')) return '(node)';
  // Built code runs from dist/; the source file is named.
  return path.relative(root, url).replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

function top(map: Map<string, number>, total: number, count: number): Share[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ name, percent: round((100 * time) / total, 1) }));
}

/** Shares of time from one CPU profile: self time per frame, a pattern's time charged to its caller's file. */
export function sharesOf(profile: CpuProfile, root: string, from = 0): ProfileShares {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const byFile = new Map<string, number>();
  const regexByCaller = new Map<string, number>();
  const patterns = new Map<string, number>();
  let total = 0;
  let regex = 0;
  let gc = 0;
  let kept = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (!node || at < from) return;
    const { functionName } = node.callFrame;
    // The idle and whole-program frames are not the work measured.
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return;
    kept++;
    total += dt;
    if (functionName === '(garbage collector)') {
      gc += dt;
      return;
    }
    if (functionName.startsWith(REGEX_FRAME)) {
      regex += dt;
      const pattern = functionName.slice(REGEX_FRAME.length, REGEX_FRAME.length + 60);
      patterns.set(pattern, (patterns.get(pattern) ?? 0) + dt);
      const caller = byId.get(parentOf.get(id) ?? -1);
      const file = caller ? fileOf(caller.callFrame, root) : '(engine)';
      regexByCaller.set(file, (regexByCaller.get(file) ?? 0) + dt);
      return;
    }
    const file = fileOf(node.callFrame, root);
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
  });
  const whole = total || 1;
  return {
    samples: kept,
    regexPercent: round((100 * regex) / whole, 1),
    patterns: patterns.size,
    regexByCaller: top(regexByCaller, whole, 6),
    topPatterns: top(patterns, whole, 5),
    gcPercent: round((100 * gc) / whole, 1),
    byFile: top(byFile, whole, 10),
  };
}

/**
 * Profiles `runs` calls of `work` (sampling every 100 µs) and returns where the time went. The
 * profiler names a regular expression's frames only for code compiled while it runs, so it must
 * start before the work's first call in the process (profile-analysis.ts runs it in a process of
 * its own): the `warmUp` calls before the measured ones are profiled too, and their samples left out.
 */
export async function profileShares(work: () => unknown, runs: number, warmUp: number, root: string): Promise<ProfileShares> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (let i = 0; i < warmUp; i++) work();
    // The profile's clock is the monotonic one hrtime reads, in microseconds.
    const measuredFrom = Number(process.hrtime.bigint() / 1000n);
    for (let i = 0; i < runs; i++) work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return sharesOf(profile, root, measuredFrom);
  } finally {
    session.disconnect();
  }
}
