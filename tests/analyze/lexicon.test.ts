import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLexiconSource } from '../../src/adapters/lexicon-files';
import { DEFAULT_LEXICON_DIR } from '../../src/main/paths';
import { compileLexicon, LexiconError, SKILL_CONTRACT } from '../../src/core/2-lexicon/compile';
import { lexiconWarnings } from '../../src/core/2-lexicon/lint';
import { acceptedTerms, analyzeText, lexicon, nlp } from './support';
import { analyzeExtraction } from '../../src/core/4-analyze/analyze';
import { extractDocument } from '../../src/core/1-text/document-text';

describe('the lexicon data', () => {
  it('compiles without warnings and is versioned by its content', () => {
    expect(lexiconWarnings(lexicon)).toEqual([]);
    expect(lexicon.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  });

  it('lists every one-word industry known from the inside as an industry worked in too', () => {
    // The two entries keep one list in two context fields (words after "worked in"; the industry
    // named after "experience in"); this keeps them in step.
    const term = (id: string) => lexicon.terms.find((t) => t.entry.id === id);
    const industry = term('industry-experience');
    const workedIn = term('worked-in-industry');
    const oneWord = [industry?.entry.label ?? '', ...(industry?.entry.aliases ?? [])].map((a) => a.toLowerCase()).filter((a) => a && !a.includes(' '));
    expect(oneWord.length).toBeGreaterThan(20);
    expect(oneWord.filter((w) => !workedIn?.after?.has(w))).toEqual([]);
  });

  it('holds at least 600 terms, each with id, label, aliases and skills with strengths', () => {
    expect(lexicon.terms.length).toBeGreaterThanOrEqual(600);
    for (const { entry } of lexicon.terms) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(entry.label.length).toBeGreaterThan(0);
      expect(Array.isArray(entry.aliases)).toBe(true);
      for (const strength of Object.values(entry.skills)) expect(strength).toBeGreaterThan(0);
    }
  });

  it('keeps the 19-skill contract of the role model, with weights summing to one', () => {
    const categories = Object.fromEntries(lexicon.role.categories.map((c) => [c.id, c.skills.map((s) => s.id)]));
    for (const [category, skills] of Object.entries(SKILL_CONTRACT)) expect(categories[category]).toEqual(expect.arrayContaining([...skills]));
    expect([...lexicon.skills.keys()]).toHaveLength(19);
    const total = [...lexicon.skills.values()].reduce((sum, s) => sum + s.weight, 0);
    expect(total).toBeCloseTo(1, 6);
    for (const category of lexicon.role.categories) {
      expect(category.rationale.length).toBeGreaterThan(10);
      for (const skill of category.skills) expect(skill.rationale.length).toBeGreaterThan(10);
    }
  });

  it('gives every skill terms to be evidenced by', () => {
    for (const skill of lexicon.skills.keys()) {
      expect({ skill, terms: lexicon.terms.filter((t) => skill in t.entry.skills).length > 5 }).toEqual({ skill, terms: true });
    }
  });

  it.each([
    ['PyTorch', 'neural-networks'], ['TensorFlow', 'neural-networks'], ['backpropagation', 'neural-networks'],
    ['OpenCV', 'computer-vision'], ['object detection', 'computer-vision'], ['YOLO', 'computer-vision'],
    ['BERT', 'nlp'], ['tokenisation', 'nlp'], ['named entity recognition', 'nlp'],
    ['ASR', 'audio-speech'], ['Kaldi', 'audio-speech'], ['wav2vec', 'audio-speech'],
    ['PPO', 'reinforcement-learning'], ['Q-learning', 'reinforcement-learning'], ['policy gradient', 'reinforcement-learning'],
    ['scikit-learn', 'learning-algorithms'], ['XGBoost', 'learning-algorithms'], ['SVM', 'learning-algorithms'], ['gradient boosting', 'learning-algorithms'],
    ['hypothesis testing', 'statistics'], ['Bayesian inference', 'statistics'], ['SVD', 'linear-algebra'], ['eigenvalues', 'linear-algebra'],
    ['stakeholders', 'business-knowledge'], ['ROI', 'business-knowledge'], ['domain expertise', 'business-knowledge'],
    ['met deadlines', 'time-management'], ['prioritised', 'time-management'], ['A/B tests', 'idea-iteration'], ['rapid prototyping', 'idea-iteration'],
    ['CI/CD', 'software-engineering'], ['code review', 'software-engineering'], ['microservices', 'software-engineering'],
    ['feature engineering', 'data-science'], ['data pipelines', 'data-science'], ['pandas', 'data-science'],
  ])('"%s" evidences %s', async (text, skill) => {
    const { analysis } = await analyzeText(`Skills\n${text}`);
    expect(analysis.skills.find((s) => s.id === skill)?.evidence.length).toBeGreaterThan(0);
  });

  it('PyTorch evidences neural networks strongly and Python weakly', () => {
    const pytorch = lexicon.terms.find((t) => t.entry.id === 'pytorch');
    expect(pytorch?.entry.skills).toEqual({ 'neural-networks': 1, python: 0.5 });
  });

  it('tokenisation keeps C++, C#, .NET, Node.js, scikit-learn, A/B and CI/CD whole', async () => {
    const terms = (await acceptedTerms('Skills\nC++, C#, .NET, Node.js, scikit-learn, A/B testing, CI/CD')).map((t) => t.split(':')[0]);
    expect(terms).toEqual(['cpp', 'csharp', 'dotnet', 'nodejs', 'scikit-learn', 'ab-testing', 'ci-cd']);
  });

  it('matches inflections of phrases through stems, and spelling variants', async () => {
    const terms = (await acceptedTerms('Prioritized the backlog. Meeting deadlines matters. Collaborated with designers. Tokenizes text.')).map((t) => t.split(':')[0]);
    expect(terms).toEqual(expect.arrayContaining(['prioritisation', 'meet-deadlines', 'collaboration', 'tokenisation']));
  });

  it('tolerates a typo in a long capitalised name, conservatively', async () => {
    expect(await acceptedTerms('Trained models in Pytroch.')).toContain('pytorch:normal');
    expect(await acceptedTerms('Shipping on seaborne freight.')).toEqual([]);
  });
});

/** Temporary copies of the lexicon, removed when the file's tests end. */
const lexiconCopies: string[] = [];
afterAll(() => {
  for (const dir of lexiconCopies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped lexicon in a temporary folder, to edit. */
function lexiconCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
  lexiconCopies.push(dir);
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
  return dir;
}

/** Copies the lexicon to a temporary folder, applies an edit to one file, and compiles it. */
function compileEdited(file: string, edit: (text: string) => string): LexiconError {
  const dir = lexiconCopy();
  const full = path.join(dir, file);
  writeFileSync(full, edit(readFileSync(full, 'utf8')));
  try {
    compileLexicon(readLexiconSource(dir), nlp);
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
  throw new Error('the edited lexicon compiled');
}

describe('lexicon errors say how to fix the file', () => {
  it('a duplicate alias across entries', () => {
    const error = compileEdited('terms/ml-concepts.yaml', (t) => t.replace('label: Keras,', 'label: Keras, aliases: [PyTorch],'));
    expect(error.problems[0]?.message).toMatch(/form "PyTorch" matches the same words as "PyTorch" of term "pytorch".*keep it in one entry/);
  });

  it('an unknown skill id', () => {
    const error = compileEdited('terms/ml-concepts.yaml', (t) => t.replace('skills: { learning-algorithms: 1 } }', 'skills: { learning-algorithm: 1 } }'));
    expect(error.problems.some((p) => /unknown skill id "learning-algorithm": use one of/.test(p.message))).toBe(true);
  });

  it('a strongerWith strength no greater than the term\'s own, and an unknown skill in it', () => {
    const weaker = compileEdited('terms/subdisciplines.yaml', (t) => t.replace('skills: { nlp: 0.8, neural-networks: 0.6 } }, note: \'As large', 'skills: { nlp: 0.5, neural-networks: 0.6 } }, note: \'As large'));
    expect(weaker.problems.some((p) => /strongerWith gives "nlp" 0.5, not more than the term's own 0.5: raise it/.test(p.message))).toBe(true);
    const unknown = compileEdited('terms/subdisciplines.yaml', (t) => t.replace('skills: { nlp: 0.8, neural-networks: 0.6 } }, note: \'As large', 'skills: { nlpp: 0.8 } }, note: \'As large'));
    expect(unknown.problems.some((p) => /unknown skill id "nlpp"/.test(p.message))).toBe(true);
  });

  it('a role missing a promised skill', () => {
    const error = compileEdited('roles/ml-engineer.yaml', (t) => t.replace('id: calculus', 'id: calculus-and-analysis'));
    expect(error.problems.some((p) => /skill "calculus" is missing from category "basic-technical": the API promises it/.test(p.message))).toBe(true);
  });

  it('weights that do not sum to one', () => {
    const error = compileEdited('roles/ml-engineer.yaml', (t) => t.replace('weight: 0.28', 'weight: 0.3'));
    expect(error.problems.some((p) => /category weights sum to 1.020: make them sum to 1/.test(p.message))).toBe(true);
  });

  it('an advice part whose words are not single lower-case words', () => {
    const error = compileEdited('roles/ml-engineer.yaml', (t) => t.replace('shownBy: [[stakeholder, stakeholders,', "shownBy: [['key accounts', stakeholders,"));
    expect(error.problems.some((p) => /adviceParts.*shownBy/.test(p.where) && /one lower-case word as written in documents/.test(p.message))).toBe(true);
  });

  it('a schema error names the term and the field', () => {
    const error = compileEdited('terms/ml-concepts.yaml', (t) => t.replace('{ id: xgboost, label: XGBoost,', '{ id: xgboost, label: XGBoost, colour: red,'));
    expect(error.problems[0]?.where).toMatch(/^terms\/ml-concepts\.yaml: terms\[\d+\]$/);
    expect(error.problems[0]?.message).toMatch(/colour.*term "xgboost"/);
  });

  it('an undefined context preset', () => {
    const error = compileEdited('terms/soft-skills.yaml', (t) => t.replace('context: deadlines }', 'context: deadline }'));
    expect(error.problems.some((p) => /context preset "deadline" is not defined: add it under "contexts:"/.test(p.message))).toBe(true);
  });

  it('a placeholder that names no class of words', () => {
    const error = compileEdited('terms/soft-skills.yaml', (t) => t.replace("after: ['@money']", "after: ['@cash']"));
    expect(error.problems.some((p) => /starts with "@" stands for a class of words: use one of @people, @money/.test(p.message))).toBe(true);
  });

  it('orFollowedBy without the before list it offers another way to meet', () => {
    const error = compileEdited('terms/soft-skills.yaml', (t) => t.replace(/before: \[[^\]]*\], orFollowedBy:/, 'orFollowedBy:'));
    expect(error.problems.some((p) => /orFollowedBy offers another way to meet `before`: give the term a `before` list too/.test(p.message))).toBe(true);
  });

  it('a context word of two words, which a token-by-token check could never find', () => {
    const error = compileEdited('terms/ml-concepts.yaml', (t) => t.replace('exclude: [power, electrical,', 'exclude: [power plant, electrical,'));
    expect(error.problems.some((p) => /a context word is one word/.test(p.message))).toBe(true);
  });

  it('a context word YAML reads as another value (null, true, a number) names the list and says to quote it', () => {
    const error = compileEdited('terms/ml-concepts.yaml', (t) => t.replace('exclude: [power, electrical,', 'exclude: [power, null, electrical,'));
    expect(error.problems.some((p) => /exclude\[1\]: a context word is a string: YAML read this one as another value/.test(`${p.where}: ${p.message}`))).toBe(true);
    const inTerm = compileEdited('terms/soft-skills.yaml', (t) => t.replace('notPrecededBy: [missing, empty,', 'notPrecededBy: [missing, true, empty,'));
    expect(inTerm.problems.some((p) => /notPrecededBy\[1\]: a context word is a string: .*put it in quotes/.test(p.message) && /term "delivery-dates"/.test(p.message))).toBe(true);
  });

  it('YAML syntax errors name the file', () => {
    const error = compileEdited('terms/nlp.yaml'.replace('nlp', 'subdisciplines'), (t) => `${t}\n  - { id: broken, label: [unclosed\n`);
    expect(error.problems[0]?.where).toBe('terms/subdisciplines.yaml');
    expect(error.problems[0]?.message).toMatch(/YAML syntax error/);
  });

  it('a key written twice in one entry is a YAML error with its line, not a silent overwrite', () => {
    const error = compileEdited('terms/subdisciplines.yaml', (t) => `${t}\n  - { id: twice-keyed, label: kettle descaling, label: descaling, skills: { nlp: 0.5 } }\n`);
    expect(error.problems[0]?.where).toBe('terms/subdisciplines.yaml');
    expect(error.problems[0]?.message).toMatch(/YAML syntax error: duplicated mapping key[^]*\(\d+:\d+\)/);
  });
});

describe('lexicon files are read as YAML 1.2 core', () => {
  it('reads a date, a version and yes/no as written, and true, null and numbers as their values', () => {
    const dir = lexiconCopy();
    writeFileSync(
      path.join(dir, 'terms', 'subdisciplines.yaml'),
      `${readFileSync(path.join(dir, 'terms', 'subdisciplines.yaml'), 'utf8')}\n  - { id: read-as-written, label: kettle descaling, note: 2031-02-03, aliases: [1.10, yes, no, on], skills: { nlp: 0.5 }, ambiguous: true, sense: null }\n`,
    );
    const file = readLexiconSource(dir).termFiles.find((f) => f.path === 'terms/subdisciplines.yaml');
    const terms = (file?.data as { terms: Array<Record<string, unknown>> }).terms;
    const added = terms.find((t) => t.id === 'read-as-written');
    expect(added).toEqual({ id: 'read-as-written', label: 'kettle descaling', note: '2031-02-03', aliases: [1.1, 'yes', 'no', 'on'], skills: { nlp: 0.5 }, ambiguous: true, sense: null });
  });
});

describe('advice parts come from the lexicon the analysis is given', () => {
  it('two compiled lexicons with different advice words each use their own', async () => {
    const dir = lexiconCopy();
    const role = path.join(dir, 'roles', 'ml-engineer.yaml');
    writeFileSync(role, readFileSync(role, 'utf8').replace('shownBy: [[stakeholder, stakeholders,', 'shownBy: [[underwriters, stakeholder, stakeholders,'));
    const edited = compileLexicon(readLexiconSource(dir), nlp);
    const text = 'Built the dashboards the underwriters open every morning.';
    const { analysis: withDefault } = await analyzeText(text, 'cv');
    const extraction = await extractDocument(Buffer.from(text), { readPdf: () => Promise.reject(new Error('not used')), readDocx: () => Promise.reject(new Error('not used')), htmlToText: (h) => ({ text: h, truncated: false }), markdownToHtml: (m) => m }, { filename: 'cv.txt', maxPages: 30 });
    const withEdited = analyzeExtraction(extraction, edited, nlp, { kind: 'cv' }).analysis;
    const { analysis: againDefault } = await analyzeText(text, 'cv');
    const shownParts = (a: typeof withDefault) => a.gaps.find((g) => g.id === 'business-knowledge')?.alreadyShown?.map((s) => s.part) ?? [];
    expect(shownParts(withEdited)).toEqual(['stakeholders served']);
    expect(shownParts(withDefault)).toEqual([]);
    expect(shownParts(againDefault)).toEqual([]);
  });
});
