import { createPdfReader, type PdfReader } from './adapters/pdf';
import { readDocx } from './adapters/docx';
import { htmlToText } from './adapters/html';
import { markdownToHtml } from './adapters/markdown';
import type { Config } from './config';
import { extractDocument, type ExtractorPorts } from './core/extract/extract';
import type { Extraction } from './core/extract/schema';
import type { FileHints } from './core/extract/sniff';

export interface Extractor {
  extract(bytes: Uint8Array, hints: FileHints): Promise<Extraction>;
}

/** The composition root's product: real adapters wired into the core, and their lifecycle. */
export interface Services {
  extractor: Extractor;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export function createServices(config: Config): Services {
  const pdf: PdfReader = createPdfReader({
    threads: config.PDF_WORKERS,
    timeoutMs: config.PDF_TIMEOUT_MS,
    memoryMb: config.PDF_WORKER_MEMORY_MB,
  });
  const ports: ExtractorPorts = {
    readPdf: pdf.readPdf,
    readDocx: (bytes) => readDocx(bytes),
    htmlToText,
    markdownToHtml,
  };
  return {
    extractor: {
      extract: (bytes, hints) => extractDocument(bytes, ports, { ...hints, maxPages: config.PDF_MAX_PAGES }),
    },
    warmUp: () => pdf.warmUp(),
    close: () => pdf.close(),
  };
}
