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
