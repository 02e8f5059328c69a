/**
 * Answers kept per word and per owner (a lexicon, one of its entries, an NLP port): documents
 * repeat their words, and the vocabulary of CVs and job ads is small, so these stay warm across
 * documents. A cache that grows past the limit starts again.
 */
export const WORD_CACHE_LIMIT = 200_000;

export function perWord<Owner extends object, Answer>(caches: WeakMap<Owner, Map<string, Answer>>, owner: Owner, word: string, answer: () => Answer): Answer {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  let found = cache.get(word);
  if (found === undefined) {
    found = answer();
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, found);
  }
  return found;
}
