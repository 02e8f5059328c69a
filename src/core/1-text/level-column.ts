/**
 * A requirements table's level column. Ads often give their requirements as a table whose last
 * (or, written with bars, first) column says how much each row matters ("Area | What we mean | Level", with "Required", "Bonus"
 * or "Not needed" in each row). As text, the level cell either ends its row's line (HTML and DOCX
 * tables, PDF rows of one line) or stands on a line of its own after the row (PDF tables whose
 * cells are centred vertically). A cell speaks for its row only: it is not a heading, and a
 * "Bonus" cell must not make the rest of the ad preferred.
 *
 * A document has a level column when three or more lines are such cells, and no line holding
 * only a level word is followed by a bulleted list or ends in a colon (that is a heading: "Nice to
 * have" over its items, "Must have:" over plain lines). A cell on its own line covers the lines
 * since the previous cell, at most the few lines of one row; for the first cell, the paragraph
 * just above it.
 */
import { BULLET_LINE, lineIndexAt, lineStarts, nextNonBlank } from './lines';

export type Level = 'required' | 'preferred' | 'not-needed';

const PREFERRED_WORDS = ['bonus', 'nice', 'nice to have', 'nice-to-have', 'preferred', 'desirable', 'optional', 'a plus', 'plus', 'advantageous', 'an advantage', 'good to have'];
const REQUIRED_WORDS = ['required', 'essential', 'must', 'must have', 'must-have', 'mandatory'];
const NOT_NEEDED_WORDS = ['not needed', 'not required', 'not necessary', 'not expected', 'no need'];
const ALTERNATIVES = [...PREFERRED_WORDS, ...REQUIRED_WORDS, ...NOT_NEEDED_WORDS].map((w) => w.replace(/[-\s]/g, '[-\\s]')).join('|');
const LEVEL_WORD = new RegExp(`^(?:${ALTERNATIVES})$`, 'i');
/** A cell on its own line: the level word, alone or before a dash and a reason ("Not needed – the planning team owns it"). */
const OWN_LINE_CELL = new RegExp(`^(${ALTERNATIVES})(?:\\s*[.]?|\\s+[–—-]\\s.*)$`, 'i');
/**
 * A level word ending a row's line. Normalised text keeps one space between cells, so the cell
 * is known by its capital after a row of three or more words ("Unit tests, CI, code review
 * Required"); prose ends in lower case ("… is a plus").
 */
const TRAILING_CELL = /^\s*(?:\S+\s+){3,}([A-Z][a-z]+(?:[- ][a-z]+)*)[ \t]*$/;
/** A level word in the first cell of a row written with bars: "| Must | Python and one JVM language |". */
const LEADING_CELL = /^\s*\|\s*([A-Za-z][A-Za-z -]*?)\s*\|\s*\S/;
const MIN_CELLS = 3;

/**
 * A legend that gives the levels letters ("E = Essential, D = Desirable", "Essential (E) /
 * Desirable (D)"), as person specifications do; each row then ends in its letter ("Python (E)").
 * A letter is its level word's initial, and a legend defines two or more on one line.
 */
const LEGEND_PAIR = new RegExp(String.raw`\(?\b([A-Z])\b\)?\s*(?:[=:–—-]\s*)?(${ALTERNATIVES})\b|\b(${ALTERNATIVES})\s*\(([A-Z])\)`, 'gi');
/** A legend's letter in brackets alone on its line, wrapped there from the row above. */
const LETTER_ALONE = /^\s*\(([A-Z])\)\s*$/;
/** A row ending in a legend's letter, bracketed or standing as the last cell. */
const LETTER_CELL = /^\s*(?:\S+\s+){2,}\(?([A-Z])\)?[ \t]*$/;

function legendLetters(lines: readonly string[]): Map<string, Level> {
  for (const line of lines) {
    if (line.length > 120) continue;
    const letters = new Map<string, Level>();
    for (const m of line.matchAll(LEGEND_PAIR)) {
      const letter = m[1] ?? m[4];
      const word = m[2] ?? m[3];
      // Only an upper-case letter that is the word's initial: "a plus" or "is essential" define nothing.
      if (letter === undefined || word === undefined || letter !== letter.toUpperCase() || letter !== word[0]?.toUpperCase()) continue;
      letters.set(letter, levelOf(word));
    }
    if (letters.size >= 2) return letters;
  }
  return new Map();
}
/** A row of a table is a few lines at most; further back is not the row a cell belongs to. */
const MAX_ROW_LINES = 6;

function levelOf(word: string): Level {
  const key = word.toLowerCase().replace(/[-\s]+/g, ' ');
  const is = (words: string[]): boolean => words.some((w) => w.replace(/-/g, ' ') === key);
  return is(REQUIRED_WORDS) ? 'required' : is(NOT_NEEDED_WORDS) ? 'not-needed' : 'preferred';
}

/** A cell's borders, bullets and closing colon, around its words. */
const CELL_EDGES = /^[|•·\-–—\s]+|[|:\s]+$/g;
/** What CELL_EDGES takes off the start of a line. */
const LEADING_EDGE = /[|•·\-–—\s]/;

const LEVEL_PHRASES = [...PREFERRED_WORDS, ...REQUIRED_WORDS, ...NOT_NEEDED_WORDS].map((w) => w.split(/[-\s]/));
/** The first and the last word of each level phrase: a cell's words start with one, a row's trailing cell ends with one. */
const FIRST_LEVEL_WORDS: ReadonlySet<string> = new Set(LEVEL_PHRASES.map((words) => words[0] ?? ''));
const LAST_LEVEL_WORDS: ReadonlySet<string> = new Set(LEVEL_PHRASES.map((words) => words[words.length - 1] ?? ''));

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/*
 * The level patterns are tried only on lines whose first or last word is one of a level phrase's:
 * most lines are not cells, and the patterns would be tried at each of their characters.
 */
/** The run of ASCII letters that starts at `start`, in lower case. */
function lettersAfter(line: string, start: number): string {
  let k = start;
  while (k < line.length && isAsciiLetter(line.charCodeAt(k))) k++;
  return line.slice(start, k).toLowerCase();
}
/** The run of ASCII letters that ends at `end`, in lower case. */
function lettersBefore(line: string, end: number): string {
  let k = end;
  while (k > 0 && isAsciiLetter(line.charCodeAt(k - 1))) k--;
  return line.slice(k, end).toLowerCase();
}

/** The level word of a line holding only a cell ("Bonus", "| Required |", "Not needed – …"), else null. */
function ownLineCell(line: string): string | null {
  let first = 0;
  while (first < line.length && LEADING_EDGE.test(line[first] ?? '')) first++;
  if (!FIRST_LEVEL_WORDS.has(lettersAfter(line, first))) return null;
  const words = line.trim().replace(CELL_EDGES, '');
  return OWN_LINE_CELL.exec(words)?.[1] ?? null;
}

/** Whether a line may end in a level cell (TRAILING_CELL): its last word ends some level phrase. */
function mayEndInLevelWord(line: string): boolean {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return LAST_LEVEL_WORDS.has(lettersBefore(line, end));
}

export interface LevelColumn {
  /** Line numbers of cells standing on a line of their own: no heading is read in them. */
  readonly cellLines: ReadonlySet<number>;
  /** The level of the row a text offset stands in, or null outside the table's rows. */
  at(offset: number): Level | null;
}

const NONE: LevelColumn = { cellLines: new Set(), at: () => null };

/** `lines`: the text's lines, when the caller has them already. */
export function levelColumn(text: string, lines: readonly string[] = text.split('\n')): LevelColumn {
  const own = new Map<number, Level>();
  const trailing = new Map<number, Level>();
  const letters = /\(\s*[A-Z]\s*\)|\s[A-Z]\s*$/m.test(text) ? legendLetters(lines) : new Map<string, Level>();
  for (const [i, line] of lines.entries()) {
    const letter = letters.size ? LETTER_CELL.exec(line)?.[1] : undefined;
    const lettered = letter === undefined ? undefined : letters.get(letter);
    if (lettered !== undefined) {
      trailing.set(i, lettered);
      continue;
    }
    // A bracketed letter a PDF wrapped onto a line of its own is a cell on its own line.
    const letterAlone = letters.size ? LETTER_ALONE.exec(line)?.[1] : undefined;
    const aloneLevel = letterAlone === undefined ? undefined : letters.get(letterAlone);
    if (aloneLevel !== undefined) {
      own.set(i, aloneLevel);
      continue;
    }
    const alone = ownLineCell(line);
    if (alone !== null) {
      const next = nextNonBlank(lines, i);
      // A level word over a bulleted list is that list's heading: the document has no level column.
      // So is one that leads in with a colon ("Must have:" over plain lines, where a PDF dropped
      // the bullets): a cell never ends in one.
      if ((next !== undefined && BULLET_LINE.test(next)) || /:\s*$/.test(line)) return NONE;
      own.set(i, levelOf(alone));
      continue;
    }
    const cell = mayEndInLevelWord(line) ? TRAILING_CELL.exec(line)?.[1] : undefined;
    const leading = cell !== undefined && LEVEL_WORD.test(cell) ? undefined : LEADING_CELL.exec(line)?.[1];
    if (cell !== undefined && LEVEL_WORD.test(cell)) trailing.set(i, levelOf(cell));
    // A row's leading cell speaks for its own line, as a trailing one does.
    else if (leading !== undefined && LEVEL_WORD.test(leading)) trailing.set(i, levelOf(leading));
  }
  if (own.size + trailing.size < MIN_CELLS) return NONE;

  const levels: Array<Level | null> = new Array<Level | null>(lines.length).fill(null);
  for (const [i, level] of trailing) levels[i] = level;
  let previousCell = -1;
  for (let i = 0; i < lines.length; i++) {
    if (trailing.has(i)) previousCell = i;
    const level = own.get(i);
    if (level === undefined) continue;
    let from = i - 1;
    if (previousCell < 0) {
      // The first cell: the paragraph just above it (blank lines between them aside).
      while (from >= 0 && !lines[from]?.trim()) from--;
      while (from > 0 && lines[from - 1]?.trim()) from--;
    } else {
      from = previousCell + 1;
    }
    let rowLines = 0;
    for (let k = i - 1; k >= Math.max(from, 0); k--) {
      if (!lines[k]?.trim()) continue;
      if (++rowLines > MAX_ROW_LINES) break;
      levels[k] = level;
    }
    previousCell = i;
  }

  const starts = lineStarts(text);
  return {
    cellLines: new Set(own.keys()),
    at: (at: number): Level | null => levels[lineIndexAt(starts, at)] ?? null,
  };
}
