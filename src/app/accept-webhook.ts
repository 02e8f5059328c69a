import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SkillmatchError } from '../core/0-base/errors';
import { firstIssue } from '../core/0-base/zod-issue';
import type { JobStore } from './ports/job-store';
import { applicationCreatedSchema, HANDLED_EVENT_TYPES, type ApplicationCreated } from './webhooks/events';
import { checkStandardHeaders, verifyGreenhouse, verifyStandardWebhook, type VerifyResult } from './webhooks/signature';

/** The webhook sources and their secrets; a source without a secret is not enabled. */
export interface WebhookSecrets {
  standard?: string | undefined;
  greenhouse?: string | undefined;
}

/** The secret of an enabled webhook source, or undefined when the source is unknown or not enabled. */
export function webhookSecret(secrets: WebhookSecrets, source: string): string | undefined {
  return source === 'standard' ? secrets.standard : source === 'greenhouse' ? secrets.greenhouse : undefined;
}

/** A webhook request as it arrived: the raw body, before anything parsed it, and its headers by lower-case name. */
export interface WebhookDelivery {
  source: string;
  header(name: string): string | undefined;
  body: Buffer;
}

export type WebhookOutcome = { status: 'ignored'; type: string } | { status: 'accepted' | 'duplicate'; jobId: string };

const id = z.union([z.string().min(1), z.number()]).transform(String);
/** Greenhouse's "new candidate application" web hook, mapped onto our event. */
const greenhouseSchema = z.object({
  action: z.string(),
  payload: z
    .object({
      application: z
        .object({
          id,
          candidate: z.object({ id, attachments: z.array(z.object({ filename: z.string().min(1), url: z.url(), type: z.string() }).loose()).default([]) }).loose(),
          jobs: z.array(z.object({ id }).loose()).default([]),
        })
        .loose(),
    })
    .loose()
    .optional(),
});

function refuse(result: Exclude<VerifyResult, { ok: true }>): never {
  if (result.reason === 'stale-timestamp') throw new SkillmatchError('stale-webhook', 'The webhook-timestamp header is missing, malformed or outside the 5-minute window.');
  throw new SkillmatchError('invalid-signature', result.reason === 'missing-headers' ? 'The signature headers are missing.' : 'The signature does not match the body.');
}

function invalid(error: z.ZodError): never {
  throw new SkillmatchError('invalid-body', firstIssue(error), {}, 'Send the event in the documented shape (see the webhook example in the OpenAPI document); the detail names the wrong field.');
}

/** No event of ours nests deeper; a deeper body is refused before JSON.parse walks it. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in a JSON text, counted up to `limit + 1` in one pass
 * over the bytes (brackets inside strings do not count). A signed body of a million "[" would
 * otherwise hold the event loop while JSON.parse builds it.
 */
export function jsonDepthExceeds(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function parseJson(body: Buffer): unknown {
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) throw new SkillmatchError('invalid-body', `The webhook body is nested deeper than ${MAX_JSON_DEPTH} levels; no event is.`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new SkillmatchError('invalid-json', 'The webhook body is not valid JSON.');
  }
}

/** A verified delivery: ignored (another event type), or the event to queue under its delivery key. */
type Verified = { ignored: true; type: string } | { ignored: false; deliveryKey: string; event: ApplicationCreated };

function verifyStandard(delivery: WebhookDelivery, secret: string, nowSeconds: number): Verified {
  const headers = { id: delivery.header('webhook-id'), timestamp: delivery.header('webhook-timestamp'), signature: delivery.header('webhook-signature') };
  const verdict = verifyStandardWebhook(secret, headers, delivery.body, nowSeconds);
  if (!verdict.ok) refuse(verdict);
  const json = parseJson(delivery.body);
  const type = typeof (json as { type?: unknown })?.type === 'string' ? (json as { type: string }).type : '';
  if (!HANDLED_EVENT_TYPES.has(type)) return { ignored: true, type };
  const parsed = applicationCreatedSchema.safeParse(json);
  if (!parsed.success) invalid(parsed.error);
  return { ignored: false, deliveryKey: `standard:${headers.id ?? ''}`, event: parsed.data };
}

function verifyGreenhouseDelivery(delivery: WebhookDelivery, secret: string): Verified {
  const verdict = verifyGreenhouse(secret, delivery.header('signature'), delivery.body);
  if (!verdict.ok) refuse(verdict);
  const parsed = greenhouseSchema.safeParse(parseJson(delivery.body));
  if (!parsed.success) invalid(parsed.error);
  const { action, payload } = parsed.data;
  const application = payload?.application;
  if (action !== 'new_candidate_application' || !application) return { ignored: true, type: action };
  const resume = application.candidate.attachments.find((a) => a.type === 'resume');
  if (!resume) throw new SkillmatchError('invalid-body', 'payload.application.candidate.attachments: no attachment of type "resume".');
  const event = applicationCreatedSchema.parse({
    type: 'application.created',
    data: { applicationId: application.id, candidateId: application.candidate.id, jobId: application.jobs[0]?.id ?? 'unknown', resume: { url: resume.url, filename: resume.filename } },
  });
  // Greenhouse sends no delivery id: the application and action identify a redelivery.
  return { ignored: false, deliveryKey: `greenhouse:${action}:${application.id}`, event };
}

/**
 * What can be refused from the request line and headers alone, before the body is read (it may be
 * megabytes): a source that is not enabled, missing signature headers, a stale timestamp.
 */
export function precheckWebhook(secrets: WebhookSecrets, source: string, header: (name: string) => string | undefined, nowSeconds: number): void {
  if (!webhookSecret(secrets, source)) throw new SkillmatchError('not-found', `No webhook source "${source.slice(0, 64)}" is enabled.`);
  if (source === 'standard') {
    const checked = checkStandardHeaders({ id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') }, nowSeconds);
    if (!checked.ok) refuse(checked);
  } else if (!header('signature')) {
    refuse({ ok: false, reason: 'missing-headers' });
  }
}

/**
 * Accepts one webhook delivery: the signature is checked on the raw body before anything parses it;
 * a verified event and its job are stored in one transaction; a redelivery queues nothing. Throws
 * SkillmatchError (not-found for a source that is not enabled, service-unavailable when the event
 * cannot be stored, so the sender retries).
 */
export async function acceptWebhook(store: JobStore, secrets: WebhookSecrets, delivery: WebhookDelivery, nowSeconds: number): Promise<WebhookOutcome> {
  const secret = webhookSecret(secrets, delivery.source);
  if (!secret) throw new SkillmatchError('not-found', `No webhook source "${delivery.source.slice(0, 64)}" is enabled.`);
  const verified = delivery.source === 'standard' ? verifyStandard(delivery, secret, nowSeconds) : verifyGreenhouseDelivery(delivery, secret);
  if (verified.ignored) return { status: 'ignored', type: verified.type };
  let outcome: { duplicate: boolean; jobId: string };
  try {
    outcome = await store.accept({ deliveryKey: verified.deliveryKey, source: delivery.source, type: verified.event.type, payload: JSON.stringify(verified.event), receivedAt: Date.now() }, randomUUID());
  } catch {
    throw new SkillmatchError('service-unavailable', 'The event could not be stored; retry later.', { retryAfterSeconds: 30 });
  }
  return { status: outcome.duplicate ? 'duplicate' : 'accepted', jobId: outcome.jobId };
}
