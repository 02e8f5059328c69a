import { z } from 'zod';
import { categoryResultSchema, evidenceSchema, gapSchema, requirementSchema } from '../4-analyze/schema';

export const requirementStatusSchema = z.enum(['met', 'partial', 'missing', 'negated']);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

/** A term the job ad names (a tool, library, language, platform or method of the lexicon), under the requirement it evidences most. */
export const jobTermSchema = z.object({
  term: z.string(),
  label: z.string(),
  requirement: requirementSchema,
  /** The skill of the role it is listed under (the one its mention counts most for). */
  skill: z.string(),
  /** The years the ad asks for it, when stated ("3+ years of PyTorch"). */
  years: z.number().optional(),
  /** The family of related terms it belongs to (lexicon/families.yaml), if any. */
  family: z.string().optional(),
});
export type JobTerm = z.infer<typeof jobTermSchema>;

/** What the job ad asks for: one entry per skill it evidences, with the ad's own words. */
export const jobRequirementSchema = z.object({
  skill: z.string(),
  label: z.string(),
  requirement: requirementSchema,
  years: z.number().optional(),
  /** The requirement's weight in the match score (role weight × 2 for required, × 1 for preferred). */
  weight: z.number(),
  evidence: z.array(evidenceSchema),
  /** The technologies the ad names for this requirement. */
  terms: z.array(jobTermSchema),
});
export type JobRequirement = z.infer<typeof jobRequirementSchema>;

/**
 * One technology the ad names, seen from one CV: `shown` (the CV names it), `related` (the CV names
 * another member of its family: TensorFlow for PyTorch), or `missing`; with the CV's evidence.
 */
export const termStatusSchema = z.enum(['shown', 'related', 'missing']);
export const termMatchSchema = z.object({
  term: z.string(),
  label: z.string(),
  requirement: requirementSchema,
  status: termStatusSchema,
  /** For `related`: the term the CV shows instead, and the family both belong to. */
  related: z.object({ term: z.string(), label: z.string(), family: z.string() }).optional(),
  /** Where the CV shows it (or the related term). */
  cvEvidence: z.array(evidenceSchema),
});
export type TermMatch = z.infer<typeof termMatchSchema>;

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
  /** The technologies the ad names for this requirement, each shown, related or missing in the CV. */
  terms: z.array(termMatchSchema),
  /** The share of those terms the CV shows, related ones counting half (absent when the ad names none). */
  termCoverage: z.number().optional(),
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
  /** The ad's technologies the CV does not name, with what would close the gap (a related term it names, if any). */
  termGaps: z.array(z.object({ term: z.string(), label: z.string(), requirement: requirementSchema, status: termStatusSchema, advice: z.string() })),
  /** The ad's terms outside its requirements (job.otherTerms), each shown, related or missing in the CV. */
  otherTerms: z.array(termMatchSchema),
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
    /**
     * Terms the ad names for skills it does not ask for on the whole ("Nice to have: Kubernetes"
     * alone only suggests software engineering): listed and checked in every CV, not scored.
     */
    otherTerms: z.array(jobTermSchema),
    /** The job ad's analysis warnings: kind-mismatch when it reads as a CV. */
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    gaps: z.array(gapSchema).optional(),
    /** The extracted text that the job evidence offsets index (only with ?include=text). */
    text: z.string().optional(),
  }),
  results: z.array(matchResultSchema),
});
export type Match = z.infer<typeof matchSchema>;
