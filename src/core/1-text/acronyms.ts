import { matchesOf } from '../0-base/matches';

/**
 * Acronyms a document defines by spelling them out: "Machine Learning Platform (MLP)", "Intelligent
 * Document Processing (IDP)", "Robotics and AI Institute (RAII Zurich)". Within that document the
 * letters stand for those words, whatever a lexicon reads them as elsewhere (MLP is also a
 * multilayer perceptron, RAII a C++ idiom).
 */

/** Words an acronym skips: "Department of Energy (DOE)", "Research and Development (RD)". */
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'a', 'an', '&']);
// The acronym opens the parenthesis; a place or a short gloss may follow it there ("(RAII Zurich)",
// "(MLP, Berlin)").
const DEFINITION = /\(([A-Z]{2,6})s?(?:[ ,;][^()\n]{0,40})?\)/g;
/** A word in capitals gives all its letters ("AI Institute", AII). */
const CAPITALS = /^[A-Z]{2,}$/;
const WORD = /[\p{L}\d][\p{L}\d'’]*/gu;

export interface AcronymDefinition {
  acronym: string;
  /** Offsets of the words it spells, in the text. */
  start: number;
  end: number;
}

/**
 * The index of the first word of the run that ends the list and spells the acronym, letter by
 * letter from the right; a small word may give its letter ("Department of Energy", DOE) or be
 * skipped ("Machine Learning for Science", MLS). Null when no run spells it.
 */
function spelledFrom(words: ReadonlyArray<{ text: string }>, acronym: string): number | null {
  const match = (w: number, a: number): number | null => {
    if (a < 0) return w + 1;
    const word = words[w];
    if (!word) return null;
    const small = SKIPPED.has(word.text.toLowerCase());
    const letters = word.text;
    if (CAPITALS.test(letters) && letters.length <= a + 1 && acronym.slice(a + 1 - letters.length, a + 1) === letters) {
      const taken = match(w - 1, a - letters.length);
      if (taken !== null) return taken;
    }
    if (word.text[0]?.toUpperCase() === acronym[a]) {
      const taken = match(w - 1, a - 1);
      if (taken !== null) return taken;
    }
    return small ? match(w - 1, a) : null;
  };
  return match(words.length - 1, acronym.length - 1);
}

/** Every acronym the text spells out in the words right before its parenthesis. */
export function definedAcronyms(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of matchesOf(DEFINITION, text)) {
    const acronym = match[1] ?? '';
    const open = match.index;
    const before = text.slice(Math.max(0, open - 120), open);
    const words = matchesOf(WORD, before).map((w) => ({ text: w[0], index: w.index }));
    const first = spelledFrom(words, acronym);
    const opening = first === null ? undefined : words[first];
    if (opening) found.push({ acronym, start: open - before.length + opening.index, end: open });
  }
  return found;
}

const wordOpenings = new Map<string, RegExp>();

/** A word opening with the letter, a lower-case letter after it, no letter or digit before it. */
function wordOpening(letter: string): RegExp {
  let pattern = wordOpenings.get(letter);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\d])${letter}\\p{Ll}`, 'gu');
    wordOpenings.set(letter, pattern);
  }
  return pattern;
}

/**
 * Whether a Title Case word opening with the acronym's first letter stands before one opening with
 * its last. Two forward searches: the first such opening, then any later one of the last letter.
 * One pattern spanning both ("F…[\s\S]*…L") backtracked over the whole window from each first
 * letter, and a pattern made per acronym ran few times each, never compiled to native code.
 */
function initialsInOrder(window: string, acronym: string): boolean {
  const first = wordOpening(acronym[0] ?? '');
  first.lastIndex = 0;
  const opening = first.exec(window);
  first.lastIndex = 0;
  if (!opening) return false;
  const last = wordOpening(acronym[acronym.length - 1] ?? '');
  last.lastIndex = opening.index + opening[0].length;
  const found = last.test(window);
  last.lastIndex = 0;
  return found;
}

/** How far before an acronym its spelled-out words are looked for when no parenthesis defines it. */
const NEARBY_CHARS = 200;

/**
 * The words that spell an acronym just before it is used, with no parenthesis ("Passed the Society
 * of Actuaries Exam P … SOA Exam FM"): a run of words in Title Case (small words aside) within the
 * few lines before it whose initials are its letters. Its offsets in the text, or null.
 */
export function spelledOutNearby(text: string, at: number, acronym: string): AcronymDefinition | null {
  const from = Math.max(0, at - NEARBY_CHARS);
  const window = text.slice(from, at);
  // Most windows hold no Title Case word opening with the acronym's first letter before one opening
  // with its last: two native searches rule them out before the words are listed.
  if (!initialsInOrder(window, acronym)) return null;
  const words = matchesOf(WORD, window).map((w) => ({ text: w[0], index: w.index }));
  for (let end = words.length - 1; end >= 1; end--) {
    const last = words[end];
    if (!last || !/^\p{Lu}\p{Ll}/u.test(last.text)) continue;
    const run = words.slice(0, end + 1);
    const first = spelledFrom(run, acronym);
    if (first === null) continue;
    const spelled = run.slice(first);
    const content = spelled.filter((w) => !SKIPPED.has(w.text.toLowerCase()));
    // Words in Title Case only: a word in capitals is another acronym or a heading ("CLOUD & INFRA").
    if (content.length < 2 || !content.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text))) continue;
    const opening = run[first];
    if (opening) return { acronym, start: from + opening.index, end: from + last.index + last.text.length };
  }
  return null;
}
