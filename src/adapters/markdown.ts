import MarkdownIt from 'markdown-it';

// A line break inside a paragraph is kept (`breaks`): a Markdown CV or ad is read as its writer laid
// it out, and lines such as "Proficient: C++, Python" over "Beginner: PyTorch" are separate items
// even where no blank line or bullet sets them apart. A wrapped sentence is read as a wrapped
// sentence in a text file is.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: true });

/** Markdown to HTML; the HTML adapter then strips the markup, so both formats read the same way. */
export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}
