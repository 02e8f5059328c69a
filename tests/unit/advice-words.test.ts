import { adviceReading, adviceWordsIn } from '../../src/core/4-analyze/advice';
import type { RoleSkill } from '../../src/core/2-lexicon/compile';
import { lexicon } from '../analyze/support';
import { seededTexts } from '../support/seeded-texts';

/** A skill's advice words as the rule reads them: one Unicode pattern over the text, case ignored. */
function byPattern(skill: RoleSkill, text: string): Array<{ at: number; word: string }> {
  const words = [...new Set(skill.adviceParts.flatMap((part) => part.shownBy.flatMap((group) => [...group])))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ at: m.index, word: m[0].toLowerCase() }));
}

const withAdvice = [...lexicon.skills.values()].filter((skill) => skill.adviceParts.length > 0);
const skillWith = (words: string[][]): RoleSkill => ({ ...(withAdvice[0] as RoleSkill), adviceParts: [{ text: 'a part', ifShown: 'shown', shownBy: words.map((group) => new Set(group)) }] });

describe("where a skill's advice words stand in a text", () => {
  it('is where the Unicode pattern finds them, for every skill with advice, on texts with letters and numbers of every kind at the words\' ends', () => {
    expect(withAdvice.length).toBeGreaterThan(1);
    const words = withAdvice.flatMap((skill) => skill.adviceParts.flatMap((part) => part.shownBy.flatMap((group) => [...group])));
    const pieces = [...words, ...words.map((w) => w.toUpperCase()), ...words.map((w) => w.slice(0, 3)), 'é', 'ü', 'Ⅸ', '٣', '𝐀', '𝐚', '7', '-', "'", '\n', '.', 'team', 'cost'];
    // Words stand apart about as often as they run into a neighbour.
    pieces.push(...new Array<string>(pieces.length).fill(' '));
    let hits = 0;
    let putAside = 0;
    for (const text of seededTexts(20261208, 3000, pieces, 4, 30)) {
      const lower = text.toLowerCase();
      for (const skill of withAdvice) {
        const expected = byPattern(skill, text);
        expect([text, adviceWordsIn(skill, adviceReading(text))]).toEqual([text, expected]);
        hits += expected.length;
        // Matches an ASCII reading would keep and the pattern does not: a letter beyond ASCII at an end.
        putAside += [...lower.matchAll(/(?<![a-z0-9])(?:cost|costs|team|teams)(?![a-z0-9-])/g)].filter((m) => !expected.some((e) => e.at === m.index)).length;
      }
    }
    expect(hits).toBeGreaterThan(3000);
    expect(putAside).toBeGreaterThan(500);
  });

  it('finds a word inside a hyphenated one that a letter beyond ASCII set aside, as the pattern does', () => {
    const skill = skillWith([['cross-team', 'team', 'costs']]);
    const text = 'the écross-team work, 𝐀costs and costs𝐀, then cross-team';
    expect(adviceWordsIn(skill, adviceReading(text))).toEqual(byPattern(skill, text));
    expect(adviceWordsIn(skill, adviceReading(text)).map((w) => w.word)).toEqual(['team', 'cross-team']);
  });

  it('reads case as the pattern does: the Kelvin sign and the long s match k and s, and İ moves what follows it', () => {
    const skill = skillWith([['kpi', 'kpis', 'costs']]);
    for (const text of ['Owned the \u212aPIs and co\u017fts', 'İstanbul office: KPIs and costs', 'KPIs, costs-based, costs']) {
      expect(adviceWordsIn(skill, adviceReading(text))).toEqual(byPattern(skill, text));
    }
    expect(adviceWordsIn(skill, adviceReading('İstanbul office: KPIs and costs')).map((w) => w.word)).toEqual(['kpis', 'costs']);
    expect(['Owned the \u212aPIs', 'İstanbul', 'co\u017fts', 'KPIs and costs'].map((text) => adviceReading(text).asciiReadable)).toEqual([false, false, false, true]);
  });

  it("reads words with an apostrophe as the pattern does, where a word put aside leaves a shorter one", () => {
    const skill = skillWith([["client's", 'client', 'clients']]);
    for (const text of ["the client'sé budget", "the client'é budget", "our client's budget and the clients", "clienté client's"]) {
      expect(adviceWordsIn(skill, adviceReading(text))).toEqual(byPattern(skill, text));
    }
    expect(adviceWordsIn(skill, adviceReading("the client'sé budget"))).toEqual([{ at: 4, word: 'client' }]);
  });
});
