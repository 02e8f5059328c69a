import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
    expect(csv.out.split('\r\n')[0]).toBe('rank,filename,score,met,missing,error');
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

  it('bad usage exits 2 with the usage', () => {
    for (const args of [[], ['frobnicate'], ['analyze'], ['match', 'fixtures/cv.md'], ['analyze', '--json', '--csv', 'fixtures/cv.md'], ['analyze', '--kind', 'resume', 'fixtures/cv.md']]) {
      const r = cli(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(/usage:/);
    }
  });
});
