import { htmlToText } from '../../src/adapters/html';
import { markdownToHtml } from '../../src/adapters/markdown';
import { documentXml, makeDocx } from '../../scripts/make-docx';
import { readDocx } from '../../src/adapters/docx';
import { redactText } from '../../src/core/1-text/personal-data';
import { analyzeText } from './support';

/**
 * A page's headings are headings by their markup, whatever their words; the text keeps a Markdown
 * mark on them so the section finder knows them by form, as it knows a typed "## Heading".
 */
describe('headings kept from HTML, Markdown and Word', () => {
  it('marks each heading level and leaves empty headings unmarked', () => {
    const { text } = htmlToText('<h1>Priya Raman</h1><p>Data person.</p><h3>Work</h3><ul><li>Built things</li></ul><h2> </h2><p>End.</p>');
    expect(text.split('\n').filter((line) => line.trim())).toEqual(['# Priya Raman', 'Data person.', '### Work', '- Built things', 'End.']);
  });

  it('keeps Markdown headings through the HTML step', () => {
    expect(htmlToText(markdownToHtml('## Toolbox\n\nRust and Go.\n')).text).toBe('## Toolbox\n\nRust and Go.');
  });

  it("keeps a Markdown paragraph's own line breaks, so level lines stay items of their own", async () => {
    const md = '### Skills\nExpert: Go, Kotlin\nLearning: PyTorch, Rust\n';
    const { text } = htmlToText(markdownToHtml(md));
    expect(text).toBe('### Skills\n\nExpert: Go, Kotlin\nLearning: PyTorch, Rust');
    const { trace } = await analyzeText(text, 'cv');
    const modality = (id: string) => trace.mentions.find((m) => m.mention.term.entry.id === id)?.judgement.modality;
    expect([modality('kotlin'), modality('pytorch')]).toEqual(['strong', 'weak']);
  });

  it('a heading of unlisted words over a paragraph scopes what follows it', async () => {
    const page = [
      '<h2>Requirements</h2><ul><li>Strong Python and SQL.</li></ul>',
      '<h2>Bonus if you also know</h2><p>Some C++ for our embedded devices.</p>',
    ].join('');
    const { analysis } = await analyzeText(htmlToText(page).text, 'job');
    const level = (id: string) => analysis.skills.find((s) => s.id === id)?.requirement;
    expect([level('python'), level('cpp')]).toEqual(['required', 'preferred']);
  });

  it('a company intro under its own page heading still gives no requirement', async () => {
    const page = [
      '<h2>Where we come from</h2><p>Founded by two statisticians, we ship forecasting software to retailers.</p>',
      '<h2>The work</h2><ul><li>Train and deploy PyTorch models.</li></ul>',
    ].join('');
    const { analysis } = await analyzeText(htmlToText(page).text, 'job');
    const present = analysis.skills.filter((s) => s.present).map((s) => s.id);
    expect(present).toContain('neural-networks');
    expect(present).not.toContain('statistics');
  });

  it('a name kept as a page title is still found as personal data', () => {
    const text = htmlToText('<h1>Tomasz Keller</h1><p>Python developer in Graz.</p>').text;
    expect(redactText(text)).not.toMatch(/Tomasz|Keller/);
  });

  it('a short paragraph all in bold is a title; a bold sentence, or bold words in a sentence, are not', () => {
    const { text } = htmlToText('<p><strong>Who we hope to meet</strong></p><p><b>Requirements</b>:</p><p><strong>We reply to every applicant.</strong></p><p>We <b>love</b> Rust</p>');
    expect(text.split('\n').filter((line) => line.trim())).toEqual(['#### Who we hope to meet', '#### Requirements:', 'We reply to every applicant.', 'We love Rust']);
    expect(htmlToText(markdownToHtml('**Stack we use**\n\nKotlin and Go.\n')).text).toBe('#### Stack we use\n\nKotlin and Go.');
  });

  it('a bold line in a Word file without heading styles scopes what follows it', async () => {
    const bold = (words: string): string => `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${words}</w:t></w:r></w:p>`;
    const plain = (words: string): string => `<w:p><w:r><w:t xml:space="preserve">${words}</w:t></w:r></w:p>`;
    const body = [bold('What we need'), plain('Several years of Python in production.'), bold('Bonus experience'), plain('Exposure to C++ on embedded targets.')].join('');
    const { html } = await readDocx(makeDocx(documentXml(body)));
    const { analysis } = await analyzeText(htmlToText(html).text, 'job');
    const level = (id: string) => analysis.skills.find((s) => s.id === id)?.requirement;
    expect([level('python'), level('cpp')]).toEqual(['required', 'preferred']);
  });
});
