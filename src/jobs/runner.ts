import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { FetchError, fetchDocument, type FetchPolicy } from '../adapters/fetch-url';
import type { Analysis } from '../core/analyze/schema';
import { isSkillmatchError } from '../core/errors';
import type { JobStore } from '../core/jobs/store';
import { matchDocuments } from '../core/match/match';
import { applicationCreatedSchema, type ApplicationCreated } from '../core/webhooks/events';
import type { Analyzer } from '../services';

export interface JobRunnerOptions {
  store: JobStore;
  analyzer: Analyzer;
  fetchPolicy: FetchPolicy;
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
  start(): void;
  /** Stops claiming jobs and waits for those in hand. */
  stop(): Promise<void>;
  /** Claims and runs at most one job; false when none was waiting. For tests and tools. */
  runOnce(): Promise<boolean>;
}

/** What a finished job stores and an ATS receives: scores and evidence positions, never CV text. */
function summarise(event: ApplicationCreated, cv: Analysis, job: Analysis | null) {
  const { applicationId, candidateId, jobId } = event.data;
  const match = job ? matchDocuments({ filename: 'job', analysis: job }, [{ filename: 'resume', analysis: cv }]).results[0] : undefined;
  return {
    applicationId,
    candidateId,
    jobId,
    lexiconVersion: cv.lexiconVersion,
    role: cv.role,
    coverage: cv.coverage,
    gap: cv.gap,
    skills: cv.skills.map((s) => ({
      id: s.id,
      present: s.present,
      strength: s.strength,
      years: s.years,
      evidence: s.evidence.map((e) => ({ term: e.term, start: e.start, end: e.end, section: e.section, modality: e.modality, strength: e.strength })),
    })),
    gaps: cv.gaps.map((g) => ({ id: g.id, reason: g.reason, advice: g.advice })),
    warnings: [...cv.quality.warnings.map((w) => w.code), ...cv.warnings.map((w) => w.code)],
    ...(match
      ? {
          match: {
            score: match.score,
            requirements: match.requirements.map((r) => ({ skill: r.skill, requirement: r.requirement, status: r.status, credit: r.credit, weight: r.weight })),
            gaps: match.gaps.map((g) => ({ skill: g.skill, status: g.status, advice: g.advice })),
          },
        }
      : {}),
  };
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
    return (await fetchDocument(source.url, options.fetchPolicy)).bytes;
  }

  async function process(): Promise<boolean> {
    const job = options.store.claim(now(), options.leaseMs);
    if (!job) return false;
    try {
      const event = applicationCreatedSchema.parse(JSON.parse(job.payload ?? '{}'));
      const resume = await documentBytes(event.data.resume);
      // The result reports no unmapped terms: their costly part (noun phrases) is skipped.
      const detail = { unmappedNounPhrases: false };
      const cv = (await options.analyzer.analyze(resume, { filename: event.data.resume.filename }, 'cv', detail)).analysis;
      const jobAd = event.data.job;
      const jobAnalysis = jobAd
        ? (await options.analyzer.analyze('text' in jobAd ? Buffer.from(jobAd.text) : await documentBytes(jobAd), { filename: 'job' }, 'job', detail)).analysis
        : null;
      const result = JSON.stringify(summarise(event, cv, jobAnalysis));
      options.store.complete(job.id, result, now(), callback('analysis.completed', result), (options.retentionMs ?? 0) > 0);
      log.info({ jobId: job.id, attempts: job.attempts }, 'job done');
    } catch (error) {
      // Network trouble is retried a few times; a document we cannot read fails at once, with its reason.
      const retry = error instanceof FetchError ? error.retryable && job.attempts < options.maxAttempts : !isSkillmatchError(error) && job.attempts < options.maxAttempts;
      const reason = error instanceof FetchError ? `${error.code}: ${error.message}` : isSkillmatchError(error) ? `${error.code}: ${error.detail}` : 'internal: the job could not be processed';
      const ids = (() => {
        try {
          const { applicationId, candidateId, jobId } = applicationCreatedSchema.parse(JSON.parse(job.payload ?? '{}')).data;
          return { applicationId, candidateId, jobId };
        } catch {
          return {};
        }
      })();
      options.store.fail(job.id, reason, now(), retry, callback('analysis.failed', JSON.stringify({ ...ids, analysisId: job.id, error: reason })));
      log.warn({ jobId: job.id, attempts: job.attempts, retry, reason: reason.split(':')[0] }, 'job failed');
    }
    return true;
  }

  let idle = false;
  // Keeps up to `concurrency` jobs in hand; when the queue is empty, looks again every pollMs.
  const tick = (): void => {
    if (!running) return;
    while (inFlight.size < options.concurrency) {
      const task: Promise<void> = process()
        .then((found) => {
          idle = !found;
          if (idle && (options.retentionMs ?? 0) > 0) options.store.purgeDocuments(now() - (options.retentionMs ?? 0));
        })
        .catch((error: unknown) => log.error({ err: error }, 'job runner error'))
        .finally(() => {
          inFlight.delete(task);
          if (running) timer = setTimeout(tick, idle ? options.pollMs : 0);
        });
      inFlight.add(task);
      if (idle) break;
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
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
