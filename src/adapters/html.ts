import { convert, type HtmlToTextOptions } from 'html-to-text';

/** Marks where html-to-text cut content at its depth limit, so we can warn instead of hiding it. */
const CUT_MARK = '\u2063cut\u2063';

const OPTIONS: HtmlToTextOptions = {
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
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
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
