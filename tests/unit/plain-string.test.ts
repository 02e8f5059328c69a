/**
 * plainString (src/core/0-base/plain-string.ts) gives back the same characters, whatever the
 * string holds: it only changes how V8 keeps them.
 */
import { plainString } from '../../src/core/0-base/plain-string';

describe('plainString', () => {
  it.each([
    ['lines', 'Ward Okafor\nRoster planner, Lagos\n\nShift patterns: 4 on / 3 off'],
    ['words on one line', 'tuned the roster solver twice'],
    ['one word', 'TensorFlow'],
    ['nothing', ''],
    ['a single character', 'R'],
    ['characters beyond the first plane', 'Model cards 📝 and 🧪 tests\r\n'],
    ['a slice of a longer text', 'prefix — kept in a slice of this long line of text'.slice(9)],
    ['pieces joined', `${'alpha '.repeat(3)}${'beta\n'.repeat(2)}`],
  ])('%s', (_name, text) => {
    expect(plainString(text)).toBe(text);
    expect(plainString(text).length).toBe(text.length);
  });
});
