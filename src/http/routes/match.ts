import express, { Router, type Request, type Response } from 'express';
import { capRequestBytes, runMiddleware } from '../document-input';
import multer from 'multer';
import { z } from 'zod';
import { SkillmatchError } from '../../core/errors';
import { matchToCsv } from '../../core/match/match';
import { matchUploads, type DocumentUpload } from '../../report';
import { parseInclude, parseRedact } from './analyze';
import type { Analyzer } from '../../services';
import type { JobStore } from '../../core/jobs/store';
import { fingerprint, idempotent } from '../idempotency';

export interface MatchLimits {
  maxFileBytes: number;
  maxJsonBytes: number;
  /** Largest whole request (all files together). */
  maxBatchBytes: number;
  maxCvs: number;
}



const textItem = z.object({ text: z.string().min(1, 'text must not be empty'), filename: z.string().max(255).optional() }).strict();

/** POST /v1/match: one job ad against 1 to 50 CVs, ranked, with the evidence chain of every requirement. */
export function matchRouter(analyzer: Analyzer, limits: MatchLimits, store?: JobStore): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limits.maxFileBytes, files: limits.maxCvs + 1, fields: limits.maxCvs + 2, fieldSize: 1024 * 1024, parts: limits.maxCvs * 2 + 4 },
  }).fields([
    { name: 'job', maxCount: 1 },
    { name: 'cv', maxCount: limits.maxCvs },
  ]);
  const json = express.json({ limit: limits.maxJsonBytes, strict: true, type: 'application/json' });
  const jsonSchema = z.object({ job: textItem, cvs: z.array(textItem).min(1, 'send at least one CV').max(limits.maxCvs, `send at most ${limits.maxCvs} CVs`) }).strict();

  async function readInput(req: Request, res: Response): Promise<{ job: DocumentUpload; cvs: DocumentUpload[] }> {
    if (req.is('multipart/form-data')) {
      capRequestBytes(req, res, limits.maxBatchBytes, () => new SkillmatchError('body-too-large', `The request is larger than ${limits.maxBatchBytes} bytes.`, { limitBytes: limits.maxBatchBytes }));
      await runMiddleware(upload, req, res);
      const files = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
      const body = (req.body ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(body)) {
        if (key !== 'jobText' && key !== 'cvText') throw new SkillmatchError('unexpected-field', `The field "${key.slice(0, 64)}" is not accepted here; use job, jobText, cv and cvText.`);
      }
      const asUpload = (f: Express.Multer.File): DocumentUpload => ({ bytes: f.buffer, filename: f.originalname || 'upload', mimeType: f.mimetype || null });
      const jobFile = files.job?.[0];
      const jobText = typeof body.jobText === 'string' ? body.jobText : undefined;
      if (jobFile && jobText) throw new SkillmatchError('bad-request', 'Send the job ad once: either the file "job" or the field "jobText".');
      const job = jobFile ? asUpload(jobFile) : jobText ? { bytes: Buffer.from(jobText), filename: 'job.txt', mimeType: null } : undefined;
      if (!job) throw new SkillmatchError('missing-file', 'Send the job ad in the file field "job" or the text field "jobText".');
      const cvTexts = ([] as unknown[]).concat(body.cvText ?? []).filter((t): t is string => typeof t === 'string');
      const cvs = [...(files.cv ?? []).map(asUpload), ...cvTexts.map((t, i) => ({ bytes: Buffer.from(t), filename: `cv-text-${i + 1}.txt`, mimeType: null }))];
      if (cvs.length === 0) throw new SkillmatchError('missing-file', 'Send at least one CV in the file field "cv" (repeat it for more) or the text field "cvText".');
      if (cvs.length > limits.maxCvs) throw new SkillmatchError('too-many-files', `Send at most ${limits.maxCvs} CVs in one request.`);
      return { job, cvs };
    }
    if (req.is('application/json')) {
      await runMiddleware(json, req, res);
      const parsed = jsonSchema.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SkillmatchError('invalid-body', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
      }
      return {
        job: { bytes: Buffer.from(parsed.data.job.text), filename: parsed.data.job.filename ?? 'job.txt', mimeType: null },
        cvs: parsed.data.cvs.map((c, i) => ({ bytes: Buffer.from(c.text), filename: c.filename ?? `cv-${i + 1}.txt`, mimeType: null })),
      };
    }
    throw new SkillmatchError('unsupported-media-type', 'Send multipart/form-data (job, cv...) or application/json ({"job": {...}, "cvs": [...]}).');
  }

  router.post('/v1/match', async (req, res) => {
    const wantsCsv = req.accepts(['application/json', 'text/csv']) === 'text/csv';
    const redact = parseRedact(req.query.redact);
    const include = parseInclude(req.query.include);
    if (include.has('noun-phrases')) throw new SkillmatchError('invalid-parameter', 'A match reports no unmapped terms: include takes "text" here.');
    const { job, cvs } = await readInput(req, res);
    const print = () => fingerprint(req, [job, ...cvs].map((d) => ({ name: d.filename, bytes: d.bytes })), {});
    await idempotent(req, res, store, print, async () => {
      // Without a readable job ad nothing can be ranked: its error is the request's error.
      const match = await matchUploads(analyzer, job, cvs, { redact, includeText: include.has('text') });
      if (wantsCsv) return { status: 200, contentType: 'text/csv', body: matchToCsv(match) };
      return { status: 200, contentType: 'application/json', body: JSON.stringify(match) };
    });
  });
  return router;
}
