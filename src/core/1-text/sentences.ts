/**
 * Sentence spans for context rules. Extracted text wraps prose at line ends, while CV lines are
 * often self-contained items; a line break continues a sentence only when the line before reads
 * as wrapped prose (long, no closing punctuation) or the next line starts in lower case.
 */
import { matchesOf } from '../0-base/matches';
import { lineStarts } from './lines';
export interface Span {
  start: number;
  end: number;
}

/** Abbreviations whose dot introduces what follows ("e.g. PyTorch", "vs. Spark", "Dr. Lee") and ends no sentence. */
const EXAMPLE_ABBREVIATIONS = String.raw`[eE]\.[gG]|[iI]\.[eE]|[vV]s|[iI]ncl|[aA]pprox|[cC]f|[eE]sp|[vV]iz|Mr|Mrs|Ms|Dr|Prof`;
/** The first word of a sentence glued to the one before: a capital and two small letters, or "A", "An" or "I" and a word. */
const GLUED_NEXT = String.raw`[\p{Lu}][\p{Ll}]{2}|(?:A|An|I)\s+\p{Ll}`;
/**
 * A stop, or a closing bracket, written right against the next sentence's first word, as page copy
 * scraped without its line breaks runs one item into the next ("…would be a plus.Solid Go skills",
 * "Rust (for tooling)A strong testing habit"): after a small letter, a digit or a bracket. The
 * abbreviations that introduce an example stay joined ("e.g.Terraform"). The stop is matched first
 * and the letters before it are looked at after, so that the pattern is tried only at stops and
 * brackets.
 */
const GLUED_STOP = String.raw`[.!?](?=${GLUED_NEXT})(?<=[\p{Ll}\d%)\]][.!?])(?<!\b(?:${EXAMPLE_ABBREVIATIONS})\.)|\)(?=${GLUED_NEXT})`;

/**
 * An equal-opportunity statement run into the item before it with no stop, as a job page copied
 * without its line breaks joins its last requirement to its boilerplate ("…LightGBM or deep
 * learning Brackley Freight is an equal opportunity employer and…"): the statement's subject, one
 * to three capitalised words after a word's end (a small letter, a digit, a bracket, or the sign
 * that ends a name such as C++ or C#), opens a new sentence, so the statement's rule reaches only
 * its own words. The statement's verb is found first, and the subject looked for in the few words
 * before it: a pattern that may start at any space would cost every line.
 */
const EQUAL_OPPORTUNITY_VERB = /\b(?:is|are)\s+(?:proud\s+to\s+be\s+)?an?\s+equal[- ](?:opportunity|employment)/gi;
const SUBJECT_BEFORE = /(?<=[\p{Ll}\d)\]+#%])\s(?=(?:\p{Lu}[\p{L}\d.&'’-]*\s+){1,3}$)/gu;
/** How far before the verb its subject may start. */
const SUBJECT_REACH = 80;

/**
 * Where a sentence ends inside a line: a stop before a capital, or a bullet typed into the line
 * (" - Python", " • Docker", " · SQL"), which starts the next list item. The dot of an
 * abbreviation that introduces what follows ("e.g. PyTorch", "i.e. Kubernetes", "vs. Spark",
 * "Dr. Smith") ends no sentence: the example belongs to the sentence that gives it.
 */
const INNER_BOUNDARY = new RegExp(String.raw`(?:[!?;]|(?<!\b(?:${EXAMPLE_ABBREVIATIONS}))\.)(?=\s+[\p{Lu}\d("'“‘])|\s[-•·▪](?=\s+[\p{Lu}])|${GLUED_STOP}`, 'gu');

/** Words a sentence cannot end with: a line that ends in one is wrapped, and the next line goes on. */
export const OPEN_END = /(?:[,&/–-]|\b(?:a|an|the|and|or|nor|but|of|in|on|with|without|to|for|by|as|at|from|into|including|such|like|via|using|my|our|your|their|its|some|is|are|be|that|which|who|than|both|either|e\.g\.|i\.e\.))$/i;

// The per-line and per-character tests, made once: a literal in a function is a new object at every call.
const BULLET_OPENS = /^[-•*]\s/;
const STOP_ENDS = /[.!?:;]$/;
const LOWER_OR_BRACKET_OPENS = /^[\p{Ll}(]/u;
const LOWER_OPENS = /^[\p{Ll}]/u;
const SPACE = /\s/;

/**
 * Whether a line goes on with the sentence of the line before: the line before stops on a word no
 * sentence ends with, or is wrapped prose, or the line starts in lower case where the line before
 * was wrapped, not broken by hand. A line that starts with a capital after a complete line is a new
 * item, as in lists written without bullets or full stops; so is one in lower case after a line
 * broken by hand, as a PDF prints a list whose bullets it dropped ("Argo, MLflow)\nmake model
 * deployment boring").
 */
function continues(previous: string, next: string, brokenByHand: () => boolean): boolean {
  const prev = previous.trim();
  const line = next.trim();
  if (!prev || !line || BULLET_OPENS.test(line) || STOP_ENDS.test(prev)) return false;
  if (OPEN_END.test(prev) || wrappedProse(prev)) return true;
  // A word alone on its line is a table cell or a heading a layout split ("Machine\nlearning"), no
  // item; a sentence opened inside the line after a stop ("… scientist. Eight\nyears of …") goes on.
  return LOWER_OR_BRACKET_OPENS.test(line) && (!SPACE.test(prev) || SENTENCE_OPENED.test(prev) || !brokenByHand());
}

/** How many lines on each side show how wide a paragraph's lines run. */
const WIDTH_LINES = 3;

/**
 * Whether the break after line k was made by hand: the next line's first word would have fitted
 * on line k, as wide as the lines around them run. A PDF, or an editor, wraps a line only where
 * the next word does not fit. The second widest line nearby gives the width, so that one line
 * the layout joined whole (a paragraph printed as one line) does not make every line look short.
 * `starts`: the text's line starts (lineStarts); `widths`: each line's length without trailing
 * blanks (lineWidths). `slack`: the line must leave some room more, as letters differ in width; a
 * sentence is ended only so, while the phrase walk, which only stops a phrase at the break, reads
 * any room as enough.
 */
export function brokenByHand(text: string, starts: readonly number[], widths: readonly number[], k: number, slack = true): boolean {
  let widest = 0;
  let second = 0;
  for (let m = Math.max(0, k - WIDTH_LINES); m <= Math.min(starts.length - 1, k + 1 + WIDTH_LINES); m++) {
    const width = widths[m] ?? 0;
    if (width > widest) {
      second = widest;
      widest = width;
    } else if (width > second) second = width;
  }
  const next = starts[k + 1];
  let firstWord = 0;
  if (next !== undefined) {
    FIRST_WORD.lastIndex = next;
    firstWord = FIRST_WORD.exec(text)?.[1]?.length ?? 0;
  }
  // Letters differ in width: to end a sentence, a line counts as short only with room to spare.
  return (widths[k] ?? 0) + 1 + firstWord <= second - (slack ? Math.max(HAND_BREAK_SLACK, Math.ceil(second / 10)) : 0);
}

/** The first word of a line, after its indent. */
const FIRST_WORD = /[ \t]*(\S*)/y;

/** Characters of room a line must leave before its break reads as made by hand (see brokenByHand). */
const HAND_BREAK_SLACK = 6;

/** Each line's length without its trailing blanks (space, tab, carriage return); `starts` from lineStarts. */
export function lineWidths(text: string, starts: readonly number[]): number[] {
  return starts.map((start, m) => {
    let end = (starts[m + 1] ?? text.length + 1) - 1;
    while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9 || text.charCodeAt(end - 1) === 13)) end--;
    return end - start;
  });
}

/** A line cut by a column or page break is wrapped text this long at least. */
const BREAK_MIN = 40;

/**
 * Whether a sentence goes on after blank lines: a PDF's column or page break cut it. The line
 * before is long wrapped text left unfinished, and the line after starts in lower case ("…it did
 * not beat the simpler\n\nmodels on our data…"); a new paragraph or item starts with a capital.
 */
function goesOnAcrossBreak(previous: string, next: string): boolean {
  const prev = previous.trim();
  const line = next.trim();
  return prev.length >= BREAK_MIN && !STOP_ENDS.test(prev) && LOWER_OPENS.test(line) && !BULLET_OPENS.test(line);
}

/** A stop inside a line and the capital of the sentence it opens. */
const SENTENCE_OPENED = /[.!?]\s+\p{Lu}/u;

/** A line this long that opened a sentence after a full stop and left it unfinished is prose a PDF wrapped. */
const WRAP_MIN = 60;

/**
 * Whether a line is wrapped prose: long, with a full stop inside it, and the sentence that stop
 * opened still unfinished at the line's end ("… who loves numbers. I've used Excel daily and I'm
 * learning\nPython on weekends."). A list item written without a bullet has no stop inside it.
 */
function wrappedProse(line: string): boolean {
  if (line.length < WRAP_MIN) return false;
  const stop = line.search(SENTENCE_OPENED);
  return stop > 0 && line.length - stop > 20;
}

/** A place where a sentence ends inside a line: where it starts and what it matched, as a match of INNER_BOUNDARY gives them. */
interface Boundary {
  index: number;
  0: string;
}

/** Where sentences end inside a line, in order. */
function innerBoundaries(line: string): readonly Boundary[] {
  const found: Boundary[] = matchesOf(INNER_BOUNDARY, line);
  if (!line.includes('qual ') && !line.includes('qual-')) return found;
  const statements: Boundary[] = [];
  for (const verb of matchesOf(EQUAL_OPPORTUNITY_VERB, line)) {
    const from = Math.max(0, verb.index - SUBJECT_REACH);
    // Each capitalised word that may open the subject starts a sentence: a name in capitals
    // before the company's ("…in Scala Brackley Freight is…") stands alone, not in the statement.
    for (const subject of matchesOf(SUBJECT_BEFORE, line.slice(from, verb.index))) statements.push({ index: from + subject.index, 0: ' ' });
  }
  return statements.length ? [...found, ...statements].sort((a, b) => a.index - b.index) : found;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let sentenceStart = -1;
  let previous = '';
  let offset = 0;
  const close = (end: number): void => {
    if (sentenceStart >= 0 && end > sentenceStart) spans.push({ start: sentenceStart, end });
    sentenceStart = -1;
  };
  // Where the blank lines after an open sentence begin: the sentence ends there unless a column or
  // page break cut it (see goesOnAcrossBreak).
  let blankAt = -1;
  const lines = text.split('\n');
  let starts: number[] | undefined;
  let widths: number[] | undefined;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) {
      if (blankAt < 0) blankAt = lineStart;
      continue;
    }
    // A sentence a column or page break cut goes on (goesOnAcrossBreak); otherwise the line before
    // is the one right above, whose width says whether it was broken by hand.
    let acrossBreak = false;
    if (blankAt >= 0) {
      acrossBreak = sentenceStart >= 0 && goesOnAcrossBreak(previous, line);
      if (!acrossBreak) {
        close(blankAt);
        previous = '';
      }
      blankAt = -1;
    }
    if (sentenceStart >= 0 && !acrossBreak && !continues(previous, line, () => {
        starts ??= lineStarts(text);
        widths ??= lineWidths(text, starts);
        return brokenByHand(text, starts, widths, k - 1);
      })) close(lineStart - 1);
    if (sentenceStart < 0) sentenceStart = lineStart;
    for (const m of innerBoundaries(line)) {
      // A stop stays with its sentence; a typed bullet starts the next one; a glued stop's next
      // sentence starts right after it.
      const at = lineStart + m.index + (m[0].startsWith(' ') ? 0 : 1);
      close(at);
      sentenceStart = SPACE.test(line[m.index + 1] ?? ' ') ? at + 1 : at;
    }
    previous = line;
  }
  close(blankAt >= 0 ? blankAt : text.length);
  // Trim the spans' leading and trailing white space; cut run-on text into bounded pieces.
  const trimmed: Span[] = [];
  for (const span of spans) {
    for (const { start, end } of boundedPieces(text, span)) {
      let s = start;
      let e = end;
      while (s < e && SPACE.test(text[s] ?? '')) s++;
      while (e > s && SPACE.test(text[e - 1] ?? '')) e--;
      if (e > s) trimmed.push({ start: s, end: e });
    }
  }
  return trimmed;
}

/**
 * No real sentence runs past MAX_SENTENCE characters; text that does (a 1 MB line, a list with no
 * stops) is cut at the last space before the bound. Each mention is judged within its sentence,
 * so this bounds the work per mention: without it one long line costs time in its length squared.
 */
export const MAX_SENTENCE = 1_000;

function boundedPieces(text: string, span: Span): Span[] {
  if (span.end - span.start <= MAX_SENTENCE) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE) {
    const space = text.lastIndexOf(' ', start + MAX_SENTENCE);
    const end = space > start + MAX_SENTENCE / 2 ? space : start + MAX_SENTENCE;
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

/** Index of the span holding each offset, by binary search over sorted spans. */
export function spanIndexAt(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) break;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
