import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Markdown to HTML; the HTML adapter then strips the markup, so both formats read the same way. */
export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}
