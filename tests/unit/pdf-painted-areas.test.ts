import { MAX_PAINTED_AREAS, paintedCount, paintOperator, paintXObject, takePaintedAreas, type TextPassState } from '../../src/adapters/pdf-painted-areas';

/**
 * The areas pdf.js's text pass reports as painted (src/adapters/pdf-painted-areas.ts), operator by
 * operator: boxes in the page's space under the current transform, what painted them and in what
 * order (the count of areas painted by then), bounded in number.
 */
const OP = { moveTo: 13, lineTo: 14, curveTo: 15, rectangle: 19, stroke: 20, fill: 22, endPath: 28, endInlineImage: 65 };
const dark: TextPassState = { ctm: [1, 0, 0, 1, 0, 0], __smFill: 0.1 };
const dict = (entries: Record<string, unknown>): { get(key: string, abbreviation?: string): unknown } => ({
  get: (key, abbreviation) => entries[key] ?? (abbreviation === undefined ? undefined : entries[abbreviation]),
});

beforeEach(() => takePaintedAreas());
/** The order of the n-th area painted from now (paintedCount counts since the thread started). */
const nth = (): ((n: number) => number) => {
  const before = paintedCount();
  return (n) => before + n;
};

describe('what the text pass reports as painted', () => {
  it('keeps a filled path as its box under the transform, and nothing for a stroked or unpainted one', () => {
    const order = nth();
    const scaled: TextPassState = { ctm: [2, 0, 0, 3, 10, 20], __smFill: 0 };
    paintOperator(OP.rectangle, [1, 1, 4, 2], scaled);
    paintOperator(OP.fill, [], scaled);
    paintOperator(OP.moveTo, [0, 0], dark);
    paintOperator(OP.lineTo, [50, 50], dark);
    paintOperator(OP.stroke, [], dark);
    paintOperator(OP.rectangle, [0, 0, 9, 9], dark);
    paintOperator(OP.endPath, [], dark);
    expect(takePaintedAreas()).toEqual([{ x0: 12, y0: 23, x1: 20, y1: 29, kind: 'dark', order: order(1) }]);
  });

  it('reads a fill never set as black, and keeps a light fill as a light area, in the order painted', () => {
    const order = nth();
    paintOperator(OP.rectangle, [0, 0, 1, 1], { ctm: [1, 0, 0, 1, 0, 0] });
    paintOperator(OP.fill, [], { ctm: [1, 0, 0, 1, 0, 0] });
    paintOperator(OP.rectangle, [5, 5, 1, 1], { ctm: [1, 0, 0, 1, 0, 0], __smFill: 0.9 });
    paintOperator(OP.fill, [], { ctm: [1, 0, 0, 1, 0, 0], __smFill: 0.9 });
    expect(takePaintedAreas()).toEqual([
      { x0: 0, y0: 0, x1: 1, y1: 1, kind: 'dark', order: order(1) },
      { x0: 5, y0: 5, x1: 6, y1: 6, kind: 'light', order: order(2) },
    ]);
  });

  it('passes over operands that are not numbers, as a malformed page gives them', () => {
    paintOperator(OP.moveTo, ['x', null], dark);
    paintOperator(OP.lineTo, [Infinity, 0], dark);
    paintOperator(OP.curveTo, [1, 2, 'a', 4, 5, 6], dark);
    paintOperator(OP.rectangle, [1, 2, '3', 4], dark);
    paintOperator(OP.fill, [], dark);
    expect(takePaintedAreas()).toEqual([{ x0: 1, y0: 2, x1: 5, y1: 6, kind: 'dark', order: expect.any(Number) }]);
  });

  it('paints pictures whatever the fill, and stencil masks as pictures in a dark fill, as light areas in a light one', () => {
    const light: TextPassState = { ctm: [100, 0, 0, 10, 5, 5], __smFill: 1 };
    paintXObject(dict({ Subtype: { name: 'Image' } }), light);
    paintXObject(dict({ Subtype: { name: 'Image' }, ImageMask: true }), light);
    paintXObject(dict({ Subtype: { name: 'Form' } }), light);
    paintOperator(OP.endInlineImage, [{ dict: dict({ IM: true }) }], { ...light, __smFill: 0 });
    paintOperator(OP.endInlineImage, [{ dict: dict({ IM: true }) }], light);
    paintOperator(OP.endInlineImage, [undefined], light);
    expect(takePaintedAreas().map((a) => a.kind)).toEqual(['picture', 'light', 'picture', 'light', 'picture']);
  });

  it(`keeps at most ${MAX_PAINTED_AREAS} areas a page, merging the rest into the last, and counts every one`, () => {
    const before = paintedCount();
    const order = nth();
    // Pictures first, then filled squares: the last kept area is a picture until a square merges into it.
    const picture: TextPassState = { ctm: [1, 0, 0, 1, 0, 0] };
    for (let i = 0; i < MAX_PAINTED_AREAS + 5; i++) {
      if (i < MAX_PAINTED_AREAS + 2) {
        paintXObject(dict({ Subtype: { name: 'Image' } }), { ...picture, ctm: [1, 0, 0, 1, i, 0] });
        continue;
      }
      paintOperator(OP.rectangle, [i, 0, 1, 1], dark);
      paintOperator(OP.fill, [], dark);
    }
    const areas = takePaintedAreas();
    expect(paintedCount() - before).toBe(MAX_PAINTED_AREAS + 5);
    expect(areas).toHaveLength(MAX_PAINTED_AREAS);
    expect(areas[MAX_PAINTED_AREAS - 2]).toEqual({ x0: MAX_PAINTED_AREAS - 2, y0: 0, x1: MAX_PAINTED_AREAS - 1, y1: 1, kind: 'picture', order: order(MAX_PAINTED_AREAS - 1) });
    // A merged area is a picture only if all it holds are, and keeps its first area's order.
    expect(areas[MAX_PAINTED_AREAS - 1]).toEqual({ x0: MAX_PAINTED_AREAS - 1, y0: 0, x1: MAX_PAINTED_AREAS + 5, y1: 1, kind: 'dark', order: order(MAX_PAINTED_AREAS) });
    // A new page starts with none, and with no path carried over from the page before.
    paintOperator(OP.rectangle, [0, 0, 1, 1], dark);
    takePaintedAreas();
    paintOperator(OP.fill, [], dark);
    expect(takePaintedAreas()).toEqual([]);
  });
});
