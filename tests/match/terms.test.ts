import { compileLexicon, LexiconError } from '../../src/core/2-lexicon/compile';
import { readLexiconSource } from '../../src/adapters/lexicon-files';
import { matchDocuments, termCatalogue } from '../../src/core/5-match/match';
import { DEFAULT_LEXICON_DIR } from '../../src/main/paths';
import { analyzeText, lexicon, nlp } from '../analyze/support';

/**
 * The ad's terms, one by one: each technology or method the ad names is shown by the CV, shown
 * by a relative (a member of the same family in lexicon/families.yaml), or missing, with the
 * evidence on both sides.
 */
const AD = 'Requirements\n- Three years of PyTorch for training deep learning models.\n- Kubernetes and Terraform to deploy them.\n- CUDA kernels are a plus.';

async function match() {
  const job = (await analyzeText(AD, 'job')).analysis;
  const cvs = await Promise.all(
    [
      ['all.txt', 'Experience\n- Trained deep learning models in PyTorch; deployed them on Kubernetes with Terraform; wrote CUDA kernels.'],
      ['relatives.txt', 'Experience\n- Trained deep learning models in TensorFlow; shipped them in Docker containers set up with Pulumi.'],
      ['none.txt', 'Experience\n- Java services and SQL reports for the finance team.'],
    ].map(async ([filename, text]) => ({ filename: filename as string, analysis: (await analyzeText(text as string)).analysis })),
  );
  return matchDocuments({ filename: 'ad.txt', analysis: job }, cvs, termCatalogue(lexicon));
}

const statuses = (m: Awaited<ReturnType<typeof match>>, file: string) =>
  Object.fromEntries((m.results.find((r) => r.filename === file)?.requirements ?? []).flatMap((q) => q.terms.map((t) => [t.term, t.status])));

describe('the terms an ad names, against each CV', () => {
  it('lists the named terms under the requirement they evidence most, required or preferred, in the ad\'s spelling', async () => {
    const m = await match();
    const terms = Object.fromEntries(m.job.requirements.flatMap((r) => r.terms.map((t) => [t.term, { skill: r.skill, requirement: t.requirement, label: t.label }])));
    expect(terms.pytorch).toEqual({ skill: 'neural-networks', requirement: 'required', label: 'PyTorch' });
    expect(terms.kubernetes).toMatchObject({ skill: 'software-engineering', requirement: 'required' });
    expect(terms.terraform).toMatchObject({ skill: 'software-engineering', requirement: 'required', label: 'Terraform' });
    expect(terms['cuda-kernels']).toMatchObject({ requirement: 'preferred' });
    // The ad's side of the evidence: each term is among its requirement's evidence.
    for (const r of m.job.requirements) for (const t of r.terms) expect(r.evidence.some((e) => e.term === t.term)).toBe(true);
  });

  it('shown, related and missing, with the CV\'s evidence', async () => {
    const m = await match();
    expect(statuses(m, 'all.txt')).toMatchObject({ pytorch: 'shown', kubernetes: 'shown', terraform: 'shown', 'cuda-kernels': 'shown' });
    expect(statuses(m, 'relatives.txt')).toMatchObject({ pytorch: 'related', kubernetes: 'related', terraform: 'related', 'cuda-kernels': 'missing' });
    expect(statuses(m, 'none.txt')).toMatchObject({ pytorch: 'missing', kubernetes: 'missing', terraform: 'missing', 'cuda-kernels': 'missing' });
    const relatives = m.results.find((r) => r.filename === 'relatives.txt');
    const pytorch = relatives?.requirements.flatMap((q) => q.terms).find((t) => t.term === 'pytorch');
    expect(pytorch?.related).toEqual({ term: 'tensorflow', label: 'TensorFlow', family: 'deep-learning frameworks' });
    expect(pytorch?.cvEvidence[0]).toMatchObject({ term: 'tensorflow', text: 'TensorFlow' });
    const shown = m.results.find((r) => r.filename === 'all.txt')?.requirements.flatMap((q) => q.terms).find((t) => t.term === 'kubernetes');
    expect(shown?.cvEvidence[0]).toMatchObject({ term: 'kubernetes', text: 'Kubernetes' });
  });

  it('the gaps name the missing terms and the relative the CV shows instead', async () => {
    const m = await match();
    const advice = m.results.find((r) => r.filename === 'relatives.txt')?.termGaps.map((g) => g.advice) ?? [];
    expect(advice).toContain('The ad requires Kubernetes; the CV shows Docker, a related tool (containers and orchestration). If you have used Kubernetes, name it.');
    expect(advice.some((a) => a.startsWith('The ad would like CUDA kernels; the CV does not name it.'))).toBe(true);
    expect(m.results.find((r) => r.filename === 'all.txt')?.termGaps).toEqual([]);
  });

  it('leaves the score as it was: terms are reported, not scored', async () => {
    const job = (await analyzeText(AD, 'job')).analysis;
    const cv = (await analyzeText('Experience\n- Trained deep learning models in TensorFlow; shipped them in Docker containers set up with Pulumi.')).analysis;
    const plain = matchDocuments({ filename: 'ad.txt', analysis: job }, [{ filename: 'r.txt', analysis: cv }]);
    const termed = matchDocuments({ filename: 'ad.txt', analysis: job }, [{ filename: 'r.txt', analysis: cv }], termCatalogue(lexicon));
    expect(termed.results[0]?.score).toBe(plain.results[0]?.score);
    expect(plain.results[0]?.requirements.every((q) => q.terms.length === 0)).toBe(true);
  });
});

describe('families in the lexicon', () => {
  it('are checked at load: members must be terms, each in one family', () => {
    const source = readLexiconSource(DEFAULT_LEXICON_DIR);
    const broken = { ...source, families: { path: 'families.yaml', data: { families: [{ id: 'boosting', label: 'boosting', members: ['xgboost', 'catboosty'] }, { id: 'frameworks', label: 'frameworks', members: ['pytorch', 'xgboost'] }] } } };
    let problems: string[] = [];
    try {
      compileLexicon(broken, nlp);
    } catch (error) {
      problems = error instanceof LexiconError ? error.problems.map((p) => p.message) : [];
    }
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/unknown term id "catboosty"/), expect.stringMatching(/term "xgboost" is also in family "boosting"/)]));
  });

  it('the shipped families load, each with two members or more', () => {
    expect(new Set(lexicon.familyOf.values()).size).toBeGreaterThanOrEqual(10);
    expect(lexicon.familyOf.get('pytorch')?.members).toContain('tensorflow');
  });
});
