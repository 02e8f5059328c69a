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
