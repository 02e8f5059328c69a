import { redactText } from './core/analyze/personal-data';
import type { Analysis } from './core/analyze/schema';
import { errorCatalogue, isSkillmatchError, SkillmatchError } from './core/errors';
import type { Extraction } from './core/extract/schema';
import { matchDocuments, type AnalyzedDocument, type FailedDocument } from './core/match/match';
import type { Match } from './core/match/schema';
import { statusByCode } from './http/problem';
import type { Analyzer } from './services';

/** The body of an analysis, as POST /v1/analyze returns it and `skillmatch analyze --json` prints it. */
export function analysisBody(extraction: Extraction, analysis: Analysis, options: { includeText?: boolean; redact?: boolean } = {}) {
  return {
    filename: extraction.filename,
    format: extraction.format,
    pages: extraction.pages,
    ...analysis,
    sections: extraction.sections,
    ...(options.includeText ? { text: extraction.text } : {}),
    ...(options.redact ? { redactedText: redactText(extraction.text) } : {}),
  };
}

export interface DocumentUpload {
  bytes: Uint8Array;
  filename: string;
  mimeType: string | null;
}

/** A problem as a batch entry: the code, its HTTP status, title and detail. */
export function problemEntry(error: unknown): FailedDocument['error'] {
  const e = isSkillmatchError(error) ? error : new SkillmatchError('internal', 'The document could not be processed.');
  return { code: e.code, status: statusByCode[e.code], title: errorCatalogue[e.code].title, detail: e.detail };
}

/** Runs tasks with at most `limit` at a time, keeping their order. */
export async function mapLimited<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Which texts to hand back with each document's result: the extracted text, the redacted text. */
export interface TextOptions {
  includeText?: boolean;
  redact?: boolean;
}

function textsOf(text: string, options: TextOptions): AnalyzedDocument['texts'] {
  return { ...(options.includeText ? { text } : {}), ...(options.redact ? { redactedText: redactText(text) } : {}) };
}

/**
 * One job ad against many CVs, as POST /v1/match and `skillmatch match` do it. The job ad's error
 * is thrown (nothing can be ranked without it); a CV's error becomes its own entry.
 */
export async function matchUploads(
  analyzer: Analyzer,
  job: DocumentUpload,
  cvs: DocumentUpload[],
  options: TextOptions & { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Match> {
  // A match reports no unmapped terms: their costly part (noun phrases) is skipped.
  const detail = { unmappedNounPhrases: false };
  const jobResult = await analyzer.analyze(job.bytes, { filename: job.filename, mimeType: job.mimeType }, 'job', detail);
  let done = 0;
  const analyzed = await mapLimited(cvs, options.concurrency ?? 4, async (cv): Promise<AnalyzedDocument | FailedDocument> => {
    try {
      const { analysis, extraction } = await analyzer.analyze(cv.bytes, { filename: cv.filename, mimeType: cv.mimeType }, 'cv', detail);
      return { filename: cv.filename, analysis, texts: textsOf(extraction.text, options) };
    } catch (error) {
      // One unreadable CV never fails the batch: it gets its own entry with the problem.
      return { filename: cv.filename, error: problemEntry(error) };
    } finally {
      options.onProgress?.(++done, cvs.length);
    }
  });
  const jobTexts = options.includeText ? { text: jobResult.extraction.text } : undefined;
  return matchDocuments({ filename: job.filename, analysis: jobResult.analysis, ...(jobTexts ? { texts: jobTexts } : {}) }, analyzed);
}
