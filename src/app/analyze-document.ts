import { z } from 'zod';
import type { NlpPort } from '../core/0-base/nlp-port';
import { redactText } from '../core/1-text/personal-data';
import { extractionSchema, type Extraction } from '../core/1-text/schema';
import type { CompiledLexicon } from '../core/2-lexicon/compile';
import { analyzeExtraction } from '../core/4-analyze/analyze';
import { analysisSchema, type Analysis } from '../core/4-analyze/schema';
import type { Analyzer, Extractor } from './ports';

/** The whole pipeline for one document on the given extractor, lexicon and language services. */
export function createAnalyzer(extractor: Extractor, lexicon: CompiledLexicon, nlp: NlpPort): Analyzer {
  return {
    lexicon,
    analyzeExtraction: (extraction, kind, options) => analyzeExtraction(extraction, lexicon, nlp, { ...options, kind }),
    async analyze(bytes, hints, kind, options) {
      const extraction = await extractor.extract(bytes, hints);
      return { extraction, ...analyzeExtraction(extraction, lexicon, nlp, { ...options, kind }) };
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
    ...analysis,
    sections: extraction.sections,
    ...textsOf(extraction.text, options),
  };
}
