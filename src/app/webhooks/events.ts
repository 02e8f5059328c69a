import { z } from 'zod';

/** A résumé arrives inline (base64) or as an expiring URL. */
export const resumeSchema = z.union([
  z.object({ base64: z.string().min(1).max(20 * 1024 * 1024), filename: z.string().min(1).max(255) }).strict(),
  z.object({ url: z.url({ protocol: /^https?$/ }), filename: z.string().min(1).max(255) }).strict(),
]);

export const applicationCreatedSchema = z
  .object({
    type: z.literal('application.created'),
    data: z
      .object({
        applicationId: z.string().min(1).max(200),
        candidateId: z.string().min(1).max(200),
        jobId: z.string().min(1).max(200),
        job: z.union([z.object({ text: z.string().min(1).max(1024 * 1024) }).strict(), z.object({ url: z.url({ protocol: /^https?$/ }) }).strict()]).optional(),
        resume: resumeSchema,
      })
      .strict(),
  })
  .strict();
export type ApplicationCreated = z.infer<typeof applicationCreatedSchema>;

/** The event types we act on; any other type (pings, updates) is acknowledged and ignored. */
export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set(['application.created']);
