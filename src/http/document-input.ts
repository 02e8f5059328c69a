import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { SkillmatchError } from '../core/0-base/errors';
import { firstIssue } from '../core/0-base/zod-issue';
import { sendProblem, toSkillmatchError, withFix } from './problem';
import { textDocumentSchema } from './schemas';
import type { UploadBudget } from './upload-budget';

export interface DocumentInput {
  bytes: Uint8Array;
  filename: string | null;
  mimeType: string | null;
  /** Accepted text fields (multipart) or extra keys (JSON), by name. */
  fields: Record<string, string>;
}

export interface InputLimits {
  maxFileBytes: number;
  maxJsonBytes: number;
  /** Shared by every upload route of the app: bounds the bytes of uploads held in memory at once. */
  uploadBudget?: UploadBudget;
}

/** Runs an express middleware (multer, a body parser) inside an async handler. */
export function runMiddleware(handler: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void handler(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
}

const MAX_FILENAME = 255;

function cleanFilename(name: string | undefined | null): string | null {
  if (!name) return null;
  // Browsers send the bare name; some clients send a path. Keep the last segment only.
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = base.replace(/[\u0000-\u001F\u007F]/g, '').slice(0, MAX_FILENAME);
  return printable.length > 0 ? printable : null;
}

/**
 * Waits for room in the upload budget before anything reads the body (no listener is on it yet,
 * so the client is held back by TCP meanwhile): its declared size, or `maxBytes` when it declares
 * none. Without a budget, returns at once.
 */
export async function awaitUploadRoom(req: Request, res: Response, limits: InputLimits, maxBytes: number): Promise<void> {
  const declared = Number(req.headers['content-length']);
  // A body that declares more than the route takes is refused at once (capRequestBytes), unqueued.
  if (declared > maxBytes) return;
  await limits.uploadBudget?.reserve(res, Number.isFinite(declared) && declared > 0 ? declared : maxBytes);
}

/**
 * Refuses a body larger than `limit`: at once when Content-Length says so, else as soon as the
 * bytes arriving pass it. The 413 is sent right away; the rest of the body is thrown away as it
 * arrives, within the bounds of sendProblem, so a client still sending reads the 413, and none of
 * an oversized upload is kept.
 */
export function capRequestBytes(req: Request, res: Response, limit: number, error: () => SkillmatchError): void {
  const refuse = (): void => {
    if (res.headersSent) return;
    sendProblem(res, error());
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw error();
  let seen = 0;
  const count = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen > limit) {
      req.off('data', count);
      refuse();
    }
  };
  req.on('data', count);
}

/**
 * Reads a multipart body with the endpoint's multer instance (files in memory only). Its problems,
 * and a text field the endpoint does not take, get the endpoint's own fix. Returns the text fields.
 */
export async function readMultipart(req: Request, res: Response, upload: RequestHandler, options: { limits: InputLimits; textFields: readonly string[]; fix: string }): Promise<Record<string, unknown>> {
  await runMiddleware(upload, req, res).catch((error: unknown) => {
    throw withFix(toSkillmatchError(error, options.limits), options.fix);
  });
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!options.textFields.includes(key)) throw new SkillmatchError('unexpected-field', `The field "${key.slice(0, 64)}" is not accepted here.`, {}, options.fix);
  }
  return body;
}

/** Reads a JSON body and checks it against the endpoint's schema; the detail names the first wrong field. */
export async function readJson<T>(req: Request, res: Response, parser: RequestHandler, schema: z.ZodType<T>, fix: string): Promise<T> {
  await runMiddleware(parser, req, res);
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw new SkillmatchError('invalid-body', firstIssue(parsed.error), {}, fix);
  return parsed.data;
}

/** A body that is neither multipart nor JSON: missing altogether, or of a type the endpoint does not take. */
export function refuseBody(req: Request, expected: string): never {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!req.headers['content-type'] && !(length > 0) && !req.headers['transfer-encoding']) {
    throw new SkillmatchError('missing-file', `The request has no body. Send ${expected}.`);
  }
  throw new SkillmatchError('unsupported-media-type', `Send ${expected}.`);
}

/** Room for the multipart framing and the small text fields around the file. */
const MULTIPART_ALLOWANCE = 256 * 1024;

/**
 * Reads one document from either multipart/form-data (field `file`) or JSON (`{ text, filename? }`).
 * Multer keeps the file in memory only, with explicit limits; nothing touches the disk.
 */
export function documentReader(limits: InputLimits, textFields: readonly string[] = []) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: limits.maxFileBytes,
      files: 1,
      fields: textFields.length + 2,
      fieldSize: 64 * 1024,
      parts: textFields.length + 3,
      headerPairs: 50,
    },
  }).single('file');
  const json = express.json({ limit: limits.maxJsonBytes, strict: true, type: 'application/json' });
  const jsonSchema = textDocumentSchema.extend(Object.fromEntries(textFields.map((f) => [f, z.string().max(1024).optional()]))).strict();

  const fieldsFix = `Send the document in the multipart field "file"${textFields.length ? ` (text fields: ${textFields.map((f) => `"${f}"`).join(', ')})` : ''}, or JSON {"text": "..."}.`;

  return async function readDocument(req: Request, res: Response): Promise<DocumentInput> {
    if (req.is('multipart/form-data')) {
      await awaitUploadRoom(req, res, limits, limits.maxFileBytes + MULTIPART_ALLOWANCE);
      // A body far larger than a file may be is refused before (or as soon as) it is read.
      capRequestBytes(req, res, limits.maxFileBytes + MULTIPART_ALLOWANCE, () => new SkillmatchError('file-too-large', `The file is larger than the upload limit of ${limits.maxFileBytes} bytes.`, { limitBytes: limits.maxFileBytes }));
      const body = await readMultipart(req, res, upload, { limits, textFields, fix: fieldsFix });
      const fields = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
      if (!req.file) throw new SkillmatchError('missing-file', 'The multipart body has no file in the "file" field.', {}, fieldsFix);
      return { bytes: req.file.buffer, filename: cleanFilename(req.file.originalname), mimeType: req.file.mimetype || null, fields };
    }
    if (req.is('application/json')) {
      const data = await readJson(req, res, json, jsonSchema, fieldsFix);
      const { text, filename, ...rest } = data as { text: string; filename?: string } & Record<string, string | undefined>;
      const fields = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return { bytes: Buffer.from(text, 'utf8'), filename: cleanFilename(filename), mimeType: null, fields };
    }
    refuseBody(req, 'multipart/form-data with the document in the field "file", or application/json {"text": "..."}');
  };
}
