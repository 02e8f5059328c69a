/**
 * Runs inside a worker thread of the PDF pool: pdf-parse (pdf.js) reads the bytes and returns
 * positioned text items. Errors cross the thread boundary as plain data, never as exceptions.
 */
import { PDFParse } from 'pdf-parse';
import type { PdfPageContent, PdfTextItem } from '../core/extract/pdf-layout';

export interface PdfWorkerTask {
  bytes: Uint8Array;
  maxPages: number;
}

export type PdfWorkerResult =
  | { ok: true; totalPages: number; pages: PdfPageContent[] }
  | { ok: false; code: 'pdf-encrypted' | 'unreadable-document'; detail: string };

/** The small part of pdf.js's document API that we use (pdf-parse loads it for us). */
interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
}
interface PdfJsPage {
  getViewport(options: { scale: number }): { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(): Promise<{ items: Array<PdfJsTextItem | { type: string }> }>;
  cleanup(): void;
}
interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
}
/** pdf-parse keeps its loader private in its typings; it is the supported way to get the document. */
interface PdfParseWithLoader {
  load(): Promise<PdfJsDocument>;
  destroy(): Promise<void>;
}

function isTextItem(item: PdfJsTextItem | { type: string }): item is PdfJsTextItem {
  return 'str' in item;
}

async function readPage(page: PdfJsPage): Promise<PdfPageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    // Rotated and vertical text (margin labels, watermarks) is not part of the reading flow.
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
    const [x = 0, y = 0] = viewport.convertToViewportPoint(e, f);
    items.push({ str: item.str, x, y, width: item.width, fontSize: Math.abs(d) || Math.abs(a) });
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, items };
}

export default async function readPdfInWorker(task: PdfWorkerTask): Promise<PdfWorkerResult> {
  const parser = new PDFParse({
    data: task.bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }) as unknown as PdfParseWithLoader;
  try {
    const doc = await parser.load();
    const count = Math.min(doc.numPages, task.maxPages);
    const pages: PdfPageContent[] = [];
    for (let n = 1; n <= count; n++) pages.push(await readPage(await doc.getPage(n)));
    return { ok: true, totalPages: doc.numPages, pages };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return { ok: false, code: 'pdf-encrypted', detail: 'The PDF is encrypted and needs a password to open.' };
    }
    return {
      ok: false,
      code: 'unreadable-document',
      detail: name === 'InvalidPDFException' || name === 'FormatError'
        ? 'The PDF structure is invalid: the file is corrupt or truncated.'
        : 'The PDF could not be read: the file is corrupt or uses features we cannot parse.',
    };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
