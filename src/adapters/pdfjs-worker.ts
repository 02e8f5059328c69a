import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import { fillLuminance, NEAR_WHITE } from './pdf-fill-colours';
import { paintedCount, PAINTED_OPERATORS, paintOperator, paintXObject } from './pdf-painted-areas';

/**
 * pdf.js, as pdf-parse ships it, with costs of reading text taken out (CPU profiles of the
 * benchmark's slowest files, Typst CVs, which embed CFF fonts):
 *
 * - To read a CFF font pdf.js looks each glyph name up in the font's string table with
 *   Array.indexOf, through the 391 standard strings first: thousands of glyphs times hundreds of
 *   comparisons, 30% of the time. The lookup is done through a Map built on first use, which
 *   returns what indexOf returns (the first index of a string, or -1). A font with a standard
 *   encoding had each glyph name looked up in the encoding's 256 names the same way (7% of
 *   reading a Typst CV): that lookup goes through a Map of first indexes too.
 * - Every CFF font is compiled back into a new font program and wrapped in a new OpenType file
 *   so that a browser could draw it: over half of what was left. Text needs the font's glyph
 *   mapping and widths, which are made before those steps. While a thread reads text only
 *   (`readTextOnly(true)`), the font keeps its original bytes instead (as pdf.js itself does when
 *   the compile step fails); pages drawn for OCR are read with both steps in place.
 * - Every embedded font's glyphs are moved into the private use area, for drawing: over a third
 *   of reading a Typst CV whose math font has thousands of glyphs. Text reads its characters from
 *   the font's ToUnicode map; while a thread reads text only, nothing is moved.
 * - The hidden-text check is made in the text pass (below): it follows the fill and stroke colours,
 *   the rendering mode and what is painted, so that no page is read a second time, operator by
 *   operator, for it.
 * - With font faces disabled, pdf.js builds the outline of every glyph it meets in a page's
 *   operators, to draw it. The scanned-page check lists a page's operators only to know whether it
 *   paints an image: while a thread reads text only, no outline is built, and an image is listed
 *   as painted without its pixels being decoded (a photo was 40% of the time it took to read a CV
 *   that has one).
 * - A large ToUnicode map (Tesseract's text layer font maps all 65,536 codes) is parsed once per
 *   thread and kept by its stream's bytes: half the time of reading a one-page scan with an OCR
 *   layer went into parsing it again for each document (see TO_UNICODE_READ_CACHED).
 *
 * - Compressed streams (page content, fonts) are inflated by zlib instead of pdf.js's inflater in
 *   JavaScript, which was 15% of the time on a Chromium-printed CV; none may inflate beyond 64 MB.
 * - A CMap (a font's ToUnicode map above all) holds at most 2^20 entries, so a corrupt range cannot
 *   ask for millions of strings in one step (MAX_CMAP_ENTRIES below).
 *
 * The module is pdf-parse's own file, changed in memory and imported from a data: URL (nothing is
 * written to disk), and handed to pdf.js as `globalThis.pdfjsWorker`, which pdf.js uses in place of
 * loading its worker file. If pdf-parse's file no longer holds the code this expects, or the
 * import fails, pdf.js loads its own file as before: slower, never different.
 */
const INDEXOF_LOOKUP = 'getSID(e){let t=Ma.indexOf(e);if(-1!==t)return t;t=this.strings.indexOf(e);return-1!==t?t+Da:-1}';
const MAP_LOOKUP =
  'getSID(e){const s=Ma.__sidIndex??=new Map(Ma.map((v,i)=>[v,i]).reverse());let t=s.get(e);if(void 0!==t)return t;' +
  'if(this.__sidArr!==this.strings){this.__sidArr=this.strings;this.__sidMap=new Map();this.__sidLen=0}' +
  'const m=this.__sidMap;for(;this.__sidLen<this.strings.length;this.__sidLen++){const v=this.strings[this.__sidLen];m.has(v)||m.set(v,this.__sidLen)}' +
  't=m.get(e);return void 0!==t?t+Da:-1}';

/**
 * A CFF font with a standard encoding: each glyph name of the font's charset looked up in the
 * 256 names of the encoding with Array.indexOf, 7% of reading a Typst CV. The lookup is done
 * through a Map of each name's first index, built on first use, as with getSID above.
 */
const ENCODING_INDEXOF = 'const t=e?oa:ha;for(o=0,c=a.length;o<c;o++){const e=t.indexOf(a[o]);-1!==e&&(n[e]=o)}';
const ENCODING_MAP =
  'const t=e?oa:ha,u=t.__firstIndex??=new Map(t.map((v,i)=>[v,i]).reverse());for(o=0,c=a.length;o<c;o++){const e=u.get(a[o]);void 0!==e&&(n[e]=o)}';

/** CFFFont's constructor: `e` is the font file, `a` the compiler. */
const CFF_COMPILE = 'try{this.data=a.compile()}catch{';
const TEXT_ONLY_FLAG = '__skillmatchPdfTextOnly';
const CFF_COMPILE_UNLESS_TEXT_ONLY = `try{this.data=globalThis.${TEXT_ONLY_FLAG}===true?e:a.compile()}catch{`;

function replaceOnce(source: string, from: string, to: string): string | null {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) return null;
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** Font.convert, once the glyph mapping is made: the rest builds the OpenType file (`t` is the CFF font). */
const OPENTYPE_BUILD = 'const u=r.fontMatrix?1/Math.max(...r.fontMatrix.slice(0,4).map(Math.abs)):1e3,d=new OpenTypeFileBuilder("OTTO");';
// An empty file: the font is never drawn, and its data crosses to the document side as bytes.
const OPENTYPE_BUILD_UNLESS_TEXT_ONLY = `if(globalThis.${TEXT_ONLY_FLAG}===true)return new Uint8Array(0);${OPENTYPE_BUILD}`;

/** The operator list of a text run: with font faces disabled pdf.js builds every glyph's outline for drawing. */
const GLYPH_OUTLINES = 'handleText(e,t){const r=t.font,a=r.charsToGlyphs(e);if(r.data){';
const GLYPH_OUTLINES_UNLESS_TEXT_ONLY = `handleText(e,t){const r=t.font,a=r.charsToGlyphs(e);if(r.data&&globalThis.${TEXT_ONLY_FLAG}!==true){`;

/**
 * A font's glyph mapping moved into the private use area, for the font program rebuilt for
 * drawing (its cmap) and for each glyph's drawing character: 5% of reading brilliant-cv, over a
 * third of reading nnjr (both Typst; nnjr's math font has thousands of glyphs). Text takes
 * its characters from the font's ToUnicode map, which this step only reads. While a thread reads
 * text only, the mapping is empty: glyphs keep their own codes, as in a font pdf.js cannot rebuild.
 */
const FONT_CHAR_MAPPING = 'function adjustMapping(e,t,r,a){const n=Object.create(null)';
const FONT_CHAR_MAPPING_UNLESS_TEXT_ONLY =
  `function adjustMapping(e,t,r,a){if(globalThis.${TEXT_ONLY_FLAG}===true)return{toFontChar:[],charCodeToGlyphId:Object.create(null),toUnicodeExtraMap:new Map,nextAvailableFontCharCode:nn[0][0]};const n=Object.create(null)`;

/** An image in a page's operators, once its size is checked: the rest decodes its pixels (`a` is the operator list, `d` × `f` the size). */
const IMAGE_DECODE = 'if(!c)throw new Error(e);warn(e);return}let g;h.has("OC")';
/** Operator 85 (paintImageXObject) with no pixels: the page still shows that it paints an image. */
const IMAGE_DECODE_UNLESS_TEXT_ONLY = `if(!c)throw new Error(e);warn(e);return}if(globalThis.${TEXT_ONLY_FLAG}===true){a.addOp(85,["",d,f]);return}let g;h.has("OC")`;

/**
 * The hidden-text check is made in pdf.js's text pass, which reads every operator of a page (with
 * its own lexer and its own rules for operands) but ignores colours and painting. Here it follows
 * the fill and stroke colours as pdf.js's operator pass does (the same colour spaces, the same
 * conversion to RGB, saved and restored with the graphics state, inherited by forms) and the text
 * rendering mode, marks each text item by how its glyphs are shown (SHOWN_AS), and reports what the page
 * paints (src/adapters/pdf-painted-areas.ts): filled paths, pictures and stencil masks, in order,
 * with the count painted before each text item (PAINTED_BEFORE). A page is so read once; its
 * operators are not walked again.
 * `cs` may parse a colour space asynchronously, as in the operator pass; a space pdf.js cannot
 * parse is grey, as it is there.
 */
/** pdf.js's number for Tr (the text rendering mode), in its text pass and in its operator list. */
export const SET_TEXT_RENDERING_MODE = 38;
/** The text rendering mode that neither fills nor strokes the glyphs. */
export const INVISIBLE_MODE = 3;
const TEXT_PASS_OPERATORS = 'const e=D;D=n.state;const a=f.fn;w=f.args;switch(0|a){';
const FILL_LUMINANCE = '__skillmatchFillLuminance';
const HOW_SHOWN = '__skillmatchHowShown';
const PAINT_PATH = '__skillmatchPaintPath';
const PAINT_XOBJECT = '__skillmatchPaintXObject';
const PAINTED_COUNT = '__skillmatchPaintedCount';
const FILL = `globalThis.${FILL_LUMINANCE}`;

/**
 * The text pass's cases for one colour, fill or stroke: its luminance in `colour` and its colour
 * space in `space` on the text state. pdf.js's names for the operators: gray, rgb, cmyk, sc, scn, cs.
 */
function colourCases(ops: { gray: string; rgb: string; cmyk: string; sc: string; scn: string; cs: string }, colour: string, space: string): string {
  return (
    `case ${ops.gray}:D.${space}=ColorSpaceUtils.gray;D.${colour}=${FILL}(D.${space},w);break;` +
    `case ${ops.rgb}:D.${space}=ColorSpaceUtils.rgb;D.${colour}=${FILL}(D.${space},w);break;` +
    `case ${ops.cmyk}:D.${space}=ColorSpaceUtils.cmyk;D.${colour}=${FILL}(D.${space},w);break;` +
    // sc: in the colour space set, DeviceGray before any is set.
    `case ${ops.sc}:D.${colour}=${FILL}(void 0===D.${space}?ColorSpaceUtils.gray:D.${space},w);break;` +
    // scn: numbers read as grey before any space is set; a pattern leaves the RGB colour as it was.
    `case ${ops.scn}:{const c=D.${space};if(void 0===c){isNumberArray(w,null)&&(D.${colour}=${FILL}(ColorSpaceUtils.gray,w))}else"Pattern"===c.name||(D.${colour}=${FILL}(c,w));break}` +
    `case ${ops.cs}:{const z=D;let c;try{c=S._getColorSpace(w[0],r,new LocalColorSpaceCache)}catch{z.${space}=ColorSpaceUtils.gray;break}` +
    `if(c instanceof ColorSpace){z.${space}=c;break}next(S._handleColorSpace(c).then(e=>{z.${space}=e||ColorSpaceUtils.gray},()=>{z.${space}=ColorSpaceUtils.gray}));return}`
  );
}

const TEXT_PASS_OPERATORS_WITH_FILL =
  `${TEXT_PASS_OPERATORS}` +
  colourCases({ gray: 'dt', rgb: 'gt', cmyk: 'mt', sc: 'lt', scn: 'ht', cs: 'st' }, '__smFill', '__smSpace') +
  // Outlined text (rendering modes 1, 2, 5 and 6) is drawn in the stroke colour.
  colourCases({ gray: 'ut', rgb: 'ft', cmyk: 'pt', sc: 'ot', scn: 'ct', cs: 'it' }, '__smStroke', '__smStrokeSpace') +
  // Tr: the mode is part of the graphics state, saved and restored with it.
  `case ${SET_TEXT_RENDERING_MODE}:D.__smMode=w[0];break;` +
  // Path construction and painting (m l c v y re, the fills, the strokes, n) and inline images (EI),
  // each case passing its own number: the switch's body declares names of its own (a, f).
  PAINTED_OPERATORS.map((op) => `case ${op}:globalThis.${PAINT_PATH}(${op},w,D);break;`).join('');

/**
 * How a text item's glyphs are shown (SHOWN_AS, one of SHOWN): visibly, near-white (filled or
 * outlined, by its rendering mode: howShown), or not at all, in text rendering mode 3, as the
 * text layer a scanner's OCR lays over the page's picture is written. A glyph shown otherwise than the item's glyphs so far starts a new item: a
 * white word run on from a visible one ("Python(white)Rust") is an item of its own.
 */
export const SHOWN_AS = 'skillmatchShownAs';
export const SHOWN = { visible: 0, white: 1, invisible: 2 } as const;
export type ShownAs = (typeof SHOWN)[keyof typeof SHOWN];
/**
 * How many areas the page had painted when a text item's first glyph was shown (paintedCount):
 * the areas it lies on are those painted before it.
 */
export const PAINTED_BEFORE = 'skillmatchPaintedBefore';

/** Whether a colour of this luminance is near-white; a colour never set is black. Read for every glyph, so made once. */
const isWhite = (luminance: number | undefined): boolean => (luminance ?? 0) >= NEAR_WHITE;

/**
 * How glyphs are shown in a text rendering mode, by the luminance of the fill and of the stroke
 * (unset: black, as pdf.js paints them). Mode 3 draws nothing; modes 1 and 5 outline the glyphs in
 * the stroke colour, so white outlines are white whatever the fill; modes 2 and 6 fill and outline
 * them, white only when both are. Modes 0 and 4 fill; mode 7 adds the glyphs to the clipping path,
 * which a later fill may show, and is read by the fill as before, as are values outside the
 * eight modes.
 */
export function howShown(mode: unknown, fill: number | undefined, stroke: number | undefined): ShownAs {
  switch (mode) {
    case INVISIBLE_MODE:
      return SHOWN.invisible;
    case 1:
    case 5:
      return isWhite(stroke) ? SHOWN.white : SHOWN.visible;
    case 2:
    case 6:
      return isWhite(fill) && isWhite(stroke) ? SHOWN.white : SHOWN.visible;
    default:
      return isWhite(fill) ? SHOWN.white : SHOWN.visible;
  }
}
const TEXT_GLYPH = 'const f=ensureTextContentItem();o.isZeroWidthDiacritic&&(u=0);';
const TEXT_GLYPH_COUNTED =
  `const __smC=globalThis.${HOW_SHOWN}(D.__smMode,D.__smFill,D.__smStroke);y.initialized&&y.__smGlyphs>0&&y.__smShownAs!==__smC&&flushTextContentItem();` +
  `const f=ensureTextContentItem();f.__smGlyphs++||(f.__smAt=globalThis.${PAINTED_COUNT}());f.__smShownAs=__smC;o.isZeroWidthDiacritic&&(u=0);`;
const TEXT_ITEM_START = 'y.hasEOL=!1;y.initialized=!0;';
const TEXT_ITEM_START_COUNTING = `y.hasEOL=!1;y.__smGlyphs=0;y.__smShownAs=${SHOWN.visible};y.initialized=!0;`;
const TEXT_ITEM_OUT = 'fontName:e.fontName,hasEOL:e.hasEOL}}';
const TEXT_ITEM_OUT_MARKED = `fontName:e.fontName,hasEOL:e.hasEOL,${SHOWN_AS}:e.__smGlyphs>0?e.__smShownAs:${SHOWN.visible},${PAINTED_BEFORE}:e.__smAt}}`;

/**
 * An XObject shown with Do: a picture (or a stencil mask) is painted on the page. It is looked up
 * before the text pass's cache of XObjects with no text, so that each use of a picture counts.
 */
const XOBJECT_SHOWN = 'case St:flushTextContentItem();v??=r.get("XObject")||Dict.empty;y=w[0]instanceof Name;p=w[0].name;';
const XOBJECT_SHOWN_PAINTING =
  `${XOBJECT_SHOWN}if(y)try{let q=v.getRaw(p);q instanceof Ref&&(q=k.fetch(q));q instanceof BaseStream&&globalThis.${PAINT_XOBJECT}(q.dict,D)}catch{}`;
/**
 * A form with no text is kept in that cache and skipped when shown again; one that painted a dark
 * area is read at each use, as it paints the area wherever it is shown.
 */
const FORM_READ = 'const O=g.get("Resources");enqueueChunk();';
const FORM_READ_COUNTING = `const O=g.get("Resources"),__smPainted=globalThis.${PAINTED_COUNT}();enqueueChunk();`;
const FORM_CACHED = '.then(function(){M.enqueueInvoked||T.set(p,g.objId,!0);e()},a)';
const FORM_CACHED_UNLESS_PAINTING = `.then(function(){M.enqueueInvoked||globalThis.${PAINTED_COUNT}()!==__smPainted||T.set(p,g.objId,!0);e()},a)`;

/** FlateStream's first block: pdf.js inflates in JavaScript, a block at a time. */
const FLATE_BLOCK = 'readBlock(){let e,t,r;const a=this.str;try{t=this.getBits(3)}';
const INFLATE_FLAG = '__skillmatchInflateRaw';
/**
 * The error a stream that inflates beyond the cap raises. pdf.js skips a page-content stream that
 * fails (the rest of the page is read); elsewhere the PDF fails as unreadable.
 */
const STREAM_TOO_LARGE = 'skillmatch: a compressed stream of the PDF inflates beyond the cap';
/**
 * The whole stream inflated by zlib on the first block. A stream that inflates beyond the cap (a
 * decompression bomb: a few hundred kilobytes that inflate to gigabytes) stops the reading; if
 * zlib refuses the data as corrupt, pdf.js inflates the same bytes itself, as it does when its
 * own native attempt (DecompressionStream, used for images) fails.
 */
const FLATE_BLOCK_NATIVE_FIRST =
  `readBlock(){if(!this.__inflated&&globalThis.${INFLATE_FLAG}){this.__inflated=!0;const b=this.str.getBytes(),o=globalThis.${INFLATE_FLAG}(b);` +
  `if(o==="too-large")throw new Error(${JSON.stringify(STREAM_TOO_LARGE)});` +
  'if(o){const u=this.ensureBuffer(this.bufferLength+o.length);u.set(o,this.bufferLength);this.bufferLength+=o.length;this.eof=!0;return}' +
  'this.str=new Stream(b,0,b.length,this.dict)}let e,t,r;const a=this.str;try{t=this.getBits(3)}';

/**
 * A CMap's ranges (a font's ToUnicode map above all) each add an entry per character code, up to
 * 2^24 per range, and pdf.js later lists every entry at once: a few corrupt bytes in a range asked
 * for millions of strings in one step, which the thread's heap limit cannot stop, and the process
 * aborted. Each CMap now holds at most 2^20 entries, far beyond any font's 65,536 codes; a range
 * beyond that fails as pdf.js's own range limit does (the font's text is read without it).
 */
const MAX_CMAP_ENTRIES = 2 ** 20;
const cmapRangeCheck = (method: string): { from: string; to: string } => ({
  from: `if(t-e>sa)throw new Error("${method} - ignoring data above MAX_MAP_RANGE.")`,
  to: `if(t-e>sa||(this.__entries=(this.__entries||0)+t-e+1)>${MAX_CMAP_ENTRIES})throw new Error("${method} - ignoring data above MAX_MAP_RANGE.")`,
});

/**
 * A font's ToUnicode map is parsed into one string per character code: 65,536 of them for the
 * font Tesseract (and tools built on it) lays a scan's text layer in, whose map is one range over
 * every code. Parsing it took half the time of reading such a one-page PDF. The parsed map of a
 * large ToUnicode stream is kept by the stream's bytes, for the next document that has the same
 * font, and each font is given a copy of it: pdf.js may amend a font's map. The map is the same
 * for the same bytes (a ToUnicode map names no other stream of the document).
 */
const TO_UNICODE_CACHE = '__skillmatchToUnicodeCache';
const TO_UNICODE_READ =
  'if(e instanceof BaseStream)try{const t=await CMapFactory.create({encoding:e,fetchBuiltInCMap:this._fetchBuiltInCMapBound,useCMap:null});if(t instanceof IdentityCMap)return new IdentityToUnicodeMap(0,65535);const r=new Array(t.length);';
const TO_UNICODE_READ_CACHED =
  `if(e instanceof BaseStream)try{const __smKey=globalThis.${TO_UNICODE_CACHE}.key(e),__smHit=globalThis.${TO_UNICODE_CACHE}.get(__smKey);if(__smHit)return new ToUnicodeMap(__smHit);` +
  'const t=await CMapFactory.create({encoding:e,fetchBuiltInCMap:this._fetchBuiltInCMapBound,useCMap:null});if(t instanceof IdentityCMap)return new IdentityToUnicodeMap(0,65535);const r=new Array(t.length);';
const TO_UNICODE_MADE = 'return new ToUnicodeMap(r)}catch(e){if(e instanceof AbortException)return null;if(this.options.ignoreErrors){warn(`readToUnicode';
const TO_UNICODE_MADE_KEPT = `return new ToUnicodeMap(globalThis.${TO_UNICODE_CACHE}.keep(__smKey,r))}catch(e){if(e instanceof AbortException)return null;if(this.options.ignoreErrors){warn(\`readToUnicode`;

/** A parsed map is kept when it holds at least this many codes: smaller ones cost little to parse. */
const TO_UNICODE_KEEP_MIN = 4096;
/**
 * Nor when it holds more than a two-byte font's 65,536 codes. pdf.js accepts ranges up to 2^20
 * codes (pdfjs-worker's CMap cap), some 35 MB each: four of them kept filled a thread's heap, and
 * the next document failed for the ones before it.
 */
const TO_UNICODE_KEEP_MAX = 65_536;
/** Parsed maps kept, the last used first out: about 2 MB each at 65,536 codes. */
const TO_UNICODE_KEPT_MAX = 4;

/** The part of a pdf.js stream read here: its bytes, and going back to its start. */
interface PdfJsStream {
  getBytes(): Uint8Array;
  reset(): void;
}

/** Parsed ToUnicode maps by their stream's bytes (see TO_UNICODE_READ_CACHED); each map given out is a copy. */
export const toUnicodeCache = {
  maps: new Map<string, unknown[]>(),
  /** The key of a stream's bytes, or null when they cannot be read (pdf.js then reads it as before). */
  key(stream: PdfJsStream): string | null {
    try {
      const bytes = stream.getBytes();
      stream.reset();
      return `${bytes.length}:${createHash('sha1').update(bytes).digest('base64')}`;
    } catch {
      return null;
    }
  },
  get(key: string | null): unknown[] | undefined {
    const map = key === null ? undefined : this.maps.get(key);
    if (key === null || map === undefined) return undefined;
    this.maps.delete(key);
    this.maps.set(key, map);
    return map.slice();
  },
  /** The map to give the font: a copy when the parsed one is kept. */
  keep(key: string | null, map: unknown[]): unknown[] {
    if (key === null || map.length < TO_UNICODE_KEEP_MIN || map.length > TO_UNICODE_KEEP_MAX) return map;
    this.maps.set(key, map);
    for (const oldest of this.maps.keys()) {
      if (this.maps.size <= TO_UNICODE_KEPT_MAX) break;
      this.maps.delete(oldest);
    }
    return map.slice();
  },
};

/** Each change: the code pdf.js ships and what replaces it. */
export const PDFJS_CHANGES: ReadonlyArray<{ readonly from: string; readonly to: string }> = [
  { from: INDEXOF_LOOKUP, to: MAP_LOOKUP },
  { from: ENCODING_INDEXOF, to: ENCODING_MAP },
  { from: CFF_COMPILE, to: CFF_COMPILE_UNLESS_TEXT_ONLY },
  { from: OPENTYPE_BUILD, to: OPENTYPE_BUILD_UNLESS_TEXT_ONLY },
  { from: GLYPH_OUTLINES, to: GLYPH_OUTLINES_UNLESS_TEXT_ONLY },
  { from: FONT_CHAR_MAPPING, to: FONT_CHAR_MAPPING_UNLESS_TEXT_ONLY },
  { from: TEXT_PASS_OPERATORS, to: TEXT_PASS_OPERATORS_WITH_FILL },
  { from: TEXT_GLYPH, to: TEXT_GLYPH_COUNTED },
  { from: TEXT_ITEM_START, to: TEXT_ITEM_START_COUNTING },
  { from: TEXT_ITEM_OUT, to: TEXT_ITEM_OUT_MARKED },
  { from: XOBJECT_SHOWN, to: XOBJECT_SHOWN_PAINTING },
  { from: FORM_READ, to: FORM_READ_COUNTING },
  { from: FORM_CACHED, to: FORM_CACHED_UNLESS_PAINTING },
  { from: IMAGE_DECODE, to: IMAGE_DECODE_UNLESS_TEXT_ONLY },
  { from: FLATE_BLOCK, to: FLATE_BLOCK_NATIVE_FIRST },
  { from: TO_UNICODE_READ, to: TO_UNICODE_READ_CACHED },
  { from: TO_UNICODE_MADE, to: TO_UNICODE_MADE_KEPT },
  cmapRangeCheck('mapCidRange'),
  cmapRangeCheck('mapBfRange'),
  cmapRangeCheck('mapBfRangeToArray'),
];

/** The worker module's source with every change made, or null when the expected code of any is not there exactly once. */
export function patchedWorkerSource(source: string): string | null {
  let patched: string | null = source;
  for (const { from, to } of PDFJS_CHANGES) {
    patched = replaceOnce(patched, from, to);
    if (patched === null) return null;
  }
  return patched;
}

/**
 * No stream of a CV inflates to this much. Typed arrays (zlib's and pdf.js's) live outside the
 * thread's heap limit, so without a cap a 200 kB PDF took the process to 900 MB.
 */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

interface PdfJsGlobal {
  pdfjsWorker?: unknown;
  [TEXT_ONLY_FLAG]?: boolean;
  [INFLATE_FLAG]?: (bytes: Uint8Array) => Uint8Array | 'too-large' | null;
  [FILL_LUMINANCE]?: typeof fillLuminance;
  [HOW_SHOWN]?: typeof howShown;
  [TO_UNICODE_CACHE]?: typeof toUnicodeCache;
  [PAINT_PATH]?: typeof paintOperator;
  [PAINT_XOBJECT]?: typeof paintXObject;
  [PAINTED_COUNT]?: typeof paintedCount;
}

/**
 * Raw deflate data (the stream after its two-byte header) inflated by zlib: 'too-large' beyond the
 * cap, null when zlib cannot read it. A truncated stream gives what it holds, as pdf.js does.
 */
export function inflateRaw(bytes: Uint8Array): Uint8Array | 'too-large' | null {
  // pdf.js may read a page's content twice, for its text and for its operators (the scanned-page
  // check): a stream found too large is not inflated again (each attempt leaves up to the cap in
  // garbage until the next collection, and two attempts' worth took the reading to 168 MB more).
  const key = `${bytes.byteOffset}:${bytes.byteLength}`;
  if (tooLarge.get(bytes.buffer)?.has(key)) return 'too-large';
  try {
    return inflateRawSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    // Node's code for output beyond maxOutputLength (the error's class is another realm's under some runners).
    if ((error as { code?: unknown } | null)?.code !== 'ERR_BUFFER_TOO_LARGE') return null;
    const known = tooLarge.get(bytes.buffer) ?? new Set<string>();
    known.add(key);
    tooLarge.set(bytes.buffer, known);
    return 'too-large';
  }
}

/** Streams found too large, by the document's bytes (pdf.js hands over views of them) and place. */
const tooLarge = new WeakMap<ArrayBufferLike, Set<string>>();

/**
 * Whether the PDFs this thread reads next are read for their text only (their fonts then keep
 * their bytes) or also drawn (OCR). A pdf.js thread reads one document at a time.
 */
export function readTextOnly(textOnly: boolean): void {
  (globalThis as PdfJsGlobal)[TEXT_ONLY_FLAG] = textOnly;
}

let loading: Promise<boolean> | undefined;

/** Installs the faster module for this thread once; resolves to whether it is in use. */
export function usePatchedPdfJsWorker(): Promise<boolean> {
  loading ??= (async () => {
    const global = globalThis as PdfJsGlobal;
    if (global.pdfjsWorker) return false;
    try {
      const file = path.join(path.dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs');
      const patched = patchedWorkerSource(readFileSync(file, 'utf8'));
      if (!patched) return false;
      // sourceURL: stack traces name the module instead of quoting its 2 MB data: URL.
      const named = `${patched}\n//# sourceURL=pdf.worker.indexed-lookup.mjs\n`;
      const module = (await import(`data:text/javascript;base64,${Buffer.from(named).toString('base64')}`)) as { WorkerMessageHandler?: unknown };
      if (!module.WorkerMessageHandler) return false;
      global[INFLATE_FLAG] = inflateRaw;
      global[FILL_LUMINANCE] = fillLuminance;
      global[HOW_SHOWN] = howShown;
      global[TO_UNICODE_CACHE] = toUnicodeCache;
      global[PAINT_PATH] = paintOperator;
      global[PAINT_XOBJECT] = paintXObject;
      global[PAINTED_COUNT] = paintedCount;
      global.pdfjsWorker = module;
      return true;
    } catch {
      return false;
    }
  })();
  return loading;
}
