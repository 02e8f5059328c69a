/**
 * A recruiter's folder: `skillmatch match --jsonl --out` over 1,000 and then 10,000 CVs made from
 * the fixtures (one in a hundred a two-page PDF, the rest texts), as a child process whose resident
 * memory is sampled from /proc. Memory is flat when the 10,000 peak stays at the 1,000 peak, the
 * reference in the same run.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { round } from './stats';

export interface FolderRun {
  cvs: number;
  seconds: number;
  cvsPerSecond: number;
  /** Peak resident memory (MB) in the first and in the second half of the run: equal when flat. */
  firstHalfPeakRssMb: number;
  secondHalfPeakRssMb: number;
  peakRssMb: number;
  outputMb: number;
  /** Resident memory once a second, with how many CVs had been written to the output by then. */
  curve: CurvePoint[];
  /** Highest less lowest RSS once this many CVs were done (the curve after its warm-up); null if the run never got there. */
  spreadAfterWarmUpMb: number | null;
}

export interface CurvePoint {
  seconds: number;
  rssMb: number;
  cvsDone: number;
}

/** The curve's warm-up: files done before memory is expected to level off. */
export const WARM_UP_FILES = 500;

export interface FolderBench {
  reference: FolderRun;
  large: FolderRun;
  /** large.peakRssMb / reference.peakRssMb: 1 is flat. */
  growth: number;
  /** In the large run, the second half's peak over the first half's: 1 is flat. */
  secondHalfGrowth: number;
}

const JOB = 'Machine Learning Engineer\n\nRequirements\n- 3+ years of Python.\n- PyTorch or scikit-learn.\n- Statistics and experimentation.\n- Unit tests and code review.\n\nNice to have\n- C++.\n- Kubernetes.';

function makeFolder(root: string, dir: string, count: number): void {
  mkdirSync(dir);
  const texts = ['plain-cv.txt', 'cv.md'].map((f) => readFileSync(path.join(root, 'fixtures', f), 'utf8'));
  for (let i = 0; i < count; i++) {
    const name = path.join(dir, `cv-${String(i).padStart(5, '0')}`);
    if (i % 100 === 50) copyFileSync(path.join(root, 'fixtures', 'latex-two-column.pdf'), `${name}.pdf`);
    else writeFileSync(`${name}.${i % 2 ? 'md' : 'txt'}`, `${texts[i % 2]}\n\nCandidate reference ${i}.\n`);
  }
}

function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Counts the lines a growing file has gained since the last call, reading only the new bytes:
 * `--jsonl` writes one line per CV as each is done, so the count is the CVs done so far.
 */
export function lineCounter(file: string): () => number {
  let offset = 0;
  let lines = 0;
  const buffer = Buffer.alloc(1 << 20);
  return () => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return lines;
    }
    try {
      for (let read = readSync(fd, buffer, 0, buffer.length, offset); read > 0; read = readSync(fd, buffer, 0, buffer.length, offset)) {
        for (let i = 0; i < read; i++) if (buffer[i] === 10) lines++;
        offset += read;
      }
    } finally {
      closeSync(fd);
    }
    return lines;
  };
}

async function runFolder(root: string, work: string, count: number): Promise<FolderRun> {
  const folder = path.join(work, `cvs-${count}`);
  makeFolder(root, folder, count);
  const job = path.join(work, 'job.md');
  writeFileSync(job, JOB);
  const out = path.join(work, `out-${count}.jsonl`);
  const cli = path.join(root, 'dist', 'src', 'main', 'cli.js');
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(cli)}).run(process.argv.slice(1))`, 'match', '--job', job, '--jsonl', '--out', out, folder], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  const samples: Array<{ at: number; mb: number }> = [];
  const curve: CurvePoint[] = [];
  const done = lineCounter(out);
  let ticks = 0;
  const sampler = setInterval(() => {
    const mb = child.pid ? rssMb(child.pid) : null;
    if (mb === null) return;
    const at = performance.now() - started;
    samples.push({ at, mb });
    // Every tenth sample, once a second, a point of the curve.
    if (++ticks % 10 === 0) curve.push({ seconds: round(at / 1000, 1), rssMb: round(mb, 1), cvsDone: done() });
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`skillmatch match --jsonl exited with ${code} on ${count} CVs`);
  const peakOf = (from: number, to: number): number => Math.max(0, ...samples.filter((s) => s.at >= from && s.at < to).map((s) => s.mb));
  return {
    cvs: count,
    seconds: round(ms / 1000, 1),
    cvsPerSecond: round(count / (ms / 1000), 0),
    firstHalfPeakRssMb: round(peakOf(0, ms / 2), 0),
    secondHalfPeakRssMb: round(peakOf(ms / 2, Infinity), 0),
    peakRssMb: round(peakOf(0, Infinity), 0),
    outputMb: round(statSync(out).size / 2 ** 20, 0),
    curve,
    spreadAfterWarmUpMb: spreadAfter(curve, WARM_UP_FILES),
  };
}

/** Highest less lowest RSS over the curve's points once `files` CVs were done, or null if none. */
export function spreadAfter(curve: CurvePoint[], files: number): number | null {
  const after = curve.filter((p) => p.cvsDone >= files).map((p) => p.rssMb);
  return after.length ? round(Math.max(...after) - Math.min(...after), 1) : null;
}

export async function benchFolder(root: string): Promise<FolderBench> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-folder-'));
  try {
    const reference = await runFolder(root, work, 1_000);
    const large = await runFolder(root, work, Number(process.env.BENCH_FOLDER_CVS ?? 10_000));
    return { reference, large, growth: round(large.peakRssMb / reference.peakRssMb), secondHalfGrowth: round(large.secondHalfPeakRssMb / large.firstHalfPeakRssMb) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
