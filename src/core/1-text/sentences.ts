/**
 * Sentence spans for context rules. Extracted text wraps prose at line ends, while CV lines are
 * often self-contained items; a line break continues a sentence only when the line before reads
 * as wrapped prose (long, no closing punctuation) or the next line starts in lower case.
 */
import { matchesOf } from '../0-base/matches';
export interface Span {
  start: number;
  end: number;
}

/**
 * Where a sentence ends inside a line: a stop before a capital, or a bullet typed into the line
 * (" - Python", " • Docker", " · SQL"), which starts the next list item. The dot of an
 * abbreviation that introduces what follows ("e.g. PyTorch", "i.e. Kubernetes", "vs. Spark",
 * "Dr. Smith") ends no sentence: the example belongs to the sentence that gives it.
 */
const INNER_BOUNDARY = /(?:[!?;]|(?<!\b(?:[eE]\.[gG]|[iI]\.[eE]|[vV]s|[iI]ncl|[aA]pprox|[cC]f|[eE]sp|[vV]iz|Mr|Mrs|Ms|Dr|Prof))\.)(?=\s+[\p{Lu}\d("'“‘])|\s[-•·▪](?=\s+[\p{Lu}])/gu;

/** Words a sentence cannot end with: a line that ends in one is wrapped, and the next line goes on. */
export const OPEN_END = /(?:[,&/–-]|\b(?:a|an|the|and|or|nor|but|of|in|on|with|without|to|for|by|as|at|from|into|including|such|like|via|using|our|your|their|its|is|are|be|that|which|who|than|both|either|e\.g\.|i\.e\.))$/i;

/**
 * Whether a line goes on with the sentence of the line before: it starts in lower case, or the
 * line before stops on a word no sentence ends with. A line that starts with a capital after a
 * complete line is a new item, as in lists written without bullets or full stops.
 */
function continues(previous: string, next: string): boolean {
  const prev = previous.trim();
  const line = next.trim();
  if (!prev || !line || /^[-•*]\s/.test(line) || /[.!?:;]$/.test(prev)) return false;
  return /^[\p{Ll}(]/u.test(line) || OPEN_END.test(prev) || wrappedProse(prev);
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
  return prev.length >= BREAK_MIN && !/[.!?:;]$/.test(prev) && /^[\p{Ll}]/u.test(line) && !/^[-•*]\s/.test(line);
}

/** A line this long that opened a sentence after a full stop and left it unfinished is prose a PDF wrapped. */
const WRAP_MIN = 60;

/**
 * Whether a line is wrapped prose: long, with a full stop inside it, and the sentence that stop
 * opened still unfinished at the line's end ("… who loves numbers. I've used Excel daily and I'm
 * learning\nPython on weekends."). A list item written without a bullet has no stop inside it.
 */
function wrappedProse(line: string): boolean {
  if (line.length < WRAP_MIN) return false;
  const stop = line.search(/[.!?]\s+[\p{Lu}]/u);
  return stop > 0 && line.length - stop > 20;
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
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) {
      if (blankAt < 0) blankAt = lineStart;
      continue;
    }
    if (blankAt >= 0) {
      if (!(sentenceStart >= 0 && goesOnAcrossBreak(previous, line))) {
        close(blankAt);
        previous = '';
      }
      blankAt = -1;
    }
    if (sentenceStart >= 0 && !continues(previous, line)) close(lineStart - 1);
    if (sentenceStart < 0) sentenceStart = lineStart;
    for (const m of matchesOf(INNER_BOUNDARY, line)) {
      // A stop stays with its sentence; a typed bullet starts the next one.
      const at = lineStart + m.index + (m[0].startsWith(' ') ? 0 : 1);
      close(at);
      sentenceStart = at + 1;
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
      while (s < e && /\s/.test(text[s] ?? '')) s++;
      while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
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
