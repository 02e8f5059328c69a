import { compileLexicon, LexiconError } from '../../src/core/2-lexicon/compile';
import { readLexiconSource } from '../../src/adapters/lexicon-files';
import { matchDocuments, matchToCsv, termCatalogue } from '../../src/core/5-match/match';
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
    expect(m.job.requirements.flatMap((r) => r.terms).find((t) => t.term === 'pytorch')).toMatchObject({ skill: 'neural-networks', years: 3 });
    expect(terms.kubernetes).toMatchObject({ skill: 'software-engineering', requirement: 'required' });
    expect(terms.terraform).toMatchObject({ skill: 'software-engineering', requirement: 'required', label: 'Terraform' });
    expect(terms.cuda).toMatchObject({ requirement: 'preferred' });
    // The ad's side of the evidence: each term is among its requirement's evidence.
    // (the ad may name the tool in another spelling: "CUDA kernels" is evidence of the term CUDA).
    const catalogue = termCatalogue(lexicon);
    for (const r of m.job.requirements) for (const t of r.terms) expect(r.evidence.some((e) => catalogue.canonical(e.term) === t.term)).toBe(true);
  });

  it('shown, related and missing, with the CV\'s evidence', async () => {
    const m = await match();
    expect(statuses(m, 'all.txt')).toMatchObject({ pytorch: 'shown', kubernetes: 'shown', terraform: 'shown', cuda: 'shown' });
    expect(statuses(m, 'relatives.txt')).toMatchObject({ pytorch: 'related', kubernetes: 'related', terraform: 'related', cuda: 'missing' });
    expect(statuses(m, 'none.txt')).toMatchObject({ pytorch: 'missing', kubernetes: 'missing', terraform: 'missing', cuda: 'missing' });
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

  it('the CSV names the terms each CV does not show, with the relative it shows instead', async () => {
    const m = await match();
    const rows = matchToCsv(m).split('\r\n');
    const column = rows[0]?.split(',').indexOf('missing_terms') ?? -1;
    const cell = (file: string): string | undefined => rows.find((r) => r.includes(`"${file}"`))?.slice(1, -1).split('","')[column];
    expect(cell('all.txt')).toBe('');
    expect(cell('relatives.txt')?.split('; ').sort()).toEqual(['CUDA kernels', 'Kubernetes (related: Docker)', 'PyTorch (related: TensorFlow)', 'Terraform (related: Pulumi)']);
    expect(cell('none.txt')?.split('; ').sort()).toEqual(['CUDA kernels', 'Kubernetes', 'PyTorch', 'Terraform']);
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

describe('which words are terms, and when a CV shows one', () => {
  const one = async (ad: string, cv: string) => {
    const job = (await analyzeText(ad, 'job')).analysis;
    const analysis = (await analyzeText(cv)).analysis;
    return matchDocuments({ filename: 'ad.txt', analysis: job }, [{ filename: 'cv.txt', analysis }], termCatalogue(lexicon));
  };
  const termsOf = (m: Awaited<ReturnType<typeof one>>) =>
    Object.fromEntries([...(m.results[0]?.requirements ?? []).flatMap((q) => q.terms), ...(m.results[0]?.otherTerms ?? [])].map((t) => [t.term, t.status]));

  it('another spelling or version of the tool shows it: k8s for Kubernetes, sklearn for scikit-learn', async () => {
    const m = await one('Requirements\n- Python services with scikit-learn, deployed on Kubernetes.', 'Experience\n- Wrote Python services with sklearn models and ran them on k8s.');
    expect(termsOf(m)).toMatchObject({ kubernetes: 'shown', 'scikit-learn': 'shown' });
  });

  it('a phrase built on a tool stands for the tool: "CUDA kernels" is shown by a CV naming CUDA', async () => {
    const m = await one('Requirements\n- C++ and CUDA kernels for inference.', 'Experience\n- Optimised inference in C++ with CUDA on embedded boards.');
    expect(m.job.requirements.flatMap((r) => r.terms).find((t) => t.term === 'cuda')?.label).toBe('CUDA kernels');
    expect(termsOf(m)).toMatchObject({ cuda: 'shown' });
  });

  it('umbrella words for a field or a role are not terms; a tool the ad says it does not use is not one either', async () => {
    const m = await one('Requirements\n- Data science and generative AI experience; strong software engineers.\n- Deep learning with JAX (we don’t use Caffe).', 'Experience\n- Data science in R.');
    const named = m.job.requirements.flatMap((r) => r.terms.map((t) => t.term));
    expect(named).toContain('jax');
    expect(named).not.toEqual(expect.arrayContaining(['data-science']));
    expect(named).not.toContain('generative-ai');
    expect(named).not.toContain('software-engineer');
    expect(named).not.toContain('caffe');
  });

  it('a tool named for a skill the ad does not ask for is listed in otherTerms and checked in each CV', async () => {
    const m = await one('Requirements\n- Strong Python and statistics.\n\nNice to have\n- Kubernetes.', 'Skills\n- Python, statistics, Docker.');
    expect(m.job.requirements.map((r) => r.skill)).not.toContain('software-engineering');
    expect(m.job.otherTerms).toEqual([expect.objectContaining({ term: 'kubernetes', skill: 'software-engineering', requirement: 'preferred' })]);
    expect(m.results[0]?.otherTerms).toEqual([expect.objectContaining({ term: 'kubernetes', status: 'related', related: expect.objectContaining({ label: 'Docker' }) })]);
  });

  it('no gap for an alternative the ad names when the CV shows another ("PyTorch or TensorFlow")', async () => {
    const m = await one('Requirements\n- Deep learning in PyTorch or TensorFlow.', 'Experience\n- Trained deep learning models in PyTorch.');
    expect(termsOf(m)).toMatchObject({ pytorch: 'shown', tensorflow: 'related' });
    expect(m.results[0]?.termGaps).toEqual([]);
  });

  it('termCoverage counts the tools of one family once: "PyTorch or TensorFlow" is covered by either', async () => {
    const ad = 'Requirements\n- Deep learning in PyTorch or TensorFlow, served with ONNX.';
    const either = await one(ad, 'Experience\n- Trained deep learning models in TensorFlow and served them with ONNX.');
    const half = await one(ad, 'Experience\n- Trained deep learning models in TensorFlow.');
    const relative = await one(ad, 'Experience\n- Trained deep learning models in JAX.');
    const nn = (m: Awaited<ReturnType<typeof one>>) => m.results[0]?.requirements.find((q) => q.skill === 'neural-networks')?.termCoverage;
    expect(nn(either)).toBe(1);
    expect(nn(half)).toBe(0.5);
    expect(nn(relative)).toBe(0.25);
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

  it('variants and umbrellas are checked at load too', () => {
    const source = readLexiconSource(DEFAULT_LEXICON_DIR);
    const data = { families: [{ id: 'frameworks', label: 'frameworks', members: ['pytorch', 'tensorflow'] }], variants: [['kubernetes', 'k8s'], ['k8s', 'k9s']], umbrellas: ['pytorch', 'no-such-term'] };
    let problems: string[] = [];
    try {
      compileLexicon({ ...source, families: { path: 'families.yaml', data } }, nlp);
    } catch (error) {
      problems = error instanceof LexiconError ? error.problems.map((p) => p.message) : [];
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown term id "k9s"/),
        expect.stringMatching(/term "k8s" is also in the group of "kubernetes"/),
        expect.stringMatching(/term "pytorch" is in family "frameworks"/),
        expect.stringMatching(/unknown term id "no-such-term"/),
      ]),
    );
  });

  it('the shipped families load, each with two members or more', () => {
    expect(new Set(lexicon.familyOf.values()).size).toBeGreaterThanOrEqual(10);
    expect(lexicon.familyOf.get('pytorch')?.members).toContain('tensorflow');
  });
});
