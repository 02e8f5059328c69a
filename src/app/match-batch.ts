import { isSkillmatchError, SkillmatchError } from '../core/0-base/errors';
import { matchDocuments, termCatalogue, type AnalyzedDocument, type FailedDocument } from '../core/5-match/match';
import type { Match } from '../core/5-match/schema';
import { textsOf, type TextOptions } from './analyze-document';
import type { Analyzer } from './ports';

export interface DocumentUpload {
  bytes: Uint8Array;
  filename: string;
  mimeType: string | null;
}

/** A problem as a batch entry: the code, its HTTP status, title, detail and fix. */
export function problemEntry(error: unknown): FailedDocument['error'] {
  const e = isSkillmatchError(error) ? error : new SkillmatchError('internal', 'The document could not be processed.');
  return { code: e.code, status: e.status, title: e.title, detail: e.detail, fix: e.fix };
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

/** The job ad's own problem: its fix speaks of the job ad, since the catalogue's speaks of "the document". */
function jobAdProblem(error: unknown): unknown {
  if (!isSkillmatchError(error)) return error;
  return new SkillmatchError(error.code, `The job ad: ${error.detail}`, error.extra, error.fix);
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
  // A match reports no unmapped terms: they are not looked for.
  const detail = { unmappedTerms: false };
  const jobResult = await analyzer.analyze(job.bytes, { filename: job.filename, mimeType: job.mimeType }, 'job', detail).catch((error: unknown) => {
    throw jobAdProblem(error);
  });
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
  return matchDocuments({ filename: job.filename, analysis: jobResult.analysis, ...(jobTexts ? { texts: jobTexts } : {}) }, analyzed, termCatalogue(analyzer.lexicon));
}
