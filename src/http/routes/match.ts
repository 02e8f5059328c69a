import express, { Router, type Request, type Response } from 'express';
import { awaitUploadRoom, capRequestBytes, readJson, readMultipart, refuseBody } from '../document-input';
import multer from 'multer';
import { SkillmatchError } from '../../core/0-base/errors';
import { matchToCsv } from '../../core/5-match/match';
import { matchUploads, type DocumentUpload } from '../../app/match-batch';
import { parseInclude, parseRedact } from './analyze';
import type { Analyzer } from '../../app/ports';
import type { JobStore } from '../../app/ports/job-store';
import { fingerprint, idempotent } from '../idempotency';
import { matchJsonSchemaFor } from '../schemas';

export interface MatchLimits {
  maxFileBytes: number;
  maxJsonBytes: number;
  /** Largest whole request (all files together). */
  maxBatchBytes: number;
  maxCvs: number;
}



/** The fix for a request that does not have this endpoint's shape: its own fields, not /v1/analyze's. */
const MATCH_FIELDS_FIX = 'Send multipart/form-data with the job ad in "job" (or its text in "jobText") and each CV in "cv" (or its text in "cvText"), repeated for more CVs.';
const MATCH_JSON_FIX = 'Send JSON {"job": {"text": "..."}, "cvs": [{"text": "...", "filename": "..."}]}; the detail names the wrong field.';


/** POST /v1/match: one job ad against 1 to 50 CVs, ranked, with the evidence chain of every requirement. */
export function matchRouter(analyzer: Analyzer, limits: MatchLimits, store?: JobStore): Router {
  const router = Router({ caseSensitive: true });
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limits.maxFileBytes, files: limits.maxCvs + 1, fields: limits.maxCvs + 2, fieldSize: 1024 * 1024, parts: limits.maxCvs * 2 + 4 },
  }).fields([
    { name: 'job', maxCount: 1 },
    { name: 'cv', maxCount: limits.maxCvs },
  ]);
  const json = express.json({ limit: limits.maxJsonBytes, strict: true, type: 'application/json' });
  const jsonSchema = matchJsonSchemaFor(limits.maxCvs);

  async function readInput(req: Request, res: Response): Promise<{ job: DocumentUpload; cvs: DocumentUpload[] }> {
    if (req.is('multipart/form-data')) {
      await awaitUploadRoom(req, res, limits, limits.maxBatchBytes);
      capRequestBytes(req, res, limits.maxBatchBytes, () => new SkillmatchError('body-too-large', `The request is larger than ${limits.maxBatchBytes} bytes.`, { limitBytes: limits.maxBatchBytes }));
      const body = await readMultipart(req, res, upload, { limits, textFields: ['jobText', 'cvText'], fix: MATCH_FIELDS_FIX });
      const files = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
      const asUpload = (f: Express.Multer.File): DocumentUpload => ({ bytes: f.buffer, filename: f.originalname || 'upload', mimeType: f.mimetype || null });
      const jobFile = files.job?.[0];
      const jobText = typeof body.jobText === 'string' ? body.jobText : undefined;
      if (jobFile && jobText) throw new SkillmatchError('bad-request', 'Send the job ad once: either the file "job" or the field "jobText".');
      const job = jobFile ? asUpload(jobFile) : jobText ? { bytes: Buffer.from(jobText), filename: 'job.txt', mimeType: null } : undefined;
      if (!job) throw new SkillmatchError('missing-file', 'The request has no job ad.', {}, MATCH_FIELDS_FIX);
      const cvTexts = ([] as unknown[]).concat(body.cvText ?? []).filter((t): t is string => typeof t === 'string');
      const cvs = [...(files.cv ?? []).map(asUpload), ...cvTexts.map((t, i) => ({ bytes: Buffer.from(t), filename: `cv-text-${i + 1}.txt`, mimeType: null }))];
      if (cvs.length === 0) throw new SkillmatchError('missing-file', 'The request has no CV.', {}, MATCH_FIELDS_FIX);
      if (cvs.length > limits.maxCvs) throw new SkillmatchError('too-many-files', `The request has ${cvs.length} CVs; at most ${limits.maxCvs} are taken in one request.`, {}, `Split the CVs into batches of ${limits.maxCvs} or fewer.`);
      return { job, cvs };
    }
    if (req.is('application/json')) {
      const parsed = await readJson(req, res, json, jsonSchema, MATCH_JSON_FIX);
      return {
        job: { bytes: Buffer.from(parsed.job.text), filename: parsed.job.filename ?? 'job.txt', mimeType: null },
        cvs: parsed.cvs.map((c, i) => ({ bytes: Buffer.from(c.text), filename: c.filename ?? `cv-${i + 1}.txt`, mimeType: null })),
      };
    }
    refuseBody(req, 'multipart/form-data (job or jobText, and cv or cvText) or application/json {"job": {"text": "..."}, "cvs": [...]}');
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
      if (wantsCsv) return { status: 200, contentType: 'text/csv', body: matchToCsv(match), headers: { 'Content-Disposition': 'attachment; filename="ranking.csv"' } };
      return { status: 200, contentType: 'application/json', body: JSON.stringify(match) };
    });
  });
  return router;
}
