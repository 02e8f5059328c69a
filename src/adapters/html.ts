import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';

/** Marks where html-to-text cut content at its depth limit, so we can warn instead of hiding it. */
const CUT_MARK = '\u2063cut\u2063';

interface HtmlNode {
  type?: string;
  data?: string;
  children?: HtmlNode[];
}

function hasText(node: HtmlNode): boolean {
  if (node.type === 'text') return (node.data ?? '').trim() !== '';
  return (node.children ?? []).some(hasText);
}

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
  formatters: { markedHeading },
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
