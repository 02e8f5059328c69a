import express, { Router } from 'express';
import { z } from 'zod';
import { acceptWebhook, precheckWebhook, type WebhookSecrets } from '../../app/accept-webhook';
import { auditCsvHeader, auditCsvLine, exportAudit } from '../../app/export-audit';
import type { JobStore } from '../../app/ports/job-store';
import { SkillmatchError } from '../../core/0-base/errors';
import { firstIssue } from '../../core/0-base/zod-issue';
import { runMiddleware } from '../document-input';

export interface WebhookSettings {
  secrets: WebhookSecrets;
  maxBytes: number;
  /** The clock for the replay window, in seconds (tests set it). */
  now?: () => number;
}

/**
 * POST /v1/webhooks/:source: the raw body goes to the use case unparsed, which verifies it before
 * anything else; 202 for a new event, 200 for a redelivery or an event type we do not act on.
 */
export function webhookRouter(store: JobStore, settings: WebhookSettings): Router {
  const router = Router({ caseSensitive: true });
  const raw = express.raw({ type: () => true, limit: settings.maxBytes });
  const now = settings.now ?? (() => Math.floor(Date.now() / 1000));
  router.post('/v1/webhooks/:source', async (req, res) => {
    const source = String(req.params.source);
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    // A source that is not enabled, an unsigned request or a stale one is refused before its
    // body is read (the rest of the body is thrown away as it arrives: see sendProblem).
    precheckWebhook(settings.secrets, source, header, now());
    await runMiddleware(raw, req, res);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const outcome = await acceptWebhook(store, settings.secrets, { source, header, body }, now());
    res.status(outcome.status === 'accepted' ? 202 : 200).json(outcome);
  });
  return router;
}

const deliveryStatus = z.enum(['pending', 'delivered', 'failed']).optional();

/** GET /v1/deliveries?status=failed and POST /v1/deliveries/:id/retry: the dead-letter queue, by hand. */
export function deliveriesRouter(store: JobStore): Router {
  const router = Router({ caseSensitive: true });
  router.get('/v1/deliveries', async (req, res) => {
    const status = deliveryStatus.safeParse(req.query.status);
    if (!status.success) throw new SkillmatchError('invalid-parameter', 'status must be pending, delivered or failed.');
    const list = (await store.listDeliveries(status.data, 500)).map((d) => ({
      id: d.id, analysisId: d.jobId, type: d.eventType, status: d.status, attempts: d.attempts,
      nextAttemptAt: new Date(d.nextAttemptAt).toISOString(), lastError: d.lastError, createdAt: new Date(d.createdAt).toISOString(),
    }));
    res.json({ callbacksEnabled: await store.callbackEnabled(), deliveries: list });
  });
  router.post('/v1/deliveries/:id/retry', async (req, res) => {
    if (!(await store.retryDelivery(String(req.params.id), Date.now()))) throw new SkillmatchError('not-found', 'There is no failed delivery with this id.');
    // A manual retry of a real delivery is an operator's decision: it also re-enables callbacks
    // after a 410. A retry of nothing (a mistyped id) changes nothing.
    await store.setCallbackEnabled(true);
    res.status(202).json({ status: 'pending' });
  });
  return router;
}

const EXPORT_PAGE = 10_000;

/** GET /v1/analyses/:id: the state and, when done, the result of a webhook job; DELETE erases it. */
export function analysesRouter(store: JobStore): Router {
  const router = Router({ caseSensitive: true });
  const exportQuery = z.object({
    format: z.enum(['csv', 'json']).default('json'),
    after: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(EXPORT_PAGE).default(EXPORT_PAGE),
  });
  // The audit export: every finished analysis, no CV text; pages of EXPORT_PAGE (Link rel=next).
  router.get('/v1/analyses', async (req, res) => {
    const query = exportQuery.safeParse(req.query);
    if (!query.success) throw new SkillmatchError('invalid-parameter', `${firstIssue(query.error, 'query')} (format: csv or json; limit: 1 to ${EXPORT_PAGE}).`);
    const { format, after, limit } = query.data;
    const page = await exportAudit(store, { after, limit });
    if (page.next) res.setHeader('Link', `</v1/analyses?format=${format}&limit=${limit}&after=${encodeURIComponent(page.next)}>; rel="next"`);
    if (format === 'json') {
      res.json({ analyses: page.rows, ...(page.next ? { next: page.next } : {}) });
      return;
    }
    res.type('text/csv').setHeader('Content-Disposition', 'attachment; filename="analyses.csv"');
    res.send(auditCsvHeader() + page.rows.map(auditCsvLine).join(''));
  });
  router.get('/v1/analyses/:id', async (req, res) => {
    const job = await store.get(String(req.params.id));
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
  router.delete('/v1/analyses/:id', async (req, res) => {
    const id = String(req.params.id);
    const job = await store.get(id);
    if (!job) throw new SkillmatchError('not-found', 'There is no analysis with this id.');
    await store.erase(id, Date.now());
    res.status(204).end();
  });
  return router;
}
