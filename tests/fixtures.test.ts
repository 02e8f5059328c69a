import { createTestService, fixture, type TestService } from './helpers';
import type { Extraction } from '../src/core/1-text/schema';

let svc: TestService;
beforeAll(() => {
  svc = createTestService();
});
afterAll(() => svc.close());

function extract(name: string): Promise<Extraction> {
  return svc.services.extractor.extract(fixture(name), { filename: name });
}

/** Asserts the lines occur in this order in the text (each must be present). */
function expectInOrder(text: string, lines: string[]): void {
  let at = -1;
  for (const line of lines) {
    const next = text.indexOf(line, at + 1);
    expect({ line, found: next > at }).toEqual({ line, found: true });
    at = next;
  }
}

/** No word left broken by a line-end hyphen, and no ligature or soft-hyphen characters. */
function expectCleanWords(text: string): void {
  expect(text).not.toMatch(/\p{Ll}-\n\p{Ll}/u);
  expect(text).not.toMatch(/[\uFB00-\uFB06\u00AD\uE000-\uF8FF]/);
}

describe('golden extraction of the generated fixtures', () => {
  it('pdflatex two-column CV: columns in order, ligatures expanded, hyphenation joined, running header and footer dropped', async () => {
    const doc = await extract('latex-two-column.pdf');
    expect(doc).toMatchObject({ format: 'pdf', pages: 2, quality: { status: 'ok' } });
    expectInOrder(doc.text, ['Mara Lindqvist', 'Profile', 'Experience', 'Education', 'Skills', 'Publications', 'Interests', 'Projects', 'Certifications']);
    for (const word of ['efficient', 'affordable', 'profiling', 'officially', 'difficult', 'workflow', 'offline', 'classification', 'flexible', 'fifteen', 'sufficiently', 'configurable']) {
      expect(doc.text).toContain(word);
    }
    expectCleanWords(doc.text);
    // The column break falls mid-sentence: it must not become a paragraph break.
    expect(doc.text).toMatch(/product teams\ncould trust their conclusions/);
    expect(doc.text).not.toContain('Curriculum Vitae');
    expect(doc.text).not.toMatch(/^Page \d+$/m);
    expect(doc.sections.map((s) => s.kind)).toEqual(['summary', 'experience', 'education', 'skills', 'publications', 'interests', 'projects', 'certifications']);
  });

  it('row-interleaved two-column PDF is read one column after the other', async () => {
    const doc = await extract('interleaved-columns.pdf');
    const left = [
      'Experience',
      'Built a fraud detection service that',
      'scores card payments in real time and',
      'explains every decision to the analysts',
      'who review flagged transactions daily.',
      'Designed the feature pipeline in Python',
      'and trained gradient boosting models',
      'that cut false positives by a third.',
    ];
    const right = [
      'Education',
      'Studied applied mathematics with a',
      'focus on statistics and numerical',
      'methods, and wrote a thesis on sparse',
      'matrix factorisation for recommender',
      'systems with missing ratings.',
      'Speaks English, Swedish and German',
      'and enjoys teaching evening classes.',
    ];
    expect(doc.text.startsWith('Jonas Berg')).toBe(true);
    expect(doc.text).toContain(left.join('\n'));
    expect(doc.text).toContain(right.join('\n'));
    expect(doc.text.indexOf(left[0]!)).toBeLessThan(doc.text.indexOf(right[0]!));
  });

  it('Chromium two-column CSS layout: sidebar and main column never interleave', async () => {
    const doc = await extract('chromium-two-column.pdf');
    const sidebar = ['CONTACT', 'priya.raman@example.org', 'SKILLS', 'spaCy, NLTK', 'LANGUAGES', 'French (B2)'];
    const main = ['PROFILE', 'Natural language processing engineer', 'EXPERIENCE', 'Fine-tuned BERT models', 'EDUCATION', 'Speech and Language Processing'];
    expectInOrder(doc.text, sidebar);
    expectInOrder(doc.text, main);
    const lastSidebar = Math.max(...sidebar.map((l) => doc.text.indexOf(l)));
    const firstMain = Math.min(...main.map((l) => doc.text.indexOf(l)));
    expect(lastSidebar).toBeLessThan(firstMain);
    expectCleanWords(doc.text);
    expect(doc.sections.map((s) => s.kind)).toEqual(['contact', 'skills', 'languages', 'summary', 'experience', 'education']);
  });

  it('LibreOffice PDF: bullets normalised, table rows kept on their line', async () => {
    const doc = await extract('libreoffice-cv.pdf');
    expect(doc.text).toContain('- Trained PPO and SAC agents in simulation for warehouse pick-and-place arms.');
    expect(doc.text).toContain('Reinforcement learning PPO, SAC, Q-learning, Gymnasium');
    expect(doc.text).toContain('Programming Python, C++17, CMake');
    expect(doc.text).not.toMatch(/[\u0080-\u009F\uF0B7•]/);
  });

  it('LibreOffice DOCX: lists and table cells keep their text', async () => {
    const doc = await extract('libreoffice-cv.docx');
    expect(doc.format).toBe('docx');
    expect(doc.pages).toBeNull(); // LibreOffice states no page count in docProps/app.xml for imported HTML
    expect(doc.text).toContain('- Met every quarterly delivery deadline while coordinating with the hardware team.');
    expect(doc.text).toContain('Mathematics Linear algebra, calculus, numerical methods');
    // The name, styled as Word's title heading, opens an untitled part before the summary.
    expect(doc.sections.map((s) => s.kind)).toEqual(['unknown', 'summary', 'experience', 'skills', 'education']);
  });

  it('UTF-8 and UTF-16 (BOM) text read to the same text', async () => {
    const utf8 = await extract('plain-cv.txt');
    const utf16 = await extract('utf16-cv.txt');
    expect(utf16.format).toBe('text');
    expect(utf16.text).toBe(utf8.text);
    expect(utf8.text).toContain('- Ran A/B tests with proper power analysis and confidence intervals.');
    expect(utf8.sections.map((s) => s.title)).toEqual(['SUMMARY', 'EXPERIENCE', 'SKILLS', 'EDUCATION']);
  });

  it('HTML: scripts, styles and noscript dropped, entities decoded, class-named blocks on their own lines', async () => {
    const doc = await extract('cv-page.html');
    expect(doc.format).toBe('html');
    expect(doc.text).not.toMatch(/tracking|display: none|Enable JavaScript/);
    expect(doc.text).toContain('Osaka · kenji@example.jp');
    expectInOrder(doc.text, ['Kenji Watanabe', 'Summary', 'Speech recognition engineer', 'Experience', '- Trained wav2vec 2.0', 'Skills', 'Toolkits Kaldi, ESPnet, PyTorch']);
    expect(doc.sections.map((s) => s.kind)).toEqual(['summary', 'experience', 'skills']);
  });

  it('Markdown: markup stripped but for heading marks, tables and lists kept', async () => {
    const doc = await extract('cv.md');
    expect(doc.format).toBe('markdown');
    expect(doc.text.replace(/^#{1,6} /gm, '')).not.toMatch(/[#*`|]|\]\(/);
    expect(doc.text).toContain('\n## Experience\n');
    expect(doc.text).toContain('- Built computer vision models for shelf monitoring with PyTorch and OpenCV.');
    expect(doc.text).toContain('Languages Python, C++');
  });

  it('PDF text a reader cannot see (white, under 2 pt) is not read; white on a dark box is', async () => {
    const doc = await extract('hidden-text.pdf');
    expect(doc.text).toContain('Reporting with Tableau dashboards for the board.');
    for (const hidden of ['PyTorch', 'Kubernetes', 'Kaldi', 'YOLO', 'BERT']) expect(doc.text).not.toContain(hidden);
    const warning = doc.quality.warnings.find((w) => w.code === 'hidden-text');
    expect(warning?.message).toMatch(/\d+ white or near-white, \d+ under 2 pt characters/);
  });

  it('white text printed by Chromium (each glyph its own operator) is not read; white on its dark header and on a picture is', async () => {
    const doc = await extract('chromium-white-text.pdf');
    expect(doc.text).toContain('Jonas Ekberg');
    expect(doc.text).toContain('Open to relocation within the Nordics');
    expect(doc.text).toContain('Data engineer, Gothenburg');
    expect(doc.text).toContain('Built nightly batch pipelines in Python and SQL');
    for (const hidden of ['Kubernetes', 'Terraform', 'Haskell', 'Scala']) expect(doc.text).not.toContain(hidden);
    expect(doc.quality.warnings.find((w) => w.code === 'hidden-text')?.message).toMatch(/\d+ white or near-white characters/);
  });

  it("a scan with its OCR text layer (Tesseract's PDF: words drawn invisible over the page image) is read from the layer", async () => {
    const doc = await extract('scan-ocr-layer.pdf');
    expect(doc.text).toContain('Tomasz Wojcik');
    expect(doc.text).toContain('Reinforcement Learning Engineer');
    expect(doc.quality.warnings.map((w) => w.code)).not.toContain('hidden-text');
  });

  it('section offsets index the returned text', async () => {
    const doc = await extract('libreoffice-cv.pdf');
    for (const s of doc.sections) {
      expect(doc.text.slice(s.start, s.start + s.title.length)).toBe(s.title);
      expect(s.end).toBeGreaterThan(s.start);
    }
    expect(doc.sections[doc.sections.length - 1]?.end).toBe(doc.text.length);
  });
});
