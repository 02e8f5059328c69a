import { codePointBefore, codePointIn } from '../0-base/code-points';
import { matchesOf } from '../0-base/matches';
import type { RoleSkill } from '../2-lexicon/compile';
import type { SentenceView } from './context';

/** A part of a skill's advice that the CV already shows, with the sentence that shows it. */
export interface ShownPart {
  text: string;
  ifShown: string;
  quote: string;
}

const QUOTE_CHARS = 110;

function quoteOf(sentence: string): string {
  const flat = sentence.replace(/^[-•*\s]+/, '').replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS).replace(/\s\S*$/, '')}…`;
}

interface PartIndex {
  parts: Array<{ text: string; ifShown: string; full: number }>;
  /** Each word: the parts and groups it counts for, as part × 32 + group. */
  byWord: Map<string, number[]>;
  /** Every word of every part, as one pattern: the text is scanned once. */
  pattern: RegExp;
  /**
   * The same words between ASCII boundaries, for the text in lower case (absent when a word holds an
   * apostrophe: see wordsIn). For a skill with many words, five times faster than `pattern`, which
   * tries Unicode classes behind and ahead of every character.
   */
  asciiPattern: RegExp | undefined;
}

/** The word index of a compiled skill's advice parts, built on first use. */
const indexes = new WeakMap<RoleSkill, PartIndex>();
function indexOf(skill: RoleSkill): PartIndex {
  const cached = indexes.get(skill);
  if (cached) return cached;
  const parts: PartIndex['parts'] = [];
  const byWord = new Map<string, number[]>();
  for (const part of skill.adviceParts) {
    const p = parts.push({ text: part.text, ifShown: part.ifShown, full: (1 << part.shownBy.length) - 1 }) - 1;
    part.shownBy.forEach((group, g) => {
      for (const word of group) byWord.set(word, [...(byWord.get(word) ?? []), p * 32 + g]);
    });
  }
  // Longest first, so that "cross-functional" wins over a word it starts with. Words hold only
  // letters, hyphens and apostrophes (the schema says so): nothing to escape.
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const alternatives = words.join('|');
  const index = {
    parts,
    byWord,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}-])`, 'giu'),
    asciiPattern: words.some((word) => word.includes("'")) ? undefined : new RegExp(`(?<![a-z0-9])(?:${alternatives})(?![a-z0-9-])`, 'g'),
  };
  indexes.set(skill, index);
  return index;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const asciiLetterOrDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const letterOrNumberAt = (text: string, i: number): boolean => codePointIn(text, i, asciiLetterOrDigit, LETTER_OR_NUMBER);
const letterOrNumberBefore = (text: string, i: number): boolean => letterOrNumberAt(text, codePointBefore(text, i));

/** Letters beyond ASCII that match an ASCII letter when case is ignored: ſ (s) and the Kelvin sign (k). */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/**
 * A CV's text and its lower case, read once for every skill's advice. `asciiReadable`: the lower
 * case keeps every offset, and no letter of the text matches an ASCII letter only when case is
 * ignored.
 */
export interface AdviceReading {
  text: string;
  lowerText: string;
  asciiReadable: boolean;
}

export function adviceReading(text: string): AdviceReading {
  const lowerText = text.toLowerCase();
  return { text, lowerText, asciiReadable: lowerText.length === text.length && !FOLDS_TO_ASCII.test(text) };
}

/**
 * Where the advice words stand in the text, in the text's order, each as written in lower case:
 * what `pattern` finds. Its ASCII twin finds the same in the lower-cased text, a match with a
 * letter or number beyond ASCII at either end put aside, when the text is `asciiReadable` and no
 * word holds an apostrophe: then a word put aside for what follows it leaves no shorter word to
 * take its place (what follows the shorter one would be a letter or a hyphen).
 */
function wordsIn(index: PartIndex, { text, lowerText, asciiReadable }: AdviceReading): Array<{ at: number; word: string }> {
  const { asciiPattern } = index;
  if (!asciiPattern || !asciiReadable) return matchesOf(index.pattern, text).map((m) => ({ at: m.index, word: m[0].toLowerCase() }));
  const found: Array<{ at: number; word: string }> = [];
  asciiPattern.lastIndex = 0;
  for (let m = asciiPattern.exec(lowerText); m; m = asciiPattern.exec(lowerText)) {
    const end = m.index + m[0].length;
    if (letterOrNumberBefore(text, m.index) || letterOrNumberAt(text, end)) {
      asciiPattern.lastIndex = m.index + 1;
      continue;
    }
    found.push({ at: m.index, word: m[0] });
  }
  return found;
}

/** Where a skill's advice words stand in a text, as `shownAdviceParts` reads them. */
export function adviceWordsIn(skill: RoleSkill, reading: AdviceReading): Array<{ at: number; word: string }> {
  return skill.adviceParts.length === 0 ? [] : wordsIn(indexOf(skill), reading);
}

/**
 * The parts of a skill's advice a CV already shows: a part is shown by a sentence holding a word
 * of each of its groups ("reduced" and "costs"). Words are compared as written, ignoring case; a
 * hyphenated word ("cross-functional") is one word. One scan of the text.
 */
export function shownAdviceParts(skill: RoleSkill, reading: AdviceReading, sentences: readonly SentenceView[]): ShownPart[] {
  if (skill.adviceParts.length === 0 || sentences.length === 0) return [];
  const index = indexOf(skill);
  const { parts, byWord } = index;
  // Per sentence with a hit: the groups seen of each part, as bit masks.
  const masks = new Map<number, number[]>();
  let sentence = 0;
  for (const { at, word } of wordsIn(index, reading)) {
    while (sentence < sentences.length && (sentences[sentence]?.span.end ?? 0) <= at) sentence++;
    const view = sentences[sentence];
    if (!view || view.span.start > at) continue;
    const seen = masks.get(sentence) ?? new Array<number>(parts.length).fill(0);
    masks.set(sentence, seen);
    for (const hit of byWord.get(word) ?? []) seen[hit >> 5] = (seen[hit >> 5] ?? 0) | (1 << (hit & 31));
  }
  // The first sentence (in text order) that shows each part.
  const shown: ShownPart[] = [];
  parts.forEach((part, p) => {
    for (const [index, seen] of masks) {
      if (seen[p] !== part.full) continue;
      shown.push({ text: part.text, ifShown: part.ifShown, quote: quoteOf(sentences[index]?.text ?? '') });
      return;
    }
  });
  return shown;
}

/** "a, or b, or c": the parts may have "or" inside them. */
function either(items: readonly string[]): string {
  return items.join(', or ');
}

/**
 * The advice for a gap: the role model's, unless the CV already shows some of its parts; then it
 * says which, from which sentence, what would make them count, and the parts still to show.
 */
export function adviceFor(skill: RoleSkill, shown: readonly ShownPart[] | undefined): { advice: string; alreadyShown?: Array<{ part: string; quote: string }> } {
  const general = skill.evidence ?? `Show concrete work that uses ${skill.label}.`;
  if (!shown?.length) return { advice: general };
  const named = shown.map((p) => `${p.text} ("${p.quote}")`).join('; ');
  const rest = skill.adviceParts.filter((p) => !shown.some((s) => s.text === p.text)).map((p) => p.text);
  const advice = `The CV already mentions ${named}. ${shown.map((p) => p.ifShown).join(' ')}${rest.length ? ` Or show ${either(rest)}.` : ''}`;
  return { advice, alreadyShown: shown.map((p) => ({ part: p.text, quote: p.quote })) };
}
