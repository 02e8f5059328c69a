import { z } from 'zod';
import { categoryResultSchema, evidenceSchema, gapSchema, requirementSchema } from '../4-analyze/schema';

export const requirementStatusSchema = z.enum(['met', 'partial', 'missing', 'negated']);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

/** What the job ad asks for: one entry per skill it evidences, with the ad's own words. */
export const jobRequirementSchema = z.object({
  skill: z.string(),
  label: z.string(),
  requirement: requirementSchema,
  years: z.number().optional(),
  /** The requirement's weight in the match score (role weight × 2 for required, × 1 for preferred). */
  weight: z.number(),
  evidence: z.array(evidenceSchema),
});
export type JobRequirement = z.infer<typeof jobRequirementSchema>;

/** One job requirement seen from one CV: the evidence chain on both sides. */
export const requirementMatchSchema = z.object({
  skill: z.string(),
  label: z.string(),
  requirement: requirementSchema,
  yearsRequired: z.number().optional(),
  status: requirementStatusSchema,
  /** Why the status is what it is, in one sentence. */
  reason: z.string(),
  cvStrength: z.number(),
  cvYears: z.number().optional(),
  /** The requirement's share of the score that this CV earned. */
  credit: z.number(),
  weight: z.number(),
  jobEvidence: z.array(evidenceSchema),
  cvEvidence: z.array(evidenceSchema),
});
export type RequirementMatch = z.infer<typeof requirementMatchSchema>;

export const matchGapSchema = z.object({
  skill: z.string(),
  label: z.string(),
  requirement: requirementSchema,
  status: requirementStatusSchema,
  advice: z.string(),
});

/** Why one CV of a batch could not be read: its problem, as a problem document would give it. */
export const cvErrorSchema = z.object({ code: z.string(), status: z.number(), title: z.string(), detail: z.string(), fix: z.string().optional() });
export type CvError = z.infer<typeof cvErrorSchema>;

export const matchResultSchema = z.object({
  filename: z.string(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  requirements: z.array(requirementMatchSchema),
  gaps: z.array(matchGapSchema),
  /** Skills the CV shows that the job ad does not ask for. */
  extras: z.array(z.object({ skill: z.string(), label: z.string(), strength: z.number() })),
  roleCoverage: z.number().nullable(),
  /** The CV's coverage of each category of the role (empty when the CV could not be read). */
  categories: z.array(categoryResultSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  error: cvErrorSchema.optional(),
  /** The extracted text that the CV evidence offsets index (only with ?include=text). */
  text: z.string().optional(),
  /** The extracted text with personal data masked (only with ?redact=true). */
  redactedText: z.string().optional(),
});
export type MatchResult = z.infer<typeof matchResultSchema>;

export const matchSchema = z.object({
  lexiconVersion: z.string(),
  role: z.object({ id: z.string(), version: z.string() }),
  job: z.object({
    filename: z.string().nullable(),
    coverage: z.number(),
    requirements: z.array(jobRequirementSchema),
    /** The job ad's analysis warnings: kind-mismatch when it reads as a CV. */
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    gaps: z.array(gapSchema).optional(),
    /** The extracted text that the job evidence offsets index (only with ?include=text). */
    text: z.string().optional(),
  }),
  results: z.array(matchResultSchema),
});
export type Match = z.infer<typeof matchSchema>;
