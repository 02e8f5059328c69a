/**
 * A PDF's pages as they pass from a PDF thread to the service. A page's text items are a few
 * hundred small objects, and a message copies an object field by field on both sides: packed into
 * one string and three typed arrays, a two-page CV's pages are read back on the service's thread in
 * about a fifth of the time. What is unpacked equals, field for field, what was packed.
 */
import type { HiddenReason, PdfPageContent, PdfTextItem } from '../core/1-text/pdf-layout';

export interface PageOnTheWire {
  width: number;
  height: number;
  hasImage?: boolean;
  /** Every item's text, one after another. */
  text: string;
  /** Where each item's text ends in `text`. */
  ends: Uint32Array;
  /** x, y, width and font size of each item, four numbers an item. */
  numbers: Float64Array;
  /** Why each item is hidden, as 1 + its place in HIDDEN_REASONS; 0 when it is shown. */
  hidden: Uint8Array;
}

const HIDDEN_REASONS: readonly HiddenReason[] = ['white', 'invisible', 'tiny', 'off-page'];

export function packPage(page: PdfPageContent): PageOnTheWire {
  const { items } = page;
  const ends = new Uint32Array(items.length);
  const numbers = new Float64Array(items.length * 4);
  const hidden = new Uint8Array(items.length);
  const texts: string[] = [];
  let end = 0;
  items.forEach((item, i) => {
    texts.push(item.str);
    end += item.str.length;
    ends[i] = end;
    numbers[i * 4] = item.x;
    numbers[i * 4 + 1] = item.y;
    numbers[i * 4 + 2] = item.width;
    numbers[i * 4 + 3] = item.fontSize;
    if (item.hidden) hidden[i] = HIDDEN_REASONS.indexOf(item.hidden) + 1;
  });
  const packed: PageOnTheWire = { width: page.width, height: page.height, text: texts.join(''), ends, numbers, hidden };
  if (page.hasImage !== undefined) packed.hasImage = page.hasImage;
  return packed;
}

export function unpackPage(packed: PageOnTheWire): PdfPageContent {
  const items: PdfTextItem[] = [];
  const { text, ends, numbers, hidden } = packed;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] ?? start;
    // Built in one shape, fields in the order the PDF thread gives them.
    const item: PdfTextItem = { str: text.slice(start, end), x: numbers[i * 4] ?? 0, y: numbers[i * 4 + 1] ?? 0, width: numbers[i * 4 + 2] ?? 0, fontSize: numbers[i * 4 + 3] ?? 0 };
    const reason = HIDDEN_REASONS[(hidden[i] ?? 0) - 1];
    if (reason) item.hidden = reason;
    items.push(item);
    start = end;
  }
  const page: PdfPageContent = { width: packed.width, height: packed.height, items };
  if (packed.hasImage !== undefined) page.hasImage = packed.hasImage;
  return page;
}
