import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_FLAGS, HELP } from '../src/cli/cli';
import { runCli } from '../src/main/cli';

const ROOT = path.join(__dirname, '..');
// A command may wait for the cores behind other suites running in parallel: its time limit is
// generous, and a command stopped by it fails with the signal (see jsonOf), not with cut output.
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'skillmatch.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 100_000, maxBuffer: 64 * 2 ** 20 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

/** The JSON a command printed; a command stopped by a signal, or output that is not JSON, fails with what was around the fault. */
function jsonOf(r: ReturnType<typeof cli>): unknown {
  if (r.signal) throw new Error(`the command was stopped by ${r.signal} (exit ${String(r.code)}); stderr: ${r.err.slice(-500)}`);
  try {
    return JSON.parse(r.out);
  } catch (error) {
    const at = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
    throw new Error(`${String(error)}; ${r.out.length} characters, around the fault: ${JSON.stringify(r.out.slice(Math.max(0, at - 200), at + 200))}`);
  }
}

describe('the skillmatch command', () => {
  it('analyze --json prints the same JSON as POST /v1/analyze, with the filename as given', () => {
    const r = cli('analyze', '--kind', 'cv', '--json', 'fixtures/cv.md');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.filename).toBe('fixtures/cv.md');
    expect(body.skills).toHaveLength(19);
    expect(body.lexiconVersion).toMatch(/^1\./);
  });

  it('analyze reports a file that fails, and exits 1; the others are still analysed', () => {
    const r = cli('analyze', '--csv', 'fixtures/plain-cv.txt', 'fixtures/truncated.pdf', 'fixtures/no-such-file.pdf');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fixtures\/truncated\.pdf: unreadable-document/);
    expect(r.err).toMatch(/no-such-file\.pdf: not-found/);
    const lines = r.out.trim().split('\r\n');
    expect(lines[0]).toBe('filename,kind,coverage,gap,present,error');
    expect(lines[1]).toMatch(/^"fixtures\/plain-cv\.txt","cv","0\.\d{3}"/);
  });

  it('match ranks CVs from files and folders, as a table or CSV', () => {
    const table = cli('match', '--job', 'fixtures/cv-page.html', 'fixtures/cv.md', 'fixtures/plain-cv.txt');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^rank\s+file/);
    expect(table.out).toMatch(/\n1\s+fixtures\//);
    const csv = cli('match', '--csv', '--job', 'fixtures/cv-page.html', 'fixtures/src');
    expect(csv.out.split('\r\n')[0]).toBe('rank,filename,score,role_coverage,met,partial,missing,required_met,preferred_met,missing_terms,warnings,error');
    expect(csv.out).toContain('fixtures/src/chromium-two-column.html');
  });

  it('lexicon check and explain', () => {
    const check = cli('lexicon', 'check');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/terms, \d+ forms, 0 warning/);
    const explain = cli('explain', '--no-text', 'fixtures/cv.md');
    expect(explain.code).toBe(0);
    expect(explain.out).toMatch(/== 3\. Mentions/);
  });

  it('--help documents every command and every option, and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['match', '--help']]) {
      const r = cli(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 0 });
      expect(r.out).toBe(`${HELP}\n`);
    }
    for (const command of ['analyze', 'match', 'explain', 'lexicon check', 'serve']) expect(HELP).toContain(`  ${command}`);
    for (const [command, { valued, switches }] of Object.entries(COMMAND_FLAGS)) {
      for (const flag of [...valued, ...switches]) expect({ command, documented: new RegExp(`^  ${flag}\\b.*${command}`, 'm').test(HELP) }).toEqual({ command, documented: true });
    }
  });

  it('--help and bad usage load neither the service nor an adapter', () => {
    // What the command's process has loaded once it has answered, as the bin runs it.
    const script = `require('tsx/cjs');
      const { runCli } = require('./src/main/cli.ts');
      const io = { out: () => undefined, err: () => undefined, tty: false };
      Promise.all([runCli(['--help'], io), runCli(['frobnicate'], io)]).then((codes) => {
        process.stdout.write(JSON.stringify({ codes, loaded: Object.keys(require.cache).map((f) => path.relative('src', f)).filter((f) => !f.startsWith('..')) }));
      });`;
    const r = spawnSync(process.execPath, ['-e', `const path = require('node:path'); ${script}`], { cwd: ROOT, encoding: 'utf8', timeout: 100_000 });
    const { codes, loaded } = JSON.parse(r.stdout) as { codes: number[]; loaded: string[] };
    expect(codes).toEqual([0, 2]);
    expect(loaded).toContain(path.join('main', 'cli.ts'));
    expect(loaded.filter((f) => /^(?:adapters|http)\/|^main\/(?:compose|server|config)\.ts$/.test(f.split(path.sep).join('/')))).toEqual([]);
  });

  it('a job ad that cannot be read, a folder with no documents and an unknown skill are bad usage, said plainly', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-empty-'));
    try {
      const missingJob = cli('match', '--job', 'fixtures/no-such-job.md', 'fixtures/cv.md');
      expect(missingJob.code).toBe(2);
      expect(missingJob.err).toContain('cannot read the job ad fixtures/no-such-job.md');
      const emptyDir = cli('match', '--job', 'fixtures/ml-engineer-job.md', empty);
      expect(emptyDir.code).toBe(2);
      expect(emptyDir.err).toContain(`the folder ${empty} holds no documents`);
      const skill = cli('explain', '--skill', 'banana', 'fixtures/cv.md');
      expect(skill.code).toBe(2);
      expect(skill.err).toMatch(/--skill takes a skill id of the role: .*python/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('keeps the end of a long path in the tables, where the file names differ', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-a-rather-long-folder-name-for-cvs-'));
    try {
      for (const name of ['first-candidate.txt', 'second-candidate.txt']) copyFileSync(path.join(ROOT, 'fixtures', 'plain-cv.txt'), path.join(dir, name));
      let out = '';
      const code = await runCli(['analyze', dir], { out: (t) => (out += t), err: () => undefined, tty: false });
      expect(code).toBe(0);
      const rows = out.trim().split('\n').slice(1);
      expect(rows[0]).toMatch(/^…\S*first-candidate\.txt /);
      expect(rows[1]).toMatch(/^…\S*second-candidate\.txt /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad usage exits 2 with the usage', () => {
    for (const args of [[], ['frobnicate'], ['analyze'], ['match', 'fixtures/cv.md'], ['analyze', '--json', '--csv', 'fixtures/cv.md'], ['analyze', '--kind', 'resume', 'fixtures/cv.md']]) {
      const r = cli(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(/usage:/);
    }
  });

  it('shows a progress bar on stderr for more than three files, only on a terminal', async () => {
    const files = ['fixtures/cv.md', 'fixtures/plain-cv.txt', 'fixtures/cv-page.html', 'fixtures/libreoffice-cv.docx'];
    for (const tty of [true, false]) {
      let out = '';
      let err = '';
      const code = await runCli(['match', '--csv', '--job', 'fixtures/ml-engineer-job.md', ...files], { out: (t) => (out += t), err: (t) => (err += t), tty });
      expect(code).toBe(0);
      expect(out.split('\r\n').filter(Boolean)).toHaveLength(files.length + 1);
      if (tty) {
        expect(err).toMatch(/^(\r\[[#.]{30}\] [1-4]\/4){4}\n$/);
        expect(err.endsWith(`[${'#'.repeat(30)}] 4/4\n`)).toBe(true);
      }
      else expect(err).toBe('');
    }
  }, 60_000);
});

describe('skillmatch match --jsonl: folders of thousands, streamed, resumable', () => {
  const JOB = 'fixtures/ml-engineer-job.md';
  let dir: string;
  let folder: string;
  /** A folder of CVs made from the fixtures: texts varied by a line so that each is its own document. */
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-jsonl-'));
    folder = path.join(dir, 'cvs');
    mkdirSync(folder);
    const sources = ['plain-cv.txt', 'cv.md'].map((f) => readFileSync(path.join(ROOT, 'fixtures', f), 'utf8'));
    const extras = ['Wrote unit tests and ran code review.', 'Built PyTorch models for demand forecasting.', 'Fitted regression models in R.', 'Kept the release schedule for two launches.'];
    for (let i = 0; i < 60; i++) writeFileSync(path.join(folder, `cv-${String(i).padStart(3, '0')}.${i % 2 ? 'md' : 'txt'}`), `${sources[i % 2]}\n\n${extras[i % extras.length]}\n`);
    copyFileSync(path.join(ROOT, 'fixtures', 'truncated.pdf'), path.join(folder, 'zz-broken.pdf'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { filename: string; score: number | null; rank: null; requirements: Array<Record<string, unknown>>; error?: { code: string } });

  it('writes its whole output to a pipe read slowly before it exits', async () => {
    // A reader that waits before reading (a busy pipeline, `| jq` under load): the output still
    // queued for the pipe (here 1.7 MB, far more than a pipe holds) must not be cut at exit.
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'skillmatch.cjs'), 'match', '--job', JOB, '--json', folder], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.pause();
    const chunks: Buffer[] = [];
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((r) => setTimeout(r, 8_000));
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    expect(await closed).toBe(1); // the broken PDF
    const out = Buffer.concat(chunks).toString('utf8');
    expect(out.length).toBeGreaterThan(1_000_000);
    expect((JSON.parse(out) as { results: unknown[] }).results).toHaveLength(61);
  }, 90_000);

  it('writes one line per CV as each is matched, with the scores the ranking gives; a broken CV is its own line', () => {
    const out = path.join(dir, 'all.jsonl');
    const r = cli('match', '--job', JOB, '--jsonl', '--out', out, folder);
    expect(r.code).toBe(1); // the broken PDF
    expect(r.err).toMatch(/zz-broken\.pdf: unreadable-document/);
    expect(r.err).toMatch(/61 CVs matched, 1 could not be read/);
    const written = lines(out);
    expect(written).toHaveLength(61);
    expect(new Set(written.map((l) => l.filename)).size).toBe(61);
    expect(written.find((l) => l.filename.endsWith('zz-broken.pdf'))?.error?.code).toBe('unreadable-document');
    // The job ad's evidence is left out of every line; the CV's is kept.
    expect(written[0]?.requirements[0]).not.toHaveProperty('jobEvidence');
    expect(written[0]?.requirements[0]).toHaveProperty('cvEvidence');
    // Sorted by score, the lines rank as `match --json` ranks the same CVs.
    const ranked = jsonOf(cli('match', '--job', JOB, '--json', folder)) as { results: Array<{ filename: string; score: number | null }> };
    const byName = new Map(written.map((l) => [l.filename, l.score]));
    for (const result of ranked.results) expect(byName.get(result.filename)).toBe(result.score);
  }, 120_000);

  it('--resume skips the CVs already written, drops a line cut short, and writes the rest once', () => {
    const out = path.join(dir, 'resumed.jsonl');
    const full = readFileSync(path.join(dir, 'all.jsonl'), 'utf8').split('\n');
    // Twenty whole lines and half of the next, as a process killed while writing leaves them.
    writeFileSync(out, `${full.slice(0, 20).join('\n')}\n${(full[20] ?? '').slice(0, 200)}`);
    const again = cli('match', '--job', JOB, '--jsonl', '--resume', '--out', out, folder);
    expect(again.err).toMatch(/resuming: 20 of 61 CVs already in/);
    const written = lines(out);
    expect(written).toHaveLength(61);
    expect(new Set(written.map((l) => l.filename)).size).toBe(61);
  }, 120_000);

  it('refuses to write over results without --resume, and --resume without a file to read', () => {
    const refused = cli('match', '--job', JOB, '--jsonl', '--out', path.join(dir, 'all.jsonl'), folder);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already holds results: add --resume/);
    expect(cli('match', '--job', JOB, '--jsonl', '--resume', folder).err).toMatch(/--resume needs --out/);
    expect(cli('match', '--job', JOB, '--jsonl', '--json', folder).code).toBe(2);
    expect(cli('match', '--job', JOB, '--out', 'x.jsonl', folder).err).toMatch(/--out goes with --jsonl/);
    expect(cli('match', '--job', JOB, '--jsonl', '--concurrency', '0', folder).err).toMatch(/--concurrency takes a whole number/);
  }, 60_000);

  it('Ctrl-C stops it cleanly: the CVs in progress are written whole, the exit code is 130, and --resume finishes the folder', async () => {
    // A folder long enough (about ten seconds' work) that the interrupt always lands in the middle.
    const big = path.join(dir, 'big');
    mkdirSync(big);
    const text = readFileSync(path.join(ROOT, 'fixtures', 'plain-cv.txt'), 'utf8');
    for (let i = 0; i < 800; i++) writeFileSync(path.join(big, `cv-${String(i).padStart(4, '0')}.txt`), `${text}\nReference number ${i}.\n`);
    const out = path.join(dir, 'interrupted.jsonl');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'skillmatch.cjs'), 'match', '--job', JOB, '--jsonl', '--concurrency', '1', '--out', out, big], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (!existsSync(out) || lines(out).length < 5)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopping: the CVs in progress finish/);
    const partial = readFileSync(out, 'utf8');
    expect(partial.endsWith('\n')).toBe(true);
    const before = lines(out).length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(800);
    const resumed = cli('match', '--job', JOB, '--jsonl', '--resume', '--out', out, big);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain(`resuming: ${before} of 800`);
    expect(new Set(lines(out).map((l) => l.filename)).size).toBe(800);
    expect(lines(out)).toHaveLength(800);
  }, 120_000);
});
