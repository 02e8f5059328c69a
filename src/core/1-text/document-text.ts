import { SkillmatchError } from '../0-base/errors';
import { normaliseText, type NormaliseStats } from './normalise';
import { layoutPdf, type PdfPageContent } from './pdf-layout';
import { assessQuality, isUnreadable, measureLegibility } from './quality';
import type { DocumentFormat, Extraction, QualityWarning } from './schema';
import { checkImageSize } from './image';
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
/** A page read by OCR: its text and the mean confidence of its words (0–100). */
export interface OcrPage {
  text: string;
  confidence: number;
}

/** Optical character recognition of a page image, and of a PDF's pages rendered to images. */
export interface OcrPort {
  readImage(bytes: Uint8Array): Promise<OcrPage>;
  /** The first `maxPages` pages of a PDF, rendered and recognised; `totalPages` as the PDF says. */
  readPdfPages(bytes: Uint8Array, options: { maxPages: number }): Promise<{ totalPages: number; pages: OcrPage[] }>;
}

export interface ExtractorPorts {
  readPdf(bytes: Uint8Array, options: { maxPages: number }): Promise<PdfReadResult>;
  /** Absent when OCR is off: images are then refused and scanned PDFs get no-text-layer. */
  ocr?: OcrPort;
  readDocx(bytes: Uint8Array): Promise<{ html: string; pages: number | null }>;
  htmlToText(html: string): { text: string; truncated: boolean };
  markdownToHtml(markdown: string): string;
}

export interface ExtractOptions extends FileHints {
  maxPages: number;
  /** Pages of a scanned PDF that OCR reads (default: maxPages). */
  maxOcrPages?: number;
}

interface RawText {
  text: string;
  pages: number | null;
  warnings: QualityWarning[];
  ocr?: { pages: number; meanConfidence: number };
}

/**
 * Below this mean word confidence the OCR text is too uncertain to trust as it is: the document is
 * marked low quality and says so (tesseract scores clean 300-dpi scans in the 90s).
 */
export const LOW_OCR_CONFIDENCE = 70;

/** Too little text on the pages to be a text layer: a scan (20 visible characters a page). */
const looksScanned = (text: string, pages: number): boolean => text.replace(/\s+/g, '').length < 20 * Math.max(1, pages);

/** Joins OCR pages into raw text, with the mean confidence weighted by each page's text. */
function fromOcr(pages: OcrPage[], warnings: QualityWarning[]): RawText {
  const text = pages.map((p) => p.text.trim()).join('\n\n');
  const weight = pages.reduce((sum, p) => sum + p.text.length, 0);
  const meanConfidence = weight > 0 ? Math.round(pages.reduce((sum, p) => sum + p.confidence * p.text.length, 0) / weight) : 0;
  if (text.trim() && meanConfidence < LOW_OCR_CONFIDENCE) {
    warnings.push({ code: 'low-ocr-confidence', message: `The text was read from an image by OCR with a mean word confidence of ${meanConfidence} (of 100): words may be misread. A sharper scan, or the original file, reads better.` });
  }
  return { text, pages: pages.length, warnings, ocr: { pages: pages.length, meanConfidence } };
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
      if (ports.ocr && looksScanned(laid.text, pdf.pages.length)) {
        // No text layer: the pages are images. OCR reads the first pages (OCR_MAX_PAGES).
        const ocr = await ports.ocr.readPdfPages(bytes, { maxPages: options.maxOcrPages ?? options.maxPages });
        if (ocr.totalPages > ocr.pages.length) warnings.push({ code: 'pages-truncated', message: `The PDF is scanned and has ${ocr.totalPages} pages; OCR read the first ${ocr.pages.length}.` });
        return fromOcr(ocr.pages, warnings);
      }
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
    case 'image': {
      if (!ports.ocr) throw new SkillmatchError('unsupported-media-type', 'The file is an image; images are read by OCR, which is off on this service (OCR=off). Send the PDF or DOCX.');
      checkImageSize(bytes);
      return fromOcr([await ports.ocr.readImage(bytes)], warnings);
    }
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

  if (raw.ocr && measureLegibility(text).words < 3) {
    throw new SkillmatchError('no-text-layer', 'OCR found no readable text on the page: it is blank, a photo without text, or too blurred to read.');
  }
  if (text.length === 0) {
    if (sniffed.format === 'pdf') {
      throw new SkillmatchError('no-text-layer', 'No page carries text: the file looks scanned or made of images.');
    }
    if (raw.warnings.some((w) => w.code === 'content-truncated')) {
      throw new SkillmatchError('document-too-complex', 'The document nests its elements too deeply to be read (over 200 levels); no text was found above that depth.');
    }
    throw new SkillmatchError('empty-document', 'The document holds no text.');
  }
  if (sniffed.format === 'pdf' && !raw.ocr) {
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
    ...(raw.ocr ? { ocr: raw.ocr } : {}),
  };
}
