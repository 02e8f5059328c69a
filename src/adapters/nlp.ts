/**
 * natural and compromise behind the NlpPort. natural is imported by deep paths: its index loads
 * about 1,300 modules and reads ./.env into the environment.
 */
import nlp from 'compromise';
import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import { PorterStemmer } from 'natural/lib/natural/stemmers';
import type { NlpPort } from '../core/analyze/ports';

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
    clauses(sentence) {
      // Tokenize-only mode finds the same clause boundaries at a fifth of the cost of a full parse;
      // line breaks inside a sentence are wrapping, not clause ends (same length keeps offsets).
      const json = nlp.tokenize(sentence.replace(/\n/g, ' ')).clauses().json({ offset: true }) as OffsetJson[];
      return json.map((c) => ({ start: c.offset.start, end: c.offset.start + c.offset.length }));
    },
    nounPhrases(text) {
      return (nlp(text).nouns().out('array') as string[]).map((p) => p.replace(/[.,;:!?]+$/, '').trim()).filter(Boolean);
    },
  };
}
