/** A list item's line: a bullet (-, *, •, ▪ …) or a number ("1.", "2)") before its text. */
export const BULLET_LINE = /^[ \t]*(?:[-*•·▪◦‣]|\d{1,2}[.)])[ \t]+\S/;

/**
 * Emoji at the start of a line: bullets ("✅ you have shipped NLP models", "⭐ you know retrieval"),
 * common in job ads posted on social networks, or a title's decoration ("🧠 What you bring"): one
 * or more pictographs (with their variation selectors, skin tones and joiners).
 */
export const LEADING_EMOJI = /^[ \t]*(?:\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*[ \t]*)+(?=\S)/u;

/** The first line after line `i` that is not blank, or undefined. */
export function nextNonBlank(lines: readonly string[], i: number): string | undefined {
  for (let k = i + 1; k < lines.length; k++) if (lines[k]?.trim()) return lines[k];
  return undefined;
}

/** The first line of a text with more than white space on it, or '': found without cutting the whole text into lines. */
export function firstNonBlankLine(text: string): string {
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const line = text.slice(start, newline < 0 ? text.length : newline);
    if (line.trim()) return line;
    if (newline < 0) return '';
    start = newline + 1;
  }
}

/** Offsets of the first character of each line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The number of the line an offset stands in, by binary search over `lineStarts`. */
export function lineIndexAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const TYPOGRAPHIC_APOSTROPHE = /[‘’ʼ′]/;
const TYPOGRAPHIC_APOSTROPHES = /[‘’ʼ′]/g;

/**
 * Typographic apostrophes and primes as the ASCII one, character for character (offsets hold):
 * cue rules are written with "'" and word processors write "don’t", "we’re", "What you’ll need".
 */
export function foldApostrophes(s: string): string {
  return TYPOGRAPHIC_APOSTROPHE.test(s) ? s.replace(TYPOGRAPHIC_APOSTROPHES, "'") : s;
}

/**
 * Where the normaliser marks two spaces that scraped page copy left in place of a line break:
 * Unicode's line separator, which input no longer holds once its line breaks are normalised. The
 * title rules read it as white space that marks a word off, as glue does.
 */
export const ITEM_BREAK = '\u2028';
