/**
 * Reading order for PDF text. pdf.js returns text items in content-stream order, which is right for
 * LaTeX, Chromium and LibreOffice output; design tools and free-floating text boxes can interleave
 * two columns line by line. We keep stream order unless the geometry proves it breaks sentences
 * that continue down one column, and then read each column top to bottom.
 */

/** Why a reader cannot see a run of text. */
export type HiddenReason = 'white' | 'invisible' | 'tiny' | 'off-page';

/** One positioned run of text, in page coordinates with y growing downwards (baseline). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** Set when a reader cannot see the text: it is not read, and it is never evidence. */
  hidden?: HiddenReason;
}

export interface PdfPageContent {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Whether the page paints an image; looked for only on pages with next to no text (absent otherwise). */
  hasImage?: boolean;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  order: number;
}

/** A laid-out line and its baseline; blank lines (block breaks) have no position. */
export interface LaidLine {
  text: string;
  y: number | null;
}

export interface PageLayoutResult {
  lines: LaidLine[];
  reordered: boolean;
}

const SAME_BASELINE = 0.35; // fraction of the font size
const FRAGMENT_GAP = 1.4; // a horizontal gap wider than this many ems starts a new fragment

function buildFragments(items: PdfTextItem[]): Fragment[] {
  const fragments: Fragment[] = [];
  let current: Fragment | null = null;
  let spaceSeen = false;
  for (const item of items) {
    if (item.hidden) continue;
    const str = item.str.replace(/[\r\n]+/g, ' ');
    // pdf.js emits gaps as whitespace items, sometimes as wide as a gutter: they mark a word
    // boundary but must never stretch a fragment across the gap.
    if (str.trim().length === 0) {
      spaceSeen = spaceSeen || str.length > 0;
      continue;
    }
    const fs = item.fontSize > 0 ? item.fontSize : 10;
    const x1 = item.x + Math.max(0, item.width);
    if (current) {
      const sameLine = Math.abs(item.y - current.y) <= SAME_BASELINE * Math.max(fs, current.fontSize);
      const gap = item.x - current.x1;
      if (sameLine && gap > -0.5 * fs && gap <= FRAGMENT_GAP * fs) {
        const needsSpace = (spaceSeen || gap > 0.15 * fs) && !/\s$/.test(current.text) && !/^\s/.test(str);
        current.text += (needsSpace ? ' ' : '') + str;
        current.x1 = Math.max(current.x1, x1);
        spaceSeen = false;
        continue;
      }
    }
    current = { text: str, x0: item.x, x1, y: item.y, fontSize: fs, order: fragments.length };
    fragments.push(current);
    spaceSeen = false;
  }
  for (const f of fragments) f.text = f.text.trim();
  return fragments;
}

/** Finds an empty vertical strip between two populated sides of the page, if there is one. */
function findGutter(fragments: Fragment[], pageWidth: number): { left: number; right: number } | null {
  if (fragments.length < 8 || pageWidth <= 0) return null;
  const width = Math.ceil(pageWidth);
  const coverage = new Int32Array(width + 1);
  for (const f of fragments) {
    const a = Math.max(0, Math.floor(f.x0));
    const b = Math.min(width, Math.ceil(f.x1));
    for (let x = a; x <= b; x++) coverage[x] = (coverage[x] ?? 0) + 1;
  }
  // Fragments that cross the gutter (a name or a heading across the page) may block a few bins.
  const tolerance = Math.max(1, Math.floor(fragments.length * 0.12));
  let best: { left: number; right: number } | null = null;
  let runStart = -1;
  const lo = Math.floor(pageWidth * 0.15);
  const hi = Math.ceil(pageWidth * 0.85);
  for (let x = lo; x <= hi + 1; x++) {
    const open = x <= hi && (coverage[x] ?? 0) <= tolerance;
    if (open && runStart < 0) runStart = x;
    if (!open && runStart >= 0) {
      const run = { left: runStart, right: x - 1 };
      if (run.right - run.left >= 8 && (!best || run.right - run.left > best.right - best.left)) best = run;
      runStart = -1;
    }
  }
  if (!best) return null;
  const gutter = best;
  const sides = splitByGutter(fragments, gutter);
  return sides.left.length >= 4 && sides.right.length >= 4 ? gutter : null;
}

/**
 * Sides of the gutter: a fragment that covers the whole gutter spans both columns; any other
 * belongs to the side its start is on (a long line may intrude into the gutter a little).
 */
function splitByGutter(fragments: Fragment[], gutter: { left: number; right: number }): { left: Fragment[]; right: Fragment[]; spanning: Fragment[] } {
  const left: Fragment[] = [];
  const right: Fragment[] = [];
  const spanning: Fragment[] = [];
  const middle = (gutter.left + gutter.right) / 2;
  for (const f of fragments) {
    if (f.x0 < gutter.left && f.x1 > gutter.right) spanning.push(f);
    else if (f.x0 < middle) left.push(f);
    else right.push(f);
  }
  return { left, right, spanning };
}

/** Does line b read as the continuation of line a (same sentence running on)? */
function continues(a: string, b: string): boolean {
  return /^[\p{Ll}(]/u.test(b) && !/[.!?:;]$/.test(a);
}

function byPosition(a: Fragment, b: Fragment): number {
  return a.y - b.y || a.x0 - b.x0;
}

/**
 * Counts how often stream order puts the other column between two lines that continue each
 * other: zero for column-by-column streams, high for row-interleaved ones.
 */
function brokenContinuations(side: Fragment[], other: Fragment[]): { broken: number; total: number } {
  const sorted = [...side].sort(byPosition);
  let broken = 0;
  let total = 0;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (!a || !b) continue;
    if (b.y - a.y > 2.2 * Math.max(a.fontSize, b.fontSize)) continue;
    if (!continues(a.text, b.text)) continue;
    total++;
    const lo = Math.min(a.order, b.order);
    const hi = Math.max(a.order, b.order);
    if (other.some((o) => o.order > lo && o.order < hi)) broken++;
  }
  return { broken, total };
}

function joinRow(row: Fragment[]): string {
  return row.map((f) => f.text).join(' ');
}

/** Groups fragments into lines: consecutive fragments on one baseline form one line. */
function linesInOrder(fragments: Fragment[]): Fragment[][] {
  const rows: Fragment[][] = [];
  for (const f of fragments) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    if (row && last && Math.abs(f.y - last.y) <= SAME_BASELINE * Math.max(f.fontSize, last.fontSize) && f.x0 >= last.x1 - 1) {
      row.push(f);
    } else {
      rows.push([f]);
    }
  }
  return rows;
}

/**
 * Emits lines, with a blank line where the vertical gap says a new block starts. Moving up the
 * page (into the next column) also starts a block, unless the sentence plainly runs on.
 */
function emit(rows: Fragment[][]): LaidLine[] {
  const lines: LaidLine[] = [];
  let prev: Fragment | undefined;
  for (const row of rows) {
    const first = row[0];
    if (!first) continue;
    const text = joinRow(row);
    if (prev) {
      const dy = first.y - prev.y;
      const lead = 1.2 * Math.max(prev.fontSize, first.fontSize);
      const previousText = lines[lines.length - 1]?.text ?? '';
      const jumpsUp = dy < -lead;
      if (dy > 1.75 * lead || (jumpsUp && !continues(previousText, text))) lines.push({ text: '', y: null });
    }
    lines.push({ text, y: first.y });
    prev = first;
  }
  return lines;
}

export function layoutPage(page: PdfPageContent): PageLayoutResult {
  const fragments = buildFragments(page.items);
  const gutter = findGutter(fragments, page.width);
  if (gutter) {
    const { left, right, spanning } = splitByGutter(fragments, gutter);
    const l = brokenContinuations(left, right);
    const r = brokenContinuations(right, left);
    const broken = l.broken + r.broken;
    const total = l.total + r.total;
    if (broken >= 2 && broken >= 0.3 * total) {
      return { lines: readColumns(spanning, left, right), reordered: true };
    }
  }
  return { lines: emit(linesInOrder(fragments)), reordered: false };
}

/** Reads bands between full-width lines; inside each band, the left column, then the right. */
function readColumns(spanningFragments: Fragment[], left: Fragment[], right: Fragment[]): LaidLine[] {
  const spanning = [...spanningFragments].sort(byPosition);
  const rows: Fragment[][] = [];
  let remainingLeft = [...left].sort(byPosition);
  let remainingRight = [...right].sort(byPosition);
  const flushAbove = (y: number): void => {
    const l = remainingLeft.filter((f) => f.y < y);
    const r = remainingRight.filter((f) => f.y < y);
    remainingLeft = remainingLeft.filter((f) => f.y >= y);
    remainingRight = remainingRight.filter((f) => f.y >= y);
    rows.push(...groupByBaseline(l), ...groupByBaseline(r));
  };
  for (const s of spanning) {
    flushAbove(s.y - 0.5 * s.fontSize);
    rows.push([s]);
  }
  flushAbove(Number.POSITIVE_INFINITY);
  return emit(rows);
}

function groupByBaseline(sorted: Fragment[]): Fragment[][] {
  const rows: Fragment[][] = [];
  for (const f of sorted) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    if (row && last && Math.abs(f.y - last.y) <= SAME_BASELINE * Math.max(f.fontSize, last.fontSize)) row.push(f);
    else rows.push([f]);
  }
  return rows;
}

/** Text of a running header or footer: digits masked, so "Page 2 of 3" matches "Page 3 of 3". */
function runningKey(line: string): string {
  return line.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

const PAGE_NUMBER_LINE = /^(page\s*)?#(\s*(of|\/)\s*#)?$|^-\s*#\s*-$|^#\s*\/\s*#$/;

/** Share of the page height, at the top and at the bottom, where running headers and footers live. */
const MARGIN_ZONE = 0.12;

/**
 * Drops lines that sit in the top or bottom margin and repeat on most pages (running headers
 * and footers, page numbers), so they neither pollute sections nor count as repeated evidence.
 */
export function dropRunningLines(pages: Array<{ height: number; lines: LaidLine[] }>): { pages: LaidLine[][]; dropped: number } {
  const inMargin = (line: LaidLine, height: number): boolean =>
    line.y !== null && (line.y < height * MARGIN_ZONE || line.y > height * (1 - MARGIN_ZONE));
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.lines.filter((l) => inMargin(l, page.height)).map((l) => runningKey(l.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  let dropped = 0;
  const cleaned = pages.map((page) =>
    page.lines.filter((line) => {
      if (!inMargin(line, page.height)) return true;
      const key = runningKey(line.text);
      const drop = (pages.length > 1 && (counts.get(key) ?? 0) >= threshold) || PAGE_NUMBER_LINE.test(key);
      if (drop) dropped++;
      return !drop;
    }),
  );
  return { pages: cleaned, dropped };
}

export interface PdfLayoutResult {
  text: string;
  /** Each page's text, in order (`text` is them joined by a blank line). */
  pageTexts: string[];
  reorderedPages: number;
  /** Characters of text a reader cannot see, by reason; none of it is in `text`. */
  hiddenChars: Record<HiddenReason, number>;
}

/** Lays out every page and joins them, with running headers and footers removed. */
export function layoutPdf(pages: PdfPageContent[]): PdfLayoutResult {
  const laid = pages.map(layoutPage);
  const { pages: cleaned } = dropRunningLines(laid.map((p, i) => ({ height: pages[i]?.height ?? 0, lines: p.lines })));
  const hiddenChars: Record<HiddenReason, number> = { white: 0, invisible: 0, tiny: 0, 'off-page': 0 };
  for (const page of pages) for (const item of page.items) if (item.hidden) hiddenChars[item.hidden] += item.str.trim().length;
  const pageTexts = cleaned.map((lines) => lines.map((l) => l.text).join('\n'));
  return {
    text: pageTexts.join('\n\n'),
    pageTexts,
    reorderedPages: laid.filter((p) => p.reordered).length,
    hiddenChars,
  };
}
