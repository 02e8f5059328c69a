import { z } from 'zod';

/** Formats the service reads; detection is by content, never by name (see sniff.ts). */
export const documentFormatSchema = z.enum(['pdf', 'docx', 'text', 'markdown', 'html', 'image']);
export type DocumentFormat = z.infer<typeof documentFormatSchema>;

export const qualityWarningCodeSchema = z.enum([
  'format-mismatch',
  'pages-truncated',
  'little-text',
  'garbled-text',
  'replacement-characters',
  'content-truncated',
  'hidden-text',
  'low-ocr-confidence',
  'scanned-pages-skipped',
]);
export type QualityWarningCode = z.infer<typeof qualityWarningCodeSchema>;

export const qualityWarningSchema = z.object({
  code: qualityWarningCodeSchema,
  message: z.string(),
});
export type QualityWarning = z.infer<typeof qualityWarningSchema>;

export const qualitySchema = z.object({
  status: z.enum(['ok', 'low']),
  warnings: z.array(qualityWarningSchema),
});
export type Quality = z.infer<typeof qualitySchema>;

/** Canonical section kinds, shared by CVs and job ads, so later stages can weigh evidence. */
export const sectionKindSchema = z.enum([
  'summary',
  'experience',
  'education',
  'skills',
  'projects',
  'publications',
  'certifications',
  'awards',
  'languages',
  'interests',
  'volunteering',
  'references',
  'contact',
  'about-company',
  'about-role',
  'responsibilities',
  'requirements',
  'preferred',
  'benefits',
  'application',
  /** A job ad's list of what the post does not need ("Not for this role"). */
  'excluded',
  /** What a CV's writer is learning or aiming at ("Currently learning", "Skills in progress"), or what a job ad will teach ("What you'll learn"): not yet held. */
  'learning',
  /** A job page's list of other postings ("Similar jobs", "You may also like"): page furniture, not the post. */
  'other-jobs',
  /** A job board's fields about the post, each on a line of its own ("Seniority level", "Employment type", "Industries"): page furniture, not the post's asks. */
  'job-details',
  /** A line shaped like a heading whose words name no known section: it ends the section before it, and discards nothing. */
  'unknown',
]);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const sectionSchema = z.object({
  /** The heading as written in the document (trimmed, without a trailing colon). */
  title: z.string(),
  kind: sectionKindSchema,
  /** Offset of the heading's first character in `text`. */
  start: z.number().int().nonnegative(),
  /** Offset one past the section's last character (the next heading's start, or the text's end). */
  end: z.number().int().nonnegative(),
});
export type Section = z.infer<typeof sectionSchema>;

export const extractionSchema = z.object({
  format: documentFormatSchema,
  filename: z.string().nullable(),
  /** Pages read (PDF), pages stated by the document (DOCX, when it says), or null for formats without pages. */
  pages: z.number().int().nonnegative().nullable(),
  chars: z.number().int().nonnegative(),
  text: z.string(),
  sections: z.array(sectionSchema),
  quality: qualitySchema,
  /** Present when the text was read from page images by OCR: the pages so read and their mean word confidence (0–100). */
  ocr: z.object({ pages: z.number().int().positive(), meanConfidence: z.number().min(0).max(100) }).optional(),
  /**
   * With OCR: where each word OCR read sits in `text`, with its confidence; analysis gives each piece
   * of evidence the confidence of its words. Internal: never part of a response.
   */
  ocrWords: z.array(z.object({ start: z.number().int(), end: z.number().int(), confidence: z.number() })).optional(),
});
export type Extraction = z.infer<typeof extractionSchema>;
