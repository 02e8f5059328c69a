import { analyzeText } from '../analyze/support';
import { jobRequirements, matchCv, matchDocuments, matchToCsv, mergeMatches, ROLE_SHARE } from '../../src/core/5-match/match';

const JOB = [
  'Machine Learning Engineer',
  'Requirements',
  '- 5+ years of Python in production.',
  '- Experience with PyTorch.',
  '- Unit tests and code review.',
  'Nice to have',
  '- C++ for inference.',
].join('\n');

async function analysis(text: string, kind: 'cv' | 'job' = 'cv') {
  return (await analyzeText(text, kind)).analysis;
}

describe('job requirements', () => {
  it('are the skills the job ad evidences, weighted by role weight × 2 (required) or × 1 (preferred)', async () => {
    const reqs = jobRequirements(await analysis(JOB, 'job'));
    expect(reqs.map((r) => [r.skill, r.requirement, r.years])).toEqual([
      ['neural-networks', 'required', undefined],
      ['software-engineering', 'required', undefined],
      ['python', 'required', 5],
      ['cpp', 'preferred', undefined],
    ]);
    expect(reqs.find((r) => r.skill === 'neural-networks')?.weight).toBeCloseTo(0.24, 3);
    expect(reqs.find((r) => r.skill === 'cpp')?.weight).toBeCloseTo(0.045, 3);
    expect(reqs[0]?.evidence[0]?.text).toBe('PyTorch');
  });
});

describe('one CV against the requirements', () => {
  it('scores by the documented formula: 0.9 × earned requirement weight / total + 0.1 × role coverage', async () => {
    const job = await analysis(JOB, 'job');
    const cv = await analysis('Experience\n- Two years of Python, building PyTorch models; no experience with C++.');
    const reqs = jobRequirements(job);
    const result = matchCv(reqs, cv);
    const status = Object.fromEntries(result.requirements.map((r) => [r.skill, r.status]));
    expect(status).toEqual({ 'neural-networks': 'met', 'software-engineering': 'missing', python: 'partial', cpp: 'negated' });
    const total = reqs.reduce((s, r) => s + r.weight, 0);
    const earned = reqs.find((r) => r.skill === 'neural-networks')!.weight + 0.5 * reqs.find((r) => r.skill === 'python')!.weight;
    expect(result.score).toBeCloseTo((1 - ROLE_SHARE) * (earned / total) + ROLE_SHARE * cv.coverage, 3);
  });

  it('compares years: fewer than asked is partial, as many is met, none stated is met with a note', async () => {
    const reqs = jobRequirements(await analysis(JOB, 'job'));
    const python = async (text: string) => matchCv(reqs, await analysis(text)).requirements.find((r) => r.skill === 'python');
    expect(await python('Experience\n- 3 years of Python.')).toMatchObject({ status: 'partial', cvYears: 3, yearsRequired: 5 });
    expect(await python('Experience\n- 6 years of Python.')).toMatchObject({ status: 'met', cvYears: 6 });
    const unstated = await python('Experience\n- Python services.');
    expect(unstated?.status).toBe('met');
    expect(unstated?.reason).toMatch(/states no years/);
  });

  it('weak evidence alone earns what it shows, up to half; a shortfall of years in a shown skill earns half', async () => {
    const reqs = jobRequirements(await analysis(JOB, 'job'));
    const nn = reqs.find((r) => r.skill === 'neural-networks')!;
    const credit = async (text: string) => matchCv(reqs, await analysis(text)).requirements.find((r) => r.skill === 'neural-networks');
    const learning = await credit('Experience\n- Backend services in Go.\n- Currently learning PyTorch in the evenings.');
    expect(learning).toMatchObject({ status: 'partial' });
    expect(learning!.cvStrength).toBeGreaterThan(0);
    expect(learning!.cvStrength).toBeLessThan(0.5);
    expect(learning!.credit).toBeCloseTo(nn.weight * learning!.cvStrength, 3);
    const python = matchCv(reqs, await analysis('Experience\n- 3 years of Python.')).requirements.find((r) => r.skill === 'python')!;
    expect(python).toMatchObject({ status: 'partial', cvYears: 3 });
    expect(python.credit).toBeCloseTo(0.5 * python.weight, 3);
  });

  it('links both sides of every requirement: the job phrase and the CV spans', async () => {
    const reqs = jobRequirements(await analysis(JOB, 'job'));
    const r = matchCv(reqs, await analysis('Experience\n- PyTorch models in production.')).requirements.find((q) => q.skill === 'neural-networks');
    expect(r?.jobEvidence[0]).toMatchObject({ text: 'PyTorch', term: 'pytorch', section: 'requirements' });
    expect(r?.cvEvidence[0]).toMatchObject({ text: 'PyTorch', term: 'pytorch', section: 'experience', start: 13, end: 20 });
  });

  it('gives honest advice for each gap, and lists extras the job does not ask for', async () => {
    const reqs = jobRequirements(await analysis(JOB, 'job'));
    const result = matchCv(reqs, await analysis('Experience\n- PyTorch models; OpenCV pipelines for camera images.'));
    expect(result.gaps.find((g) => g.skill === 'software-engineering')?.advice).toMatch(/tests, code review, CI\/CD/);
    expect(result.extras.map((e) => e.skill)).toContain('computer-vision');
  });
});

describe('ranking', () => {
  it('orders best first, breaks ties by filename, and puts unreadable CVs last with their error', async () => {
    const job = { filename: 'job.txt', analysis: await analysis(JOB, 'job') };
    const strong = await analysis('Experience\n- 6 years of Python, PyTorch models, unit tests and code review, C++ kernels.');
    const weak = await analysis('Experience\n- Spreadsheets.');
    const match = matchDocuments(job, [
      { filename: 'b.txt', analysis: weak },
      { filename: 'broken.pdf', error: { code: 'unreadable-document', status: 422, title: 'x', detail: 'y' } },
      { filename: 'a.txt', analysis: weak },
      { filename: 'c.txt', analysis: strong },
    ]);
    expect(match.results.map((r) => [r.rank, r.filename])).toEqual([[1, 'c.txt'], [2, 'a.txt'], [3, 'b.txt'], [null, 'broken.pdf']]);
    expect(match.results[3]?.error?.code).toBe('unreadable-document');
    const csv = matchToCsv(match).split('\r\n');
    expect(csv[0]).toBe('rank,filename,score,role_coverage,met,partial,missing,required_met,preferred_met,missing_terms,warnings,error');
    // Every column of a ranked CV: labels (not ids), counts written so no spreadsheet reads a date.
    const top = match.results[0];
    const cells = (csv[1] ?? '').slice(1, -1).split('","');
    const by = (status: string[]): string => (top?.requirements ?? []).filter((q) => status.includes(q.status)).map((q) => q.label).join('; ');
    const count = (requirement: string): string => {
      const asked = (top?.requirements ?? []).filter((q) => q.requirement === requirement);
      return asked.length ? `${asked.filter((q) => q.status === 'met').length} of ${asked.length}` : '';
    };
    expect(cells).toEqual([
      '1', 'c.txt', top?.score?.toFixed(3), top?.roleCoverage?.toFixed(3),
      by(['met']), by(['partial']), by(['missing', 'negated']), count('required'), count('preferred'), '',
      (top?.warnings ?? []).map((w) => w.code).join('; '), '',
    ]);
    expect(cells[4]).toMatch(/[A-Z]/); // labels, not ids
    expect(cells[7]).toMatch(/^\d+ of \d+$/);
    expect(csv[4]).toBe('"","broken.pdf","","","","","","","","","","unreadable-document: y"');
  });

  it('a batch matched in parts and merged ranks exactly as the batch at once', async () => {
    const job = { filename: 'job.txt', analysis: await analysis(JOB, 'job') };
    const cvs = [
      { filename: 'd.txt', analysis: await analysis('Experience\n- Python and PyTorch.') },
      { filename: 'broken.pdf', error: { code: 'unreadable-document', status: 422, title: 'x', detail: 'y' } },
      { filename: 'a.txt', analysis: await analysis('Experience\n- Spreadsheets.') },
      { filename: 'c.txt', analysis: await analysis('Experience\n- 6 years of Python, PyTorch models, unit tests and code review.') },
      { filename: 'b.txt', analysis: await analysis('Experience\n- NLP with transformers; C++ kernels.') },
    ];
    const atOnce = matchDocuments(job, cvs);
    const inParts = mergeMatches([matchDocuments(job, cvs.slice(0, 2)), matchDocuments(job, cvs.slice(2, 4)), matchDocuments(job, cvs.slice(4))]);
    expect(inParts).toEqual(atOnce);
    expect(matchToCsv(inParts)).toBe(matchToCsv(atOnce));
    expect(() => mergeMatches([atOnce, { ...atOnce, lexiconVersion: 'other' }])).toThrow(/lexicon changed/);
    expect(() => mergeMatches([])).toThrow(/no match/);
  });

  it('defuses spreadsheet formulas in CSV cells', async () => {
    const job = { filename: 'job.txt', analysis: await analysis(JOB, 'job') };
    const csv = matchToCsv(matchDocuments(job, [{ filename: '=HYPERLINK("x")', analysis: await analysis('Python') }]));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('years derived from experience dates', () => {
  it('a job asking for 5+ years of PyTorch against 3 years of dated experience is partial', async () => {
    const job = await analysis('Requirements\n- 5+ years of PyTorch.', 'job');
    const cv = await analysis('Experience\nBeta Retail — ML Engineer (Jan 2019 – Dec 2021)\n- PyTorch models for demand.\nAcme — Analyst, 2016 – 2018\n- Reports in Excel.');
    const python = matchCv(jobRequirements(job), cv).requirements.find((r) => r.skill === 'neural-networks');
    expect(python).toMatchObject({ status: 'partial', cvYears: 3, yearsRequired: 5 });
  });
});

describe('docs/scoring.md', () => {
  it('its worked example holds', async () => {
    const job = await analysis('Requirements\n- Python and PyTorch.\n\nNice to have\n- C++.', 'job');
    const cv = await analysis('Experience\n- Built PyTorch models in Python.');
    const reqs = jobRequirements(job);
    expect(reqs.map((r) => [r.skill, r.requirement, r.weight])).toEqual([
      ['neural-networks', 'required', 0.24],
      ['python', 'required', 0.124],
      ['cpp', 'preferred', 0.045],
    ]);
    const result = matchCv(reqs, cv);
    expect(result.requirements.map((r) => [r.skill, r.status, r.credit])).toEqual([
      ['neural-networks', 'met', 0.24],
      ['python', 'met', 0.124],
      ['cpp', 'missing', 0],
    ]);
    expect(cv.coverage).toBe(0.182);
    expect(result.score).toBe(0.819);
  });
});
