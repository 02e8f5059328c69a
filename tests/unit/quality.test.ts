import { assessQuality, isUnreadable, measureLegibility } from '../../src/core/1-text/quality';

const PROSE = 'Machine learning engineer with six years of experience building ranking and forecasting systems in Python and C++. '.repeat(4);

describe('quality', () => {
  it('prose is ok', () => {
    expect(assessQuality(PROSE, [], 0)).toEqual({ status: 'ok', warnings: [] });
  });

  it('little text is low quality, with a warning', () => {
    const q = assessQuality('Jane Roe, Python', [], 0);
    expect(q.status).toBe('low');
    expect(q.warnings.map((w) => w.code)).toEqual(['little-text']);
  });

  it('a text layer of symbols is unreadable; partly garbled text is low', () => {
    const garbage = '#$%& *+,- ./01 ;<=> ?@[] ^_`{ |}~! '.repeat(20);
    expect(isUnreadable(measureLegibility(garbage))).toBe(true);
    const consonants = 'Xvzq Brtk Mnpl Qwrt Zxcv '.repeat(10);
    expect(isUnreadable(measureLegibility(consonants))).toBe(true);
    const half = `${PROSE} ${'Xvzq Brtk Mnpl Qwrt Zxcv Hjkl '.repeat(5)}`;
    const q = assessQuality(half, [], 0);
    expect(isUnreadable(measureLegibility(half))).toBe(false);
    expect(q.status).toBe('low');
    expect(q.warnings.map((w) => w.code)).toContain('garbled-text');
  });

  it('emoji are not garbling: a CV that uses them reads as text', () => {
    const withEmoji = '🚀 Skills 🧠: Python 🐍, PyTorch 🔥, C++ ⚙️ — 5+ years 👩‍💻';
    expect(assessQuality(withEmoji, [], 0).warnings.map((w) => w.code)).not.toContain('garbled-text');
    // Symbols that are not emoji still count against the text.
    expect(isUnreadable(measureLegibility('§¤¶ ±×÷ ¬¦¨ '.repeat(50)))).toBe(true);
  });

  it('keeps warnings from earlier stages, which alone do not lower quality', () => {
    const q = assessQuality(PROSE, [{ code: 'format-mismatch', message: 'x' }], 0);
    expect(q).toEqual({ status: 'ok', warnings: [{ code: 'format-mismatch', message: 'x' }] });
  });

  it('many replacement characters lower quality', () => {
    expect(assessQuality(PROSE, [], 40).status).toBe('low');
    expect(assessQuality(PROSE, [], 1)).toMatchObject({ status: 'ok', warnings: [{ code: 'replacement-characters' }] });
  });
});

describe('measureLegibility counts in one pass what these definitions say', () => {
  /** The definitions, as whole-text patterns: non-space characters, letters and digits among them, Latin words with a vowel. */
  function byPatterns(text: string): { alnumShare: number; wordShare: number; words: number } {
    const nonSpace = [...text].filter((ch) => !/[\s\p{Extended_Pictographic}\u200d\ufe0f]/u.test(ch)).join('');
    if (nonSpace.length === 0) return { alnumShare: 0, wordShare: 0, words: 0 };
    const alnum = nonSpace.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    const latin = (text.match(/\p{L}+/gu) ?? []).filter((w) => /^[A-Za-z\u00C0-\u024F]+$/.test(w));
    const wordLike = latin.filter((w) => w.length <= 3 || /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý]/i.test(w)).length;
    return { alnumShare: alnum / nonSpace.length, wordShare: latin.length === 0 ? 1 : wordLike / latin.length, words: latin.length };
  }

  it('on prose, symbols, other scripts, emoji with joiners, astral letters and digits, and odd white space', () => {
    const pieces = ['Python', 'naïve', 'Ørsted', 'Straße', 'Łódź', 'Жукова', '中文', '٣', '½', '42', ' ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '.', '-', '😀', '👩\u200d💻', '❤\ufe0f', '©', '#', '𝐀𝐁', '𝟘', 'xyz', 'Brtk', 'İı', 'ǅ'];
    // A fixed generator: the same strings on every run.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + next(30) }, () => pieces[next(pieces.length)]).join('');
      expect(measureLegibility(text)).toEqual(byPatterns(text));
    }
    expect(measureLegibility(PROSE)).toEqual(byPatterns(PROSE));
    expect(measureLegibility('')).toEqual({ alnumShare: 0, wordShare: 0, words: 0 });
  });
});
