import type { ErrorRequestHandler, Request, Response } from 'express';
import { MulterError } from 'multer';
import type { Logger } from 'pino';
import { errorCatalogue, isSkillmatchError, SkillmatchError, type ErrorCode } from '../core/0-base/errors';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  fix: string;
  requestId?: string;
  [extra: string]: string | number | boolean | undefined;
}

export function problemBody(error: SkillmatchError, requestId?: string): ProblemBody {
  const entry = errorCatalogue[error.code];
  return {
    ...error.extra,
    type: `/v1/errors/${error.code}`,
    title: entry.title,
    status: entry.status,
    detail: error.detail,
    code: error.code,
    fix: error.fix,
    ...(requestId ? { requestId } : {}),
  };
}

/** The code of the problem a response carries, for the request log. */
const problemCodes = new WeakMap<object, ErrorCode>();
export function problemCodeOf(res: object): ErrorCode | undefined {
  return problemCodes.get(res);
}

export function sendProblem(res: Response, error: SkillmatchError): void {
  const requestId = typeof res.req.id === 'string' ? res.req.id : undefined;
  const body = problemBody(error, requestId);
  // Errors that say when to come back (rate limits, a store that cannot take an event) say it in the header too.
  const retryAfter = error.extra.retryAfterSeconds;
  if (typeof retryAfter === 'number' && !res.headersSent) res.setHeader('Retry-After', String(retryAfter));
  problemCodes.set(res, error.code);
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  discardUnreadBody(res.req);
}

/**
 * A refusal sent before the body was read (too large, unauthorised, rate-limited, unsigned) must
 * reach a client that is still sending: Node's fetch and browsers write the whole body before
 * they read the answer, and a connection closed under them reads as a reset, not as the 413 and
 * its message. So the rest of the body is read and thrown away (never kept), within bounds: the
 * connection is cut past DRAIN_MAX_BYTES, after DRAIN_MAX_MS, or when the client stops sending
 * for DRAIN_IDLE_MS.
 */
export const DRAIN_MAX_BYTES = 128 * 2 ** 20;
export const DRAIN_MAX_MS = 10_000;
export const DRAIN_IDLE_MS = 2_000;

function discardUnreadBody(req: Request): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  const cut = (): void => {
    stop();
    req.socket.destroy();
  };
  const deadline = setTimeout(cut, DRAIN_MAX_MS);
  let idle = setTimeout(cut, DRAIN_IDLE_MS);
  const onData = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen > DRAIN_MAX_BYTES) return cut();
    clearTimeout(idle);
    idle = setTimeout(cut, DRAIN_IDLE_MS);
  };
  const stop = (): void => {
    clearTimeout(deadline);
    clearTimeout(idle);
    req.off('data', onData);
  };
  req.on('data', onData);
  req.once('end', stop);
  req.once('close', stop);
  req.resume();
}

/** The same problem with the fix of the endpoint at hand, for the codes whose fix names fields. */
export function withFix(error: SkillmatchError, fix: string): SkillmatchError {
  const namesFields = error.code === 'unexpected-field' || error.code === 'too-many-files' || error.code === 'missing-file';
  return namesFields ? new SkillmatchError(error.code, error.detail, error.extra, fix) : error;
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Translates errors thrown by express, multer, busboy and body-parser into our codes. */
export function toSkillmatchError(error: unknown, limits: { maxFileBytes: number; maxJsonBytes: number }): SkillmatchError {
  if (isSkillmatchError(error)) return error;
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new SkillmatchError('file-too-large', `The file is larger than ${limits.maxFileBytes} bytes.`, { limitBytes: limits.maxFileBytes });
      case 'LIMIT_FILE_COUNT':
        return new SkillmatchError('too-many-files', 'Only one file may be sent.');
      case 'LIMIT_UNEXPECTED_FILE':
        return error.field === 'file' || error.field === 'job' || error.field === 'cv'
          ? new SkillmatchError('too-many-files', `Too many files in the "${String(error.field)}" field.`)
          : new SkillmatchError('unexpected-field', `The field "${String(error.field).slice(0, 64)}" is not accepted here.`);
      default:
        return new SkillmatchError('bad-request', `The multipart body breaks a limit (${error.code}).`);
    }
  }
  const bodyError = error as BodyParserError;
  switch (bodyError.type) {
    case 'entity.too.large':
      return new SkillmatchError('body-too-large', `The request body is larger than ${limits.maxJsonBytes} bytes.`, { limitBytes: limits.maxJsonBytes });
    case 'entity.parse.failed':
      return new SkillmatchError('invalid-json', 'The body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new SkillmatchError('unsupported-media-type', 'The body charset is not supported; send UTF-8.');
    case 'request.aborted':
      return new SkillmatchError('bad-request', 'The request was aborted by the client.');
    default:
      break;
  }
  // The client went away mid-upload (the socket closed: Node's "aborted", ECONNRESET): the
  // client's doing, not a fault of the service, whatever library reading the body saw it first.
  if (error instanceof Error && ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || /^(?:request )?aborted$/i.test(error.message))) {
    return new SkillmatchError('bad-request', 'The request was aborted by the client.');
  }
  if (error instanceof Error && /multipart|boundary|unexpected end of form|malformed part header|part terminated/i.test(error.message)) {
    return new SkillmatchError('malformed-multipart', 'The multipart body is malformed or ends early.');
  }
  if (typeof bodyError.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return new SkillmatchError('bad-request', 'The request could not be read.');
  }
  return new SkillmatchError('internal', 'An unexpected error occurred.');
}

export function problemHandler(logger: Logger, limits: { maxFileBytes: number; maxJsonBytes: number }): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const mapped = toSkillmatchError(error, limits);
    if (mapped.code === 'internal') {
      // Stack traces go to the log only; never to the client. Errors never carry document text.
      logger.error({ err: error, requestId: req.id }, 'unhandled error');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(res, mapped);
  };
}
