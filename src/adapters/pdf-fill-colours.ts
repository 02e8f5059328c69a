/**
 * A quick look at a PDF's content streams, before pdf.js walks their operators: can any fill
 * colour be light enough for white-on-white text? When none can, the walk (a second parse of
 * every page, about a third of the extraction time) finds nothing and is skipped. Whatever this
 * cannot decide (an unknown filter, a colour space it cannot read) counts as "can": it may cost
 * time, never a missed hidden text.
 */
import { inflateSync } from 'node:zlib';

/** The walker's threshold is 0.92 (luminance of pdf.js's RGB); this keeps a margin below it. */
const LIGHT = 0.85;
/**
 * Decoded content beyond this is not examined: the walk decides. The most any development,
 * real-world or fixture PDF decodes here is 0.5 MB; what a decompression bomb inflates before the
 * cap stops it adds to the reading's peak memory until the next collection.
 */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

/** Relative luminance of an RGB colour (components in [0, 1]), Rec. 601 weights, as the walker and this scan both judge it. */
export const luminance = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b;

/** Streams that hold no page content: images, fonts, cross-reference and object streams, metadata, attachments. */
const NOT_CONTENT = /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|\/Length[123]\b|\/Type\s*\/(?:XRef|Metadata|EmbeddedFile)\b/;
const OBJECT_STREAM = /\/Type\s*\/ObjStm\b/;
function lightColour(operands: number[], op: string): boolean {
  const v = operands.map((x) => Math.min(1, Math.max(0, x)));
  switch (op) {
    case 'g':
      return (v[0] ?? 0) >= LIGHT;
    case 'rg':
      return luminance(v[0] ?? 0, v[1] ?? 0, v[2] ?? 0) >= LIGHT;
    case 'k': {
      const [c = 1, m = 1, y = 1, k = 1] = v;
      return luminance((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)) >= LIGHT;
    }
    default: {
      // sc/scn in a colour space set elsewhere: three operands in 0..1 read as RGB, four as CMYK;
      // one may be a grey, a spot-colour tint (0 is no ink) or a palette index: light either way.
      if (operands.some((x) => x > 1 || x < 0)) return true;
      if (v.length === 3) return lightColour(v, 'rg');
      if (v.length === 4) return lightColour(v, 'k');
      // Named colours (patterns) are not read as white by the walk; no operands at all is odd.
      return v.length !== 0;
    }
  }
}

interface StreamColours {
  /** Text shown while a light fill colour set in this stream is in force. */
  lightText: boolean;
  /** Text shown before this stream sets any fill colour: it inherits its caller's (another stream's). */
  inheritedText: boolean;
  setsLight: boolean;
  /** Inline image data, which this scan does not step over. */
  opaque: boolean;
}

/** PDF white space and delimiters, by character code. */
const DELIMITER = new Uint8Array(256);
for (const ch of ' \t\r\n\f\0/[]()<>{}%') DELIMITER[ch.charCodeAt(0)] = 1;

/** A fill colour with its operands, found by a regular expression: a quick first pass. */
const FILL_COLOUR = /((?:[-+]?(?:\d+\.?\d*|\.\d+)[ \t\r\n]+){0,4})(g|rg|k|scn|sc)(?=[\s/\[<(]|$)/g;

function anyLightColour(content: string): boolean {
  for (const m of content.matchAll(FILL_COLOUR)) {
    const operands = (m[1] ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
    if (lightColour(operands, m[2] as string)) return true;
  }
  return false;
}

const OTHER = 0;
const Q_SAVE = 1;
const Q_RESTORE = 2;
/** g, rg, k, sc, scn */
const FILL = 3;
/** Tj, TJ, ' and " */
const SHOW_TEXT = 4;
/** ID: inline image data follows. */
const INLINE_IMAGE = 5;

/** Which of the operators this scan follows the token content[start, end) is (end - start ≤ 3). */
function operatorOf(content: string, start: number, end: number): number {
  const a = content.charCodeAt(start);
  if (end - start === 1) {
    if (a === 0x71 /* q */) return Q_SAVE;
    if (a === 0x51 /* Q */) return Q_RESTORE;
    if (a === 0x67 /* g */ || a === 0x6b /* k */) return FILL;
    if (a === 0x27 /* ' */ || a === 0x22 /* " */) return SHOW_TEXT;
    return OTHER;
  }
  const b = content.charCodeAt(start + 1);
  if (end - start === 2) {
    if ((a === 0x72 /* r */ && b === 0x67) /* rg */ || (a === 0x73 /* s */ && b === 0x63) /* sc */) return FILL;
    if (a === 0x54 /* T */ && (b === 0x6a || b === 0x4a) /* Tj, TJ */) return SHOW_TEXT;
    if (a === 0x49 /* I */ && b === 0x44 /* D */) return INLINE_IMAGE;
    return OTHER;
  }
  return a === 0x73 && b === 0x63 && content.charCodeAt(start + 2) === 0x6e /* scn */ ? FILL : OTHER;
}

/**
 * The number written at content[start, end), as Number() reads it. The common forms (an optional
 * sign, digits, a point, digits) are read from the character codes; anything else is sliced.
 */
function numberAt(content: string, start: number, end: number): number {
  let i = start;
  let sign = 1;
  const first = content.charCodeAt(i);
  if (first === 0x2d || first === 0x2b) {
    if (first === 0x2d) sign = -1;
    i++;
  }
  // All the digits as one integer, divided once by the power of ten of the fraction's: exact
  // integers and one correctly rounded division give what Number() gives.
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  for (; i < end; i++) {
    const d = content.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
  }
  if (i < end && content.charCodeAt(i) === 0x2e) {
    for (i++; i < end; i++) {
      const d = content.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      digits++;
      fractionDigits++;
    }
  }
  // Beyond 15 digits the integer is no longer exact, and other forms are Number()'s to read.
  if (i < end || digits === 0 || digits > 15) return Number(content.slice(start, end));
  return (sign * mantissa) / (POWERS_OF_TEN[fractionDigits] ?? 10 ** fractionDigits);
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Reads a content stream's operators, with string literals, hex strings and comments stepped
 * over (text inside them is not an operator), following the fill colour through q/Q.
 */
function scanContent(content: string): StreamColours {
  const result: StreamColours = { lightText: false, inheritedText: false, setsLight: false, opaque: false };
  let light: boolean | null = null; // null: inherited from the caller
  const stack: Array<boolean | null> = [];
  let operands: number[] = [];
  const n = content.length;
  let i = 0;
  // Character codes, not one-character strings: page content is mostly numbers, read here by the million.
  while (i < n) {
    const c = content.charCodeAt(i);
    if (c === 0x28 /* ( */) {
      // A string literal: balanced parentheses, backslash escapes.
      let depth = 1;
      for (i++; i < n && depth > 0; i++) {
        const d = content.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29) depth--;
      }
      operands = [];
      continue;
    }
    if (c === 0x3c /* < */ && content.charCodeAt(i + 1) !== 0x3c) {
      const close = content.indexOf('>', i);
      i = close < 0 ? n : close + 1;
      operands = [];
      continue;
    }
    if (c === 0x25 /* % */) {
      while (i < n && content.charCodeAt(i) !== 0x0a && content.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00) {
      i++;
      continue;
    }
    // A name, a number or an operator runs to the next delimiter; a delimiter alone is a token.
    let j = i + 1;
    if (c === 0x3c || c === 0x3e) j = i + 2;
    else if (!DELIMITER[c] || c === 0x2f /* / */) while (j < n && !DELIMITER[content.charCodeAt(j)]) j++;
    const start = i;
    i = j;
    // A number starts with a digit, a sign or a point.
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      const number = numberAt(content, start, j);
      if (Number.isFinite(number)) {
        operands.push(number);
        continue;
      }
    }
    // Every operator this scan follows has one to three characters: compared by code, not sliced.
    const op = j - start <= 3 ? operatorOf(content, start, j) : OTHER;
    if (op === Q_SAVE) stack.push(light);
    else if (op === Q_RESTORE) light = stack.length ? (stack.pop() ?? null) : light;
    else if (op === FILL) {
      light = lightColour(operands.slice(-4), content.slice(start, j));
      if (light) result.setsLight = true;
    } else if (op === SHOW_TEXT) {
      if (light === null) result.inheritedText = true;
      else if (light) result.lightText = true;
    } else if (op === INLINE_IMAGE) {
      result.opaque = true;
      return result;
    }
    if (c !== 0x2f && c !== 0x5b && c !== 0x5d) operands = [];
  }
  return result;
}

/** Whether the bytes at `at` spell `word` (ASCII); a position before the start reads from the start, as String.startsWith does. */
function bytesSpell(bytes: Buffer, at: number, word: string): boolean {
  const from = Math.max(0, at);
  if (from + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[from + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** True when some text of the PDF may be filled with a light colour (or the PDF cannot be read this way). */
export function mayFillLight(pdf: Uint8Array): boolean {
  // The file is searched as bytes; only dictionaries and content become strings. (A 1 MB CV with
  // photos, copied whole into a string, spent more time on the copy than on its content.)
  const raw = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = (start: number, end: number): string => raw.toString('latin1', start, end);
  // A colour-space change (cs) starts at black, no ink, or entry 0 of a palette: only a palette
  // (an Indexed space, declared in plain or in an object stream) can make that light. Whether the
  // file declares one in plain is asked only of a file that changes space: the search reads the
  // whole file, fonts and images included.
  let indexedInObjectStream = false;
  let changesSpace = false;
  let lightSomewhere = false;
  /** Streams read before any light colour was seen: read closely only if one is seen later. */
  const contents: string[] = [];
  let setsLight = false;
  let inheritedText = false;
  /** True when the stream shows text in a light colour (or cannot be read this way). */
  const readClosely = (content: string): boolean => {
    const colours = scanContent(content);
    setsLight ||= colours.setsLight;
    inheritedText ||= colours.inheritedText;
    return colours.lightText || colours.opaque;
  };
  let decodedBytes = 0;
  let at = 0;
  for (;;) {
    const keyword = raw.indexOf('stream', at, 'latin1');
    if (keyword < 0) break;
    at = keyword + 6;
    // "endstream" also contains "stream"; only a stream that follows a dictionary starts data.
    if (bytesSpell(raw, keyword - 3, 'end')) continue;
    const dictEnd = raw.lastIndexOf('>>', keyword, 'latin1');
    if (dictEnd < 0 || text(dictEnd + 2, keyword).trim() !== '') continue;
    const objStart = raw.lastIndexOf(' obj', dictEnd, 'latin1');
    const dict = text(objStart < 0 ? Math.max(0, dictEnd - 4096) : objStart, dictEnd + 2);
    let dataStart = at;
    if (raw[dataStart] === 0x0d /* CR */) dataStart++;
    if (raw[dataStart] === 0x0a /* LF */) dataStart++;
    const end = raw.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) return true;
    at = end + 9;
    if (NOT_CONTENT.test(dict)) continue;
    const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '').matchAll(/\/(\w+)/g)].map((m) => m[1]);
    let content: string;
    if (filters.length === 0) content = text(dataStart, end);
    else if (filters.length === 1 && filters[0] === 'FlateDecode' && !/\/DecodeParms/.test(dict)) {
      try {
        // Capped by what is left of the budget: a decompression bomb stops here (the walk decides).
        const decoded = inflateSync(Buffer.from(pdf.buffer, pdf.byteOffset + dataStart, end - dataStart), {
          finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a truncated tail */,
          maxOutputLength: MAX_DECODED_BYTES - decodedBytes + 1,
        });
        decodedBytes += decoded.length;
        if (decodedBytes > MAX_DECODED_BYTES) return true;
        content = decoded.toString('latin1');
      } catch {
        return true;
      }
    } else return true;
    if (OBJECT_STREAM.test(dict)) {
      indexedInObjectStream ||= content.includes('/Indexed');
      continue;
    }
    if (/\scs(?=[\s/\[<(]|$)/.test(content)) changesSpace = true;
    // Most documents never set a light fill colour at all; only those that do are read closely,
    // every stream from the first light colour on, so that light text ends the scan there.
    if (!lightSomewhere && anyLightColour(content)) {
      lightSomewhere = true;
      for (const earlier of contents) if (readClosely(earlier)) return true;
      contents.length = 0;
    }
    if (!lightSomewhere) contents.push(content);
    else if (readClosely(content)) return true;
  }
  if (changesSpace && (indexedInObjectStream || raw.includes('/Indexed', 0, 'latin1'))) return true;
  // Text that inherits its colour may inherit a light one that another stream set.
  return lightSomewhere && inheritedText && setsLight;
}
