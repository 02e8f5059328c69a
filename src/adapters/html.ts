import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';

/** Marks where html-to-text cut content at its depth limit, so we can warn instead of hiding it. */
const CUT_MARK = '\u2063cut\u2063';

interface HtmlNode {
  type?: string;
  name?: string;
  data?: string;
  children?: HtmlNode[];
}

function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function hasText(node: HtmlNode): boolean {
  return textOf(node).trim() !== '';
}

/** The most words a bold paragraph may have to stand for a heading: a longer one is a sentence. */
const BOLD_TITLE_WORDS = 8;

/**
 * A paragraph that is all bold and short ("<p><strong>What you bring</strong></p>", a Markdown
 * "**Requirements**" line, a bold line in Word without a heading style) is how pages and documents
 * written without heading styles set their headings. A sentence in bold is not one.
 */
function isBoldTitle(elem: HtmlNode): boolean {
  const parts = (elem.children ?? []).filter((child) => child.type !== 'text' || (child.data ?? '').trim() !== '');
  const bold = parts.filter((child) => child.type === 'tag' && (child.name === 'strong' || child.name === 'b'));
  // A colon after the bold words ("<strong>Requirements</strong>:") still leaves a title.
  const rest = parts.filter((child) => !bold.includes(child));
  if (bold.length === 0 || rest.some((child) => child.type !== 'text' || (child.data ?? '').trim() !== ':')) return false;
  const title = bold.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
  return title !== '' && title.length <= 60 && title.split(' ').length <= BOLD_TITLE_WORDS && !/[.!?;,]$/.test(title);
}

const paragraphOrTitle: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  if (isBoldTitle(elem)) builder.addLiteral('#### ');
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/**
 * Headings keep a Markdown mark ("## Requirements") so the section finder knows them by their form,
 * as it knows a typed Markdown heading: on a page, their size and weight say "heading", which plain
 * text would lose.
 */
const markedHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  // An empty heading (a spacer) marks nothing.
  if (hasText(elem)) builder.addLiteral(`${'#'.repeat(Number(formatOptions['level']) || 1)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const OPTIONS: HtmlToTextOptions = {
  formatters: { markedHeading, paragraphOrTitle },
  wordwrap: false,
  preserveNewlines: false,
  limits: { maxDepth: 200, maxChildNodes: 20_000, ellipsis: CUT_MARK, maxInputLength: 16 * 1024 * 1024 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'p', format: 'paragraphOrTitle' },
    { selector: 'h1', format: 'markedHeading', options: { level: 1 } },
    { selector: 'h2', format: 'markedHeading', options: { level: 2 } },
    { selector: 'h3', format: 'markedHeading', options: { level: 3 } },
    { selector: 'h4', format: 'markedHeading', options: { level: 4 } },
    { selector: 'h5', format: 'markedHeading', options: { level: 5 } },
    { selector: 'h6', format: 'markedHeading', options: { level: 6 } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 400, colSpacing: 3 } },
    // Layout divs from CSS-grid CVs: each is its own block so columns never run together.
    { selector: 'div', format: 'block' },
    { selector: 'section', format: 'block' },
    { selector: 'aside', format: 'block' },
  ],
};

/**
 * Inline elements written one after the other with nothing between them ("tag pills":
 * <span>Vue 3</span><span>TypeScript</span>) are set apart on screen by their styles, not by text;
 * a space between them keeps their words apart in the text too.
 */
const ADJACENT_INLINE = /(<\/(?:span|a|b|strong|em|i|small|label|button|code|mark|kbd|abbr)\s*>)(?=<(?:span|a|b|strong|em|i|small|label|button|code|mark|kbd|abbr)[\s>])/gi;

/** HTML to text: scripts and styles dropped, block elements become line breaks, links keep their text. */
export function htmlToText(html: string): { text: string; truncated: boolean } {
  const text = convert(html.replace(ADJACENT_INLINE, '$1 '), OPTIONS);
  const truncated = text.includes(CUT_MARK);
  return { text: truncated ? text.split(CUT_MARK).join('') : text, truncated };
}
