/**
 * Runs inside a worker thread of the PDF pool: pdf-parse (pdf.js) reads the bytes and returns
 * positioned text items. Errors cross the thread boundary as plain data, never as exceptions.
 */
// Before pdf-parse: it replaces Array.prototype.push when it loads.
import { restoreNativeArrayPush } from './native-array-push';
import { PDFParse } from 'pdf-parse';
import type { PdfPageContent, PdfTextItem } from '../core/1-text/pdf-layout';
import { hexLuminance } from './pdf-fill-colours';
import { packPage, type PageOnTheWire } from './pdf-pages-wire';
import { FILL_OPERATORS, fillKind, stencilMaskKind, takePaintedAreas, type AreaKind, type Box, type PaintedArea } from './pdf-painted-areas';
import { howShown, PAINTED_BEFORE, readTextOnly, SET_TEXT_RENDERING_MODE, SHOWN, SHOWN_AS, usePatchedPdfJsWorker, type ShownAs } from './pdfjs-worker';

export interface PdfWorkerTask {
  bytes: Uint8Array;
  maxPages: number;
  /** Render pages to PNG images this many pixels wide (for OCR), instead of reading their text. */
  renderWidth?: number;
  /** Which pages to render (1-based, within maxPages); all of the first maxPages when absent. */
  renderPages?: number[];
}

export type PdfWorkerResult =
  | {
      ok: true;
      totalPages: number;
      pages: PdfPageContent[];
      images?: Uint8Array[];
      /** How many pages had their operators walked for white text: each without the changed pdf.js, none with it. */
      pagesWalked?: number;
    }
  | { ok: false; code: 'pdf-encrypted' | 'unreadable-document' | 'document-too-complex'; detail: string };

/** Largest page image rendered for OCR (as for uploaded images: a page at 600 dpi is about 35 megapixels). */
const MAX_RENDER_PIXELS = 40_000_000;

/** The small part of pdf.js's document API that we use (pdf-parse loads it for us). */
interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  /** Set by the changed pdf.js (pdfjs-worker.ts): how the item's glyphs are shown. */
  [SHOWN_AS]?: ShownAs;
  [PAINTED_BEFORE]?: number;
}
interface PdfJsViewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}
interface PdfJsPage {
  getViewport(options: { scale: number }): PdfJsViewport;
  getTextContent(): Promise<{ items: Array<PdfJsTextItem | { type: string }> }>;
  getOperatorList(params?: { annotationMode?: number }): Promise<{ fnArray: ArrayLike<number>; argsArray: unknown[] }>;
  cleanup(): void;
}

/** pdf.js operator codes we follow (stable across pdf.js 3-5; pdf.js reports every fill and stroke colour as RGB hex). */
const OP = {
  save: 10, restore: 11, transform: 12, setTextRenderingMode: SET_TEXT_RENDERING_MODE,
  showText: 44, showSpacedText: 45, nextLineShowText: 46, nextLineSetSpacingShowText: 47,
  setStrokeRGBColor: 58, setFillRGBColor: 59, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83, paintImageMaskXObjectGroup: 84, paintImageXObject: 85, paintInlineImageXObject: 86,
  paintInlineImageXObjectGroup: 87, paintImageXObjectRepeat: 88, paintImageMaskXObjectRepeat: 89, constructPath: 91,
} as const;
/** Operators that paint an image: image masks, images and inline images, alone, grouped or repeated. */
const IMAGE_OPS: ReadonlySet<number> = new Set([
  OP.paintImageMaskXObject, OP.paintImageMaskXObjectGroup, OP.paintImageMaskXObjectRepeat,
  OP.paintImageXObject, OP.paintImageXObjectRepeat, OP.paintInlineImageXObject, OP.paintInlineImageXObjectGroup,
]);
/** Below this many visible characters a page may be a scan: whether it paints an image is then looked up. */
const FEW_CHARS = 20;

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The rectangle (x0, y0)–(x1, y1) in user space, under the transform, as a box in viewport coordinates. */
function pageArea(ctm: Matrix, viewport: PdfJsViewport, x0: number, y0: number, x1: number, y1: number): Box {
  const corners = [[x0, y0], [x1, y1], [x0, y1], [x1, y0]].map(([x = 0, y = 0]) => {
    const [px, py] = [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
    return viewport.convertToViewportPoint(px, py);
  });
  const xs = corners.map((c) => c[0] ?? 0);
  const ys = corners.map((c) => c[1] ?? 0);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function glyphText(glyphs: unknown): string {
  if (!Array.isArray(glyphs)) return '';
  return glyphs.map((g) => (g && typeof g === 'object' && 'unicode' in g ? String((g as { unicode: unknown }).unicode) : '')).join('');
}

/** What the hidden-text check needs of a page: how each item is shown, and what it shows on. */
interface PaintedText {
  /** How the item (its text without white space given) is shown: in a visible fill, near-white, or drawn invisible. */
  shownAs(item: PdfJsTextItem, text: string): ShownAs;
  /** How many areas had been painted when the item was shown: those of a lower or equal order lie under it. */
  paintedBefore(item: PdfJsTextItem, text: string): number;
  /**
   * Filled areas and pictures, in viewport coordinates, with what painted them and when. White text
   * shows on the last one painted under it before it, when that one is dark or a picture; text
   * drawn invisible over a picture (before or after it) is a scan's OCR layer, which reads it.
   */
  areas: PaintedArea[];
}

/**
 * The text pass of the changed pdf.js marks how items are shown and when, and reports the page's
 * painted areas (in the page's space), which are placed in the viewport only when an item is not
 * plainly shown.
 */
function paintedByTextPass(areas: PaintedArea[], viewport: PdfJsViewport, items: ReadonlyArray<PdfJsTextItem | { type: string }>): PaintedText {
  const shownAs = (item: PdfJsTextItem): ShownAs => item[SHOWN_AS] ?? SHOWN.visible;
  const paintedBefore = (item: PdfJsTextItem): number => item[PAINTED_BEFORE] ?? Infinity;
  const anyNotShown = items.some((item) => isTextItem(item) && shownAs(item) !== SHOWN.visible);
  return { shownAs, paintedBefore, areas: anyNotShown ? areas.map((a) => ({ ...pageArea(IDENTITY, viewport, a.x0, a.y0, a.x1, a.y1), kind: a.kind, order: a.order })) : [] };
}

/**
 * Follows fill and stroke colours, the text rendering mode and transforms through the page's
 * operators: which text runs are painted near-white or drawn invisible, and what is painted, in
 * order. Used where pdf.js could not be changed (pdfjs-worker.ts): an item is white (or invisible)
 * when its text is within such a run and within no visible one, and shown when that run was.
 */
async function paintedText(page: PdfJsPage, viewport: PdfJsViewport): Promise<PaintedText> {
  // Annotations (links, forms) hold no page text: pdf.js's AnnotationMode.DISABLE (0) skips them.
  const ops = await page.getOperatorList({ annotationMode: 0 });
  /** A run of text shown in one way, and how many areas had been painted when it began. */
  interface Run {
    text: string;
    at: number;
  }
  const white: Run[] = [];
  const visible: Run[] = [];
  const invisible: Run[] = [];
  const runWith = (runs: Run[], text: string): Run | undefined => runs.find((run) => run.text.includes(text));
  const shownAs = (_item: PdfJsTextItem, text: string): ShownAs => {
    if (runWith(visible, text)) return SHOWN.visible;
    if (runWith(white, text)) return SHOWN.white;
    return runWith(invisible, text) ? SHOWN.invisible : SHOWN.visible;
  };
  const paintedBefore = (_item: PdfJsTextItem, text: string): number => runWith(white, text)?.at ?? Infinity;
  const result: PaintedText = { shownAs, paintedBefore, areas: [] };
  const paint = (box: Box, kind: AreaKind): void => {
    result.areas.push({ ...box, kind, order: result.areas.length + 1 });
  };
  let fill = 0;
  let stroke = 0;
  let mode: unknown = 0;
  /** The list the last text run went to. */
  let lastRuns: Run[] | null = null;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Array<{ fill: number; stroke: number; ctm: Matrix; mode: unknown }> = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = (ops.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OP.save:
        stack.push({ fill, stroke, ctm, mode });
        break;
      case OP.restore:
        ({ fill, stroke, ctm, mode } = stack.pop() ?? { fill, stroke, ctm, mode });
        break;
      case OP.setTextRenderingMode:
        mode = args[0];
        break;
      case OP.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OP.paintFormXObjectBegin:
        stack.push({ fill, stroke, ctm, mode });
        if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OP.paintFormXObjectEnd:
        ({ fill, stroke, ctm, mode } = stack.pop() ?? { fill, stroke, ctm, mode });
        break;
      case OP.setFillRGBColor:
        fill = hexLuminance(args[0]);
        break;
      case OP.setStrokeRGBColor:
        stroke = hexLuminance(args[0]);
        break;
      case OP.constructPath: {
        const box = args[2] as ArrayLike<number> | undefined;
        if (FILL_OPERATORS.has(args[0] as number) && box && box.length === 4) {
          paint(pageArea(ctm, viewport, box[0] ?? 0, box[1] ?? 0, box[2] ?? 0, box[3] ?? 0), fillKind(fill));
        }
        break;
      }
      case OP.paintImageXObject:
      case OP.paintInlineImageXObject:
        // A picture (a banner, a photo) under white text is a background a reader sees it on; an
        // image fills the unit square of the current transform.
        paint(pageArea(ctm, viewport, 0, 0, 1, 1), 'picture');
        break;
      case OP.paintImageMaskXObject:
        // A stencil mask is painted in the fill colour: in a dark one it shows as a picture does.
        paint(pageArea(ctm, viewport, 0, 0, 1, 1), stencilMaskKind(fill));
        break;
      case OP.showText:
      case OP.showSpacedText:
      case OP.nextLineShowText:
      case OP.nextLineSetSpacingShowText: {
        // Compared without white space: TeX spaces words by kerning, with no space glyphs.
        const text = glyphText(fn === OP.nextLineSetSpacingShowText ? args[2] : args[0]).replace(/\s+/g, '');
        if (!text) break;
        const shown = howShown(mode, fill, stroke);
        const runs = shown === SHOWN.invisible ? invisible : shown === SHOWN.white ? white : visible;
        // Runs painted one after another in the same colour class are joined: Chromium shows each
        // glyph with an operator of its own, and one text item spans many of them.
        const last = runs === lastRuns ? runs[runs.length - 1] : undefined;
        if (last) last.text += text;
        else runs.push({ text, at: result.areas.length });
        lastRuns = runs;
        break;
      }
      default:
        break;
    }
  }
  return result;
}

/** Why a reader cannot see this item, if they cannot: white on no dark area, drawn invisible on no picture, under 2 pt, or off the page. */
function hiddenReason(source: PdfJsTextItem, item: PdfTextItem, viewport: PdfJsViewport, painted: PaintedText): PdfTextItem['hidden'] {
  const text = item.str.replace(/\s+/g, '');
  if (!text) return undefined;
  if (item.fontSize < 2) return 'tiny';
  const margin = 2;
  if (item.x > viewport.width - margin || item.x + item.width < margin || item.y < margin || item.y - item.fontSize > viewport.height - margin) return 'off-page';
  const shown = painted.shownAs(source, text);
  if (shown === SHOWN.visible) return undefined;
  const under = (a: Box): boolean => item.x >= a.x0 - 1 && item.x <= a.x1 + 1 && item.y >= a.y0 - 1 && item.y - item.fontSize * 0.5 <= a.y1 + 1;
  // Text drawn invisible over a picture is the OCR layer of a scan: the picture shows its words.
  // Tools lay that layer before or after the picture, so either order counts.
  if (shown === SHOWN.invisible) return painted.areas.some((a) => a.kind === 'picture' && under(a)) ? undefined : 'invisible';
  // White text shows on the last area painted under it before it: a dark box painted over in
  // white, or painted after the text, is no background for it.
  const at = painted.paintedBefore(source, text);
  let top: PaintedArea | undefined;
  for (const area of painted.areas) if (area.order <= at && (top === undefined || area.order > top.order) && under(area)) top = area;
  return top !== undefined && top.kind !== 'light' ? undefined : 'white';
}
interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
}
/** pdf-parse keeps its loader private in its typings; it is the supported way to get the document. */
interface PdfParseWithLoader {
  load(): Promise<PdfJsDocument>;
  destroy(): Promise<void>;
  getScreenshot(params: { partial: number[]; desiredWidth: number; imageBuffer: boolean; imageDataUrl: boolean }): Promise<{ pages: Array<{ data: Uint8Array }> }>;
}

function isTextItem(item: PdfJsTextItem | { type: string }): item is PdfJsTextItem {
  return 'str' in item;
}

/**
 * A page's text items, each marked hidden if a reader cannot see it. With pdf.js changed
 * (src/adapters/pdfjs-worker.ts, `textPassPaints`), its text pass marks how each item is shown
 * and reports the page's painted areas; without it (pdf.js as shipped), the page's operators are walked.
 */
async function readPage(page: PdfJsPage, textPassPaints: boolean): Promise<{ content: PdfPageContent; walked: boolean }> {
  const viewport = page.getViewport({ scale: 1 });
  takePaintedAreas();
  const content = await page.getTextContent();
  const painted = textPassPaints ? paintedByTextPass(takePaintedAreas(), viewport, content.items) : await paintedText(page, viewport);
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    // Rotated and vertical text (margin labels, watermarks) is not part of the reading flow.
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
    const [x = 0, y = 0] = viewport.convertToViewportPoint(e, f);
    const textItem: PdfTextItem = { str: item.str, x, y, width: item.width, fontSize: Math.abs(d) || Math.abs(a) };
    const hidden = hiddenReason(item, textItem, viewport, painted);
    items.push(hidden ? { ...textItem, hidden } : textItem);
  }
  page.cleanup();
  return { content: { width: viewport.width, height: viewport.height, items }, walked: !textPassPaints };
}

const visibleChars = (page: PdfPageContent): number => page.items.reduce((n, item) => n + (item.hidden ? 0 : item.str.replace(/\s+/g, '').length), 0);

/**
 * A page with next to no text among pages with text may be a scanned page: it is one if it paints
 * an image (OCR then reads it), and a blank page if not. Looked up only in such mixed documents:
 * listing a page's operators decodes its images, which a wholly scanned PDF need not pay twice.
 */
async function markScannedPages(doc: PdfJsDocument, pages: PdfPageContent[]): Promise<void> {
  const textless = pages.map((p) => visibleChars(p) < FEW_CHARS);
  if (textless.every(Boolean) || !textless.some(Boolean)) return;
  for (const [i, page] of pages.entries()) {
    if (!textless[i]) continue;
    const pdfPage = await doc.getPage(i + 1);
    const ops = await pdfPage.getOperatorList();
    page.hasImage = Array.prototype.some.call(ops.fnArray, (op: number) => IMAGE_OPS.has(op));
    pdfPage.cleanup();
  }
}

/** A PDF's pages, or its pages drawn, or why it cannot be read. */
export async function readPdfInWorker(task: PdfWorkerTask): Promise<PdfWorkerResult> {
  const patched = await usePatchedPdfJsWorker();
  restoreNativeArrayPush();
  // Fonts are converted for drawing only when pages are drawn (OCR); text needs their mappings alone.
  readTextOnly(!task.renderWidth);
  const parser = new PDFParse({
    data: task.bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }) as unknown as PdfParseWithLoader;
  try {
    const doc = await parser.load();
    const count = Math.min(doc.numPages, task.maxPages);
    if (task.renderWidth) {
      const wanted = [...new Set(task.renderPages ?? Array.from({ length: count }, (_, i) => i + 1))].filter((n) => Number.isInteger(n) && n >= 1 && n <= count).sort((a, b) => a - b);
      if (wanted.length === 0) return { ok: true, totalPages: doc.numPages, pages: [], images: [] };
      // Each page's size is checked before anything is drawn: a page 200 pt wide and a mile long
      // would otherwise become an image of billions of pixels.
      for (const n of wanted) {
        const viewport = (await doc.getPage(n)).getViewport({ scale: 1 });
        const pixels = task.renderWidth * Math.ceil((viewport.height * task.renderWidth) / Math.max(1, viewport.width));
        if (!(pixels <= MAX_RENDER_PIXELS)) {
          return { ok: false, code: 'document-too-complex', detail: `Page ${n} is ${Math.round(viewport.width)} × ${Math.round(viewport.height)} points: rendered for OCR it would exceed ${MAX_RENDER_PIXELS / 1_000_000} megapixels.` };
        }
      }
      const shot = await parser.getScreenshot({ partial: wanted, desiredWidth: task.renderWidth, imageBuffer: true, imageDataUrl: false });
      return { ok: true, totalPages: doc.numPages, pages: [], images: shot.pages.map((p) => p.data) };
    }
    const pages: PdfPageContent[] = [];
    let pagesWalked = 0;
    for (let n = 1; n <= count; n++) {
      const { content, walked } = await readPage(await doc.getPage(n), patched);
      pages.push(content);
      if (walked) pagesWalked++;
    }
    await markScannedPages(doc, pages);
    return { ok: true, totalPages: doc.numPages, pages, pagesWalked };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return { ok: false, code: 'pdf-encrypted', detail: 'The PDF is encrypted and needs a password to open.' };
    }
    return {
      ok: false,
      code: 'unreadable-document',
      detail: name === 'InvalidPDFException' || name === 'FormatError'
        ? 'The PDF structure is invalid: the file is corrupt or truncated.'
        : 'The PDF could not be read: the file is corrupt or uses features we cannot parse.',
    };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** What the pool's threads answer: the same, with the pages packed for the message (pdf-pages-wire.ts). */
export type PdfPoolResult = Exclude<PdfWorkerResult, { ok: true }> | (Omit<Extract<PdfWorkerResult, { ok: true }>, 'pages'> & { pages: PageOnTheWire[] });

/** The pool's entry point. */
export default async function readPdfForPool(task: PdfWorkerTask): Promise<PdfPoolResult> {
  const result = await readPdfInWorker(task);
  return result.ok ? { ...result, pages: result.pages.map(packPage) } : result;
}
