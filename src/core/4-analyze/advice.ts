import type { RoleSkill } from '../2-lexicon/compile';
import type { Token } from '../1-text/tokenize';
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

/**
 * Which parts of each skill's advice a CV already shows: a part is shown by a sentence holding a
 * word of each of its groups ("reduced" and "costs"). Words are compared as written, lower-cased;
 * a hyphenated word ("cross-functional") is one word. One pass over the tokens.
 */
export function shownAdviceParts(skills: Iterable<RoleSkill>, tokens: readonly Token[], sentences: readonly SentenceView[]): Map<string, ShownPart[]> {
  const parts: Array<{ skill: string; text: string; ifShown: string; groups: number }> = [];
  const byWord = new Map<string, Array<{ part: number; group: number }>>();
  for (const skill of skills) {
    for (const part of skill.adviceParts) {
      const index = parts.push({ skill: skill.id, text: part.text, ifShown: part.ifShown, groups: part.shownBy.length }) - 1;
      part.shownBy.forEach((group, g) => {
        for (const word of group) {
          const list = byWord.get(word) ?? [];
          list.push({ part: index, group: g });
          byWord.set(word, list);
        }
      });
    }
  }
  const shown = new Map<string, ShownPart[]>();
  if (parts.length === 0) return shown;
  const done = new Set<number>();
  for (const view of sentences) {
    let seen: Map<number, number> | undefined; // part → bit mask of its groups seen in this sentence
    const note = (hits: ReadonlyArray<{ part: number; group: number }> | undefined): void => {
      if (!hits) return;
      for (const hit of hits) {
        if (done.has(hit.part)) continue;
        seen ??= new Map();
        seen.set(hit.part, (seen.get(hit.part) ?? 0) | (1 << hit.group));
      }
    };
    for (let k = view.firstToken; k <= view.lastToken; k++) {
      const t = tokens[k];
      if (t?.type !== 'word') continue;
      note(byWord.get(t.lower));
      if (tokens[k + 1]?.type === 'joiner' && tokens[k + 1]?.lower === '-' && tokens[k + 2]?.type === 'word') note(byWord.get(`${t.lower}-${tokens[k + 2]?.lower ?? ''}`));
    }
    if (!seen) continue;
    for (const [index, mask] of seen) {
      const part = parts[index];
      if (!part || mask !== (1 << part.groups) - 1) continue;
      done.add(index);
      const list = shown.get(part.skill) ?? [];
      list.push({ text: part.text, ifShown: part.ifShown, quote: quoteOf(view.text) });
      shown.set(part.skill, list);
    }
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
