import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_FLAGS, HELP } from '../src/cli/cli';
import { runCli } from '../src/main/cli';

const ROOT = path.join(__dirname, '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'skillmatch.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
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
