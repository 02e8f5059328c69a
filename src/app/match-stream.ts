import { failedResult, jobAsks, matchCv, termCatalogue } from '../core/5-match/match';
import type { MatchResult } from '../core/5-match/schema';
import { problemEntry, type DocumentUpload } from './match-batch';
import type { Analyzer } from './ports';

/**
 * One job ad against a stream of CVs, for folders of thousands: each CV is read when its turn
 * comes, matched, handed to `onResult` and forgotten, so memory stays flat however many there
 * are. Results come in the order they finish, unranked (rank null): a score depends only on the ad
 * and the CV, so sorting the results by score later gives the ranking the batch endpoint gives.
 */
export interface StreamOptions {
  /** CVs analysed at once. */
  concurrency: number;
  /** Called once per CV as it finishes, with the count done so far. */
  onResult(result: MatchResult, done: number): void;
  /** Asked before each CV is started: true stops the stream (the ones started still finish). */
  stopped?(): boolean;
}

export interface StreamSummary {
  /** CVs matched or failed. */
  done: number;
  failed: number;
  /** Whether the stream was stopped before every CV was read. */
  stopped: boolean;
}

export async function streamMatches(
  analyzer: Analyzer,
  job: DocumentUpload,
  cvNames: readonly string[],
  read: (name: string) => Promise<Uint8Array>,
  options: StreamOptions,
): Promise<StreamSummary> {
  // A match reports no unmapped terms: they are not looked for.
  const detail = { unmappedTerms: false };
  const catalogue = termCatalogue(analyzer.lexicon);
  const { analysis } = await analyzer.analyze(job.bytes, { filename: job.filename, mimeType: job.mimeType }, 'job', detail);
  const asks = jobAsks(analysis, catalogue);
  let next = 0;
  let done = 0;
  let failed = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (options.stopped?.()) {
        stopped = next < cvNames.length;
        return;
      }
      const name = cvNames[next++];
      if (name === undefined) return;
      let result: MatchResult;
      try {
        const cv = await analyzer.analyze(await read(name), { filename: name }, 'cv', detail);
        result = { filename: name, rank: null, ...matchCv(asks, cv.analysis, catalogue) };
      } catch (error) {
        failed++;
        result = failedResult(name, problemEntry(error));
      }
      options.onResult(result, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, cvNames.length)) }, worker));
  return { done, failed, stopped };
}
