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

const TOKEN = /\.NET\b|[\p{L}\p{N}]+(?:[.&'’][\p{L}\p{N}]+)*(?:\+\+|#)?\d*|[-/–‐&]|[^\s\p{L}\p{N}]/gu;
const JOINERS = new Set(['-', '/', '–', '‐', '&']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const first = raw.charCodeAt(0);
    const isWord = raw === '.NET' || /[\p{L}\p{N}]/u.test(raw[0] ?? '') || first === 0x2e;
    tokens.push({
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'"),
      start,
      end: start + raw.length,
      type: isWord ? 'word' : JOINERS.has(raw) ? 'joiner' : 'punct',
    });
  }
  return tokens;
}

/** Word tokens only: what lexicon forms are compiled from. */
export function wordTokens(text: string): Token[] {
  return tokenize(text).filter((t) => t.type === 'word');
}
