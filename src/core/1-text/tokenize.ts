/**
 * A tokenizer for skill terms: C++, C#, .NET, Node.js, scikit-learn, A/B and CI/CD survive as the
 * same token sequences in documents and in lexicon entries. Hyphens and slashes join words
 * ("scikit-learn" = "scikit learn"), so they are kept as joiner tokens the matcher steps over.
 */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-case, with typographic apostrophes folded. */
  lower: string;
  start: number;
  end: number;
  /** "word" tokens carry letters or digits; "joiner" is - / – & (skipped when matching); "punct" breaks a match. */
  type: 'word' | 'joiner' | 'punct';
}

/** One white-space character of any kind (one code point). */
const ONE_SPACE = /^\s$/u;
const JOINERS = new Set(['-', '/', '–', '‐', '&']);
const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_WORD.test(text[i] ?? '');
}

/** A hyphen or dash that opens a line is a list bullet: it separates, it does not join. */
function opensLine(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A count of years right after a run of digits: "+ years", " yrs". */
const YEARS_AFTER_DIGITS = /^\+?\s*(?:years?|yrs?)\b/i;

/**
 * Whether the dot at j ends a sentence glued to the next one, as page copy scraped without its
 * line breaks has it ("skills in Python.Strong problem-solving"): a lower-case letter before it and
 * a capitalised word after it. Names keep their dots: "Node.js", "ASP.NET", "Ph.D", "e.g".
 */
function gluedStop(text: string, j: number): boolean {
  return isLower(text.charCodeAt(j - 1)) && isUpper(text.charCodeAt(j + 1)) && isLower(text.charCodeAt(j + 2));
}

/**
 * Whether the digits at j open a count of years glued to the word before them, as run-together
 * list items have it ("languages such as Python1+ years of SQL"): "EC2", "GPT4" and "Python3" stay
 * whole.
 */
function gluedYears(text: string, j: number): boolean {
  const before = text.charCodeAt(j - 1);
  if (!isDigit(text.charCodeAt(j)) || !(isLower(before) || isUpper(before))) return false;
  let k = j;
  while (k < text.length && isDigit(text.charCodeAt(k))) k++;
  return k - j <= 2 && YEARS_AFTER_DIGITS.test(text.slice(k, k + 8));
}

/** End of the word that starts at i: letters and digits, inner . & ' joining them, then ++ or # and digits. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  for (;;) {
    // The word characters, read a code at a time; only a digit can open glued years.
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c < 128) {
        const digit = isDigit(c);
        if (!digit && !isUpper(c) && !isLower(c)) break;
        if (digit && j > i && gluedYears(text, j)) return j;
      } else if (!NON_ASCII_WORD.test(text[j] ?? '')) break;
      j++;
    }
    const c = text.charCodeAt(j);
    // . & ' ’
    if ((c === 46 || c === 38 || c === 39 || c === 0x2019) && j + 1 < n && isWordChar(text, j + 1) && !(c === 46 && gluedStop(text, j))) {
      j++;
      continue;
    }
    break;
  }
  const c = text.charCodeAt(j);
  if (c === 43 && text.charCodeAt(j + 1) === 43) j += 2;
  else if (c === 35) j++;
  while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j;
}

function isDotNet(text: string, i: number): boolean {
  return (
    text.charCodeAt(i) === 46 &&
    text.slice(i + 1, i + 4).toLowerCase() === 'net' &&
    (i === 0 || !isWordChar(text, i - 1)) &&
    (i + 4 >= text.length || !isWordChar(text, i + 4))
  );
}

/** Whether a stretch of text has no capital and nothing beyond ASCII: its lower case is itself. */
function isLowerAscii(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c > 127 || isUpper(c)) return false;
  }
  return true;
}

/** Lower case, with the typographic apostrophe folded ("don’t" as "don't"). */
function lowerCase(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The whole text lower-cased once, when that keeps every offset (a few letters, as Turkish İ,
  // grow in lower case): each token's lower case is then a slice of it.
  const lowered = lowerCase(text);
  const lowerOf = lowered.length === text.length ? (start: number, end: number): string => lowered.slice(start, end) : (start: number, end: number): string => lowerCase(text.slice(start, end));
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) {
      i++;
      continue;
    }
    const dotNet = isDotNet(text, i);
    if (dotNet || isWordChar(text, i)) {
      const end = dotNet ? i + 4 : wordEnd(text, i);
      const raw = text.slice(i, end);
      tokens.push({ text: raw, lower: isLowerAscii(text, i, end) ? raw : lowerOf(i, end), start: i, end, type: 'word' });
      i = end;
      continue;
    }
    // One character (a whole surrogate pair for emoji); white space of other kinds is skipped.
    const end = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    const raw = text.slice(i, end);
    // The ASCII white space left is the vertical tab; the rest of it is Unicode's.
    if ((c === 11 || c > 127) && ONE_SPACE.test(raw)) {
      i = end;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    // The closing dot of a dotted abbreviation ("M.Sc. Physics", "Ph.D. in") joins, like a hyphen.
    const abbreviationDot = raw === '.' && previous?.type === 'word' && previous.end === i && previous.text.includes('.');
    const type = abbreviationDot || (JOINERS.has(raw) && !opensLine(text, i)) ? 'joiner' : 'punct';
    tokens.push({ text: raw, lower: lowerOf(i, end), start: i, end, type });
    i = end;
  }
  return tokens;
}
