/**
 * Analysis core benchmark: text in, scores out (extracted text → mentions → context → scores),
 * measured in-process on one core. Also how time grows with text length and lexicon size.
 */
import { performance } from 'node:perf_hooks';
import { readLexiconSource } from '../src/adapters/lexicon-files';
import { createNlp } from '../src/adapters/nlp';
import { DEFAULT_LEXICON_DIR } from '../src/main/paths';
import { analyzeExtraction, type AnalysisStage } from '../src/core/4-analyze/analyze';
import type { NlpPort } from '../src/core/0-base/nlp-port';
import type { Extraction } from '../src/core/1-text/schema';
import { detectSections } from '../src/core/1-text/sections';
import { MAX_TEXT_CHARS } from '../src/core/1-text/document-text';
import { compileLexicon, type CompiledLexicon, type LexiconSource } from '../src/core/2-lexicon/compile';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProfileShares } from './profile';
import { round, spread, type Spread } from './stats';

export interface AnalysisBench {
  words: number;
  oneK: Spread;
  docsPerSecond: number;
  byLength: Array<{ words: number; chars: number; ms: Spread; msPerKWords: number }>;
  /**
   * Cost per word of the longest text the service reads (MAX_TEXT_CHARS), against the 1,000-word
   * CV's: the text at the cap and as many 1,000-word analyses as it has copies, timed alternately.
   */
  atCapPerWord: number;
  /** The two sides of atCapPerWord (ms): one analysis of the text at the cap, and its copies' worth of 1,000-word analyses. */
  atCapPair: { atCap: Spread; oneKCopies: Spread; copies: number };
  byLexicon: Array<{ terms: number; ms: Spread }>;
  lexiconGrowth: number;
  /** The same 1,000-word analysis with compromise's passes (clauses, noun phrases) stubbed: what they cost. */
  withoutCompromise: Spread;
  /** The 1,000-word analysis as /v1/analyze runs it: with the noun phrases of unmapped terms. */
  full: Spread;
  /** Where the scoring path's time goes, stage by stage, on the 1,000-word CV. */
  stages: Array<{ stage: string; ms: number }>;
  /** The same analyses under V8's CPU profiler: time inside regular expressions, garbage collection and each file's code. */
  profile: ProfileShares;
}

function asExtraction(text: string): Extraction {
  return { format: 'text', filename: null, pages: null, chars: text.length, text, sections: detectSections(text), quality: { status: 'ok', warnings: [] } };
}

/** The stage that applies the context rules, as the analysis names it. */
export const CONTEXT_STAGE: AnalysisStage = 'context and evidence';

/**
 * What the analysis would take if the context rules cost nothing: every other stage's median,
 * summed. Set against the target, it says whether rewriting those rules alone could meet it.
 */
export function withoutContextMs(stages: ReadonlyArray<{ stage: string; ms: number }>): number {
  return round(stages.reduce((sum, s) => (s.stage === CONTEXT_STAGE ? sum : sum + s.ms), 0), 3);
}

/** Deterministic pseudo-words, so the synthetic lexicon is the same on every run. */
function* pseudoWords(seed: number): Generator<string> {
  let x = seed;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    let word = '';
    let y = x;
    const length = 5 + (y % 6);
    for (let i = 0; i < length; i++) {
      word += letters[y % 26];
      y = Math.floor(y / 26) + i * 7919;
    }
    yield word;
  }
}

/** The real lexicon plus (factor - 1) × as many synthetic terms of one to three words. */
export function scaledLexicon(factor: number, nlp: NlpPort): CompiledLexicon {
  const source: LexiconSource = readLexiconSource(DEFAULT_LEXICON_DIR);
  const real = compileLexicon(source, nlp);
  const words = pseudoWords(42);
  const skills = [...real.skills.keys()];
  const terms = [];
  for (let i = 0; i < real.terms.length * (factor - 1); i++) {
    const size = 1 + (i % 3);
    // The index, written in letters, keeps every label unique.
    const tag = i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q');
    const label = [`${words.next().value as string}${tag}`, ...Array.from({ length: size - 1 }, () => words.next().value as string)].join(' ');
    terms.push({ id: `synthetic-${i}`, label, skills: { [skills[i % skills.length] as string]: 0.5 }, kind: i % 2 ? 'phrase' : 'technology' });
  }
  const manifest = source.manifest as { termFiles: string[] };
  return compileLexicon(
    {
      ...source,
      manifest: { ...manifest, termFiles: [...manifest.termFiles, 'synthetic.yaml'] },
      termFiles: [...source.termFiles, { path: 'synthetic.yaml', data: { terms } }],
    },
    nlp,
  );
}

/** Times two functions alternately, so machine noise and drift hit both alike. */
function timePair(a: () => unknown, b: () => unknown, runs: number, warm: number): [Spread, Spread] {
  for (let i = 0; i < warm; i++) {
    a();
    b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    sa.push(performance.now() - t);
    t = performance.now();
    b();
    sb.push(performance.now() - t);
  }
  return [spread(sa), spread(sb)];
}

function time(fn: () => unknown, runs: number, warm: number): Spread {
  for (let i = 0; i < warm; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return spread(samples);
}

/** Where the scoring path's time goes: the median of each stage over many analyses, as the analysis itself times them. */
function stageTimes(extraction: Extraction, lexicon: CompiledLexicon, nlp: NlpPort): Array<{ stage: string; ms: number }> {
  const samples = new Map<string, number[]>();
  const onStage = (stage: string, ms: number): void => {
    const list = samples.get(stage) ?? [];
    list.push(ms);
    samples.set(stage, list);
  };
  for (let i = 0; i < 50; i++) analyzeExtraction(extraction, lexicon, nlp, { kind: 'cv', unmappedTerms: false });
  for (let i = 0; i < 300; i++) analyzeExtraction(extraction, lexicon, nlp, { kind: 'cv', unmappedTerms: false, onStage });
  return [...samples].map(([stage, ms]) => ({ stage, ms: round(spread(ms).median, 3) }));
}

/** The analysis's CPU profile, taken in a process of its own (profile-analysis.ts). */
function profileOf(text: string): ProfileShares {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skillmatch-profile-'));
  try {
    const file = path.join(dir, 'cv.txt');
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [path.join(__dirname, 'profile-analysis.js'), file], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) throw new Error(`profiling the analysis failed: ${run.stderr || run.error?.message || `status ${run.status}`}`);
    return JSON.parse(run.stdout) as ProfileShares;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `oneK` is a CV of about 1,000 words; longer texts are distinct copies (numbered lines). */
export function benchAnalysis(oneKText: string): AnalysisBench {
  const nlp = createNlp();
  const lexicon = scaledLexicon(1, nlp);
  const words = oneKText.split(/\s+/).filter(Boolean).length;
  const longer = (copies: number): string =>
    Array.from({ length: copies }, (_, c) => oneKText.split('\n').map((line) => (line.trim() ? `${line} ${c}` : line)).join('\n')).join('\n\n');
  // The scoring path, as a match, a batch or a webhook job runs it (no unmapped terms).
  const analyse = (extraction: Extraction, lex: CompiledLexicon, port: NlpPort = nlp) => analyzeExtraction(extraction, lex, port, { kind: 'cv', unmappedTerms: false });
  const run = (text: string, lex: CompiledLexicon, runs: number, warm: number): Spread => {
    const extraction = asExtraction(text);
    return time(() => analyse(extraction, lex), runs, warm);
  };
  const oneK = run(oneKText, lexicon, 300, 50);
  // 1k, 10k, as many copies as fit under the service's text cap, and 100k words (past the cap).
  let atCap = Math.floor(MAX_TEXT_CHARS / longer(1).length);
  while (atCap > 1 && longer(atCap).length > MAX_TEXT_CHARS) atCap--;
  // The machine's speed drifts over the minutes the rows below take: the cost per word at the cap
  // is set against the same number of words in 1,000-word analyses, timed alternately, and the
  // cap's row is that timing.
  const capExtraction = asExtraction(longer(atCap));
  const oneKExtraction = asExtraction(oneKText);
  const [capMs, oneKCopiesMs] = timePair(
    () => analyse(capExtraction, lexicon),
    () => {
      for (let i = 0; i < atCap; i++) analyse(oneKExtraction, lexicon);
    },
    8,
    2,
  );
  const byLength = [1, 10, atCap, 100].map((copies) => {
    const ms = copies === 1 ? oneK : copies === atCap ? capMs : run(longer(copies), lexicon, copies === 10 ? 40 : 8, copies === 10 ? 5 : 2);
    return { words: words * copies, chars: longer(copies).length, ms, msPerKWords: round(ms.median / copies, 3) };
  });
  const noCompromise: NlpPort = { ...nlp, clauses: (sentences) => sentences.map((s) => [{ start: 0, end: s.length }]), nounPhrases: () => [] };
  const [, withoutCompromise] = timePair(
    () => analyse(oneKExtraction, lexicon),
    () => analyse(oneKExtraction, lexicon, noCompromise),
    300,
    50,
  );
  const full = time(() => analyzeExtraction(oneKExtraction, lexicon, nlp, { kind: 'cv' }), 100, 20);
  const tenX = scaledLexicon(10, nlp);
  const [base, big] = timePair(
    () => analyse(oneKExtraction, lexicon),
    () => analyse(oneKExtraction, tenX),
    300,
    50,
  );
  return {
    words,
    oneK,
    docsPerSecond: round(1000 / oneK.median, 0),
    byLength,
    atCapPerWord: round(capMs.median / (oneKCopiesMs.median || 1), 2),
    atCapPair: { atCap: capMs, oneKCopies: oneKCopiesMs, copies: atCap },
    byLexicon: [
      { terms: lexicon.terms.length, ms: base },
      { terms: tenX.terms.length, ms: big },
    ],
    lexiconGrowth: round(big.median / base.median, 2),
    withoutCompromise,
    full,
    stages: stageTimes(oneKExtraction, lexicon, nlp),
    profile: profileOf(oneKText),
  };
}
