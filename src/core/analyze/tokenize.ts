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

const TOKEN = /\.[Nn][Ee][Tt]\b|[\p{L}\p{N}]+(?:[.&'’][\p{L}\p{N}]+)*(?:\+\+|#)?\d*|[-/–‐&]|[^\s\p{L}\p{N}]/gu;
const JOINERS = new Set(['-', '/', '–', '‐', '&']);

/** A hyphen or dash that opens a line is a list bullet: it separates, it does not join. */
function opensLine(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const isWord = /^\.net$/i.test(raw) || /[\p{L}\p{N}]/u.test(raw[0] ?? '');
    const previous = tokens[tokens.length - 1];
    // The closing dot of a dotted abbreviation ("M.Sc. Physics", "Ph.D. in") joins, like a hyphen.
    const abbreviationDot = raw === '.' && previous?.type === 'word' && previous.end === start && previous.text.includes('.');
    tokens.push({
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'"),
      start,
      end: start + raw.length,
      type: isWord ? 'word' : abbreviationDot || (JOINERS.has(raw) && !opensLine(text, start)) ? 'joiner' : 'punct',
    });
  }
  return tokens;
}

/** Word tokens only: what lexicon forms are compiled from. */
export function wordTokens(text: string): Token[] {
  return tokenize(text).filter((t) => t.type === 'word');
}
