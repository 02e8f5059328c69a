import { firstNonBlankLine } from '../../src/core/1-text/lines';

describe('firstNonBlankLine', () => {
  it('skips lines of white space only', () => {
    expect(firstNonBlankLine('\n  \t\n\u00a0\nOlu Bankole\nData engineer')).toBe('Olu Bankole');
  });

  it('returns the line as written, its indent and carriage return kept', () => {
    expect(firstNonBlankLine('\r\n   Priya Raman  \r\nLeeds')).toBe('   Priya Raman  \r');
  });

  it('reads a text of one line, and gives nothing for an empty or blank text', () => {
    expect(firstNonBlankLine('Curriculum vitae')).toBe('Curriculum vitae');
    expect(firstNonBlankLine('')).toBe('');
    expect(firstNonBlankLine(' \n\t\n ')).toBe('');
  });

  it('finds the same line as splitting the text into lines would', () => {
    const texts = ['a', '\n\nb\nc', '  \n x \n', '\n\n', 'ends here\n', '\u2028\nk'];
    for (const text of texts) expect(firstNonBlankLine(text)).toBe(text.split('\n').find((line) => line.trim().length > 0) ?? '');
  });
});
