import { classifyKind } from '../../src/core/4-analyze/classify';
import { splitSentences } from '../../src/core/1-text/sentences';
import { evidenceStrength, PRESENT_THRESHOLD } from '../../src/core/4-analyze/score';
import { tokenize } from '../../src/core/1-text/tokenize';
import type { Extraction } from '../../src/core/1-text/schema';
import { detectSections } from '../../src/core/1-text/sections';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeExtraction } from '../../src/core/4-analyze/analyze';
import { analyzeText, lexicon, nlp } from './support';

describe('tokenize', () => {
  it('keeps technology names whole and marks joiners and punctuation', () => {
    const tokens = tokenize('C++17, C#, .NET and Node.js; scikit-learn / CI/CD (A/B).');
    expect(tokens.filter((t) => t.type === 'word').map((t) => t.text)).toEqual(['C++17', 'C#', '.NET', 'and', 'Node.js', 'scikit', 'learn', 'CI', 'CD', 'A', 'B']);
    expect(tokens.filter((t) => t.type === 'joiner').map((t) => t.text)).toEqual(['-', '/', '/', '/']);
    expect(tokens.find((t) => t.text === 'Node.js')).toMatchObject({ start: 20, end: 27, lower: 'node.js' });
  });

  it('does not swallow a sentence-final period', () => {
    expect(tokenize('I use Python.').map((t) => t.text)).toEqual(['I', 'use', 'Python', '.']);
  });

  it('treats a hyphen that opens a line as a bullet, not a joiner', () => {
    expect(tokenize('data\n- Explored').find((t) => t.text === '-')?.type).toBe('punct');
  });
});

describe('splitSentences', () => {
  const cut = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));
  it('joins wrapped prose lines and splits list items and sentences', () => {
    const text = 'Built a streaming recognition system for embedded devices that runs\non a small DSP. Loved it.\n- Python\n- C++';
    expect(cut(text)).toEqual(['Built a streaming recognition system for embedded devices that runs\non a small DSP.', 'Loved it.', '- Python', '- C++']);
  });
  it('continues a sentence onto a line that starts in lower case', () => {
    expect(cut('Worked with\nclinicians daily')).toEqual(['Worked with\nclinicians daily']);
  });
});

describe('scoring', () => {
  it('weighs evidence by modality (CV) and section', () => {
    expect(evidenceStrength(1, 'normal', 'experience', 'cv')).toBe(1);
    expect(evidenceStrength(1, 'weak', 'skills', 'cv')).toBe(0.35);
    expect(evidenceStrength(1, 'negated', null, 'cv')).toBe(0);
    expect(evidenceStrength(1, 'reported', null, 'cv')).toBe(0);
    expect(evidenceStrength(1, 'weak', 'requirements', 'job')).toBe(1);
    expect(evidenceStrength(1, 'normal', 'benefits', 'job')).toBe(0);
    expect(evidenceStrength(0.5, 'normal', 'experience', 'cv')).toBeLessThan(PRESENT_THRESHOLD);
  });

  it('coverage is the weighted share of present skills; gap = 1 - coverage; gaps most important first', async () => {
    const text = [
      'Experience',
      'Senior engineer at a logistics company from 2019 to the present day, working on the routing of parcels.',
      'Built PyTorch models in Python and wrote unit tests for the service that serves them to the warehouse floor.',
      'Before that, two years at a retailer building internal tools and reports for the finance office.',
    ].join('\n');
    const { analysis } = await analyzeText(text);
    expect(analysis.quality.status).toBe('ok');
    const present = analysis.skills.filter((s) => s.present);
    expect(present.map((s) => s.id).sort()).toEqual(['neural-networks', 'python', 'software-engineering']);
    const expected = present.reduce((sum, s) => sum + s.strength * s.weight, 0);
    expect(analysis.coverage).toBeCloseTo(expected, 3);
    expect(analysis.gap).toBeCloseTo(1 - analysis.coverage, 3);
    expect(analysis.skills).toHaveLength(19);
    const weights = analysis.gaps.map((g) => g.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(analysis.gaps.every((g) => g.reason === 'not-mentioned' && g.advice.length > 10)).toBe(true);
    const ml = analysis.categories.find((c) => c.id === 'ml-concepts');
    expect(ml?.coverage).toBeCloseTo(0.5, 3);
  });

  it('gaps say why: negated, weak, or unknown when extraction quality is low', async () => {
    const { analysis } = await analyzeText('Experience\nI have no experience with C++. Basic knowledge of Docker and familiarity with Kubernetes only, sadly.');
    expect(analysis.gaps.find((g) => g.id === 'cpp')?.reason).toBe('negated');
    expect(analysis.gaps.find((g) => g.id === 'software-engineering')?.reason).toBe('weak');
    const { analysis: short } = await analyzeText('Python');
    expect(short.quality.status).toBe('low');
    expect(short.gaps.find((g) => g.id === 'cpp')?.reason).toBe('unknown');
  });

  it('every evidence offset indexes the text', async () => {
    const text = 'Skills\nPython, PyTorch, scikit-learn\n\nExperience\n- Ran A/B tests with stakeholders.';
    const { analysis } = await analyzeText(text);
    for (const e of analysis.skills.flatMap((s) => s.evidence)) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('classifyKind', () => {
  const doc = (text: string): Extraction => ({ format: 'text', filename: null, pages: null, chars: text.length, text, sections: detectSections(text), quality: { status: 'ok', warnings: [] } });
  it('tells a job ad from a CV, with a confidence', () => {
    const job = classifyKind(doc("About the role\nYou will build models.\n\nRequirements\n- Python\n\nNice to have\n- C++\n\nWhat we offer\nGood salary."));
    expect(job.kind).toBe('job');
    expect(job.confidence).toBeGreaterThan(0.9);
    const cv = classifyKind(doc('Jane Roe\njane@example.org\n\nExperience\nAcme, 2019 – present\nI built models.\n\nEducation\nMSc, 2018'));
    expect(cv.kind).toBe('cv');
    expect(cv.confidence).toBeGreaterThan(0.9);
  });

  it('reports kindConfidence 1 when the caller says the kind, and auto-detects otherwise', async () => {
    expect((await analyzeText('Requirements\n- Python', 'job')).analysis.kindConfidence).toBe(1);
    const auto = (await analyzeText('Requirements\n- Strong Python\n\nResponsibilities\n- You will ship models\n\nBenefits\n- Salary', 'auto')).analysis;
    expect(auto.kind).toBe('job');
  });
});

describe('unmapped terms', () => {
  it('reports technology-shaped words and skills-list items the lexicon does not know', async () => {
    const { analysis } = await analyzeText('Skills\nPython, Zorblax, Quantum Widgets\n\nExperience\nBuilt FooDB pipelines with GraphZilla9.');
    expect(analysis.unmappedTerms).toEqual(expect.arrayContaining(['Zorblax', 'Quantum Widgets', 'FooDB', 'GraphZilla9']));
    expect(analysis.unmappedTerms).not.toContain('Python');
  });

  it('is reported with the lexicon version and role', async () => {
    const { analysis } = await analyzeText('Python');
    expect(analysis.lexiconVersion).toBe(lexicon.version);
    expect(analysis.role).toEqual({ id: 'ml-engineer', label: 'Machine Learning Engineer', version: '1.0.0' });
  });
});

describe('docs/analysis.md', () => {
  it('its worked example holds', async () => {
    const { analysis } = await analyzeText('Built PyTorch models in Python and wrote unit tests.');
    expect(analysis.skills.filter((s) => s.present).map((s) => [s.id, s.weight, s.strength])).toEqual([
      ['python', 0.062, 1],
      ['neural-networks', 0.12, 1],
      ['software-engineering', 0.09, 1],
    ]);
    expect(analysis.coverage).toBeCloseTo(0.2716, 3);
    expect(analysis.gap).toBeCloseTo(0.7284, 3);
    expect(analysis.categories.find((c) => c.id === 'ml-concepts')?.coverage).toBe(0.5);
  });
});

describe('keyword stuffing', () => {
  it('counts a term repeated far beyond normal use once, and flags it', async () => {
    const stuffed = `Experience\nBuilt reporting tools.\n${'PyTorch '.repeat(30)}\nSkills\nExcel`;
    const { analysis } = await analyzeText(stuffed);
    expect(analysis.warnings).toEqual([expect.objectContaining({ code: 'keyword-stuffing', term: 'pytorch', count: 30 })]);
    expect(analysis.skills.find((s) => s.id === 'neural-networks')?.evidence).toHaveLength(1);
  });

  it('leaves normal repetition alone', async () => {
    const { analysis } = await analyzeText('Experience\n- Python service.\n- Python tooling.\n- Python tests.\nSkills\nPython');
    expect(analysis.warnings).toEqual([]);
  });
});

describe('the scoring path without noun phrases', () => {
  it('scores every fixture exactly as the full analysis does; only unmappedTerms may lose items', () => {
    const texts = ['plain-cv.txt', 'cv.md', 'ml-engineer-job.md'].map((f) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', f), 'utf8'));
    let lost = 0;
    texts.push('Experience\nBuilt things.\n\nSkills\nPython, PyTorch\nExperiment tracking in Weights and Biases with Feast feature stores for online serving\n');
    for (const text of texts) {
      const extraction: Extraction = { format: 'text', filename: null, pages: null, chars: text.length, text, sections: detectSections(text), quality: { status: 'ok', warnings: [] } };
      const full = analyzeExtraction(extraction, lexicon, nlp, { kind: 'auto' }).analysis;
      const lean = analyzeExtraction(extraction, lexicon, nlp, { kind: 'auto', unmappedNounPhrases: false }).analysis;
      expect({ ...lean, unmappedTerms: [] }).toEqual({ ...full, unmappedTerms: [] });
      // The scoring path of a match, a batch or a webhook job: the same scores, no unmapped terms.
      const scoring = analyzeExtraction(extraction, lexicon, nlp, { kind: 'auto', unmappedTerms: false }).analysis;
      expect(scoring).toEqual({ ...full, unmappedTerms: [] });
      for (const term of lean.unmappedTerms) expect(full.unmappedTerms).toContain(term);
      lost += full.unmappedTerms.length - lean.unmappedTerms.length;
    }
    // The long skills items above hold names only the noun-phrase pass finds.
    expect(lost).toBeGreaterThan(0);
  });
});
