/**
 * Where each word read by OCR ended up in the extracted text, with the confidence tesseract gave
 * it. The OCR engine reports words, not offsets, and normalisation then rewrites the text (spaces,
 * ligatures, words broken at a line end joined again), so the words are aligned to the final text
 * by their letters: in order, a short look ahead for words normalisation dropped, two OCR pieces
 * matching one word where a line-end hyphen was removed. A word that cannot be placed is left out,
 * and evidence over it carries no confidence rather than a wrong one.
 */

import { countBefore } from '../0-base/sorted';

/** A word read by OCR: its text and its confidence (0–100). */
export interface OcrWord {
  text: string;
  confidence: number;
}

/** An OCR word's place in the extracted text (offsets as evidence uses them) and its confidence. */
export interface OcrWordSpan {
  start: number;
  end: number;
  confidence: number;
}

/** The words of one page read by OCR, and how many words of text come before that page in the raw text. */
export interface OcrSegment {
  words: readonly OcrWord[];
  wordsBefore: number;
}

interface Piece {
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function pieces(text: string): Piece[] {
  const found: Piece[] = [];
  for (const m of text.matchAll(WORD)) found.push({ key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return found;
}

/** Words of the raw text, counted as `alignOcrWords` counts them. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** How far ahead a word is looked for: normalisation drops a few (icons, page debris), never many. */
const LOOK_AHEAD = 12;
/** How far from its estimated start a page's first words are looked for: normalisation removes a few words before it. */
const SLACK = 24;
/** How many of a page's first words must follow each other in the text to place the page. */
const ANCHOR_WORDS = 4;

/**
 * Where a page starts in the text: the place nearest its estimated start (the words before it in
 * the raw text; normalisation only removes words, so nearer the start first) where its first
 * words stand in order. Falls back on the estimate.
 */
function pageStart(target: readonly Piece[], source: ReadonlyArray<{ key: string }>, estimate: number, from: number): number {
  const k = Math.min(ANCHOR_WORDS, source.length);
  const matchesAt = (j: number): boolean => {
    for (let n = 0; n < k; n++) if (target[j + n]?.key !== source[n]?.key) return false;
    return true;
  };
  const candidates: number[] = [];
  for (let d = 0; d <= SLACK; d++) candidates.push(estimate - d);
  for (let d = 1; d <= SLACK; d++) candidates.push(estimate + d);
  for (const j of candidates) if (j >= from && k > 0 && matchesAt(j)) return j;
  return Math.max(from, estimate);
}

export function alignOcrWords(text: string, segments: readonly OcrSegment[]): OcrWordSpan[] {
  const target = pieces(text);
  const spans: OcrWordSpan[] = [];
  let at = 0;
  for (const segment of segments) {
    const source = segment.words.flatMap((w) => pieces(w.text).map((p) => ({ key: p.key, confidence: w.confidence })));
    at = pageStart(target, source, segment.wordsBefore, at);
    for (let i = 0; i < source.length && at < target.length; i++) {
      const word = source[i];
      if (!word) break;
      for (let j = at; j < Math.min(target.length, at + LOOK_AHEAD); j++) {
        const here = target[j];
        if (!here) break;
        if (here.key === word.key) {
          spans.push({ start: here.start, end: here.end, confidence: word.confidence });
          at = j + 1;
          break;
        }
        // "deve-" + "lopment" at a line end, joined by normalisation into one word.
        const next = source[i + 1];
        if (next && here.key === word.key + next.key) {
          spans.push({ start: here.start, end: here.end, confidence: Math.min(word.confidence, next.confidence) });
          at = j + 1;
          i++;
          break;
        }
      }
      // A word not found was removed by normalisation or reads differently: the next one tries from the same place.
    }
  }
  return spans;
}

/** The lowest confidence of the OCR words that overlap [start, end), or undefined where OCR read none of it. */
export function confidenceOver(spans: readonly OcrWordSpan[], start: number, end: number): number | undefined {
  // Spans are in text order: binary search for the first that ends after `start`.
  const lo = countBefore(spans, (span) => span.end <= start);
  let lowest: number | undefined;
  for (let k = lo; k < spans.length; k++) {
    const span = spans[k];
    if (!span || span.start >= end) break;
    lowest = lowest === undefined ? span.confidence : Math.min(lowest, span.confidence);
  }
  return lowest;
}
