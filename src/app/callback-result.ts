import { z } from 'zod';
import { evidenceSchema, gapReasonSchema, requirementSchema, type Analysis } from '../core/4-analyze/schema';
import { matchDocuments } from '../core/5-match/match';
import { requirementStatusSchema } from '../core/5-match/schema';
import type { ApplicationCreated } from './webhooks/events';

/**
 * What a finished webhook analysis stores and the ATS receives in its callback: scores and evidence
 * positions, never CV text. One schema for every writer (the job runner) and reader (the analysis
 * endpoint, the audit export), so a change to one side cannot silently drop rows on the other.
 */
export const callbackResultSchema = z.object({
  applicationId: z.string(),
  candidateId: z.string(),
  jobId: z.string(),
  lexiconVersion: z.string(),
  role: z.object({ id: z.string(), label: z.string(), version: z.string() }),
  coverage: z.number(),
  gap: z.number(),
  skills: z.array(
    z.object({
      id: z.string(),
      present: z.boolean(),
      strength: z.number(),
      years: z.number().nullable(),
      evidence: z.array(evidenceSchema.pick({ term: true, start: true, end: true, section: true, modality: true, strength: true })),
    }),
  ),
  gaps: z.array(z.object({ id: z.string(), reason: gapReasonSchema, advice: z.string() })),
  /** Codes of the quality and analysis warnings. */
  warnings: z.array(z.string()),
  /** Present when the event carried the job ad. */
  match: z
    .object({
      score: z.number().nullable(),
      requirements: z.array(z.object({ skill: z.string(), requirement: requirementSchema, status: requirementStatusSchema, credit: z.number(), weight: z.number() })),
      gaps: z.array(z.object({ skill: z.string(), status: requirementStatusSchema, advice: z.string() })),
    })
    .optional(),
});
export type CallbackResult = z.infer<typeof callbackResultSchema>;

/** The payload of an `analysis.failed` callback: the ATS's ids (when the event could be read) and why. */
export const failedResultSchema = z.object({
  applicationId: z.string().optional(),
  candidateId: z.string().optional(),
  jobId: z.string().optional(),
  analysisId: z.string(),
  error: z.string(),
});
export type FailedResult = z.infer<typeof failedResultSchema>;

/**
 * The body of a callback as the ATS receives it (Standard Webhooks): the event type, when the
 * result was recorded, the analysis id (the `jobId` of the webhook's 202 answer, and of
 * GET /v1/analyses/{id}), the delivery id (also the `webhook-id` header, the same on every retry)
 * and the result.
 */
const envelope = { timestamp: z.string(), analysisId: z.string(), deliveryId: z.string() };
export const completedCallbackSchema = z.object({ type: z.literal('analysis.completed'), ...envelope, data: callbackResultSchema });
export const failedCallbackSchema = z.object({ type: z.literal('analysis.failed'), ...envelope, data: failedResultSchema });

/** The result of one application: the CV's analysis and, when the job ad came along, the match. */
export function callbackResult(event: ApplicationCreated, cv: Analysis, jobAd: Analysis | null): CallbackResult {
  const { applicationId, candidateId, jobId } = event.data;
  const match = jobAd ? matchDocuments({ filename: 'job', analysis: jobAd }, [{ filename: 'resume', analysis: cv }]).results[0] : undefined;
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
