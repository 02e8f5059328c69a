import { randomUUID } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { runMiddleware } from '../document-input';
import { z } from 'zod';
import { SkillmatchError } from '../../core/errors';
import { auditCsvHeader, auditCsvLine, auditRow, type AuditRow } from '../../core/jobs/audit-export';
import type { JobStore } from '../../core/jobs/store';
import { applicationCreatedSchema, HANDLED_EVENT_TYPES, type ApplicationCreated } from '../../core/webhooks/events';
import { verifyGreenhouse, verifyStandardWebhook, type VerifyResult } from '../../core/webhooks/signature';
import { sendProblem } from '../problem';

export interface WebhookSettings {
  secrets: { standard?: string | undefined; greenhouse?: string | undefined };
  maxBytes: number;
  now?: () => number;
}

const id = z.union([z.string().min(1), z.number()]).transform(String);
/** Greenhouse's "new candidate application" web hook, mapped onto our event. */
const greenhouseSchema = z.object({
  action: z.string(),
  payload: z
    .object({
      application: z.object({
        id,
        candidate: z.object({ id, attachments: z.array(z.object({ filename: z.string().min(1), url: z.url(), type: z.string() }).loose()).default([]) }).loose(),
        jobs: z.array(z.object({ id }).loose()).default([]),
      }).loose(),
    })
    .loose()
    .optional(),
});


function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(result: Exclude<VerifyResult, { ok: true }>): never {
  if (result.reason === 'stale-timestamp') throw new SkillmatchError('stale-webhook', 'The webhook-timestamp header is missing, malformed or outside the 5-minute window.');
  throw new SkillmatchError('invalid-signature', result.reason === 'missing-headers' ? 'The signature headers are missing.' : 'The signature does not match the body.');
}

function invalid(error: z.ZodError): never {
  const issue = error.issues[0];
  throw new SkillmatchError('invalid-body', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
}

interface Parsed {
  ignored: boolean;
  deliveryKey: string;
  type: string;
  event?: ApplicationCreated;
}

function parseStandard(req: Request, body: Buffer, secret: string, now: number): Parsed {
  const verdict = verifyStandardWebhook(secret, { id: header(req, 'webhook-id'), timestamp: header(req, 'webhook-timestamp'), signature: header(req, 'webhook-signature') }, body, now);
  if (!verdict.ok) refuse(verdict);
  const json = parseJson(body);
  const type = typeof (json as { type?: unknown })?.type === 'string' ? (json as { type: string }).type : '';
  const deliveryKey = `standard:${header(req, 'webhook-id') ?? ''}`;
  if (!HANDLED_EVENT_TYPES.has(type)) return { ignored: true, deliveryKey, type };
  const parsed = applicationCreatedSchema.safeParse(json);
  if (!parsed.success) invalid(parsed.error);
  return { ignored: false, deliveryKey, type, event: parsed.data };
}

function parseGreenhouse(req: Request, body: Buffer, secret: string): Parsed {
  const verdict = verifyGreenhouse(secret, header(req, 'signature'), body);
  if (!verdict.ok) refuse(verdict);
  const parsed = greenhouseSchema.safeParse(parseJson(body));
  if (!parsed.success) invalid(parsed.error);
  const { action, payload } = parsed.data;
  const application = payload?.application;
  if (action !== 'new_candidate_application' || !application) return { ignored: true, deliveryKey: `greenhouse:${action}`, type: action };
  const resume = application.candidate.attachments.find((a) => a.type === 'resume');
  if (!resume) throw new SkillmatchError('invalid-body', 'payload.application.candidate.attachments: no attachment of type "resume".');
  // Greenhouse sends no delivery id: the application and action identify a redelivery.
  const deliveryKey = `greenhouse:${action}:${application.id}`;
  const event = applicationCreatedSchema.parse({
    type: 'application.created',
    data: { applicationId: application.id, candidateId: application.candidate.id, jobId: application.jobs[0]?.id ?? 'unknown', resume: { url: resume.url, filename: resume.filename } },
  });
  return { ignored: false, deliveryKey, type: 'application.created', event };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new SkillmatchError('invalid-json', 'The webhook body is not valid JSON.');
  }
}

/**
 * POST /v1/webhooks/:source: the raw body is verified before any parsing; a verified event and its
 * job are stored in one transaction and acknowledged with 202; a redelivery gets 200 and queues nothing.
 */
export function webhookRouter(store: JobStore, settings: WebhookSettings): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: settings.maxBytes });
  const now = settings.now ?? (() => Math.floor(Date.now() / 1000));
  router.post('/v1/webhooks/:source', async (req, res) => {
    const source = String(req.params.source);
    const secret = source === 'standard' ? settings.secrets.standard : source === 'greenhouse' ? settings.secrets.greenhouse : undefined;
    if (!secret) throw new SkillmatchError('not-found', `No webhook source "${source.slice(0, 64)}" is enabled.`);
    await runMiddleware(raw, req, res);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const parsed = source === 'standard' ? parseStandard(req, body, secret, now()) : parseGreenhouse(req, body, secret);
    if (parsed.ignored || !parsed.event) {
      res.status(200).json({ status: 'ignored', type: parsed.type });
      return;
    }
    let outcome: { duplicate: boolean; jobId: string };
    try {
      outcome = store.accept({ deliveryKey: parsed.deliveryKey, source, type: parsed.type, payload: JSON.stringify(parsed.event), receivedAt: Date.now() }, randomUUID());
    } catch {
      // The event could not be stored (disk full, database locked): the sender must retry.
      res.setHeader('Retry-After', '30');
      sendProblem(res, new SkillmatchError('service-unavailable', 'The event could not be stored; retry later.'));
      return;
    }
    res.status(outcome.duplicate ? 200 : 202).json({ status: outcome.duplicate ? 'duplicate' : 'accepted', jobId: outcome.jobId });
  });
  return router;
}

const deliveryStatus = z.enum(['pending', 'delivered', 'failed']).optional();

/** GET /v1/deliveries?status=failed and POST /v1/deliveries/:id/retry: the dead-letter queue, by hand. */
export function deliveriesRouter(store: JobStore): Router {
  const router = Router();
  router.get('/v1/deliveries', (req, res) => {
    const status = deliveryStatus.safeParse(req.query.status);
    if (!status.success) throw new SkillmatchError('invalid-parameter', 'status must be pending, delivered or failed.');
    const list = store.listDeliveries(status.data, 500).map((d) => ({
      id: d.id, analysisId: d.jobId, type: d.eventType, status: d.status, attempts: d.attempts,
      nextAttemptAt: new Date(d.nextAttemptAt).toISOString(), lastError: d.lastError, createdAt: new Date(d.createdAt).toISOString(),
    }));
    res.json({ callbacksEnabled: store.callbackEnabled(), deliveries: list });
  });
  router.post('/v1/deliveries/:id/retry', (req, res) => {
    // A manual retry is an operator's decision: it also re-enables callbacks after a 410.
    store.setCallbackEnabled(true);
    if (!store.retryDelivery(String(req.params.id), Date.now())) throw new SkillmatchError('not-found', 'There is no failed delivery with this id.');
    res.status(202).json({ status: 'pending' });
  });
  return router;
}

const EXPORT_PAGE = 10_000;

/** GET /v1/analyses/:id: the state and, when done, the result of a webhook job; DELETE erases it. */
export function analysesRouter(store: JobStore): Router {
  const router = Router();
  const exportQuery = z.object({
    format: z.enum(['csv', 'json']).default('json'),
    after: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(EXPORT_PAGE).default(EXPORT_PAGE),
  });
  // The audit export: every finished analysis, no CV text; pages of EXPORT_PAGE (Link rel=next).
  router.get('/v1/analyses', (req, res) => {
    const query = exportQuery.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      throw new SkillmatchError('invalid-parameter', `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'} (format: csv or json; limit: 1 to ${EXPORT_PAGE}).`);
    }
    const { format, after, limit } = query.data;
    const jobs = store.listDone({ ...(after ? { after } : {}), limit });
    const rows = jobs.map(auditRow).filter((r): r is AuditRow => r !== null);
    const last = jobs[jobs.length - 1];
    if (jobs.length === limit && last) res.setHeader('Link', `</v1/analyses?format=${format}&limit=${limit}&after=${encodeURIComponent(last.id)}>; rel="next"`);
    if (format === 'json') {
      res.json({ analyses: rows, ...(jobs.length === limit && last ? { next: last.id } : {}) });
      return;
    }
    res.type('text/csv').setHeader('Content-Disposition', 'attachment; filename="analyses.csv"');
    res.send(auditCsvHeader() + rows.map(auditCsvLine).join(''));
  });
  router.get('/v1/analyses/:id', (req, res) => {
    const job = store.get(String(req.params.id));
    if (!job) throw new SkillmatchError('not-found', 'There is no analysis with this id.');
    res.json({
      id: job.id,
      status: job.status,
      attempts: job.attempts,
      ...(job.error ? { error: job.error } : {}),
      result: job.result ? (JSON.parse(job.result) as unknown) : null,
      createdAt: new Date(job.createdAt).toISOString(),
      updatedAt: new Date(job.updatedAt).toISOString(),
    });
  });
  // Erasure: the document and result go, a tombstone stays so a late redelivery brings nothing back.
  router.delete('/v1/analyses/:id', (req, res) => {
    const id = String(req.params.id);
    const job = store.get(id);
    if (!job) throw new SkillmatchError('not-found', 'There is no analysis with this id.');
    store.erase(id, Date.now());
    res.status(204).end();
  });
  return router;
}
