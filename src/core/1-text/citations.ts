import { matchesOf } from '../0-base/matches';

/**
 * Parts of a citation that name something other than the writer's own skills.
 *
 * A venue's name ("International Conference on Artificial Intelligence and Statistics", "IEEE
 * Transactions on Medical Imaging", "Journal of Statistical Software") names the field of the venue
 * a paper appeared in or a talk was given at; what the writer did shows in the work's own title.
 * A title written in Title Case ("Domain Knowledge Priors for Crop Yield Forecasting")
 * names its topic: a word of business or of how people work inside it is the topic, not conduct.
 */

export interface TextSpan {
  start: number;
  end: number;
}

/** Words that open a venue's name, followed by "on", "of", "in" or "for" and the field. */
const VENUE_OPENING = /\b(?:Conference|Symposium|Workshop|Transactions|Journal|Proceedings|Congress|Colloquium|Forum)s?\s+(?:on|of|in|for)\s+/g;
/** Small words a Title Case name keeps in lower case. */
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with', '&']);
const WORD = /[^\s,;:()[\]"“”.!?]+/g;

/** Whether a word is written as a Title Case name writes it: a capital, a digit, or a small word. */
function titleWord(word: string): boolean {
  return SMALL.has(word.toLowerCase()) || /^[\p{Lu}\d]/u.test(word);
}

/**
 * Words that open an organisation's name, followed by "of" or "for" and its field: "Moscow
 * Institute of Physics and Technology", "Center for Statistics and Machine Learning", "Academy of
 * Sciences". A department, school or faculty is left out: it names where a degree was taken, and
 * so its field ("PhD, Department of Physics").
 */
const ORGANISATION_OPENING = /\b(?:Institute|Center|Centre|Academy|Society|Association)\s+(?:of|for)\s+/g;

/**
 * The run of Title Case words after each opening: to the last capitalised word before the first
 * word in lower case that is not a small word, or before the first comma, parenthesis or full stop.
 */
function titleRunsAfter(opening: RegExp, text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const found of matchesOf(opening, text)) {
    const from = found.index + found[0].length;
    const stop = text.slice(from, from + 160).search(RUN_STOP);
    let run = stop < 0 ? text.slice(from, from + 160) : text.slice(from, from + stop);
    if (stop >= 0 && text[from + stop] === '\n') run += wrappedRest(text, from + stop + 1);
    let end = from;
    let capitals = 0;
    for (const word of matchesOf(WORD, run)) {
      if (!titleWord(word[0])) break;
      if (SMALL.has(word[0].toLowerCase())) continue;
      capitals++;
      end = from + word.index + word[0].length;
    }
    if (capitals > 0) spans.push({ start: from, end });
  }
  return spans;
}

/** What ends a name's run: punctuation, a line break, or a full stop before a space. */
const RUN_STOP = /[,;:()[\]"“”\n]|\.(?:\s|$)/;

/**
 * A citation's end after a name: its acronym in parentheses ("(ICDE)") or a comma before a year or a
 * volume number (", 2024", ", 12(3)").
 */
const CITATION_END_AFTER_NAME = /^\s*(?:\(\s*[\p{Lu}][\p{L}\d'’&/-]*\s*\)|,\s*\d)/u;

/**
 * The rest of a name wrapped onto the next line, as a layout breaks a long citation anywhere
 * ("International Conference on Data\nEngineering (ICDE), 2026"), as a line break (one space) and
 * the next line's Title Case words; or nothing. Only where the citation visibly ends right after
 * those words: the next line may as well open an item of its own ("Workshop on Robotics\nPython,
 * Docker").
 */
function wrappedRest(text: string, lineStart: number): string {
  if (text[lineStart] === '\n') return '';
  const stop = text.slice(lineStart, lineStart + 160).search(RUN_STOP);
  if (stop <= 0) return '';
  const words = text.slice(lineStart, lineStart + stop);
  const all = matchesOf(WORD, words).map((w) => w[0]);
  if (all.length === 0 || !all.every(titleWord) || !CITATION_END_AFTER_NAME.test(text.slice(lineStart + stop))) return '';
  return ` ${words}`;
}

/** Every venue name in the text: the Title Case run after "Conference on", "Journal of", "Transactions on"… */
export function venueSpans(text: string): TextSpan[] {
  return titleRunsAfter(VENUE_OPENING, text);
}

/** Every organisation's field in the text: the Title Case run after "Institute of", "Center for"… */
export function organisationSpans(text: string): TextSpan[] {
  return titleRunsAfter(ORGANISATION_OPENING, text);
}

/** Words that close a club's name, with its field before them: "Design Thinking Club", "Data Science Society". */
const CLUB_CLOSING = /\b(?:Club|Society)\b/g;
/** Content words looked at before a club's closing word. */
const CLUB_REACH = 4;

/**
 * Every club's field in the text: the Title Case words right before "Club" or "Society" on its line
 * ("VP of the Design Thinking Club"). A club is a group the writer joined, named after what its
 * members are drawn to; what the writer did there shows in the words around it, not in its name.
 */
export function clubSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const found of matchesOf(CLUB_CLOSING, text)) {
    const lineStart = text.lastIndexOf('\n', found.index - 1) + 1;
    const before = text.slice(lineStart, found.index);
    const words = matchesOf(WORD, before);
    let start = found.index;
    let content = 0;
    // Back from the closing word, while only spaces stand between the words of the name.
    let nextAt = before.length;
    for (let k = words.length - 1; k >= 0 && content < CLUB_REACH; k--) {
      const word = words[k];
      if (!word || /[^ \t]/.test(before.slice(word.index + word[0].length, nextAt)) || !/^[\p{Lu}\d]/u.test(word[0])) break;
      content++;
      start = lineStart + word.index;
      nextAt = word.index;
    }
    if (content > 0) spans.push({ start, end: found.index });
  }
  return spans;
}

/** Whether an offset range lies inside one of the spans. */
export function insideSpan(spans: readonly TextSpan[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

/** Content words (not small words) looked at on each side of a mention. */
const TITLE_REACH = 3;

/**
 * Whether a mention stands inside a Title Case title on its line: it is capitalised, and at least
 * two content words around it (up to three each side, on the same line) are all capitalised.
 */
export function inTitleCase(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start, end))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const contentWords = (s: string): string[] => matchesOf(WORD, s).map((w) => w[0]).filter((w) => !SMALL.has(w.toLowerCase()) && /\p{L}/u.test(w));
  const before = contentWords(text.slice(lineStart, start).split(/[:"“”]/).pop() ?? '').slice(-TITLE_REACH);
  const after = contentWords(text.slice(end, lineEnd).split(/[,:"“”(]|\.(?:\s|$)/)[0] ?? '').slice(0, TITLE_REACH);
  const around = [...before, ...after];
  return around.length >= 2 && around.every(titleWord);
}
