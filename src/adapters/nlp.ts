/**
 * natural and compromise behind the NlpPort. natural is imported by deep paths: its index loads
 * about 1,300 modules and reads ./.env into the environment.
 */
import nlp from 'compromise';
import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import { PorterStemmer } from 'natural/lib/natural/stemmers';
import type { NlpPort } from '../core/0-base/nlp-port';

const STEM_CACHE_LIMIT = 100_000;

interface OffsetJson {
  text: string;
  offset: { start: number; length: number };
}

type Doc = ReturnType<typeof nlp.tokenize>;
/** What the clause split hands back: a view whose JSON gives each clause's offsets. */
interface ClauseView {
  json(options: { offset: boolean }): unknown;
}

/**
 * compromise's clause split (`doc.clauses()`) as it runs on a tokenize-only document: every rule
 * of it that needs part-of-speech tags (verbs around "but", quotations, parentheses, places and
 * dates around commas, "he said") can never fire without the tagger, so only the rules that read
 * words and punctuation are run here, in one pass per kind. Same clauses, a fraction of the passes;
 * tests/unit/clauses.test.ts checks the two agree on a corpus of sentences.
 */
export function tokenizedClauses(doc: Doc): ClauseView {
  const commas = doc.match('@hasComma').filter((m) => {
    // not after a sentence's first or last word; not inside a list ("a, b, c", ", and")
    if (m.growLeft('.').wordCount() === 1) return false;
    if (m.growRight('. .').wordCount() === 1) return false;
    return m.grow('.').ifNo('@hasComma @hasComma').ifNo('@hasComma (and|or) .').found;
  });
  let found = doc.splitAfter(commas);
  found = found.splitAfter('(@hasEllipses|@hasSemicolon|@hasDash|@hasColon)');
  found = found.splitBefore('. . if .{4}');
  found = found.splitBefore('(and while|now that|ever since|supposing|although|even while|even if|even though|whereas|whose|as though|as if|til|until)');
  return found.splitBefore(found.if('if .{2,9} then .').match('then'));
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
      let json: OffsetJson[];
      try {
        json = tokenizedClauses(nlp.tokenize(joined)).json({ offset: true }) as OffsetJson[];
      } catch {
        // A library failure must not fail the document: each sentence is then one clause.
        return sentences.map((s) => [{ start: 0, end: s.length }]);
      }
      const result: Array<Array<{ start: number; end: number }>> = sentences.map(() => []);
      let index = 0;
      for (const c of json) {
        while (index + 1 < starts.length && c.offset.start >= (starts[index + 1] ?? Infinity)) index++;
        const base = starts[index] ?? 0;
        result[index]?.push({ start: c.offset.start - base, end: c.offset.start - base + c.offset.length });
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
