import { imageKind } from '../core/1-text/image';
import { z } from 'zod';
import type { NlpPort } from '../core/0-base/nlp-port';
import { redactText } from '../core/1-text/personal-data';
import { extractionSchema, type Extraction } from '../core/1-text/schema';
import type { CompiledLexicon } from '../core/2-lexicon/compile';
import { analyzeExtraction } from '../core/4-analyze/analyze';
import { analysisSchema, type Analysis } from '../core/4-analyze/schema';
import type { AnalysisOffload, Analyzer, Extractor } from './ports';

/**
 * Where the work of one document runs. Below these sizes it takes a few milliseconds and runs in
 * this thread; above them it could hold the event loop for a second, and goes to the offload
 * (worker threads), so health checks and other clients are answered meanwhile.
 */
export const OFFLOAD_MIN_BYTES = 64 * 1024;
export const OFFLOAD_MIN_CHARS = 32 * 1024;

/** A PDF is read by the PDF pool whatever its size; only its text's analysis may be offloaded. */
const isPdf = (bytes: Uint8Array): boolean => bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;

/** Lets timers and I/O run between documents: a batch of small ones is many short turns, not one long one. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The whole pipeline for one document on the given extractor, lexicon and language services. */
export function createAnalyzer(extractor: Extractor, lexicon: CompiledLexicon, nlp: NlpPort, offload?: AnalysisOffload): Analyzer {
  return {
    lexicon,
    analyzeExtraction: (extraction, kind, options) => analyzeExtraction(extraction, lexicon, nlp, { ...options, kind }),
    async analyze(bytes, hints, kind, options = {}) {
      const { trace: wantsTrace, ...detail } = options;
      // PDFs and images are read here (the PDF pool, OCR); their text may still go to the pool below.
      if (offload && !wantsTrace && bytes.length >= OFFLOAD_MIN_BYTES && !isPdf(bytes) && !imageKind(bytes)) return offload.analyzeBytes(bytes, hints, kind, detail);
      await nextTurn();
      const extraction = await extractor.extract(bytes, hints);
      if (offload && !wantsTrace && extraction.text.length >= OFFLOAD_MIN_CHARS) return { extraction, analysis: await offload.analyzeExtraction(extraction, kind, detail) };
      await nextTurn();
      return { extraction, ...analyzeExtraction(extraction, lexicon, nlp, { ...detail, kind }) };
    },
  };
}

/** Which texts to hand back with a document's result: the extracted text, the redacted text. */
export interface TextOptions {
  includeText?: boolean | undefined;
  redact?: boolean | undefined;
}

/** The texts a result carries on request; the CV's text never goes anywhere else. */
export function textsOf(text: string, options: TextOptions): { text?: string; redactedText?: string } {
  return { ...(options.includeText ? { text } : {}), ...(options.redact ? { redactedText: redactText(text) } : {}) };
}

/** The body of an analysis, as POST /v1/analyze returns it and `skillmatch analyze --json` prints it. */
export const analysisBodySchema = analysisSchema.extend({
  filename: extractionSchema.shape.filename,
  format: extractionSchema.shape.format,
  pages: extractionSchema.shape.pages,
  /** Present when the text was read by OCR: pages so read and the mean word confidence (0–100). */
  ocr: extractionSchema.shape.ocr,
  sections: extractionSchema.shape.sections,
  /** The extracted text that the evidence offsets index (only with ?include=text). */
  text: z.string().optional(),
  /** The extracted text with personal data masked (only with ?redact=true). */
  redactedText: z.string().optional(),
});
export type AnalysisBody = z.infer<typeof analysisBodySchema>;

export function analysisBody(extraction: Extraction, analysis: Analysis, options: TextOptions = {}): AnalysisBody {
  return {
    filename: extraction.filename,
    format: extraction.format,
    pages: extraction.pages,
    ...(extraction.ocr ? { ocr: extraction.ocr } : {}),
    ...analysis,
    sections: extraction.sections,
    ...textsOf(extraction.text, options),
  };
}
