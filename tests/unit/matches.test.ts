import { matchesOf } from '../../src/core/0-base/matches';

const shape = (ms: Iterable<RegExpMatchArray>): Array<[number | undefined, string[]]> => [...ms].map((m) => [m.index, [...m]]);

describe('matchesOf: the matches of a global pattern, as matchAll finds them', () => {
  const cases: Array<[RegExp, string]> = [
    [/\b(\d+)\s*years?\b/gi, 'Five years? No: 3 years of Python, 10 YEARS of C and 2 year of Go.'],
    [/(?<=\s)-(?=\s)/g, 'Python - PyTorch - JAX -'],
    // Empty matches: the search steps over one character, or one code point with the u flag.
    [/x*/g, 'axxbx'],
    [/(?:)/gu, 'a😀b'],
    [/\p{Lu}\p{Ll}*/gu, 'Ünïcode Names Like Ørsted'],
    [/no match here/g, 'nothing to find'],
  ];

  it.each(cases)('%s', (pattern, text) => {
    const expected = shape(text.matchAll(new RegExp(pattern.source, pattern.flags)));
    expect(shape(matchesOf(pattern, text))).toEqual(expected);
    // The pattern is left ready for the next text, twice over.
    expect(pattern.lastIndex).toBe(0);
    expect(shape(matchesOf(pattern, text))).toEqual(expected);
  });

  it('starts at the beginning even when the pattern was left part-way by exec', () => {
    const pattern = /a/g;
    pattern.exec('aaa');
    expect(matchesOf(pattern, 'aaa')).toHaveLength(3);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
  });
});
