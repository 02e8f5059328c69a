/**
 * What a page paints, as pdf.js's text pass meets it (the pass calls in here from
 * src/adapters/pdfjs-worker.ts): filled paths, pictures, and stencil masks (painted in the fill
 * colour). Each is kept as the box it covers in the page's own space (the current transform
 * applied), with what painted it (a dark colour, a light one, a picture: text drawn invisible over
 * a picture is a scan's OCR layer) and when: white text shows on the last area painted under it
 * before it, so a dark box painted over in white is no background. For the hidden-text check in
 * src/adapters/pdf-worker.ts. A thread reads one page at a time: the page's areas are taken
 * (takePaintedAreas) before its text is read and after.
 */
import { DARK_FILL } from './pdf-fill-colours';

/** A box in the page's space (PDF points, origin at the bottom left, before the viewport's flip). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
/** What painted an area: a fill (or a stencil mask) in a dark colour, one in a light colour, or an image. */
export type AreaKind = 'dark' | 'light' | 'picture';
/** A painted box: what painted it, and `order`, the count of areas painted by then (paintedCount). */
export interface PaintedArea extends Box {
  kind: AreaKind;
  order: number;
}

/** pdf.js's operator numbers (stable across pdf.js 3-5) for what paints: the text pass meets them as written. */
const OP = {
  moveTo: 13, lineTo: 14, curveTo: 15, curveTo2: 16, curveTo3: 17, rectangle: 19,
  stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27,
  endPath: 28, endInlineImage: 65,
} as const;
/** The operators the text pass hands over: path construction, path painting and inline images. */
export const PAINTED_OPERATORS: readonly number[] = [
  OP.moveTo, OP.lineTo, OP.curveTo, OP.curveTo2, OP.curveTo3, OP.rectangle,
  OP.stroke, OP.closeStroke, OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke,
  OP.endPath, OP.endInlineImage,
];
/** The operators that fill a path (alone or with a stroke): the same numbers in pdf.js's operator list. */
export const FILL_OPERATORS: ReadonlySet<number> = new Set([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);

/**
 * Areas kept for one page. Beyond this many, each further area is merged into the last one, which
 * then reads as a dark background unless all it holds are of one kind (white text there counts as
 * shown), and a page of a million rectangles costs neither memory nor a check per rectangle for
 * each white item.
 */
export const MAX_PAINTED_AREAS = 10_000;

/** The part of pdf.js's text state read here: the transform and the fill's luminance (pdfjs-worker.ts sets __smFill). */
export interface TextPassState {
  ctm: ArrayLike<number>;
  __smFill?: number;
}
/** The part of a pdf.js dictionary read here: `get` with a key and its abbreviation. */
export interface PdfJsDict {
  get(key: string, abbreviation?: string): unknown;
}

let areas: PaintedArea[] = [];
/** Areas painted since the thread started, merged ones too: a form that paints one is read again at each use. */
let painted = 0;
/** The box of the path being built, in the page's space; null before its first point. */
let path: Box | null = null;

/** What a fill of this luminance paints: a dark area or a light one. A fill never set is black, as pdf.js paints it. */
export const fillKind = (luminance: number | undefined): AreaKind => ((luminance ?? 0) >= DARK_FILL ? 'light' : 'dark');
/** What a stencil mask painted in a fill of this luminance is: in a dark fill it shows as a picture does (a black-and-white scan is often one). */
export const stencilMaskKind = (luminance: number | undefined): AreaKind => (fillKind(luminance) === 'light' ? 'light' : 'picture');

/** The point (x, y) under the transform, added to the box. */
function around(box: Box | null, ctm: ArrayLike<number>, x: unknown, y: unknown): Box | null {
  if (typeof x !== 'number' || typeof y !== 'number') return box;
  const px = (ctm[0] ?? 1) * x + (ctm[2] ?? 0) * y + (ctm[4] ?? 0);
  const py = (ctm[1] ?? 0) * x + (ctm[3] ?? 1) * y + (ctm[5] ?? 0);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return box;
  if (!box) return { x0: px, y0: py, x1: px, y1: py };
  if (px < box.x0) box.x0 = px;
  if (px > box.x1) box.x1 = px;
  if (py < box.y0) box.y0 = py;
  if (py > box.y1) box.y1 = py;
  return box;
}

function keep(box: Box, kind: AreaKind): void {
  painted++;
  const last = areas[MAX_PAINTED_AREAS - 1];
  if (!last) {
    areas.push({ ...box, kind, order: painted });
    return;
  }
  // The merged box is a picture, or light, only if all it holds are; it keeps its first area's
  // order, so that it lies under all text shown after that.
  if (last.kind !== kind) last.kind = 'dark';
  last.x0 = Math.min(last.x0, box.x0);
  last.y0 = Math.min(last.y0, box.y0);
  last.x1 = Math.max(last.x1, box.x1);
  last.y1 = Math.max(last.y1, box.y1);
}

/** A picture fills the unit square of the current transform; a stencil mask is painted in the fill colour (in a light one, it is a light area). */
function paintImage(dict: PdfJsDict | undefined, state: TextPassState): void {
  const mask = dict?.get('IM', 'ImageMask') === true;
  let box: Box | null = null;
  for (const [x, y] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) box = around(box, state.ctm, x, y);
  if (box) keep(box, mask ? stencilMaskKind(state.__smFill) : 'picture');
}

/** One path or inline-image operator of the text pass, with its operands. */
export function paintOperator(op: number, args: readonly unknown[], state: TextPassState): void {
  const { ctm } = state;
  switch (op) {
    case OP.moveTo:
    case OP.lineTo:
      path = around(path, ctm, args[0], args[1]);
      break;
    case OP.curveTo:
      // A curve stays inside the box of its control points.
      path = around(around(around(path, ctm, args[0], args[1]), ctm, args[2], args[3]), ctm, args[4], args[5]);
      break;
    case OP.curveTo2:
    case OP.curveTo3:
      path = around(around(path, ctm, args[0], args[1]), ctm, args[2], args[3]);
      break;
    case OP.rectangle: {
      const [x, y, w, h] = args;
      if (typeof x !== 'number' || typeof y !== 'number' || typeof w !== 'number' || typeof h !== 'number') break;
      path = around(around(around(around(path, ctm, x, y), ctm, x + w, y), ctm, x, y + h), ctm, x + w, y + h);
      break;
    }
    case OP.endInlineImage:
      paintImage((args[0] as { dict?: PdfJsDict } | undefined)?.dict, state);
      break;
    default:
      // A painting operator ends the path; a fill leaves an area.
      if (FILL_OPERATORS.has(op) && path) keep(path, fillKind(state.__smFill));
      path = null;
  }
}

/** An XObject shown with Do: only a picture (an image, or a stencil mask) is painted here; a form's own operators are read as the page's. */
export function paintXObject(dict: PdfJsDict | undefined, state: TextPassState): void {
  const subtype = dict?.get('Subtype') as { name?: unknown } | undefined;
  if (subtype?.name === 'Image') paintImage(dict, state);
}

/** How many areas have been painted so far (see `painted`): an area's order, and the text pass's clock for the text it shows. */
export function paintedCount(): number {
  return painted;
}

/** The areas painted since the last call, which starts a new page. */
export function takePaintedAreas(): PaintedArea[] {
  const taken = areas;
  areas = [];
  path = null;
  return taken;
}
