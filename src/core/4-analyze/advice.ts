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
  parts: Array<{ skill: string; text: string; ifShown: string; full: number }>;
  /** Each word: the parts and groups it counts for, as part × 32 + group. */
  byWord: Map<string, number[]>;
  /** Every word of every part, as one pattern: the text is scanned once. */
  pattern: RegExp;
}

/** The word index of some skills' advice parts, built once per set of skills. */
const indexes = new Map<string, PartIndex>();
function indexOf(skills: readonly RoleSkill[]): PartIndex {
  const key = skills.map((s) => s.id).join(' ');
  let index = indexes.get(key);
  if (!index) {
    const parts: PartIndex['parts'] = [];
    const byWord = new Map<string, number[]>();
    for (const skill of skills) {
      for (const part of skill.adviceParts) {
        const p = parts.push({ skill: skill.id, text: part.text, ifShown: part.ifShown, full: (1 << part.shownBy.length) - 1 }) - 1;
        part.shownBy.forEach((group, g) => {
          for (const word of group) {
            const list = byWord.get(word) ?? [];
            list.push(p * 32 + g);
            byWord.set(word, list);
          }
        });
      }
    }
    // Longest first, so that "cross-functional" wins over a word it starts with. Words hold only
    // letters, hyphens and apostrophes (the schema says so): nothing to escape.
    const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
    index = { parts, byWord, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}-])`, 'giu') };
    indexes.set(key, index);
  }
  return index;
}

/**
 * Which parts of each skill's advice a CV already shows: a part is shown by a sentence holding a
 * word of each of its groups ("reduced" and "costs"). Words are compared as written, ignoring
 * case; a hyphenated word ("cross-functional") is one word. One scan of the text.
 */
export function shownAdviceParts(skills: Iterable<RoleSkill>, text: string, sentences: readonly SentenceView[]): Map<string, ShownPart[]> {
  const shown = new Map<string, ShownPart[]>();
  const list = [...skills].filter((s) => s.adviceParts.length > 0);
  if (list.length === 0 || sentences.length === 0) return shown;
  const { parts, byWord, pattern } = indexOf(list);
  // Per sentence with a hit: the groups seen of each part, as bit masks.
  const masks = new Map<number, number[]>();
  let sentence = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    while (sentence < sentences.length && (sentences[sentence]?.span.end ?? 0) <= at) sentence++;
    const view = sentences[sentence];
    if (!view || view.span.start > at) continue;
    const seen = masks.get(sentence) ?? new Array<number>(parts.length).fill(0);
    masks.set(sentence, seen);
    for (const hit of byWord.get(m[0].toLowerCase()) ?? []) seen[hit >> 5] = (seen[hit >> 5] ?? 0) | (1 << (hit & 31));
  }
  const done = new Set<number>();
  for (const [index, seen] of masks) {
    parts.forEach((part, p) => {
      if (done.has(p) || seen[p] !== part.full) return;
      done.add(p);
      const found = shown.get(part.skill) ?? [];
      found.push({ text: part.text, ifShown: part.ifShown, quote: quoteOf(sentences[index]?.text ?? '') });
      shown.set(part.skill, found);
    });
  }
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
