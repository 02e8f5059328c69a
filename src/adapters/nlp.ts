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
        json = nlp.tokenize(joined).clauses().json({ offset: true }) as OffsetJson[];
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
