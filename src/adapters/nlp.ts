/**
 * natural and compromise behind the NlpPort. natural is imported by deep paths: its index loads
 * about 1,300 modules and reads ./.env into the environment.
 */
import nlp from 'compromise';
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { NlpPort } from '../core/0-base/nlp-port';

const STEM_CACHE_LIMIT = 100_000;


/** A term of compromise's tokenizer, as its document holds it (offsets computed on request). */
interface Term {
  text: string;
  pre: string;
  post: string;
  normal: string;
  offset?: { start: number; length: number };
}

const DASH = / [-–—]{1,3} /;
/** Clause openers: compromise splits before these (one or two words). */
const OPENERS: ReadonlyArray<readonly string[]> = [
  ['and', 'while'], ['now', 'that'], ['ever', 'since'], ['supposing'], ['although'], ['even', 'while'], ['even', 'if'], ['even', 'though'],
  ['whereas'], ['whose'], ['as', 'though'], ['as', 'if'], ['til'], ['until'],
];

/**
 * compromise's clause split (`doc.clauses()`) as it runs on a tokenize-only document, over its
 * terms directly. Its rules that need part-of-speech tags (verbs around "but", quotations,
 * parentheses, places and dates around commas, "he said") can never fire without the tagger, so
 * only the rules that read words and punctuation are kept, with compromise's semantics: a comma
 * ends a clause unless it is in a list or next to a sentence's first or last words; "; : … –" end
 * one; two words before an "if" with four after, the openers above, and "then" after "if" start
 * one. Returns each clause's start and end in the text. tests/unit/clauses.test.ts checks that
 * they agree with compromise's own `clauses()` on a corpus of sentences.
 */
export function tokenizedClauses(text: string): Array<{ start: number; end: number }> {
  const doc = nlp.tokenize(text);
  doc.compute('offset');
  const out: Array<{ start: number; end: number }> = [];
  for (const sentence of (doc as unknown as { document: Term[][] }).document) {
    for (const [from, to] of clauseRanges(sentence)) {
      const first = sentence[from];
      const last = sentence[to - 1];
      if (!first?.offset || !last?.offset) continue;
      // The clause ends with its last word's punctuation, without the white space after it.
      let end = last.offset.start + last.offset.length + last.post.length;
      while (end > first.offset.start && /\s/.test(text[end - 1] ?? '')) end--;
      out.push({ start: first.offset.start, end });
    }
  }
  return out;
}

/** The clauses of one sentence as [from, to) term ranges. */
function clauseRanges(terms: Term[]): Array<[number, number]> {
  const n = terms.length;
  const words = (from: number, to: number): number => {
    let count = 0;
    for (let k = Math.max(0, from); k <= Math.min(n - 1, to); k++) if (terms[k]?.text !== '') count++;
    return count;
  };
  const comma = (k: number): boolean => (terms[k]?.post ?? '').includes(',');
  // Commas, over the whole sentence.
  const cuts = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (!comma(i)) continue;
    if (words(i > 0 ? i - 1 : i, i) === 1) continue; // nothing before it
    if (words(i, i + 2 <= n - 1 ? i + 2 : i) === 1) continue; // fewer than two words after it
    const lo = Math.max(0, i - 1);
    const hi = Math.min(n - 1, i + 1);
    let list = false;
    for (let k = lo; k < hi; k++) if (comma(k) && comma(k + 1)) list = true;
    for (let k = lo; k + 2 <= hi; k++) if (comma(k) && /^(?:and|or)$/.test(terms[k + 1]?.normal ?? '')) list = true;
    if (!list) cuts.add(i + 1);
  }
  let views = split([[0, n]], cuts);
  // Ellipses, semicolons, colons and spaced dashes end a clause.
  const after = new Set<number>();
  for (let k = 0; k < n; k++) {
    const t = terms[k];
    if (!t) continue;
    if (/\.\.|…|;|:/.test(t.post) || DASH.test(t.post) || DASH.test(t.pre)) after.add(k + 1);
  }
  views = split(views, after);
  // ". . if .{4}": the clause starts two words before such an "if".
  const ifs = new Set<number>();
  for (const [from, to] of views) {
    for (let p = from; p + 6 < to; p++) {
      if (terms[p + 2]?.normal === 'if') {
        ifs.add(p);
        p += 6;
      }
    }
  }
  views = split(views, ifs);
  // The openers start a clause.
  const openers = new Set<number>();
  for (const [from, to] of views) {
    for (let p = from; p < to; p++) {
      const found = OPENERS.find((words) => p + words.length <= to && words.every((w, k) => terms[p + k]?.normal === w));
      if (found) {
        openers.add(p);
        p += found.length - 1;
      }
    }
  }
  views = split(views, openers);
  // "if … then": every "then" of such a clause starts one.
  const thens = new Set<number>();
  for (const [from, to] of views) {
    let conditional = false;
    for (let p = from; p < to && !conditional; p++) {
      if (terms[p]?.normal !== 'if') continue;
      for (let q = p + 3; q <= p + 10 && q + 1 < to; q++) if (terms[q]?.normal === 'then') conditional = true;
    }
    if (conditional) for (let q = from; q < to; q++) if (terms[q]?.normal === 'then') thens.add(q);
  }
  return split(views, thens);
}

/** Cuts ranges before the given term indices (a cut at a range's start changes nothing). */
function split(views: Array<[number, number]>, cuts: ReadonlySet<number>): Array<[number, number]> {
  if (cuts.size === 0) return views;
  const out: Array<[number, number]> = [];
  for (const [from, to] of views) {
    let start = from;
    for (let k = from + 1; k < to; k++) {
      if (cuts.has(k)) {
        out.push([start, k]);
        start = k;
      }
    }
    out.push([start, to]);
  }
  return out;
}

export function createNlp(): NlpPort {
  const stems = new Map<string, string>();
  return {
    stem(word) {
      let stem = stems.get(word);
      if (stem === undefined) {
        stem = PorterStemmer.stem(word);
        if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
        stems.set(word, stem);
      }
      return stem;
    },
    similarity(a, b) {
      return JaroWinklerDistance(a, b, {});
    },
    clauses(sentences) {
      if (sentences.length === 0) return [];
      // One call for all sentences (compromise's cost is mostly per call), one per line. Tokenize-
      // only mode finds the same clause boundaries as a full parse at a fraction of the cost; line
      // breaks inside a sentence are wrapping, not clause ends (same length keeps offsets).
      const starts: number[] = [];
      let at = 0;
      for (const s of sentences) {
        starts.push(at);
        at += s.length + 1;
      }
      // compromise 14's clause pass throws on parentheses in tokenize-only mode (a fuzzing finding,
      // fixtures/fuzz/). A parenthesis bounds a clause as a comma does: " (" becomes ", ", "),"
      // becomes ", ", any other one a comma. Each swap keeps the length, so every offset holds.
      const asCommas = (s: string): string => s.replace(/ \(/g, ', ').replace(/\)([,.;:])/g, '$1 ').replace(/[()]/g, ',');
      const joined = sentences.map((s) => asCommas(s.replace(/\n/g, ' '))).join('\n');
      let clauses: Array<{ start: number; end: number }>;
      try {
        clauses = tokenizedClauses(joined);
      } catch {
        // A library failure must not fail the document: each sentence is then one clause.
        return sentences.map((s) => [{ start: 0, end: s.length }]);
      }
      const result: Array<Array<{ start: number; end: number }>> = sentences.map(() => []);
      let index = 0;
      for (const c of clauses) {
        while (index + 1 < starts.length && c.start >= (starts[index + 1] ?? Infinity)) index++;
        const base = starts[index] ?? 0;
        result[index]?.push({ start: c.start - base, end: c.end - base });
      }
      return result;
    },
    nounPhrases(text) {
      try {
        return (nlp(text).nouns().out('array') as string[]).map((p) => p.replace(/[.,;:!?]+$/, '').trim()).filter(Boolean);
      } catch {
        // Noun phrases only add to unmappedTerms: without them the analysis is still whole.
        return [];
      }
    },
  };
}
