/**
 * Literal gates: which of a group of patterns can match a text at all, found in one pass over it.
 *
 * Most of the context rules' patterns find nothing in most sentences, and a regular expression
 * that finds nothing still reads the whole string, trying every alternative at every position: an
 * analysis spent about half its pattern time that way. Nearly every pattern needs one of a few
 * literals to match ("never" or "without" or "lacking"…), read here from the pattern itself, so
 * one scan of the text for all the literals of a group (an Aho-Corasick automaton) says which
 * patterns are worth trying. The gate may say yes when the pattern then fails; it never says no
 * when the pattern would match, so a gated pattern finds exactly what it found before.
 */

/** A pattern's piece, as far as literals are concerned. */
type Piece =
  | { kind: 'char'; char: string }
  /** Matches some character that is not a known literal: a class, a dot, an escape like \d. */
  | { kind: 'any' }
  /** A word boundary, \b. */
  | { kind: 'boundary' }
  /** Matches no character: anchors, \B, lookarounds. */
  | { kind: 'zero' }
  | { kind: 'group'; alternatives: Sequence[] };

interface Quantified {
  piece: Piece;
  min: number;
  max: number;
}

type Sequence = Quantified[];

/**
 * A literal every match holds (folded: see foldCode), and whether a word boundary stands right
 * before it or right after it in the match.
 */
export interface Literal {
  text: string;
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

/** A literal while the pattern is read: also whether it opens or closes the match of the part it was found in. */
interface Found extends Literal {
  opens: boolean;
  closes: boolean;
}

/** Syntax the reader does not follow (back-references, code-point escapes): such a pattern gets no gate. */
class Unsupported extends Error {}

/** Reads a pattern's source (not under the `v` flag, whose classes nest: see requiredLiterals). */
function parsePattern(source: string): Sequence[] {
  let i = 0;
  const alternatives = (): Sequence[] => {
    const found = [sequence()];
    while (source[i] === '|') {
      i++;
      found.push(sequence());
    }
    return found;
  };
  const sequence = (): Sequence => {
    const items: Sequence = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const piece = atom();
      items.push({ piece, ...quantifier() });
    }
    return items;
  };
  const quantifier = (): { min: number; max: number } => {
    const c = source[i];
    let bounds: { min: number; max: number };
    if (c === '?') bounds = { min: 0, max: 1 };
    else if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      // A brace that opens no count is a literal brace, read as the next atom.
      if (!m) return { min: 1, max: 1 };
      const min = Number(m[1]);
      i += m[0].length - 1;
      bounds = { min, max: m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity };
    } else return { min: 1, max: 1 };
    i++;
    if (source[i] === '?') i++;
    return bounds;
  };
  const atom = (): Piece => {
    const c = source[i] ?? '';
    if (c === '(') {
      i++;
      let zeroWidth = false;
      if (source[i] === '?') {
        const next = source[i + 1];
        if (next === ':') i += 2;
        else if (next === '=' || next === '!') {
          zeroWidth = true;
          i += 2;
        } else if (next === '<' && (source[i + 2] === '=' || source[i + 2] === '!')) {
          zeroWidth = true;
          i += 3;
        } else if (next === '<') i = source.indexOf('>', i) + 1;
        else throw new Unsupported(`group (?${next ?? ''}`);
      }
      const inner = alternatives();
      if (source[i] !== ')') throw new Unsupported('unbalanced group');
      i++;
      // What a lookaround requires is not consumed where it stands: it is left out.
      return zeroWidth ? { kind: 'zero' } : { kind: 'group', alternatives: inner };
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      if (j >= source.length) throw new Unsupported('unclosed class');
      i = j + 1;
      return { kind: 'any' };
    }
    if (c === '\\') {
      const d = source[i + 1] ?? '';
      i += 2;
      if (d === 'b') return { kind: 'boundary' };
      if (d === 'B') return { kind: 'zero' };
      if ('dDwWsSnrtfv0'.includes(d)) return { kind: 'any' };
      if (d === 'p' || d === 'P') {
        i = source.indexOf('}', i) + 1;
        return { kind: 'any' };
      }
      if (/[1-9kuxc]/.test(d)) throw new Unsupported(`escape \\${d}`);
      return { kind: 'char', char: d };
    }
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'zero' };
    }
    i++;
    if (c === '.') return { kind: 'any' };
    // Half of a character beyond the first 65,536: a quantifier after it may mean the whole.
    if (c >= '\uD800' && c <= '\uDFFF') throw new Unsupported('surrogate');
    return { kind: 'char', char: c };
  };
  const found = alternatives();
  if (i !== source.length) throw new Unsupported('unbalanced group');
  return found;
}

/** Which of two requirements lets fewer texts through: longer shortest literal (a boundary counts half a character), then fewer literals. */
function selectivity(literals: readonly Literal[]): number {
  return Math.min(...literals.map((l) => l.text.length + (l.boundaryBefore ? 0.5 : 0) + (l.boundaryAfter ? 0.5 : 0))) * 1000 - literals.length;
}

/** Literals one of which every match of the alternatives holds, or null when a match may hold none. */
function alternativesRequire(alternatives: readonly Sequence[]): Found[] | null {
  const all = new Map<string, Found>();
  for (const sequence of alternatives) {
    const literals = sequenceRequires(sequence);
    if (literals === null) return null;
    for (const l of literals) all.set(`${l.boundaryBefore ? 1 : 0}${l.boundaryAfter ? 1 : 0}${l.opens ? 1 : 0}${l.closes ? 1 : 0}${l.text}`, l);
  }
  return [...all.values()];
}

const consumes = (item: Quantified): boolean => item.piece.kind !== 'zero' && item.piece.kind !== 'boundary';
const isBoundary = (item: Quantified | undefined): boolean => item?.piece.kind === 'boundary' && item.min >= 1;

/**
 * Every match of a sequence holds each of its mandatory pieces: each run of mandatory characters
 * is a requirement, and so is each mandatory group's; the most selective one is kept. A \b right
 * before or after a run (or a group whose literal opens or closes it) goes with the literal.
 */
function sequenceRequires(sequence: Sequence): Found[] | null {
  const n = sequence.length;
  // Whether the items before k (after k) consume nothing: a literal there opens (closes) the match.
  const nothingBefore: boolean[] = [];
  const nothingAfter: boolean[] = [];
  for (let k = 0, none = true; k < n; k++) {
    nothingBefore[k] = none;
    const item = sequence[k];
    if (item && consumes(item)) none = false;
  }
  for (let k = n - 1, none = true; k >= 0; k--) {
    nothingAfter[k] = none;
    const item = sequence[k];
    if (item && consumes(item)) none = false;
  }
  const candidates: Found[][] = [];
  let run = '';
  let runStart = 0;
  const endRun = (last: number, open: boolean): void => {
    if (run) {
      candidates.push([
        {
          text: run,
          boundaryBefore: isBoundary(sequence[runStart - 1]),
          // "a+" may go on with more of its character: no boundary is known right after the run then.
          boundaryAfter: !open && isBoundary(sequence[last + 1]),
          opens: nothingBefore[runStart] ?? false,
          closes: !open && (nothingAfter[last] ?? false),
        },
      ]);
    }
    run = '';
  };
  sequence.forEach((item, k) => {
    const { piece, min, max } = item;
    if (piece.kind === 'char' && min >= 1) {
      if (!run) runStart = k;
      run += String.fromCharCode(foldCode(piece.char.charCodeAt(0)));
      // "a+" holds one "a" for certain, then maybe more: the run cannot go on past it.
      if (max !== 1) endRun(k, true);
      return;
    }
    endRun(k - 1, false);
    if (piece.kind === 'group' && min >= 1) {
      const inner = alternativesRequire(piece.alternatives);
      // A group read once takes the boundaries around it to the literals that open or close it.
      if (inner) {
        candidates.push(
          inner.map((l) => ({
            text: l.text,
            boundaryBefore: l.boundaryBefore || (max === 1 && l.opens && isBoundary(sequence[k - 1])),
            boundaryAfter: l.boundaryAfter || (max === 1 && l.closes && isBoundary(sequence[k + 1])),
            opens: max === 1 && l.opens && (nothingBefore[k] ?? false),
            closes: max === 1 && l.closes && (nothingAfter[k] ?? false),
          })),
        );
      }
    }
  });
  endRun(n - 1, false);
  let best: Found[] | null = null;
  for (const c of candidates) if (!best || selectivity(c) > selectivity(best)) best = c;
  return best;
}

/**
 * Literals one of which occurs, folded, in every text the pattern matches, each with the word
 * boundaries the pattern puts around it; null when there are none (the pattern then always has
 * to be tried).
 */
export function requiredLiterals(pattern: RegExp): Literal[] | null {
  // The `v` flag's classes nest and subtract: such a pattern gets no gate rather than a wrong one.
  if (pattern.flags.includes('v')) return null;
  try {
    return alternativesRequire(parsePattern(pattern.source))?.map(({ text, boundaryBefore, boundaryAfter }) => ({ text, boundaryBefore, boundaryAfter })) ?? null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** A code whose class is not known yet (classes are 0 to 254). */
const UNKNOWN = 255;

/** The most patterns one gate holds: their bits share one small integer. */
const MAX_PATTERNS = 30;
/** The bit of a state's `found` that says literals with boundaries end there: above the patterns' bits. */
const CHECK = 1 << MAX_PATTERNS;

/**
 * A UTF-16 code folded so that any two a case-insensitive pattern takes for one another fold
 * alike: the lower case of the upper case, each where it is one code ("ſ" and "S" as "s", "ς"
 * and "Σ" as "σ", the Kelvin sign as "k"). "İ", whose lower case is two codes, folds as "i", as
 * its lower case begins. Literals and texts are compared folded.
 */
function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if (code === 0x130) return 0x69;
  const char = String.fromCharCode(code);
  const upper = char.toUpperCase();
  const base = upper.length === 1 ? upper : char;
  const lower = base.toLowerCase();
  return (lower.length === 1 ? lower : base).charCodeAt(0);
}

/** A literal found only with a word boundary beside it: checked where the automaton finds its text. */
interface Bounded {
  bit: number;
  length: number;
  before: boolean;
  after: boolean;
  /** The pattern's \b counts "ſ" and the Kelvin sign as word characters (flags i and u together). */
  foldedWords: boolean;
}

/** Whether the character at i is a word character for \b (none outside the text). */
function isWordAt(text: string, i: number, foldedWords: boolean): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (foldedWords && (c === 0x17f || c === 0x212a));
}

function boundaryAt(text: string, i: number, foldedWords: boolean): boolean {
  return isWordAt(text, i - 1, foldedWords) !== isWordAt(text, i, foldedWords);
}

/** One Aho-Corasick automaton over a group's literals, in flat tables. */
class Automaton {
  constructor(
    /** Patterns with no literal to require: always tried. */
    private readonly always: number,
    private readonly classes: ReadonlyMap<number, number>,
    /** The class of each UTF-16 code, UNKNOWN until the code is first met beyond ASCII (folding it costs). */
    private readonly classOf: Uint8Array,
    /** The classes of characters: a state's row in `next` is this wide. */
    private readonly width: number,
    /** State by state and class by class, the state the automaton goes to (16 bits: the table stays in a fast cache). */
    private readonly next: Uint16Array,
    /**
     * Per state: the bits of the literals with no boundary to check that end there, and CHECK when
     * some literal with a boundary to check ends there (in `bounded`).
     */
    private readonly found: Int32Array,
    private readonly bounded: Array<Bounded[] | undefined>,
    /** Per state: the bits of the literals with a boundary to check that end there (`bounded`'s bits together). */
    private readonly boundedBits: Int32Array,
  ) {}

  scan(text: string): number {
    let bits = this.always;
    let state = 0;
    const { classOf, next, found, width, boundedBits } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let cls = classOf[code] ?? 0;
      if (cls === UNKNOWN) cls = this.learnClass(code);
      state = next[state * width + cls] ?? 0;
      const ends = found[state] ?? 0;
      bits |= ends;
      // Boundaries are checked only for a pattern not yet found: once its bit is set, nothing more can set it.
      if ((ends & CHECK) !== 0 && ((boundedBits[state] ?? 0) & ~bits) !== 0) bits |= this.checkBoundaries(state, text, i, bits);
    }
    return bits & ~CHECK;
  }

  /** The class of a code beyond ASCII, folded the first time it is met. */
  private learnClass(code: number): number {
    const cls = this.classes.get(foldCode(code)) ?? 0;
    this.classOf[code] = cls;
    return cls;
  }

  /** The bits of the literals with boundaries that end at i in state, whose boundaries hold. */
  private checkBoundaries(state: number, text: string, i: number, bits: number): number {
    let more = 0;
    for (const b of this.bounded[state] ?? []) {
      if ((bits & b.bit) === 0 && (!b.before || boundaryAt(text, i + 1 - b.length, b.foldedWords)) && (!b.after || boundaryAt(text, i + 1, b.foldedWords))) more |= b.bit;
    }
    return more;
  }
}

/** The automaton over the literals of a gate's patterns (window patterns' literals without their boundaries). */
function buildAutomaton(wholePatterns: readonly RegExp[], windowPatterns: readonly RegExp[]): Automaton {
  let always = 0;
  const plain = new Map<string, number>();
  const withBoundary = new Map<string, Bounded[]>();
  [...wholePatterns, ...windowPatterns].forEach((pattern, k) => {
    const forWindows = k >= wholePatterns.length;
    const bit = 1 << k;
    const literals = requiredLiterals(pattern);
    if (literals === null || literals.some((l) => l.text === '')) {
      always |= bit;
      return;
    }
    const foldedWords = pattern.flags.includes('i') && pattern.unicode;
    for (const { text, boundaryBefore, boundaryAfter } of literals) {
      const before = boundaryBefore && !forWindows;
      const after = boundaryAfter && !forWindows;
      if (before || after) {
        const list = withBoundary.get(text) ?? [];
        list.push({ bit, length: text.length, before, after, foldedWords });
        withBoundary.set(text, list);
      } else plain.set(text, (plain.get(text) ?? 0) | bit);
    }
  });
  const texts = new Set([...plain.keys(), ...withBoundary.keys()]);
  // The alphabet: each character some literal holds, every other character one class (0).
  const classes = new Map<number, number>();
  for (const literal of texts) for (let k = 0; k < literal.length; k++) if (!classes.has(literal.charCodeAt(k))) classes.set(literal.charCodeAt(k), classes.size + 1);
  if (classes.size > 254) throw new RangeError("a literal gate's literals use more than 254 distinct characters");
  const classOf = new Uint8Array(0x10000).fill(UNKNOWN);
  for (let c = 0; c < 128; c++) classOf[c] = classes.get(foldCode(c)) ?? 0;
  const width = classes.size + 1;
  // The trie of the literals, then Aho-Corasick's fall-back links folded into a full table.
  const goto: Array<Map<number, number>> = [new Map()];
  const ownBits: number[] = [0];
  const ownBounded: Array<Bounded[] | undefined> = [undefined];
  for (const text of texts) {
    let state = 0;
    for (let k = 0; k < text.length; k++) {
      const cls = classes.get(text.charCodeAt(k)) ?? 0;
      let to = goto[state]?.get(cls);
      if (to === undefined) {
        to = goto.length;
        goto.push(new Map());
        ownBits.push(0);
        ownBounded.push(undefined);
        goto[state]?.set(cls, to);
      }
      state = to;
    }
    ownBits[state] = (ownBits[state] ?? 0) | (plain.get(text) ?? 0);
    ownBounded[state] = withBoundary.get(text);
  }
  if (goto.length > 0xffff) throw new RangeError("a literal gate's literals need more than 65,535 states");
  const next = new Uint16Array(goto.length * width);
  const found = new Int32Array(goto.length);
  const bounded: Array<Bounded[] | undefined> = new Array(goto.length).fill(undefined);
  const fail = new Int32Array(goto.length);
  const queue: number[] = [];
  for (let cls = 0; cls < width; cls++) {
    const to = goto[0]?.get(cls) ?? 0;
    next[cls] = to;
    if (to !== 0) queue.push(to);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    const fallback = fail[state] ?? 0;
    // A state ends its own literal and every literal that is a suffix of it (its fall-back's).
    found[state] = (ownBits[state] ?? 0) | (found[fallback] ?? 0);
    const inherited = bounded[fallback];
    const own = ownBounded[state];
    bounded[state] = own && inherited ? [...own, ...inherited] : (own ?? inherited);
    for (let cls = 0; cls < width; cls++) {
      const to = goto[state]?.get(cls);
      const onFail = next[fallback * width + cls] ?? 0;
      if (to === undefined) next[state * width + cls] = onFail;
      else {
        next[state * width + cls] = to;
        fail[to] = onFail;
        queue.push(to);
      }
    }
  }
  const boundedBits = new Int32Array(goto.length);
  bounded.forEach((b, state) => {
    if (!b) return;
    found[state] = (found[state] ?? 0) | CHECK;
    for (const { bit } of b) boundedBits[state] = (boundedBits[state] ?? 0) | bit;
  });
  return new Automaton(always, classes, classOf, width, next, found, bounded, boundedBits);
}

/**
 * A group of patterns and one automaton over all their literals. `scan(text)` returns the bits of
 * the patterns that may match the text; `may(bits, pattern)` reads one. Patterns tried on parts
 * cut from the scanned text (the words before a mention, a clause) are given as `windowPatterns`:
 * a part holds no literal the text lacks, but its edges are boundaries the text may not have
 * there ("know" cut to "…kno|w" ends a word), so their literals are read without boundaries.
 * Texts are read folded (foldCode), so a sentence's scan serves its lower case as well.
 */
export class LiteralGate {
  private readonly bitOf = new Map<RegExp, number>();
  /** Built on the first scan: reading the patterns and building the tables is work a process that never scans need not do. */
  private automaton: Automaton | undefined;
  /** The text scanned last and its bits: the rules ask for one sentence's bits a few times in a row. */
  private lastText: string | undefined;
  private lastBits = 0;

  constructor(
    readonly wholePatterns: readonly RegExp[],
    readonly windowPatterns: readonly RegExp[] = [],
  ) {
    const patterns = [...wholePatterns, ...windowPatterns];
    if (patterns.length > MAX_PATTERNS) throw new RangeError(`a literal gate holds at most ${MAX_PATTERNS} patterns, not ${patterns.length}`);
    patterns.forEach((pattern, k) => this.bitOf.set(pattern, (this.bitOf.get(pattern) ?? 0) | (1 << k)));
  }

  /** The bits of the patterns that may match somewhere in the text. */
  scan(text: string): number {
    if (text === this.lastText) return this.lastBits;
    const bits = (this.automaton ??= buildAutomaton(this.wholePatterns, this.windowPatterns)).scan(text);
    this.lastText = text;
    this.lastBits = bits;
    return bits;
  }

  /** Whether the pattern may match, by the bits a scan returned; a pattern the gate does not hold always may. */
  may(bits: number, pattern: RegExp): boolean {
    const bit = this.bitOf.get(pattern);
    return bit === undefined || (bits & bit) !== 0;
  }

  /** Whether the pattern matches the scanned text (or a part cut from it), tried only where the bits let it. */
  test(bits: number, pattern: RegExp, text: string): boolean {
    return this.may(bits, pattern) && pattern.test(text);
  }
}
