import { randomUUID } from 'node:crypto';
import { isSkillmatchError } from '../core/0-base/errors';
import { callbackResult, type FailedResult } from './callback-result';
import { FetchError, type Analyzer, type DocumentFetcher, type Logger } from './ports';
import type { JobStore, QueuedJob } from './ports/job-store';
import { applicationCreatedSchema, type ApplicationCreated } from './webhooks/events';

/*
 * Words, since three things here could be called "job": a *queued job* is one webhook event waiting
 * to be analysed (the store's unit of work); the *job ad* is the posting the event may carry; `jobId`
 * is the ATS's id of that posting, passed through untouched.
 */

export interface JobRunnerOptions {
  store: JobStore;
  analyzer: Analyzer;
  fetcher: DocumentFetcher;
  logger: Logger;
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  pollMs: number;
  /** When a callback URL is configured, every finished job gets a callback, stored with its result. */
  callbacks: boolean;
  /** How long a finished job keeps its document; 0 deletes it with the job's completion. */
  retentionMs?: number;
  now?: () => number;
}

export interface JobRunner {
  start(): Promise<void>;
  /** Stops claiming jobs and waits for those in hand. */
  stop(): Promise<void>;
  /** Claims and runs at most one job; false when none was waiting. For tests and tools. */
  runOnce(): Promise<boolean>;
}

/** The event of a queued job, validated again: the store is outside this process's control. */
function eventOf(queued: QueuedJob): ApplicationCreated {
  return applicationCreatedSchema.parse(JSON.parse(queued.payload ?? '{}'));
}

/** Why a job failed, as recorded and sent; and whether another attempt may succeed. */
function failureOf(error: unknown, attempts: number, maxAttempts: number): { reason: string; retry: boolean } {
  if (error instanceof FetchError) return { reason: `${error.code}: ${error.message}`, retry: error.retryable && attempts < maxAttempts };
  // A document we cannot read fails at once, with its reason; anything unexpected is tried again.
  if (isSkillmatchError(error)) return { reason: `${error.code}: ${error.detail}`, retry: false };
  return { reason: 'internal: the job could not be processed', retry: attempts < maxAttempts };
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const now = options.now ?? Date.now;
  const log = options.logger;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  const callback = (eventType: string, payload: string) => (options.callbacks ? { deliveryId: `msg_${randomUUID()}`, eventType, payload } : undefined);

  async function documentBytes(source: { base64: string } | { url: string }): Promise<Uint8Array> {
    if ('base64' in source) return Buffer.from(source.base64, 'base64');
    return (await options.fetcher.fetch(source.url)).bytes;
  }

  /** The analysis.failed callback of a job: the ATS's ids when its event could be read, and why. */
  const failedCallback = (analysisId: string, event: ApplicationCreated | undefined, reason: string) => {
    const ids = event ? { applicationId: event.data.applicationId, candidateId: event.data.candidateId, jobId: event.data.jobId } : {};
    const failed: FailedResult = { ...ids, analysisId, error: reason };
    return callback('analysis.failed', JSON.stringify(failed));
  };

  /**
   * A job whose lease ran out after its last allowed attempt (its process kept dying, or it
   * outlived its lease each time) fails for good, with its callback, instead of running again.
   */
  async function failExhausted(): Promise<void> {
    for (const job of await options.store.exhausted(now(), options.maxAttempts)) {
      const reason = `internal: the job did not finish in ${job.attempts} attempts (its process stopped, or it ran past its lease)`;
      let event: ApplicationCreated | undefined;
      try {
        event = eventOf(job);
      } catch {
        // A payload that no longer parses still gets its failure recorded.
      }
      await options.store.fail(job.id, reason, now(), false, failedCallback(job.id, event, reason));
      log.warn({ jobId: job.id, attempts: job.attempts, reason: 'internal' }, 'job failed: attempts used up');
    }
  }

  async function process(): Promise<boolean> {
    await failExhausted();
    const queued = await options.store.claim(now(), options.leaseMs, options.maxAttempts);
    if (!queued) return false;
    // While the job is in hand its lease is renewed, so a slow job is never taken by a second runner.
    const heartbeat = setInterval(() => {
      options.store.renewLease(queued.id, now() + options.leaseMs).catch((error: unknown) => log.warn({ err: error, jobId: queued.id }, 'lease not renewed'));
    }, Math.max(1, Math.floor(options.leaseMs / 3)));
    heartbeat.unref();
    let event: ApplicationCreated | undefined;
    try {
      event = eventOf(queued);
      const resume = await documentBytes(event.data.resume);
      // The result reports no unmapped terms: they are not looked for.
      const detail = { unmappedTerms: false };
      const cv = (await options.analyzer.analyze(resume, { filename: event.data.resume.filename }, 'cv', detail)).analysis;
      const source = event.data.job;
      const jobAd = source
        ? (await options.analyzer.analyze('text' in source ? Buffer.from(source.text) : await documentBytes(source), { filename: 'job' }, 'job', detail)).analysis
        : null;
      const result = JSON.stringify(callbackResult(event, cv, jobAd));
      await options.store.complete(queued.id, result, now(), callback('analysis.completed', result), (options.retentionMs ?? 0) > 0);
      log.info({ jobId: queued.id, attempts: queued.attempts }, 'job done');
    } catch (error) {
      const { reason, retry } = failureOf(error, queued.attempts, options.maxAttempts);
      await options.store.fail(queued.id, reason, now(), retry, failedCallback(queued.id, event, reason));
      log.warn({ jobId: queued.id, attempts: queued.attempts, retry, reason: reason.split(':')[0] }, 'job failed');
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  let idle = false;
  // Keeps up to `concurrency` jobs in hand; when the queue is empty, looks again every pollMs.
  const tick = (): void => {
    if (!running) return;
    while (inFlight.size < options.concurrency) {
      const task: Promise<void> = process()
        .then(async (found) => {
          const wasBusy = !idle;
          idle = !found;
          if (idle && (options.retentionMs ?? 0) > 0) await options.store.purgeDocuments(now() - (options.retentionMs ?? 0));
          // The queue just ran dry: the documents finished jobs dropped leave the files now.
          else if (idle && wasBusy) await options.store.scrub();
        })
        .catch((error: unknown) => {
          // The store cannot be reached (its database restarts, say): wait a poll before trying again.
          idle = true;
          log.error({ err: error }, 'job runner error');
        })
        .finally(() => {
          inFlight.delete(task);
          if (running) timer = setTimeout(tick, idle ? options.pollMs : 0);
        });
      inFlight.add(task);
      if (idle) break;
    }
  };

  return {
    async start() {
      if (running) return;
      running = true;
      try {
        const released = await options.store.releaseOrphanedLeases();
        if (released > 0) log.info({ jobs: released }, 'jobs of a stopped process queued again');
      } catch (error) {
        // The database is not there yet: those leases expire instead, and the runner polls on.
        log.warn({ err: error }, 'could not release the leases of stopped processes');
      }
      idle = false;
      tick();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await Promise.all([...inFlight]);
    },
    runOnce: process,
  };
}
