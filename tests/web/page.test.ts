/// <reference lib="dom" />
/**
 * The web page in a real browser: Debian's Chromium driven by playwright-core, against the real
 * service over real HTTP. Without Chromium the suite is skipped (REQUIRE_BROWSER=1 makes that an
 * error, as in CI). Screenshots go to test-output/web/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { buildWeb } from '../../scripts/build-web';
import { hashApiKey } from '../../src/http/api-keys';
import { matchSchema, type Match } from '../../src/core/5-match/schema';
import { createTestService, FIXTURES, type TestService } from '../helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
const describeBrowser = hasBrowser ? describe : describe.skip;

const OUT = path.join(__dirname, '..', '..', 'test-output', 'web');
const JOB = 'ml-engineer-job.md';
const CVS = ['latex-two-column.pdf', 'chromium-two-column.pdf', 'libreoffice-cv.docx', 'plain-cv.txt', 'blank-scan.pdf', 'cv.md', 'cv-page.html'];

let webDir: string;
let svc: TestService;
let server: Server;
let base: string;
let browser: Browser;

/** The API's own answer for the same documents, to hold the page to. */
async function apiMatch(job: string, cvs: string[], accept = 'application/json'): Promise<Response> {
  const form = new FormData();
  form.append('job', new Blob([readFileSync(path.join(FIXTURES, job))]), job);
  for (const cv of cvs) form.append('cv', new Blob([readFileSync(path.join(FIXTURES, cv))]), cv);
  return fetch(`${base}/v1/match?include=text`, { method: 'POST', body: form, headers: { Accept: accept } });
}

/** A fresh page that fails the test on any script error or console error (a CSP violation is one). */
async function openPage(problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${base}/`);
  return page;
}

describeBrowser('the web page in Chromium', () => {
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-web-'));
    await buildWeb(webDir);
    svc = createTestService({ PDF_WORKERS: '2' }, { webDir });
    server = svc.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(OUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await svc?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('candidate view: score, chart, requirements, evidence highlighted in the CV and gaps, as the API says', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    await page.setInputFiles('#candidate-job-file', path.join(FIXTURES, JOB));
    await page.setInputFiles('#candidate-cv-file', path.join(FIXTURES, 'latex-two-column.pdf'));
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.locator('#candidate-result .score-value').waitFor();

    const api: Match = matchSchema.parse(await (await apiMatch(JOB, ['latex-two-column.pdf'])).json());
    const result = api.results[0];
    if (!result?.score || result.text === undefined) throw new Error('the API gave no score or text');
    expect(await page.locator('#candidate-result .score-value').textContent()).toBe(`${Math.round(result.score * 100)}%`);

    // The chart: one bar per category with its label and value as text.
    const bars = page.locator('#candidate-result svg.chart g.bar');
    expect(await bars.count()).toBe(result.categories.length);
    for (const [i, c] of result.categories.entries()) {
      expect(await bars.nth(i).locator('.bar-label').textContent()).toBe(c.label);
      expect(await bars.nth(i).locator('.bar-value').textContent()).toBe(`${Math.round(c.coverage * 100)}%`);
    }
    expect(await page.locator('#candidate-result svg.chart').getAttribute('aria-label')).toContain(result.categories[0]?.label ?? '?');

    // Every requirement with its status, in the API's order.
    const buttons = page.locator('#candidate-result button.req');
    expect(await buttons.evaluateAll((els) => els.map((e) => [e.getAttribute('data-skill'), e.getAttribute('data-status')]))).toEqual(
      result.requirements.map((r) => [r.skill, r.status]),
    );

    // Click a met requirement: its CV evidence is marked in the CV text, at the API's offsets.
    const met = result.requirements.find((r) => r.status === 'met' && r.cvEvidence.length > 0);
    if (!met) throw new Error('expected a met requirement with evidence');
    await page.locator(`#candidate-result button.req[data-skill="${met.skill}"]`).click();
    expect(await page.locator(`#candidate-result button.req[data-skill="${met.skill}"]`).getAttribute('aria-pressed')).toBe('true');
    const marked = await page.locator('#candidate-result pre.doc mark.ev').allTextContents();
    const expected = [...met.cvEvidence].sort((a, b) => a.start - b.start).map((e) => result.text?.slice(e.start, e.end));
    expect(marked).toEqual(expected);
    expect(await page.locator('#candidate-result pre.doc').textContent()).toBe(result.text);
    expect(await page.locator('#candidate-result .why-box').textContent()).toContain(met.cvEvidence[0]?.sentence.slice(0, 40) ?? '?');

    // The ad's terms, grouped as shown, covered by a related tool and missing, as the API says.
    const terms = [...result.requirements.flatMap((q) => q.terms), ...result.otherTerms];
    expect(terms.length).toBeGreaterThan(0);
    for (const group of ['shown', 'related', 'missing'] as const) {
      const listed = await page.locator(`#candidate-result .term-group[data-group="${group}"] li`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-term'), e.getAttribute('data-status')]));
      expect(listed).toEqual(terms.filter((t) => t.status === group).map((t) => [t.term, t.status]));
    }

    // Gaps with the endpoint's advice: the skills', then the terms'.
    const gapTexts = await page.locator('#candidate-result .gaps li').allTextContents();
    expect(gapTexts).toHaveLength(result.gaps.length + result.termGaps.length);
    for (const [i, g] of [...result.gaps, ...result.termGaps].entries()) expect(gapTexts[i]).toContain(g.advice);

    await page.screenshot({ path: path.join(OUT, 'candidate.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('candidate view: a term the CV covers with a related tool is said so, a missing one too', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    await page.fill('#candidate-job-text', 'Requirements\n- Deep learning with PyTorch.\n- Infrastructure in Terraform.\n- CUDA kernels are a plus.');
    await page.fill('#candidate-cv-text', 'Experience\n- Trained deep learning models in TensorFlow on machines set up with Pulumi.');
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.locator('#candidate-result .ad-terms').waitFor();
    const pytorch = page.locator('#candidate-result ul.terms li[data-term="pytorch"]');
    expect(await pytorch.getAttribute('data-status')).toBe('related');
    expect(await pytorch.textContent()).toContain('≈ related');
    expect(await pytorch.textContent()).toContain('TensorFlow');
    expect(await page.locator('#candidate-result .term-group[data-group="related"] li[data-term="pytorch"]').count()).toBe(1);
    expect(await page.locator('#candidate-result .term-group[data-group="missing"] li[data-term="cuda"]').textContent()).toContain('CUDA kernels');
    expect(await page.locator('#candidate-result .gaps li[data-term="terraform"]').textContent()).toContain('the CV shows Pulumi, a related tool');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('candidate view: a photographed CV is read by OCR, and its evidence says how confidently', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    await page.setInputFiles('#candidate-job-file', path.join(FIXTURES, JOB));
    await page.setInputFiles('#candidate-cv-file', path.join(FIXTURES, 'scan-noisy-skewed.jpg'));
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.locator('#candidate-result .score-value').waitFor({ timeout: 45_000 });
    const met = page.locator('#candidate-result button.req[data-status="met"]').first();
    await met.click();
    const notes = await page.locator('#candidate-result .why-box .ocr-note').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toMatch(/^\(read by OCR, confidence \d{1,3}%(: check the scan)?\)$/);
    expect(await page.locator('#candidate-result pre.doc mark.ev').first().getAttribute('title')).toMatch(/read by OCR, confidence \d{1,3}%/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('candidate view: pasted texts work, and the API’s errors are shown plainly', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await expect(page.locator('#candidate-error').textContent()).resolves.toContain('Add a job ad and a CV');

    await page.fill('#candidate-job-text', 'Requirements\n- Python and PyTorch.\n- Unit tests and code review.');
    await page.fill('#candidate-cv-text', 'Skills\nPython, PyTorch, pytest. I do not know C++.');
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.locator('#candidate-result .score-value').waitFor();
    expect(await page.locator('#candidate-error').isHidden()).toBe(true);

    // A job ad pasted where the CV goes: the page says so before anything else.
    const ad = 'About the role\nWe are hiring a data engineer.\n\nRequirements\n- 3+ years of Python\n- Airflow\n\nNice to have\n- Spark\n\nBenefits\n- Remote work\n\nHow to apply\nSend your CV.';
    await page.fill('#candidate-cv-text', ad);
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#candidate-result .notice')?.textContent?.includes('reads as a job ad'));
    await page.fill('#candidate-cv-text', 'Skills\nPython, PyTorch, pytest. I do not know C++.');
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('#candidate-result .notice'));

    // A scanned CV: the page says so instead of showing a score.
    await page.setInputFiles('#candidate-cv-file', path.join(FIXTURES, 'blank-scan.pdf'));
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#candidate-error')?.textContent?.includes('no readable text'));
    expect(await page.locator('#candidate-result').isHidden()).toBe(true);
    // Title once, then the detail, then what to do about it.
    const scanned = (await page.locator('#candidate-error').textContent()) ?? '';
    expect(scanned.match(/The document has no readable text/g)).toHaveLength(1);
    expect(scanned).toContain('What to do: The pages are images and OCR found no readable text');

    // A legacy Word job ad: refused with the API's title and detail.
    await page.setInputFiles('#candidate-job-file', path.join(FIXTURES, 'legacy-word.doc'));
    await page.setInputFiles('#candidate-cv-file', path.join(FIXTURES, 'plain-cv.txt'));
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.waitForFunction(() => /Word|\.doc/i.test(document.querySelector('#candidate-error')?.textContent ?? ''));
    await page.screenshot({ path: path.join(OUT, 'candidate-error.png') });
    // Error answers (4xx) show in the console as failed loads; anything else would be a page problem.
    expect(problems.filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it('candidate view: a CV far over the upload limit is refused with the service’s 413 and its message, not a network error', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    const big = path.join(webDir, 'sixty-megabytes.txt');
    writeFileSync(big, Buffer.alloc(60 * 2 ** 20, 'a'));
    try {
      await page.fill('#candidate-job-text', 'Requirements\n- Python and PyTorch.');
      await page.setInputFiles('#candidate-cv-file', big);
      await page.getByRole('button', { name: 'Match', exact: true }).click();
      await page.waitForFunction(() => /larger than the upload limit/.test(document.querySelector('#candidate-error')?.textContent ?? ''), undefined, { timeout: 30_000 });
      expect(await page.locator('#candidate-error').textContent()).not.toMatch(/network|failed to fetch/i);
      expect(problems.filter((p) => !/Failed to load resource: the server responded with a status of 413/.test(p))).toEqual([]);
    } finally {
      rmSync(big, { force: true });
      await page.close();
    }
  }, 60_000);

  it('recruiter view: dropped CVs ranked as the API ranks them, with progress, sorting, filtering, explanations and CSV', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    // Tabs follow the keyboard.
    await page.focus('#tab-candidate');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-recruiter').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#view-recruiter').isVisible()).toBe(true);

    await page.setInputFiles('#recruiter-job-file', path.join(FIXTURES, JOB));
    // Drop the CVs on the drop zone, as a user dragging files from a folder would.
    const files = CVS.map((name) => ({ name, b64: readFileSync(path.join(FIXTURES, name)).toString('base64') }));
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, files);
    await page.dispatchEvent('fieldset[data-drop="recruiter-cv-files"]', 'drop', { dataTransfer });
    expect(await page.locator('#recruiter-file-list li').count()).toBe(CVS.length);

    // Record the progress messages as they appear.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const status = document.getElementById('recruiter-status');
      if (status) new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Rank CVs' }).click();
    await page.locator('table.ranking tbody tr').first().waitFor();
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen).toEqual(expect.arrayContaining([`Analysing CVs: 0 of ${CVS.length} done…`, `Analysing CVs: 5 of ${CVS.length} done…`]));
    expect(await page.locator('#recruiter-status').textContent()).toBe(`Ranked ${CVS.length - 1} CVs; 1 could not be read (see the table).`);

    // The order is the API's for the whole batch at once, though the page sent it in parts.
    const api = matchSchema.parse(await (await apiMatch(JOB, CVS)).json());
    const rows = page.locator('table.ranking tbody tr');
    const rowFiles = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
    expect(await rowFiles()).toEqual(api.results.map((r) => r.filename));
    expect(await rows.last().textContent()).toContain('The document has no readable text');
    await page.screenshot({ path: path.join(OUT, 'recruiter.png'), fullPage: true });

    // Sort by file name, then by score (best first).
    await page.locator('button.sort[data-sort="filename"]').click();
    expect(await rowFiles()).toEqual([...CVS].sort((a, b) => a.localeCompare(b)));
    expect(await page.locator('th:has(button.sort[data-sort="filename"])').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('button.sort[data-sort="score"]').click();
    const scores = api.results.filter((r) => r.score !== null).map((r) => r.filename);
    expect((await rowFiles()).slice(0, scores.length)).toEqual(scores);

    // Filter by name, and by minimum score.
    await page.fill('#ranking-filter', 'cv.md');
    expect(await rowFiles()).toEqual(['cv.md']);
    // Filter by a skill: the CVs that show it (met, or beyond the ad), by its id or its label alike.
    const shows = (r: (typeof api.results)[number], skill: string): boolean =>
      r.requirements.some((q) => q.skill === skill && q.status === 'met') || r.extras.some((x) => x.skill === skill);
    const asked = api.results[0]?.requirements.find((q) => api.results.some((r) => !r.error && !shows(r, q.skill)) && api.results.some((r) => shows(r, q.skill)));
    expect(asked).toBeDefined();
    const showing = api.results.filter((r) => shows(r, asked?.skill ?? '')).map((r) => r.filename);
    await page.fill('#ranking-filter', asked?.skill ?? '');
    expect((await rowFiles()).sort()).toEqual([...showing].sort());
    await page.fill('#ranking-filter', asked?.label ?? '');
    expect((await rowFiles()).sort()).toEqual([...showing].sort());
    await page.fill('#ranking-filter', '');
    await page.selectOption('#ranking-min-score', '0.5');
    expect(await rowFiles()).toEqual(api.results.filter((r) => (r.score ?? 0) >= 0.5).map((r) => r.filename));
    await page.selectOption('#ranking-min-score', '0');

    // A row opens its explanation.
    const top = api.results[0];
    await page.locator(`tr[data-file="${top?.filename}"] button.open`).click();
    expect(await page.locator('tr.details .score-value').textContent()).toBe(`${Math.round((top?.score ?? 0) * 100)}%`);
    expect(await page.locator('tr.details button.req').count()).toBe(top?.requirements.length);

    // The CSV download is the API's CSV for the same batch, byte for byte.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    expect(download.suggestedFilename()).toBe('ranking.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const apiCsv = await (await apiMatch(JOB, CVS, 'text/csv')).text();
    expect(csv).toBe(apiCsv);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('recruiter view: the skills matrix, filters by a requirement\'s status and by term, a side-by-side comparison and a printable report', async () => {
    const problems: string[] = [];
    const page = await openPage(problems);
    const cvs = ['plain-cv.txt', 'cv.md', 'cv-page.html', 'libreoffice-cv.docx'];
    await page.click('#tab-recruiter');
    await page.setInputFiles('#recruiter-job-file', path.join(FIXTURES, JOB));
    await page.setInputFiles('#recruiter-cv-files', cvs.map((name) => path.join(FIXTURES, name)));
    await page.getByRole('button', { name: 'Rank CVs' }).click();
    await page.locator('table.matrix tbody tr').first().waitFor();
    const api = matchSchema.parse(await (await apiMatch(JOB, cvs)).json());
    const reqs = api.job.requirements;
    const symbol = { met: '✓ met', partial: '◐ partial', missing: '✗ missing', negated: '⊘ negated' } as const;
    const statusOf = (r: (typeof api.results)[number], skill: string) => r.requirements.find((q) => q.skill === skill)?.status ?? 'missing';

    // Header: one column per requirement, required or preferred said; each cell the symbol and the word.
    const headers = await page.locator('table.matrix thead th[data-skill]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-skill'), e.getAttribute('data-requirement'), e.textContent]));
    expect(headers).toEqual(reqs.map((q) => [q.skill, q.requirement, `${q.label}${q.requirement}`]));
    const cells = await page.locator('table.matrix tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-file'), ...[...row.querySelectorAll('td.cell')].map((c) => c.textContent)]),
    );
    expect(cells).toEqual(api.results.map((r) => [r.filename, ...reqs.map((q) => symbol[statusOf(r, q.skill)])]));
    await page.locator('table.matrix').screenshot({ path: path.join(OUT, 'matrix.png') });

    // Filter by a requirement's status: a requirement some CVs meet and some do not.
    const split = reqs.find((q) => api.results.some((r) => statusOf(r, q.skill) === 'met') && api.results.some((r) => statusOf(r, q.skill) !== 'met'));
    expect(split).toBeDefined();
    const rowFiles = (table: string) => page.locator(`table.${table} tbody tr[data-file]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
    await page.selectOption('#filter-requirement', split?.skill ?? '');
    await page.selectOption('#filter-status', 'met');
    const meeting = api.results.filter((r) => statusOf(r, split?.skill ?? '') === 'met').map((r) => r.filename);
    expect(await rowFiles('ranking')).toEqual(meeting);
    expect(await rowFiles('matrix')).toEqual(meeting);
    await page.selectOption('#filter-status', 'missing');
    expect(await rowFiles('ranking')).toEqual(api.results.filter((r) => ['missing', 'negated'].includes(statusOf(r, split?.skill ?? ''))).map((r) => r.filename));
    await page.selectOption('#filter-requirement', '');

    // Filter by a term of the ad: the CVs that name it.
    const termsOf = (r: (typeof api.results)[number]) => [...r.requirements.flatMap((q) => q.terms), ...r.otherTerms];
    const term = [...reqs.flatMap((q) => q.terms), ...api.job.otherTerms].find(
      (t) => api.results.some((r) => termsOf(r).some((x) => x.term === t.term && x.status === 'shown')) && api.results.some((r) => !termsOf(r).some((x) => x.term === t.term && x.status === 'shown')),
    );
    expect(term).toBeDefined();
    await page.selectOption('#filter-term', term?.term ?? '');
    expect(await rowFiles('ranking')).toEqual(api.results.filter((r) => termsOf(r).some((x) => x.term === term?.term && x.status === 'shown')).map((r) => r.filename));
    await page.selectOption('#filter-term', '');
    expect(await rowFiles('ranking')).toEqual(api.results.map((r) => r.filename));

    // Compare: two CVs side by side, then a third; a fourth cannot be ticked.
    expect(await page.locator('.compare-box .hint').textContent()).toContain('0 ticked');
    const [first, second, third, fourth] = api.results.map((r) => r.filename);
    await page.check(`input.compare-pick[data-file="${first}"]`);
    await page.check(`input.compare-pick[data-file="${second}"]`);
    const compared = () => page.locator('#compare thead th[data-file]').evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
    expect(await compared()).toEqual([first, second]);
    for (const q of reqs) {
      const row = await page.locator(`#compare tr[data-skill="${q.skill}"] td`).allTextContents();
      expect(row).toEqual(api.results.slice(0, 2).map((r) => symbol[statusOf(r, q.skill)]));
    }
    expect(await page.locator('#compare').textContent()).toContain(`${Math.round((api.results[0]?.score ?? 0) * 100)}%`);
    await page.check(`input.compare-pick[data-file="${third}"]`);
    expect(await compared()).toEqual([first, second, third]);
    expect(await page.locator(`input.compare-pick[data-file="${fourth}"]`).isDisabled()).toBe(true);
    await page.locator('#compare').screenshot({ path: path.join(OUT, 'compare.png') });

    // Printing: the report keeps the ranking, the matrix and the comparison and drops the forms and controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('table.ranking').isVisible()).toBe(true);
    expect(await page.locator('table.matrix').isVisible()).toBe(true);
    expect(await page.locator('#compare').isVisible()).toBe(true);
    for (const hidden of ['#recruiter-form', '.toolbar', 'nav.tabs', 'input.compare-pick >> nth=0', 'table.matrix thead th >> nth=0']) expect(await page.locator(hidden).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: path.join(OUT, 'print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#print-report').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('asks for the API key when the service needs one, and sends it', async () => {
    const keyed = createTestService({ API_KEY_HASHES: hashApiKey('page-test-key') }, { webDir });
    const keyedServer = keyed.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => keyedServer.once('listening', resolve));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(keyedServer.address() as AddressInfo).port}/`);
    await page.fill('#candidate-job-text', 'Requirements\n- Python.');
    await page.fill('#candidate-cv-text', 'Skills\nPython.');
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#candidate-error')?.textContent?.includes('needs an API key'));
    expect(await page.locator('#api-key').isVisible()).toBe(true);
    await page.fill('#api-key', 'page-test-key');
    await page.getByRole('button', { name: 'Match', exact: true }).click();
    await page.locator('#candidate-result .score-value').waitFor();
    await page.close();
    await new Promise((resolve) => keyedServer.close(resolve));
    await keyed.close();
  }, 60_000);
});

describe('GET /', () => {
  it('serves the page with a strict Content-Security-Policy: its own scripts and styles only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-web-'));
    await buildWeb(dir);
    const built = createTestService({}, { webDir: dir });
    const res = await request(built.app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // Nothing from elsewhere: every script and stylesheet the page names is its own.
    expect(res.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = await request(built.app).get('/app.js');
    expect(script.status).toBe(200);
    expect(script.text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    await built.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says how to build the page when it is not built', async () => {
    const bare = createTestService({}, { webDir: path.join(os.tmpdir(), 'no-such-web-dir') });
    const res = await request(bare.app).get('/');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain('npm run build');
    await bare.close();
  });
});
