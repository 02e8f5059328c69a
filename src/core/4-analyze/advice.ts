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
  const index = { parts, byWord, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}-])`, 'giu') };
  indexes.set(skill, index);
  return index;
}

/**
 * The parts of a skill's advice a CV already shows: a part is shown by a sentence holding a word
 * of each of its groups ("reduced" and "costs"). Words are compared as written, ignoring case; a
 * hyphenated word ("cross-functional") is one word. One scan of the text.
 */
export function shownAdviceParts(skill: RoleSkill, text: string, sentences: readonly SentenceView[]): ShownPart[] {
  if (skill.adviceParts.length === 0 || sentences.length === 0) return [];
  const { parts, byWord, pattern } = indexOf(skill);
  // Per sentence with a hit: the groups seen of each part, as bit masks.
  const masks = new Map<number, number[]>();
  let sentence = 0;
  for (const m of matchesOf(pattern, text)) {
    const at = m.index ?? 0;
    while (sentence < sentences.length && (sentences[sentence]?.span.end ?? 0) <= at) sentence++;
    const view = sentences[sentence];
    if (!view || view.span.start > at) continue;
    const seen = masks.get(sentence) ?? new Array<number>(parts.length).fill(0);
    masks.set(sentence, seen);
    for (const hit of byWord.get(m[0].toLowerCase()) ?? []) seen[hit >> 5] = (seen[hit >> 5] ?? 0) | (1 << (hit & 31));
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
