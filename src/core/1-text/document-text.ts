import { SkillmatchError } from '../0-base/errors';
import { plainString } from '../0-base/plain-string';
import { normaliseText, type NormaliseStats } from './normalise';
import { layoutPdf, type HiddenReason, type PdfPageContent } from './pdf-layout';
import { assessQuality, isUnreadable, measureLegibility } from './quality';
import type { DocumentFormat, Extraction, QualityWarning } from './schema';
import { checkImageSize } from './image';
import { alignOcrWords, countWords, type OcrSegment, type OcrWord } from './ocr-words';
import { detectSections } from './sections';
import { sniffFormat, type FileHints } from './sniff';

/** What a PDF reader returns: positioned text per page, read in an isolated worker. */
export interface PdfReadResult {
  totalPages: number;
  pages: PdfPageContent[];
}

/** A page read by OCR: its text, the mean confidence of its words (0–100), and the words themselves. */
export interface OcrPage {
  text: string;
  confidence: number;
  words: OcrWord[];
}
export type { OcrWord };

/** Optical character recognition of a page image, and of a PDF's pages rendered to images. */
export interface OcrPort {
  readImage(bytes: Uint8Array): Promise<OcrPage>;
  /** The listed pages (1-based) of a PDF, rendered and recognised, in that order. */
  readPdfPages(bytes: Uint8Array, options: { pages: number[] }): Promise<OcrPage[]>;
}

/**
 * The extraction stage's ports. Adapters in src/adapters implement them with third-party
 * libraries; tests can pass their own. Each throws SkillmatchError for documents it cannot read.
 */
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
  /** The OCR'd pages' words, and where each page starts in `text` (counted in words). */
  ocrSegments?: OcrSegment[];
  /** Every page with text was read by OCR: nothing legible then means nothing on the pages could be read. */
  ocrOnly?: boolean;
}

/**
 * Below this mean word confidence the OCR text is too uncertain to trust as it is: the document is
 * marked low quality and says so (tesseract scores clean 300-dpi scans in the 90s).
 */
export const LOW_OCR_CONFIDENCE = 70;

/** Too little text on a page to be a text layer: a scan (fewer than 20 visible characters). */
const looksScanned = (text: string): boolean => text.replace(/\s+/g, '').length < 20;

/**
 * Page texts, some read by OCR, joined in page order into raw text; the mean confidence is over the
 * OCR'd pages, weighted by each page's text.
 */
function withOcr(pageTexts: readonly string[], read: ReadonlyMap<number, OcrPage>, pages: number, warnings: QualityWarning[]): RawText {
  const texts: string[] = [];
  const ocrSegments: OcrSegment[] = [];
  let wordsBefore = 0;
  pageTexts.forEach((pageText, i) => {
    const ocr = read.get(i + 1);
    const text = ocr ? ocr.text.trim() : pageText;
    if (ocr) ocrSegments.push({ words: ocr.words, wordsBefore });
    wordsBefore += countWords(text);
    texts.push(text);
  });
  const ocrPages = [...read.values()];
  const weight = ocrPages.reduce((sum, p) => sum + p.text.length, 0);
  const meanConfidence = weight > 0 ? Math.round(ocrPages.reduce((sum, p) => sum + p.confidence * p.text.length, 0) / weight) : 0;
  if (weight > 0 && meanConfidence < LOW_OCR_CONFIDENCE) {
    warnings.push({ code: 'low-ocr-confidence', message: `The text was read from an image by OCR with a mean word confidence of ${meanConfidence} (of 100): words may be misread. A sharper scan, or the original file, reads better.` });
  }
  const ocrOnly = pageTexts.every((pageText, i) => read.has(i + 1) || looksScanned(pageText));
  return { text: texts.join('\n\n'), pages, warnings, ocr: { pages: ocrPages.length, meanConfidence }, ocrSegments, ocrOnly };
}

/** How the hidden-text warning names each reason. */
const HIDDEN_REASON_WORDS: Readonly<Record<HiddenReason, string>> = {
  white: 'white or near-white',
  invisible: 'invisible',
  tiny: 'under 2 pt',
  'off-page': 'outside the page',
};

/** Says that the PDF holds text no reader can see, which was left out. */
function addHiddenTextWarning(hiddenChars: Record<HiddenReason, number>, warnings: QualityWarning[]): void {
  const hidden = (Object.keys(HIDDEN_REASON_WORDS) as HiddenReason[]).filter((reason) => hiddenChars[reason] > 0);
  if (!hidden.length) return;
  const how = hidden.map((reason) => `${hiddenChars[reason]} ${HIDDEN_REASON_WORDS[reason]}`).join(', ');
  warnings.push({ code: 'hidden-text', message: `The PDF holds text a reader cannot see (${how} characters); it was not read and is not evidence.` });
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
      // Pages without a text layer are scans: OCR reads them (the first OCR_MAX_PAGES of them),
      // whether the whole PDF is a scan or a scanned page sits among text pages. Among text pages
      // only a page that paints an image is one; a blank page is left blank.
      const textless = laid.pageTexts.map(looksScanned);
      const allTextless = textless.every(Boolean);
      const scanned = textless.flatMap((isTextless, i) => (isTextless && (allTextless || pdf.pages[i]?.hasImage === true) ? [i + 1] : []));
      const ocrBudget = options.maxOcrPages ?? options.maxPages;
      if (ports.ocr && scanned.length > 0) {
        const toRead = scanned.slice(0, ocrBudget);
        if (scanned.length > toRead.length) warnings.push({ code: 'pages-truncated', message: `${scanned.length} pages of the PDF are scans; OCR read the first ${toRead.length} of them.` });
        const read = await ports.ocr.readPdfPages(bytes, { pages: toRead });
        const byPage = new Map(toRead.flatMap((n, i) => (read[i] ? [[n, read[i]] as const] : [])));
        addHiddenTextWarning(laid.hiddenChars, warnings);
        return withOcr(laid.pageTexts, byPage, pdf.pages.length, warnings);
      }
      if (scanned.length > 0 && scanned.length < pdf.pages.length) {
        warnings.push({ code: 'scanned-pages-skipped', message: `${scanned.length === 1 ? `Page ${scanned[0]} has` : `Pages ${scanned.join(', ')} have`} no text layer (scanned); OCR is off on this service, so ${scanned.length === 1 ? 'it was' : 'they were'} not read.` });
      }
      addHiddenTextWarning(laid.hiddenChars, warnings);
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
      return withOcr([''], new Map([[1, await ports.ocr.readImage(bytes)]]), 1, warnings);
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
  // One plain string for every stage after (see plainString): the readers' texts are slices and joins.
  const text = plainString(boundedText(normaliseText(boundedText(raw.text, raw.warnings, MAX_RAW_CHARS), stats), raw.warnings));

  if (raw.ocr && measureLegibility(text).words < 3 && raw.ocrOnly) {
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
    ...(raw.ocr ? { ocr: raw.ocr, ocrWords: alignOcrWords(text, raw.ocrSegments ?? []) } : {}),
  };
}
