/** Language services the analysis core needs; src/adapters/nlp.ts implements them with natural and compromise. */
export interface NlpPort {
  /** Stem of a lower-case word (Porter), for matching ordinary words across inflections. */
  stem(word: string): string;
  /** Jaro-Winkler similarity in [0, 1], for conservative typo tolerance. */
  similarity(a: string, b: string): number;
  /** Clause spans of each sentence, as offsets into it. Batched: most of the cost is per call. */
  clauses(sentences: string[]): Array<Array<{ start: number; end: number }>>;
  /** Noun phrases of a short text (for reporting terms the lexicon does not know). */
  nounPhrases(text: string): string[];
}
