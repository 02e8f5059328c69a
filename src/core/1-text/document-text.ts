import { SkillmatchError } from '../0-base/errors';
import { normaliseText, type NormaliseStats } from './normalise';
import { layoutPdf, type PdfPageContent } from './pdf-layout';
import { assessQuality, isUnreadable, measureLegibility } from './quality';
import type { DocumentFormat, Extraction, QualityWarning } from './schema';
import { detectSections } from './sections';
import { sniffFormat, type FileHints } from './sniff';

/** What a PDF reader returns: positioned text per page, read in an isolated worker. */
export interface PdfReadResult {
  totalPages: number;
  pages: PdfPageContent[];
}

/**
 * The extraction stage's ports. Adapters in src/adapters implement them with third-party
 * libraries; tests can pass their own. Each throws SkillmatchError for documents it cannot read.
 */
export interface ExtractorPorts {
  readPdf(bytes: Uint8Array, options: { maxPages: number }): Promise<PdfReadResult>;
  readDocx(bytes: Uint8Array): Promise<{ html: string; pages: number | null }>;
  htmlToText(html: string): { text: string; truncated: boolean };
  markdownToHtml(markdown: string): string;
}

export interface ExtractOptions extends FileHints {
  maxPages: number;
}

interface RawText {
  text: string;
  pages: number | null;
  warnings: QualityWarning[];
}

async function rawText(bytes: Uint8Array, format: DocumentFormat, decoded: string | undefined, ports: ExtractorPorts, options: ExtractOptions): Promise<RawText> {
  const warnings: QualityWarning[] = [];
  const fromHtml = (html: string): string => {
    const { text, truncated } = ports.htmlToText(html);
    if (truncated) {
      warnings.push({ code: 'content-truncated', message: 'The document nests elements too deeply; the deepest content was not read.' });
    }
    return text;
  };
  switch (format) {
    case 'pdf': {
      const pdf = await ports.readPdf(bytes, { maxPages: options.maxPages });
      if (pdf.totalPages > pdf.pages.length) {
        warnings.push({
          code: 'pages-truncated',
          message: `The PDF has ${pdf.totalPages} pages; only the first ${pdf.pages.length} were read.`,
        });
      }
      const laid = layoutPdf(pdf.pages);
      const hidden = Object.entries(laid.hiddenChars).filter(([, n]) => n > 0);
      if (hidden.length) {
        const how = hidden.map(([reason, n]) => `${n} ${reason === 'white' ? 'white or near-white' : reason === 'tiny' ? 'under 2 pt' : 'outside the page'}`).join(', ');
        warnings.push({ code: 'hidden-text', message: `The PDF holds text a reader cannot see (${how} characters); it was not read and is not evidence.` });
      }
      return { text: laid.text, pages: pdf.pages.length, warnings };
    }
    case 'docx': {
      const docx = await ports.readDocx(bytes);
      return { text: fromHtml(docx.html), pages: docx.pages, warnings };
    }
    case 'html':
      return { text: fromHtml(decoded ?? ''), pages: null, warnings };
    case 'markdown':
      return { text: fromHtml(ports.markdownToHtml(decoded ?? '')), pages: null, warnings };
    case 'text':
      return { text: decoded ?? '', pages: null, warnings };
  }
}

/**
 * The extraction stage: bytes in, clean text with sections and a quality verdict out.
 * Detection is by content; the file name and declared type only add warnings.
 */
/**
 * Text read at most: about 100 pages, several times the longest CV. Analysis time grows with the
 * text; this bounds what one upload can cost (a 10 MB text file would otherwise hold the service
 * for a minute).
 */
export const MAX_TEXT_CHARS = 300_000;

/** The text cut at the last line end before `limit` characters, with the truncation warning (once). */
function boundedText(text: string, warnings: QualityWarning[], limit = MAX_TEXT_CHARS): string {
  if (text.length <= limit) return text;
  const lineEnd = text.lastIndexOf('\n', limit);
  if (!warnings.some((w) => w.code === 'content-truncated' && w.message.startsWith('The text is longer'))) {
    warnings.push({ code: 'content-truncated', message: `The text is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters (about 100 pages); the rest was not read.` });
  }
  return text.slice(0, lineEnd > limit / 2 ? lineEnd : limit).trimEnd();
}

/**
 * Raw text read before normalisation: normalising only removes (spaces, icons, blank lines, a few
 * ligatures grow by a letter), so twice the bound holds every character the bound keeps, and a
 * 10 MB text costs no more than a 600 kB one.
 */
const MAX_RAW_CHARS = 2 * MAX_TEXT_CHARS;

export async function extractDocument(bytes: Uint8Array, ports: ExtractorPorts, options: ExtractOptions): Promise<Extraction> {
  // Text formats are decoded no further than the raw bound can reach (a character is at most 4 bytes).
  const sniffed = sniffFormat(bytes, options, 4 * MAX_RAW_CHARS + 4);
  const decoded = 'decoded' in sniffed ? sniffed.decoded : undefined;
  const raw = await rawText(bytes, sniffed.format, decoded, ports, options);
  const stats: NormaliseStats = { replacementChars: 0 };
  const text = boundedText(normaliseText(boundedText(raw.text, raw.warnings, MAX_RAW_CHARS), stats), raw.warnings);

  if (text.length === 0) {
    if (sniffed.format === 'pdf') {
      throw new SkillmatchError('no-text-layer', 'No page carries text: the file looks scanned or made of images.');
    }
    if (raw.warnings.some((w) => w.code === 'content-truncated')) {
      throw new SkillmatchError('document-too-complex', 'The document nests its elements too deeply to be read (over 200 levels); no text was found above that depth.');
    }
    throw new SkillmatchError('empty-document', 'The document holds no text.');
  }
  if (sniffed.format === 'pdf') {
    const legibility = measureLegibility(text);
    if (text.replace(/\s+/g, '').length < 20 * Math.max(1, raw.pages ?? 1) && legibility.words < 10) {
      throw new SkillmatchError('no-text-layer', 'The pages carry almost no text: the file looks scanned or made of images.');
    }
    if (isUnreadable(legibility)) {
      throw new SkillmatchError('garbled-text-layer', 'The PDF text layer does not decode to readable text (its fonts carry no usable character map).');
    }
  }
  return {
    format: sniffed.format,
    filename: options.filename ?? null,
    pages: raw.pages,
    chars: text.length,
    text,
    sections: detectSections(text),
    quality: assessQuality(text, [...sniffed.warnings, ...raw.warnings], stats.replacementChars),
  };
}
