/**
 * The ports of the use cases: what they need from the world, declared here and implemented by
 * src/adapters. The composition root (src/main/compose.ts) wires one implementation into each.
 */
import type { AnalysisTrace, AnalyzeOptions } from '../../core/4-analyze/analyze';
import type { Analysis, KindRequest } from '../../core/4-analyze/schema';
import type { CompiledLexicon } from '../../core/2-lexicon/compile';
import type { Extraction } from '../../core/1-text/schema';
import type { FileHints } from '../../core/1-text/sniff';

export type { JobStore } from './job-store';

/**
 * What the service measures for monitoring (src/adapters/metrics.ts exposes it to Prometheus).
 * Labels are closed sets: route patterns, methods, statuses, formats; never what a client sent.
 */
export interface Meter {
  /** One HTTP request, by its route pattern ("unmatched" for none). */
  request(route: string, method: string, status: number, seconds: number): void;
  /** A request refused by a rate limit, per address or per key. */
  rateLimited(scope: 'ip' | 'key'): void;
  /** One document through a stage, by its format. */
  document(stage: 'extraction' | 'analysis', format: string, seconds: number): void;
}

/**
 * Request counts shared by every replica (PostgreSQL): hits of `bucket` in the window that starts
 * at `windowStart` (ms), this one included.
 */
export interface RateCounter {
  countHit(bucket: string, windowStart: number): Promise<number>;
}

/** Bytes in, normalised text with sections and quality out (PDF, DOCX, HTML, Markdown, text). */
export interface Extractor {
  extract(bytes: Uint8Array, hints: FileHints): Promise<Extraction>;
}


/** How much beyond the scores an analysis works out (see AnalyzeOptions). */
export type AnalysisDetail = Pick<AnalyzeOptions, 'unmappedNounPhrases' | 'unmappedTerms'> & {
  /** The per-mention trace (for `explain`): the analysis then runs in this thread, whatever its size. */
  trace?: boolean;
};

/** The whole pipeline for one document: extraction, then analysis against the role. */
export interface Analyzer {
  lexicon: CompiledLexicon;
  /** The trace is there when asked for (options.trace), and for documents analysed in this thread. */
  analyze(bytes: Uint8Array, hints: FileHints, kind: KindRequest, options?: AnalysisDetail): Promise<{ extraction: Extraction; analysis: Analysis; trace?: AnalysisTrace }>;
  analyzeExtraction(extraction: Extraction, kind: KindRequest, options?: AnalysisDetail): { analysis: Analysis; trace: AnalysisTrace };
}

/**
 * Analysis in other threads, for documents large enough to hold the event loop: the whole pipeline
 * for a text document's bytes, or the analysis of a long extraction (a PDF's, read by its own pool).
 */
export interface AnalysisOffload {
  analyzeBytes(bytes: Uint8Array, hints: FileHints, kind: KindRequest, options?: AnalysisDetail): Promise<{ extraction: Extraction; analysis: Analysis }>;
  analyzeExtraction(extraction: Extraction, kind: KindRequest, options?: AnalysisDetail): Promise<Analysis>;
}

/** Why a document URL was not fetched; the reason a webhook job records. */
export class FetchError extends Error {
  constructor(
    readonly code: 'fetch-refused' | 'fetch-failed' | 'fetch-too-large',
    message: string,
    /** Worth trying again later (network errors, 5xx), as opposed to a refusal. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Fetches a résumé or job ad named by URL in a webhook; throws FetchError. */
export interface DocumentFetcher {
  fetch(url: string): Promise<{ bytes: Uint8Array }>;
}

/** The log lines the use cases write: ids, codes and counts only, never document text. */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
