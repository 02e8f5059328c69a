/**
 * Text normalisation shared by every format: the extractors produce raw text, this turns it into
 * the clean, offset-stable text that sections, mentions and evidence all index into.
 */

import { codePointBefore, codePointEnd, codePointIn } from '../0-base/code-points';
import { ITEM_BREAK, LEADING_EMOJI } from './lines';
import { RUN_IN_MIN_LINE, runInHeadingSpans } from './sections';

/** Glyphs that PDF producers and word processors use as list bullets. */
const BULLET_GLYPHS = '•◦▪▫■□●○‣⁃∙➢➤➔➜➙➛➝➞➡⇒⟶⮚❯►▶▸✓✔✗★☆❖◆◇→\u0088\u0095\uF0B7\uF0A7\uF076\uF0D8\uF0FC\uF06C\uF0A8';
const LEADING_BULLET = new RegExp(`^[ \\t]*[${BULLET_GLYPHS}]\\uFE0F?[ \\t]*`, 'gm');
const LEADING_ASCII_BULLET = /^[ \t]*[*+\-·{][ \t]+/gm;
/**
 * Rating dots and stars ("Python ●●●●○") are a score drawn with symbols: they are written as the
 * score they draw ("Python 4/5"), which the analysis reads as a level.
 */
const RATING_GLYPHS = /[○●◯◉◎⚫⚪★☆](?:[ \t]*[○●◯◉◎⚫⚪★☆])+/g;
const FILLED_GLYPH = /[●◉⚫★]/g;

function ratingAsScore(glyphs: string): string {
  const symbols = glyphs.replace(/[ \t]/g, '');
  return `${(symbols.match(FILLED_GLYPH) ?? []).length}/${[...symbols].length}`;
}
/** A numbered list's marker: "1. ", "2) ", "(3) ". */
const LEADING_NUMBER = /^[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\))[ \t]+(?=\S)/;

/**
 * A line's leading marker is a bullet when the line stands in a run of lines led the same way: a
 * single emoji before a title ("🚀 Applied Scientist") decorates it, and a single number before a
 * heading ("1. Education") numbers it; both are kept.
 */
function runLeadersAsDashes(text: string, leader: RegExp): string {
  const lines = text.split('\n');
  const led = lines.map((line) => leader.test(line));
  if (!led.includes(true)) return text;
  const neighbourLed = (i: number, step: number): boolean => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if ((lines[j] ?? '').trim() !== '') return led[j] === true;
    return false;
  };
  return lines.map((line, i) => (led[i] && (neighbourLed(i, -1) || neighbourLed(i, 1)) ? line.replace(leader, '- ') : line)).join('\n');
}

/**
 * Block components of Markdown pages built with Nuxt Content (MDC): "::timeline-item{date="2022"
 * title="ML Engineer"}" opens one and "::" closes it. The component's name is markup, not words of
 * the page ("timeline-item" is no timeline); its quoted attribute values are the page's content.
 */
const MDC_COMPONENT = /^[ \t]*::+(?:[A-Za-z][\w-]*)?(?:\{([^}\n]*)\})?[ \t]*$/gm;

function mdcAsText(_line: string, attributes: string | undefined): string {
  return attributes ? [...attributes.matchAll(/[\w:-]+="([^"]*)"/g)].map((m) => m[1]).join(' · ') : '';
}

/** Rules drawn with characters ("-----", "=====") in plain-text CVs. */
const RULE_LINE = /^[ \t]*([-=_*~#.·•+])\1{2,}[ \t]*$/gm;
/** A line holding one stray symbol or icon letter (icon fonts without a Unicode map). */
const STRAY_SYMBOL_LINE = /^[ \t]*(?!-[ \t]*$)[^\p{L}\p{N}\s]{1,2}[ \t]*$|^[ \t]*[^\x00-\x7F\s][ \t]*$/gmu;

/** Icons from icon fonts (Font Awesome and friends) live in the Private Use Area. */
const PRIVATE_USE = /[\uE000-\uF8FF]|[\u{F0000}-\u{FFFFD}]|[\u{100000}-\u{10FFFD}]/gu;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** C0 and C1 controls other than tab and newline (LaTeX bullets arrive as U+0088, mapped above). */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const HORIZONTAL_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]+/g;

/**
 * Words that commonly form hyphenated compounds ("cross-functional", "e-commerce"): a line-end
 * hyphen after one of these is a real hyphen, not a hyphenation point.
 */
export const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  'cross', 'self', 'non', 'co', 'multi', 'well', 'end', 'real', 'full', 'part', 'high', 'low', 'long',
  'short', 'open', 'hands', 'state', 'data', 'team', 'time', 'cost', 'user', 'client', 'customer',
  'domain', 'cloud', 'fast', 'large', 'small', 'mid', 'semi', 'sub', 'pre', 'post', 'top', 'best',
  'first', 'second', 'third', 'on', 'off', 'in', 'out', 'up', 'down', 'over', 'under', 'front', 'back',
  'server', 'client', 'object', 'event', 'test', 'model', 'rule', 'fine', 'deep', 'year', 'month',
  'day', 'week', 'x', 'e', 'k', 't', 'n', 'zero', 'one', 'two', 'three', 'four', 'five', 'ten',
]);

/**
 * Words that commonly end hyphenated compounds ("affine-invariant", "lithium-ion", "contact-rich",
 * "production-grade"): after a line-end hyphen, one of these is the second word of a compound, not
 * the rest of a hyphenated word. Tails that also end plain words broken by hyphenation
 * ("un-supervised", "re-lated", "in-dependent") are left out: joining is the safer reading there.
 */
export const COMPOUND_TAILS: ReadonlySet<string> = new Set([
  'based', 'driven', 'aware', 'rich', 'specific', 'scale', 'oriented', 'facing', 'invariant',
  'equivariant', 'ion', 'friendly', 'native', 'centric', 'agnostic', 'intensive', 'critical',
  'sensitive', 'tolerant', 'grade', 'ready', 'proof', 'efficient', 'powered', 'preserving', 'wide',
  'only', 'free', 'focused', 'heavy', 'first', 'world', 'class',
]);

/** A hyphen at a line end: where a word broken by hyphenation shows. */
const LINE_END_HYPHEN = /[-\u2010]\n/g;
const LETTER = /\p{L}/u;
const asciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const letterAt = (text: string, i: number): boolean => codePointIn(text, i, asciiLetter, LETTER);
const letterBefore = (text: string, i: number): boolean => letterAt(text, codePointBefore(text, i));

const LOWER_CASE_LETTER = /\p{Ll}/u;

const asciiLowerCase = (c: number): boolean => c >= 97 && c <= 122;
const lowerCaseLetterAt = (text: string, i: number): boolean => codePointIn(text, i, asciiLowerCase, LOWER_CASE_LETTER);

/** What a document's words say about a break: whether a hyphenated form or a plain word occurs whole. */
export interface WordForms {
  /** "data-driven" occurs as a whole run of hyphen-joined words (not inside "big-data-driven"). */
  hasCompound(form: string): boolean;
  /** "classification" occurs as a word of four letters or more, not joined by a hyphen to another. */
  hasWord(form: string): boolean;
}

/**
 * Every whole word and hyphenated run, gathered into sets: the general way, which reads every
 * word of the document.
 */
export function gatheredWordForms(text: string): WordForms {
  const hyphenated = new Set<string>();
  const plain = new Set<string>();
  for (const m of text.matchAll(/[\p{L}]+(?:-[\p{L}]+)+|[\p{L}]{4,}/gu)) {
    const w = m[0].toLowerCase();
    if (w.includes('-')) hyphenated.add(w);
    else plain.add(w);
  }
  return { hasCompound: (form) => hyphenated.has(form), hasWord: (form) => plain.has(form) };
}

/**
 * The same answers, by looking up only the forms a break asks about in the lower-cased text: a
 * document breaks a few words at line ends, and gathering all its words cost more than the rest
 * of its normalising. It needs the lower case to keep every offset and to lower each letter
 * alone: İ grows, and a capital sigma lowers by the letters around it, so such texts are gathered.
 */
export function wordFormsOf(text: string): WordForms {
  const lowered = text.toLowerCase();
  if (lowered.length !== text.length || text.includes('\u03a3')) return gatheredWordForms(text);
  // A form occurs whole where no letter, and no hyphen joined to a letter, touches either end.
  const occursWhole = (form: string): boolean => {
    for (let at = lowered.indexOf(form); at >= 0; at = lowered.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (letterBefore(text, at) || (text.charCodeAt(at - 1) === 45 && letterBefore(text, at - 1))) continue;
      if (letterAt(text, end) || (text.charCodeAt(end) === 45 && letterAt(text, end + 1))) continue;
      return true;
    }
    return false;
  };
  return { hasCompound: (form) => form.includes('-') && occursWhole(form), hasWord: (form) => !form.includes('-') && [...form].length >= 4 && occursWhole(form) };
}

/**
 * Joins words split across lines by hyphenation, keeping real compounds hyphenated. A break is a
 * whole word's head (the letters before the hyphen, from where a word starts), a hyphen, the line
 * break, spaces or tabs, and a tail opening in lower case, to its last letter. Found from the
 * line-end hyphens, left to right; a break starts after the one before it ends.
 */
export function joinHyphenatedLineBreaks(text: string): string {
  // Word forms seen elsewhere in the document decide ambiguous cases: if "data-driven" appears on
  // one line, a "data-\ndriven" break is a compound; if "classification" appears, it is not.
  let forms: WordForms | undefined;
  // Pieces joined at once: one plain string, not a chain of concatenations, which the rules read slower (see maskSpans).
  const pieces: string[] = [];
  let copied = 0;
  LINE_END_HYPHEN.lastIndex = 0;
  for (let found = LINE_END_HYPHEN.exec(text); found !== null; found = LINE_END_HYPHEN.exec(text)) {
    const hyphen = found.index;
    LINE_END_HYPHEN.lastIndex = hyphen + 1;
    let start = hyphen;
    while (letterBefore(text, start)) start = codePointBefore(text, start);
    if (start === hyphen || start < copied) continue;
    let tailStart = hyphen + 2;
    while (text.charCodeAt(tailStart) === 32 || text.charCodeAt(tailStart) === 9) tailStart++;
    if (!lowerCaseLetterAt(text, tailStart)) continue;
    let end = codePointEnd(text, tailStart);
    while (letterAt(text, end)) end = codePointEnd(text, end);
    const head = text.slice(start, hyphen);
    const tail = text.slice(tailStart, end);
    forms ??= wordFormsOf(text);
    pieces.push(text.slice(copied, start), keepsHyphen(head, tail, forms) ? `${head}-${tail}` : head + tail);
    copied = end;
    LINE_END_HYPHEN.lastIndex = end;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/** Whether a word broken at a line end is a compound, kept hyphenated, rather than one word. */
function keepsHyphen(head: string, tail: string, forms: WordForms): boolean {
  const h = head.toLowerCase();
  const t = tail.toLowerCase();
  if (forms.hasCompound(`${h}-${t}`)) return true;
  if (forms.hasWord(h + t)) return false;
  // Acronyms and short heads ("SVD-based", "e-commerce") are compounds, not hyphenation.
  return COMPOUND_HEADS.has(h) || COMPOUND_TAILS.has(t) || head.length <= 1 || /\p{Lu}{2,}$/u.test(head);
}

/** "E X P E R I E N C E" (letter-spaced headings in designed CVs) becomes "EXPERIENCE". */
function collapseLetterSpacing(text: string): string {
  return text.replace(/^[ \t]*((?:\p{Lu}[ \t]){3,}\p{Lu}(?:[ \t]{2,}(?:\p{Lu}[ \t]){1,}\p{Lu})*)[ \t]*$/gmu, (_m, spaced: string) =>
    spaced
      .split(/[ \t]{2,}/)
      .map((word) => word.replace(/[ \t]/g, ''))
      .join(' '),
  );
}

/**
 * Page copy scraped without its line breaks keeps, in some places, the two spaces a break became:
 * "…experience with Databricks  At least 3 years of…". In a line too long to be anything but pasted
 * copy (RUN_IN_MIN_LINE), two or more spaces after a word and before a capital end an item. The
 * end is marked with ITEM_BREAK first, so that the titles run into that line are still found in it
 * (breakRunInHeadings); then each item takes a semicolon, so that no rule for wrapped prose joins it
 * to the next, which stands on its own line. After a stop, the sentence rules already end it.
 */
const SPACED_ITEM_BREAK = /(?<=[\p{Ll}\d)%])[ \t]{2,}(?=[\p{Lu}(])/gu;

function markSpacedItems(text: string): string {
  if (!text.includes('  ')) return text;
  return text
    .split('\n')
    .map((line) => (line.length >= RUN_IN_MIN_LINE ? line.replace(SPACED_ITEM_BREAK, ITEM_BREAK) : line))
    .join('\n');
}

/** Titles run into a long line of pasted page copy stand on lines of their own again. */
function breakRunInHeadings(text: string): string {
  const lines = text.split('\n');
  if (!lines.some((line) => line.length >= RUN_IN_MIN_LINE)) return text;
  return lines
    .map((line) => {
      if (line.length < RUN_IN_MIN_LINE) return line;
      const spans = runInHeadingSpans(line);
      // Pasted page copy holds several titles; one title-like phrase in a long paragraph
      // ("Skills: Requirements Engineering, Testing…") is more likely prose or a list's item.
      if (spans.length < 2) return line;
      let out = line;
      // From the last title back, so earlier offsets stay valid; each title's spaces become breaks.
      // A title known by its cue words only takes a colon, as a lead-in line is read.
      for (const [start, end, byCue] of spans.reverse()) out = `${out.slice(0, start).trimEnd()}\n${out.slice(start, end)}${byCue ? ':' : ''}\n${out.slice(end).trimStart()}`;
      return out;
    })
    .join('\n');
}

export interface NormaliseStats {
  replacementChars: number;
}

/**
 * Produces clean text: Unicode NFKC (ligatures such as "ﬁ" become "fi"), soft hyphens and
 * hyphenated line breaks rejoined, bullets unified as "- ", icons and control characters dropped,
 * spaces collapsed, at most one blank line in a row.
 */
export function normaliseText(raw: string, stats?: NormaliseStats): string {
  // Unicode's line and paragraph separators are line breaks (and free ITEM_BREAK for its own use).
  let text = raw.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFKC');
  if (stats) stats.replacementChars = (text.match(/\uFFFD/g) ?? []).length;
  text = text
    .replace(/\uFFFD/g, '')
    .replace(ZERO_WIDTH, '')
    // Word on macOS writes a visible hyphen as hyphen + soft hyphen + U+2010: one hyphen.
    .replace(/[-\u2010\u2011]\u00AD+(?=[-\u2010\u2011])/g, '')
    // A soft hyphen is only a permitted break: drop it, and the line break that follows it.
    .replace(/\u00AD[ \t]*\n[ \t]*/g, '')
    .replace(/\u00AD/g, '')
    .replace(/[\u2010\u2011]/g, '-');
  // Emoji bullets first: some bullet glyphs (✔, ▶) are also emoji, and a run of them is one list.
  if (/\p{Extended_Pictographic}/u.test(text)) text = runLeadersAsDashes(text, LEADING_EMOJI);
  text = runLeadersAsDashes(text, LEADING_NUMBER)
    .replace(LEADING_BULLET, '- ')
    .replace(PRIVATE_USE, '')
    .replace(CONTROLS, '')
    .replace(RATING_GLYPHS, ratingAsScore)
    .replace(RULE_LINE, '')
    .replace(MDC_COMPONENT, mdcAsText)
    .replace(STRAY_SYMBOL_LINE, '');
  text = markSpacedItems(collapseLetterSpacing(text));
  text = text
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/ *\n */g, '\n')
    .replace(LEADING_ASCII_BULLET, '- ')
    // A bullet left alone on its line (glyph and text drawn separately) belongs to the next line.
    .replace(/^- *\n(?=\S)/gm, '- ');
  text = breakRunInHeadings(joinHyphenatedLineBreaks(text));
  if (text.includes(ITEM_BREAK)) text = text.replaceAll(ITEM_BREAK, ';\n');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
