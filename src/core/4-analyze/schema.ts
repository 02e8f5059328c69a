import { z } from 'zod';
import { qualitySchema, sectionKindSchema } from '../1-text/schema';

export const documentKindSchema = z.enum(['cv', 'job']);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** What a caller says a document is: a CV, a job ad, or `auto` for the analysis to tell. */
export const kindRequestSchema = z.enum(['cv', 'job', 'auto']);
export type KindRequest = z.infer<typeof kindRequestSchema>;

export const modalitySchema = z.enum(['strong', 'normal', 'weak', 'negated', 'reported']);
export type Modality = z.infer<typeof modalitySchema>;

export const requirementSchema = z.enum(['required', 'preferred']);
export type Requirement = z.infer<typeof requirementSchema>;

/** One mention of a lexicon term that evidences a skill, with everything needed to show why. */
export const evidenceSchema = z.object({
  /** The words as they stand in the text. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  section: sectionKindSchema.nullable(),
  /** Lexicon term id and label. */
  term: z.string(),
  termLabel: z.string(),
  /** How the term matched: exact tokens, case-exact, word stems, or a tolerated typo. */
  rule: z.enum(['exact', 'case', 'stem', 'fuzzy']),
  modality: modalitySchema,
  /** The cue that set the modality ("no experience with", "basic", "5+ years"). */
  cue: z.string().optional(),
  /** The term's strength for this skill times the modality: the evidence's weight. */
  strength: z.number(),
  years: z.number().optional(),
  requirement: requirementSchema.optional(),
  /** The sentence around the mention, for display. */
  sentence: z.string(),
  /** Read by OCR: the lowest confidence (0–100) of the words the mention covers. */
  ocrConfidence: z.number().min(0).max(100).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const skillResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  category: z.string(),
  weight: z.number(),
  present: z.boolean(),
  strength: z.number(),
  years: z.number().nullable(),
  /** Where `years` comes from: stated in the text, or the date ranges of the experience entries that mention the skill. */
  yearsFrom: z.enum(['stated', 'experience-dates']).nullable(),
  requirement: requirementSchema.nullable(),
  evidence: z.array(evidenceSchema),
});
export type SkillResult = z.infer<typeof skillResultSchema>;

export const categoryResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  coverage: z.number(),
});

export const gapReasonSchema = z.enum(['negated', 'not-mentioned', 'weak', 'unknown']);

export const gapSchema = z.object({
  id: z.string(),
  label: z.string(),
  category: z.string(),
  weight: z.number(),
  reason: gapReasonSchema,
  detail: z.string(),
  /** What kind of evidence would show the skill; never a keyword to add. */
  advice: z.string(),
  /** Parts of the advice the CV already shows, with the sentence that shows each: not asked for again. */
  alreadyShown: z.array(z.object({ part: z.string(), quote: z.string() })).optional(),
});
export type Gap = z.infer<typeof gapSchema>;

export const analysisSchema = z.object({
  kind: documentKindSchema,
  kindConfidence: z.number(),
  role: z.object({ id: z.string(), label: z.string(), version: z.string() }),
  lexiconVersion: z.string(),
  coverage: z.number(),
  gap: z.number(),
  categories: z.array(categoryResultSchema),
  skills: z.array(skillResultSchema),
  gaps: z.array(gapSchema),
  unmappedTerms: z.array(z.string()),
  quality: qualitySchema,
  /** Findings about the document's use of terms, such as keyword stuffing. */
  /**
   * keyword-stuffing: a term repeated far beyond use (counted once); kind-mismatch: the document reads
   * as the other kind than it was sent as (a job ad sent as a CV), so its scores answer the wrong question.
   */
  warnings: z.array(
    z.union([
      z.object({ code: z.literal('keyword-stuffing'), message: z.string(), term: z.string(), count: z.number() }),
      z.object({ code: z.literal('kind-mismatch'), message: z.string(), detected: documentKindSchema, confidence: z.number() }),
    ]),
  ),
});
export type Analysis = z.infer<typeof analysisSchema>;
