import type { CompiledLexicon, CompiledTerm, MatchRule, TrieNode } from '../2-lexicon/compile';
import { afterWindow, hasChildren, isAfterWord, stemKey } from '../2-lexicon/compile';
import type { NlpPort } from '../0-base/nlp-port';
import { perWord, WORD_CACHE_LIMIT } from '../0-base/word-cache';
import type { Token } from '../1-text/tokenize';

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

// Patterns the walk and the typo pass try per word, made once: a literal in a function is a new object at every call.
const SPACE_OR_HYPHEN = /[\s-]/;
const SPACES_OR_HYPHENS = /[\s-]+/;
const ASCII_LETTERS = /^[a-z]+$/;
const HAS_CAPITAL = /[A-Z]/;

/**
 * What the walk asks of a word, as written in lower case: whether its first three letters begin
 * some stem form, its stem (computed on first need; null when it is no regular inflection of any
 * stem), its singular forms (singularOf, ySingularOf), whether it heads or ends an open compound,
 * and where it leads from the trie's root. Kept per word, the singulars are the same strings each
 * time the walk looks them up, hashed once, not cut anew at every visit; and a word that begins a
 * walk again, in this document or the next, finds its first steps without the root's large maps.
 */
interface WordFacts {
  stemmable: boolean;
  stem: string | null | undefined;
  singular: string | null;
  ySingular: string | null;
  compoundHead: boolean;
  compoundTail: boolean;
  /** The root's children for the word, looked up on the first walk that starts at it. */
  fromRoot: RootSteps | undefined;
}

/** A word's first steps from the trie's root: as itself, as either singular, by its stem. */
interface RootSteps {
  exact: TrieNode | undefined;
  singular: TrieNode | undefined;
  ySingular: TrieNode | undefined;
  stem: TrieNode | undefined;
}

/**
 * The per-word answers of one lexicon, held together: a token costs one lookup for all its facts,
 * not one per question, each behind a lookup of the lexicon's own cache (finding mentions in a
 * 1,000-word CV went from 0.21 to 0.16 ms).
 */
interface WordCaches {
  facts: Map<string, WordFacts>;
  /** Whether a word, as written, can begin any term (mayBeginTerm). */
  starters: Map<string, boolean>;
}

const wordCaches = new WeakMap<CompiledLexicon, WordCaches>();

function cachesOf(lexicon: CompiledLexicon): WordCaches {
  let caches = wordCaches.get(lexicon);
  if (!caches) {
    caches = { facts: new Map(), starters: new Map() };
    wordCaches.set(lexicon, caches);
  }
  return caches;
}

function factsOf(caches: WordCaches, lexicon: CompiledLexicon, lower: string): WordFacts {
  let facts = caches.facts.get(lower);
  if (facts === undefined) {
    facts = {
      stemmable: lexicon.stemPrefixes.has(lower.slice(0, 3)),
      stem: undefined,
      singular: singularOf(lower),
      ySingular: ySingularOf(lower),
      compoundHead: lexicon.openCompoundHeads.has(lower),
      compoundTail: lexicon.openCompoundTails.has(lower),
      fromRoot: undefined,
    };
    if (caches.facts.size >= WORD_CACHE_LIMIT) caches.facts.clear();
    caches.facts.set(lower, facts);
  }
  return facts;
}

function stemOf(facts: WordFacts, lower: string, nlp: NlpPort): string | null {
  if (facts.stem === undefined) facts.stem = stemKey(lower, nlp);
  return facts.stem;
}

function rootSteps(facts: WordFacts, lower: string, root: TrieNode, nlp: NlpPort): RootSteps {
  const stem = root.stem.size && facts.stemmable ? stemOf(facts, lower, nlp) : null;
  return {
    exact: root.exact.get(lower),
    singular: facts.singular ? root.exact.get(facts.singular) : undefined,
    ySingular: facts.ySingular ? root.exact.get(facts.ySingular) : undefined,
    stem: stem !== null ? root.stem.get(stem) : undefined,
  };
}

interface Walk {
  tokens: Token[];
  /** Each token's word facts, looked up on first need. */
  facts: Array<WordFacts | undefined>;
  caches: WordCaches;
  lexicon: CompiledLexicon;
  nlp: NlpPort;
  /** The longest match so far from the walk's first token: its trie node and last token. */
  bestNode: TrieNode | null;
  bestLast: number;
  /** The conjunction the walk is stepping over now ("vision and language models"), or -1. */
  ellipsis: number;
  /** The conjunction the longest match stepped over, or -1: the mention then ends before it. */
  bestEllipsis: number;
  /** The text the tokens index, to see what stands between two of them (without it, open compounds are not joined). */
  text: string | undefined;
  /** Tokens that open a sentence (1): no phrase runs on into one from the sentence before. */
  sentenceOpeners: Uint8Array | undefined;
}

/**
 * British and American spellings meet ("prioritise" / "prioritize", "modelling" / "modeling",
 * "behaviour" / "behavior") before inflections are compared.
 */
function spellingKey(word: string): string {
  return word.replace(/is(?=e|ed|es|ing|ation|ations)/g, 'iz').replace(/our\b/g, 'or').replace(/ll(?=ed|ing|er)/g, 'l');
}

/**
 * Whether a word is a single-word form itself or one of its regular inflections: the form (less a
 * plural s), plus s, es, d, ed or ing, with a final e or y given up ("prioritise" → "prioritising",
 * "study" → "studies", "deadlines" → "deadline"). Stems join more than that: Porter gives
 * "clusters" and "clustering", "mock" and "mocking", "authorised" and "authorisation" one stem.
 */
export function isInflectionOf(word: string, form: string): boolean {
  const w = spellingKey(word);
  const f = spellingKey(form.toLowerCase());
  if (w === f) return true;
  const base = f.replace(/(?<=[^s])e?s$/, '').replace(/[ey]$/, '');
  if (!w.startsWith(base)) return false;
  return /^(?:e|y)?(?:s|es|ies|d|ed|ied|ing|'s)?$/.test(w.slice(base.length)) || (f.endsWith('y') && /^(?:ies|ied)$/.test(w.slice(base.length)));
}

/** Whether a word is a form of an entry or a regular inflection of one. */
const inflectionCaches = new WeakMap<CompiledTerm['entry'], Map<string, boolean>>();

function inflectsAnyForm(entry: CompiledTerm['entry'], word: string): boolean {
  return perWord(inflectionCaches, entry, word, () => isInflectionOf(word, entry.label) || entry.aliases.some((form) => isInflectionOf(word, form)));
}

/** A compound written open is joined only into a form this long or longer. */
const OPEN_COMPOUND_MIN = 6;

function consider(w: Walk, next: TrieNode | undefined, j: number, stemmedSingleWord = false): void {
  if (!next) return;
  // A one-word phrase whose derivations change its sense (clustering / clusters) matches by its
  // stem only as the form or a regular inflection of it.
  const entry = next.term?.entry;
  const inflectionsOnly = stemmedSingleWord && entry?.derivations === false && next.form !== undefined && !SPACE_OR_HYPHEN.test(next.form.trim());
  const word = w.tokens[j]?.lower ?? '';
  if (entry && !(inflectionsOnly && !inflectsAnyForm(entry, word))) {
    const best = w.bestNode;
    // Across a conjunction, a term that the words before it make on their own stands ("Python and its tooling"),
    // unless it stands only with a verb before it, as the single word "data" ("data and model pipelines"
    // are data pipelines and model pipelines; the verb, if any, comes later, in the context check).
    const ownTermStands = w.ellipsis >= 0 && best !== null && w.bestEllipsis < 0 && w.bestLast === w.ellipsis - 1 && !best.term?.before;
    if (!ownTermStands && (!best || j > w.bestLast || (j === w.bestLast && RULE_RANK[next.rule ?? 'stem'] > RULE_RANK[best.rule ?? 'stem']))) {
      w.bestNode = next;
      w.bestLast = j;
      w.bestEllipsis = w.ellipsis;
    }
  }
  if (hasChildren(next)) walk(w, next, j + 1);
}

/**
 * Whether a blank line stands between two offsets: a phrase wraps onto the next line ("time-\nseries
 * models") but never runs on into the next paragraph, a heading or a front-matter field.
 */
function blankLineBetween(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      if (++newlines === 2) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) newlines = 0;
  }
  return false;
}

/** Words after a conjunction that show no second modifier follows: determiners, which start a noun phrase of their own, and adverbs. */
const NO_SECOND_MODIFIER = new Set(['a', 'an', 'the', 'its', 'it', 'their', 'our', 'my', 'your', 'his', 'her', 'this', 'that', 'these', 'those', 'other', 'some', 'any', 'all', 'each', 'more', 'then', 'also', 'not']);

/** Prepositions a phrase's verb may be separated from by an adverb (walk). */
const PHRASE_PREPOSITIONS = new Set(['with', 'to', 'across', 'alongside', 'among', 'between', 'on']);

/**
 * Two modifiers sharing one head, joined by "and" or "or" ("vision and language models",
 * "machine and deep learning"): the first reads as its phrase with the head after the second
 * ("vision models"). One word (a hyphenated compound is one) may stand between the conjunction and the head, and only where no
 * term goes on through the conjunction and that word ("profit and loss", "vision and strategy").
 * The mention ends before the conjunction, so the second modifier and the head are still read
 * as a phrase of their own.
 */
function walkAcrossConjunction(w: Walk, node: TrieNode, j: number): void {
  const token = w.tokens[j];
  if (!token) return;
  const modifier = w.tokens[j + 1];
  // A hyphenated compound is one word: "timely and high-quality project completion".
  const hyphen = w.tokens[j + 2];
  const compoundEnd = hyphen?.type === 'joiner' && hyphen.lower === '-' && hyphen.start === (modifier?.end ?? -1) && w.tokens[j + 3]?.type === 'word' && w.tokens[j + 3]?.start === hyphen.end ? j + 3 : j + 1;
  const last = w.tokens[compoundEnd];
  const head = w.tokens[compoundEnd + 1];
  const conjunction = node.exact.get(token.lower) ?? node.stem.get(token.lower);
  const termGoesOn = conjunction !== undefined && modifier !== undefined && (conjunction.exact.has(modifier.lower) || conjunction.stem.has(stemOf(factsOf(w.caches, w.lexicon, modifier.lower), modifier.lower, w.nlp) ?? modifier.lower));
  // A second word in -ing is a verb sharing the object, not a modifier sharing the head: "building
  // and evaluating systems" builds no build system.
  const verbForm = compoundEnd === j + 1 && modifier !== undefined && modifier.lower.length > 5 && modifier.lower.endsWith('ing');
  if (!termGoesOn && !verbForm && modifier?.type === 'word' && !NO_SECOND_MODIFIER.has(modifier.lower) && head?.type === 'word' && modifier.start === token.end + 1 && last !== undefined && head.start === last.end + 1) {
    w.ellipsis = j;
    walk(w, node, compoundEnd + 1);
    w.ellipsis = -1;
  }
}

/**
 * The word without a plural s ("GPUs" → "gpu"), or null. A word ending in a double s ("Sass",
 * "class", "OSS") is no plural of the word before its last s: Sass is not SAS, nor OSS an OS.
 */
function singularOf(lower: string): string | null {
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : null;
}

/**
 * The singular of a plural in "ies" whose singular ends in y ("strategies" → "strategy",
 * "technologies" → "technology"), or null. Dropping the s alone gives "strategie"; words whose
 * singular ends in "ie" ("movies") are found that way instead.
 */
function ySingularOf(lower: string): string | null {
  return lower.length > 4 && lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : null;
}

/** Depth-first through the trie: a token continues a match as itself, as its singular (less a plural s, or "ies" for y), as written, or by its stem. */
function walk(w: Walk, node: TrieNode, at: number): void {
  let j = at;
  while (w.tokens[j]?.type === 'joiner') j++;
  const token = w.tokens[j];
  if (!token || token.type !== 'word') return;
  const previous = w.tokens[at - 1];
  if (node !== w.lexicon.root && previous && w.text !== undefined && token.start - previous.end > 1 && blankLineBetween(w.text, previous.end, token.start)) return;
  // A phrase does not run on from one item of a list written as plain lines into the next
  // ("with 2+ years in industry\nExpertise in forecasting" holds no "industry expertise").
  if (node !== w.lexicon.root && w.sentenceOpeners?.[j] === 1) return;
  const facts = (w.facts[j] ??= factsOf(w.caches, w.lexicon, token.lower));
  // At the root, the word's first steps are its own, kept with its facts.
  const steps = node === w.lexicon.root ? (facts.fromRoot ??= rootSteps(facts, token.lower, node, w.nlp)) : undefined;
  if (node.exact.size) {
    consider(w, steps ? steps.exact : node.exact.get(token.lower), j);
    if (facts.singular) consider(w, steps ? steps.singular : node.exact.get(facts.singular), j);
    if (facts.ySingular) consider(w, steps ? steps.ySingular : node.exact.get(facts.ySingular), j);
    // A closed compound written open ("Tensor Flow", "tool kit", "Git Hub"): two words one space
    // apart match the lexicon's one-word form they join into.
    const next = w.tokens[j + 1];
    // Heads and tails are letters only, two or more (compile.ts); the join must still be a long word.
    if (facts.compoundHead && next?.type === 'word' && (w.facts[j + 1] ??= factsOf(w.caches, w.lexicon, next.lower)).compoundTail && next.start === token.end + 1 && w.text?.[token.end] === ' ' && token.lower.length + next.lower.length >= OPEN_COMPOUND_MIN) {
      consider(w, node.exact.get(token.lower + next.lower), j + 1);
    }
  }
  if (node.cased.size) consider(w, node.cased.get(token.text), j);
  // An adverb may stand between a phrase's verb and the preposition that carries on from it
  // ("partnered closely with", "synced weekly with", "worked extensively with", "works well with"):
  // it is stepped over when the word after it continues the phrase as a preposition.
  if (node !== w.lexicon.root && ((token.lower.length > 4 && token.lower.endsWith('ly')) || token.lower === 'well')) {
    const after = w.tokens[j + 1];
    if (after?.type === 'word' && PHRASE_PREPOSITIONS.has(after.lower)) walk(w, node, j + 1);
  }
  if ((token.lower === 'and' || token.lower === 'or') && w.ellipsis < 0 && node !== w.lexicon.root) walkAcrossConjunction(w, node, j);
  if (node.stem.size) {
    if (steps) consider(w, steps.stem, j, true);
    else if (facts.stemmable) {
      const stem = stemOf(facts, token.lower, w.nlp);
      if (stem !== null) consider(w, node.stem.get(stem), j, false);
    }
  }
}

/**
 * Whether a word, as written, can begin any term: as itself or without a plural s, by its stem
 * (its first steps from the trie's root, kept with its facts), as the head of an open compound, or
 * in its exact case. Most words of a document begin none, and a document repeats its words, so
 * the answer is kept per word as written and per lexicon; a walk then starts only at the words
 * that can begin one.
 */
function mayBeginTerm(token: Token, lexicon: CompiledLexicon, caches: WordCaches, nlp: NlpPort): boolean {
  let begins = caches.starters.get(token.text);
  if (begins === undefined) {
    const facts = factsOf(caches, lexicon, token.lower);
    const steps = (facts.fromRoot ??= rootSteps(facts, token.lower, lexicon.root, nlp));
    begins =
      steps.exact !== undefined ||
      steps.singular !== undefined ||
      steps.ySingular !== undefined ||
      steps.stem !== undefined ||
      facts.compoundHead ||
      lexicon.root.cased.has(token.text);
    if (caches.starters.size >= WORD_CACHE_LIMIT) caches.starters.clear();
    caches.starters.set(token.text, begins);
  }
  return begins;
}

/**
 * Finds lexicon terms in the token stream: the longest match at each position wins, and matches
 * do not overlap. Joiner tokens (- / &) are stepped over; other punctuation ends a match. Cost is
 * proportional to the text, whatever the lexicon's size (one trie walk per position).
 */
/** `sentenceOpeners`: 1 for each token that opens a sentence; a phrase never spans two sentences. */
export function findMentions(tokens: Token[], lexicon: CompiledLexicon, nlp: NlpPort, text?: string, sentenceOpeners?: Uint8Array): Mention[] {
  const caches = cachesOf(lexicon);
  const w: Walk = { tokens, facts: new Array(tokens.length), caches, lexicon, nlp, bestNode: null, bestLast: -1, ellipsis: -1, bestEllipsis: -1, text, sentenceOpeners };
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token?.type !== 'word' || !mayBeginTerm(token, lexicon, caches, nlp)) {
      i++;
      continue;
    }
    w.bestNode = null;
    w.bestEllipsis = -1;
    walk(w, lexicon.root, i);
    const found = w.bestNode as TrieNode | null;
    const first = tokens[i];
    // A match across a conjunction ends before it (see walk).
    const lastToken = w.bestEllipsis >= 0 ? w.bestEllipsis - 1 : w.bestLast;
    const last = found ? tokens[lastToken] : undefined;
    if (found?.term && first && last && (!found.term.after || mayHaveAfterWords(found.term, tokens, lastToken, text)) && inflectsEachWord(found, tokens, i, lastToken)) {
      mentions.push({
        term: found.term,
        form: found.form ?? '',
        rule: found.rule ?? 'exact',
        firstToken: i,
        lastToken,
        start: first.start,
        end: last.end,
      });
      i = lastToken + 1;
    } else {
      i++;
    }
  }
  return mentions;
}

/**
 * A phrase of several words that does not take derivations (`derivations: false`) matches only when
 * each word is its form's word or a regular inflection of it: "distributed systems", "distributed
 * system", but not "distribution systems", which Porter gives the same stems.
 */
function inflectsEachWord(found: TrieNode, tokens: Token[], first: number, last: number): boolean {
  const entry = found.term?.entry;
  if (found.rule !== 'stem' || entry?.derivations !== false || (first === last && !tokens[first]?.lower.includes('-'))) return true;
  // A hyphenated word may be one token ("cross-sell") or a word, a joiner and a word.
  const matched = tokens.slice(first, last + 1).filter((t) => t.type === 'word').flatMap((t) => t.lower.split('-').filter(Boolean));
  if (matched.length < 2) return true;
  const conjunction = matched.findIndex((word) => word === 'and' || word === 'or');
  return [entry.label, ...entry.aliases].some((form) => {
    const formWords = form.toLowerCase().split(SPACES_OR_HYPHENS).filter(Boolean);
    // Across a conjunction ("retail and business banking") the phrase is its first word and its last ones.
    const words = conjunction > 0 ? [matched[0] ?? '', ...matched.slice(matched.length - formWords.length + 1)] : matched;
    return words.length === formWords.length && words.every((word, k) => isInflectionOf(word, formWords[k] ?? ''));
  });
}

/**
 * Whether a term that needs words soon after it (`context.after`) could have them among the next
 * few words before a sentence ends. The analysis judges the mention in its sentence (which may end
 * sooner, at a list item's line end); a term with none of them in this wider reach is no mention at
 * all ("with pandas"), so it is not kept to be judged.
 */
function mayHaveAfterWords(term: CompiledTerm, tokens: Token[], last: number, text: string | undefined): boolean {
  let seen = 0;
  for (let k = last + 1; k < tokens.length && seen < afterWindow(term); k++) {
    const t = tokens[k];
    if (!t) break;
    if (text !== undefined && text.slice(tokens[k - 1]?.end ?? t.start, t.start).includes('\n\n')) break;
    if (t.type !== 'word') {
      if (/^[.!?;]$/.test(t.text)) break;
      continue;
    }
    seen++;
    if (isAfterWord(term, tokens, k)) return true;
  }
  return false;
}

const FUZZY_MIN_LENGTH = 7;
const FUZZY_MIN_SIMILARITY = 0.95;

/**
 * Tolerates typos in long technology names ("Pytroch", "Tensorflwo"), conservatively: only
 * unmatched capitalised words of seven letters or more, only against single-word technology forms sharing the
 * first two letters and of nearly the same length.
 */
export function findFuzzyMentions(tokens: Token[], taken: Mention[], lexicon: CompiledLexicon, nlp: NlpPort): Mention[] {
  // The tokens the exact mentions take, one flag each.
  const covered = new Uint8Array(tokens.length);
  for (const m of taken) covered.fill(1, m.firstToken, m.lastToken + 1);
  const found: Mention[] = [];
  tokens.forEach((token, i) => {
    // Names are capitalised; an ordinary lower-case word near a name ("seaborne") is not a typo of it.
    if (covered[i] === 1 || token.type !== 'word' || token.lower.length < FUZZY_MIN_LENGTH || !ASCII_LETTERS.test(token.lower) || !HAS_CAPITAL.test(token.text)) return;
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
