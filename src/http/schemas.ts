/**
 * The shapes of what the HTTP API takes and answers, as zod schemas: the OpenAPI document
 * (src/http/openapi.ts) is generated from them, and tests check real answers against it.
 */
import { z } from 'zod';
import { analysisBodySchema } from '../app/analyze-document';
import { callbackResultSchema, failedResultSchema } from '../app/callback-result';
import { AUDIT_COLUMNS } from '../app/export-audit';
import { applicationCreatedSchema } from '../app/webhooks/events';
import { errorCodes } from '../core/0-base/errors';
import { extractionSchema } from '../core/1-text/schema';
import { roleSchema, termSchema } from '../core/2-lexicon/schema';
import { kindRequestSchema } from '../core/4-analyze/schema';
import { MATCH_CSV_COLUMNS } from '../core/5-match/match';
import { matchSchema } from '../core/5-match/schema';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(errorCodes as [string, ...string[]]),
    fix: z.string(),
    requestId: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean()]))
  .meta({ description: 'An RFC 9457 problem document; `code` is stable (GET /v1/errors lists them), extra fields carry limits and counts.' });

/** A document sent as text in JSON. */
export const textDocumentSchema = z
  .object({ text: z.string({ error: 'text must be a string' }).min(1, 'text must not be empty'), filename: z.string().max(255).optional() })
  .strict();
export const analyzeJsonSchema = textDocumentSchema.extend({ kind: kindRequestSchema.optional() }).strict();

/** POST /v1/match as JSON, for a service that takes at most `maxCvs` CVs a request (MAX_CVS). */
export function matchJsonSchemaFor(maxCvs: number) {
  return z.object({ job: textDocumentSchema, cvs: z.array(textDocumentSchema).min(1, 'send at least one CV').max(maxCvs, `send at most ${maxCvs} CVs`) }).strict();
}
/** As documented: with the default MAX_CVS. */
export const matchJsonSchema = matchJsonSchemaFor(50);

export const statusSchema = z.object({ status: z.string() });
export const errorEntrySchema = z.object({ code: z.string(), status: z.number().int(), title: z.string(), fix: z.string() });

export const webhookOutcomeSchema = z.union([
  z.object({ status: z.literal('ignored'), type: z.string() }),
  z.object({ status: z.enum(['accepted', 'duplicate']), jobId: z.string() }),
]);

export const auditRowSchema = z.object(Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, z.union([z.string(), z.number(), z.null()])])) as Record<(typeof AUDIT_COLUMNS)[number], z.ZodUnion<[z.ZodString, z.ZodNumber, z.ZodNull]>>);
export const auditPageSchema = z.object({ analyses: z.array(auditRowSchema), next: z.string().optional() });

export const analysisStateSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'erased']),
  attempts: z.number().int(),
  error: z.string().optional(),
  result: z.union([callbackResultSchema, failedResultSchema, z.null()]),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const deliveriesSchema = z.object({
  callbacksEnabled: z.boolean(),
  deliveries: z.array(
    z.object({
      id: z.string(),
      analysisId: z.string(),
      type: z.string(),
      status: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.number().int(),
      nextAttemptAt: z.string(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

const roleSkillSchema = roleSchema.shape.categories.element.shape.skills.element.extend({ roleWeight: z.number() });
export const roleResponseSchema = roleSchema.extend({
  lexiconVersion: z.string(),
  categories: z.array(roleSchema.shape.categories.element.extend({ skills: z.array(roleSkillSchema) })),
});

export const lexiconResponseSchema = z.object({
  version: z.string(),
  role: z.string(),
  termCount: z.number().int(),
  formCount: z.number().int(),
  terms: z.array(termSchema.extend({ file: z.string() })),
});

export { analysisBodySchema, applicationCreatedSchema, extractionSchema, matchSchema };

/** The columns of each CSV answer, first line of the file, in this order. */
export const CSV_COLUMNS = { match: MATCH_CSV_COLUMNS, audit: AUDIT_COLUMNS } as const;
