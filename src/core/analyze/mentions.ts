import type { CompiledLexicon, CompiledTerm, MatchRule, TrieNode } from '../lexicon/compile';
import { stemKey } from '../lexicon/compile';
import type { NlpPort } from './ports';
import type { Token } from './tokenize';

/** A span of text that matches a lexicon form. Indices refer to the token array. */
export interface Mention {
  term: CompiledTerm;
  form: string;
  rule: MatchRule | 'fuzzy';
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
}

const RULE_RANK: Record<MatchRule, number> = { case: 3, exact: 2, stem: 1 };

/** Stem keys by word, per lexicon: the vocabulary of CVs is small, so this stays warm. */
const stemKeyCaches = new WeakMap<CompiledLexicon, Map<string, string | null>>();
const STEM_KEY_CACHE_LIMIT = 200_000;

export function cachedStemKey(lower: string, lexicon: CompiledLexicon, nlp: NlpPort): string | null {
  let cache = stemKeyCaches.get(lexicon);
  if (!cache) {
    cache = new Map();
    stemKeyCaches.set(lexicon, cache);
  }
  let key = cache.get(lower);
  if (key === undefined) {
    key = stemKey(lower, nlp);
    if (cache.size >= STEM_KEY_CACHE_LIMIT) cache.clear();
    cache.set(lower, key);
  }
  return key;
}

/** The trie keys a text token can take: case-exact, lower-case (also without a plural s), stem. */
function keysOf(token: Token, lexicon: CompiledLexicon, nlp: NlpPort): string[] {
  const keys = [`c${token.text}`, `e${token.lower}`];
  if (token.lower.length > 3 && token.lower.endsWith('s')) keys.push(`e${token.lower.slice(0, -1)}`);
  if (lexicon.stemPrefixes.has(token.lower.slice(0, 3))) {
    const key = cachedStemKey(token.lower, lexicon, nlp);
    if (key) keys.push(key);
  }
  return keys;
}

interface Walk {
  tokens: Token[];
  keysAt(i: number): string[];
  best: { node: TrieNode; last: number } | null;
}

/** Depth-first over the (at most four) keys per token; the trie is shallow. */
function walk(w: Walk, node: TrieNode, at: number): void {
  let j = at;
  while (w.tokens[j]?.type === 'joiner') j++;
  if (w.tokens[j]?.type !== 'word') return;
  for (const key of w.keysAt(j)) {
    const next = node.next.get(key);
    if (!next) continue;
    if (next.term) {
      const best = w.best;
      if (!best || j > best.last || (j === best.last && RULE_RANK[next.rule ?? 'stem'] > RULE_RANK[best.node.rule ?? 'stem'])) {
        w.best = { node: next, last: j };
      }
    }
    if (next.next.size > 0) walk(w, next, j + 1);
  }
}

/**
 * Finds lexicon terms in the token stream: the longest match at each position wins, and matches
 * do not overlap. Joiner tokens (- / &) are stepped over; other punctuation ends a match. Cost is
 * proportional to the text, whatever the lexicon's size (one trie walk per position).
 */
export function findMentions(tokens: Token[], lexicon: CompiledLexicon, nlp: NlpPort): Mention[] {
  const keyCache: Array<string[] | undefined> = new Array(tokens.length);
  const w: Walk = {
    tokens,
    best: null,
    keysAt(i) {
      let keys = keyCache[i];
      if (!keys) {
        const token = tokens[i];
        keys = token && token.type === 'word' ? keysOf(token, lexicon, nlp) : [];
        keyCache[i] = keys;
      }
      return keys;
    },
  };
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]?.type !== 'word') {
      i++;
      continue;
    }
    w.best = null;
    walk(w, lexicon.root, i);
    const found = w.best as { node: TrieNode; last: number } | null;
    const first = tokens[i];
    const last = found ? tokens[found.last] : undefined;
    if (found?.node.term && first && last) {
      mentions.push({
        term: found.node.term,
        form: found.node.form ?? '',
        rule: found.node.rule ?? 'exact',
        firstToken: i,
        lastToken: found.last,
        start: first.start,
        end: last.end,
      });
      i = found.last + 1;
    } else {
      i++;
    }
  }
  return mentions;
}

const FUZZY_MIN_LENGTH = 7;
const FUZZY_MIN_SIMILARITY = 0.95;

/**
 * Tolerates typos in long technology names ("Pytroch", "Tensorflwo"), conservatively: only
 * unmatched capitalised words of seven letters or more, only against single-word technology forms sharing the
 * first two letters and of nearly the same length.
 */
export function findFuzzyMentions(tokens: Token[], taken: Mention[], lexicon: CompiledLexicon, nlp: NlpPort): Mention[] {
  const covered = new Set<number>();
  for (const m of taken) for (let k = m.firstToken; k <= m.lastToken; k++) covered.add(k);
  const found: Mention[] = [];
  tokens.forEach((token, i) => {
    // Names are capitalised; an ordinary lower-case word near a name ("seaborne") is not a typo of it.
    if (covered.has(i) || token.type !== 'word' || token.lower.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(token.lower) || !/[A-Z]/.test(token.text)) return;
    const candidates = lexicon.fuzzyForms.get(token.lower.slice(0, 2));
    if (!candidates) return;
    let best: { form: string; term: CompiledTerm; score: number } | null = null;
    for (const c of candidates) {
      if (Math.abs(c.form.length - token.lower.length) > 2 || c.form === token.lower) continue;
      const score = nlp.similarity(token.lower, c.form);
      if (score >= FUZZY_MIN_SIMILARITY && (!best || score > best.score)) best = { ...c, score };
    }
    if (best) {
      found.push({ term: best.term, form: best.form, rule: 'fuzzy', firstToken: i, lastToken: i, start: token.start, end: token.end });
    }
  });
  return found;
}
